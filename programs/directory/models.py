"""The program directory: concrete programs at each level of care, and listing reports."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property
from typing import Any, Self

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import (
    ASin,
    Cast,
    Cos,
    Least,
    Lower,
    Power,
    Radians,
    Sin,
    Sqrt,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from programs.core import caching
from programs.core.i18n import TranslatedFieldsMixin
from programs.directory.directions import DirectionsLink, directions_links
from programs.directory.geo import (
    EARTH_RADIUS_MILES,
    BoundingBox,
    Point,
    as_decimal,
    bounding_box,
    zip_point,
)
from programs.levels.models import TreatmentLevel

_STATES = (
    "AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|"
    "DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|"
    "IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|"
    "MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|"
    "MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|"
    "NY New York|NC North Carolina|ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|"
    "PA Pennsylvania|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|"
    "TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|"
    "WY Wyoming|AS American Samoa|GU Guam|MP Northern Mariana Islands|PR Puerto Rico|"
    "VI U.S. Virgin Islands"
)

# django-stubs types this call as making one member, not the functional API's enum class
# with (value, label) members.
USState = models.TextChoices(  # type: ignore[call-overload]
    "USState",
    [(code, (code, name)) for code, name in (item.split(" ", 1) for item in _STATES.split("|"))],
)
USState.__doc__ = "US states, DC and territories, by postal code."


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    TELEHEALTH = "telehealth", _("Telehealth (video)")
    HYBRID = "hybrid", _("Hybrid (in person and video)")


class Schedule(models.TextChoices):
    DAYTIME = "daytime", _("Daytime")
    EVENING = "evening", _("Evening")
    WEEKEND = "weekend", _("Weekend")


class Payment(models.TextChoices):
    MEDICAID = "medicaid", _("Medicaid")
    MEDICARE = "medicare", _("Medicare")
    PRIVATE = "private", _("Private insurance")
    MILITARY = "military", _("Military insurance (TRICARE)")
    SELF_PAY = "self_pay", _("Self-pay")
    SLIDING_FEE = "sliding_fee", _("Sliding fee (based on income)")
    FREE = "free", _("Free or no-cost care")


class Population(models.TextChoices):
    """Groups a program serves; "women" and "men" mean programs only or specially for them."""

    ADULTS = "adults", _("Adults")
    ADOLESCENTS = "adolescents", _("Teens (adolescents)")
    YOUNG_ADULTS = "young_adults", _("Young adults")
    SENIORS = "seniors", _("Older adults")
    WOMEN = "women", _("Women")
    MEN = "men", _("Men")
    LGBTQ = "lgbtq", _("LGBTQ+ people")
    VETERANS = "veterans", _("Veterans")
    PREGNANT_POSTPARTUM = "pregnant_postpartum", _("Pregnant or postpartum")


class Medication(models.TextChoices):
    METHADONE = "methadone", _("Methadone")
    BUPRENORPHINE = "buprenorphine", _("Buprenorphine")
    NALTREXONE = "naltrexone", _("Naltrexone")


class Language(models.TextChoices):
    """ISO 639-1 codes; Hmong and American Sign Language have none, so they use ISO 639-2/3."""

    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    CHINESE = "zh", _("Chinese")
    VIETNAMESE = "vi", _("Vietnamese")
    TAGALOG = "tl", _("Tagalog")
    KOREAN = "ko", _("Korean")
    ARABIC = "ar", _("Arabic")
    FRENCH = "fr", _("French")
    HAITIAN_CREOLE = "ht", _("Haitian Creole")
    RUSSIAN = "ru", _("Russian")
    PORTUGUESE = "pt", _("Portuguese")
    POLISH = "pl", _("Polish")
    HINDI = "hi", _("Hindi")
    SOMALI = "so", _("Somali")
    UKRAINIAN = "uk", _("Ukrainian")
    NAVAJO = "nv", _("Navajo")
    HMONG = "hmn", _("Hmong")
    ASL = "ase", _("American Sign Language")


class Accessibility(models.TextChoices):
    WHEELCHAIR = "wheelchair", _("Wheelchair accessible")
    ASL = "asl", _("Sign language (ASL) interpreters")
    INTERPRETERS = "interpreters", _("Interpreters for other languages")


class FeatureKind(models.TextChoices):
    FORMAT = "format", "Format"
    SCHEDULE = "schedule", "Schedule"
    PAYMENT = "payment", "Payment accepted"
    POPULATION = "population", "Groups served"
    MEDICATION = "medication", "Medication for opioid use"
    LANGUAGE = "language", "Language"
    ACCESS = "access", "Accessibility"


FEATURE_CHOICES: Mapping[str, type[models.TextChoices]] = {
    FeatureKind.FORMAT: Format,
    FeatureKind.SCHEDULE: Schedule,
    FeatureKind.PAYMENT: Payment,
    FeatureKind.POPULATION: Population,
    FeatureKind.MEDICATION: Medication,
    FeatureKind.LANGUAGE: Language,
    FeatureKind.ACCESS: Accessibility,
}


class Source(models.TextChoices):
    STAFF = "staff", _("Entered by staff")
    IMPORTED = "imported", _("Imported from FindTreatment.gov")


# URL segments a program slug must not take, because they are pages of their own.
RESERVED_SLUGS = frozenset({"compare"})

# Formats that reach people by video, wherever they are in the program's state.
VIDEO_FORMATS = (Format.TELEHEALTH.value, Format.HYBRID.value)
DEFAULT_RADIUS_MILES = 25


@dataclass(frozen=True)
class ProgramFilters:
    """What a visitor asked the directory for: OR within a group, AND across groups."""

    levels: tuple[str, ...] = ()
    features: Mapping[str, tuple[str, ...]] | None = None
    co_occurring: bool = False
    accepting: bool = False
    accepts_moud: bool = False
    state: str = ""  # only programs in this state (two-letter code)
    near: Point | None = None  # only programs within `within_miles` of it, nearest first
    within_miles: int = DEFAULT_RADIUS_MILES


class ProgramQuerySet(models.QuerySet["Program"]):
    def for_listing(self) -> ProgramQuerySet:
        """Programs with their level and features loaded in a constant number of queries."""
        return self.select_related("level").prefetch_related("features")

    def matching(self, filters: ProgramFilters) -> ProgramQuerySet:
        """Programs that meet every chosen group and at least one choice within each group."""
        qs = self
        if filters.levels:
            qs = qs.filter(level__slug__in=filters.levels)
        for kind, values in (filters.features or {}).items():
            if values:
                # A subquery per group reads only the (kind, value, program) index and
                # never multiplies rows, so no DISTINCT is needed.
                chosen = ProgramFeature.objects.filter(kind=kind, value__in=values)
                qs = qs.filter(pk__in=chosen.values("program_id"))
        if filters.co_occurring:
            qs = qs.filter(co_occurring=True)
        if filters.accepting:
            qs = qs.filter(accepting_new_clients=True)
        if filters.accepts_moud:
            qs = qs.filter(accepts_moud=True)
        if filters.state:
            qs = qs.filter(state=filters.state)
        if filters.near is not None:
            qs = qs.near(filters.near, filters.within_miles)
        return qs

    def near(self, point: Point, miles: float) -> ProgramQuerySet:
        """Programs within `miles` of `point`, nearest first, each with `distance_miles`.

        Two steps, the same SQL on SQLite and PostgreSQL: a latitude/longitude box
        around the circle, which the (latitude, longitude) index `program_coords_idx`
        answers with one range scan, then the exact great-circle (haversine) distance,
        computed only for the programs in the box, with Django's database functions.
        Programs without coordinates are never in it.

        PostgreSQL's `cube` and `earthdistance` extensions would give an indexed
        `earth_box` search, but they need CREATE EXTENSION rights that a managed database
        may not grant, and SQLite has no equivalent, so the two databases would need two
        code paths and could disagree. At 25 miles the box holds a few hundred programs
        even at national size, so the plain B-tree does the work.
        """
        box = bounding_box(point, miles)
        return (
            self.filter(_box_condition(box))
            .annotate(distance_miles=distance_miles_from(point))
            .filter(distance_miles__lte=miles)
            .order_by("distance_miles", "name", "pk")
        )

    def online_elsewhere(self, filters: ProgramFilters, state: str) -> ProgramQuerySet:
        """Programs with video sessions in `state` that meet the other filters, but are
        not within the distance search (a program is licensed in its own state).

        Empty when the search is not by distance, or its formats leave video out.
        """
        video = video_formats(filters)
        if filters.near is None or not state or not video:
            return self.none()
        features = {**(filters.features or {}), FeatureKind.FORMAT: video}
        nearby = Program.objects.near(filters.near, filters.within_miles).values("pk")
        others = replace(filters, features=features, state=state, near=None)
        return self.matching(others).exclude(pk__in=nearby)

    def demo(self) -> ProgramQuerySet:
        return self.filter(is_demo=True)


def video_formats(filters: ProgramFilters) -> tuple[str, ...]:
    """The video formats the search allows: both, unless it names formats ("" if none)."""
    chosen = (filters.features or {}).get(FeatureKind.FORMAT) or VIDEO_FORMATS
    return tuple(value for value in VIDEO_FORMATS if value in chosen)


def _box_condition(box: BoundingBox) -> Q:
    condition = Q(latitude__gte=as_decimal(box.south), latitude__lte=as_decimal(box.north))
    if box.west is None or box.east is None:
        return condition  # the circle reaches a pole: every longitude
    west, east = as_decimal(box.west), as_decimal(box.east)
    if box.crosses_antimeridian:
        return condition & (Q(longitude__gte=west) | Q(longitude__lte=east))
    return condition & Q(longitude__gte=west, longitude__lte=east)


def distance_miles_from(point: Point) -> models.Expression:
    """The haversine distance from `point` to a program's coordinates, in miles, as SQL.

    The same formula as `geo.haversine_miles`; the sine is capped at 1 so rounding can
    never push ASIN out of its range (an error on PostgreSQL).
    """
    latitude = Radians(Cast("latitude", models.FloatField()))
    longitude = Radians(Cast("longitude", models.FloatField()))
    lat0, lon0 = math.radians(point.latitude), math.radians(point.longitude)
    half, two = models.Value(0.5), models.Value(2.0)
    sin_dlat = Sin((latitude - models.Value(lat0)) * half)
    sin_dlon = Sin((longitude - models.Value(lon0)) * half)
    cos_lat0 = models.Value(math.cos(lat0))
    h = Power(sin_dlat, two) + cos_lat0 * Cos(latitude) * Power(sin_dlon, two)
    return models.Value(2 * EARTH_RADIUS_MILES) * ASin(Sqrt(Least(h, models.Value(1.0))))


def tel_uri(number: str) -> str:
    """A tel: link for a US number as people write it ("937-555-0142 ext. 3"), or ""."""
    main = re.split(r"(?i)\s*(?:x|ext\.?|extension)\s*\d+\s*$", number)[0]
    digits = re.sub(r"\D", "", main)
    if len(digits) == 10:
        digits = "1" + digits  # the country code
    if len(digits) == 11 and digits.startswith("1"):
        return f"tel:+{digits}"
    return f"tel:{digits}" if digits else ""


def _in_choices(kinds: Mapping[str, type[models.TextChoices]]) -> Q:
    condition = Q()
    for kind, choices in kinds.items():
        condition |= Q(kind=kind, value__in=choices.values)
    return condition


# What decides where a program sits on the map (see `Program.place_on_map`).
_LOCATION_FIELDS = frozenset({"zip_code", "latitude", "longitude", "coordinates_approximate"})


class Program(TranslatedFieldsMixin, models.Model):
    # Names are proper names and stay as they are; only the description is translated.
    TRANSLATED_FIELDS = ("description", "session_times", "intake_hours")

    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=220,
        unique=True,
        blank=True,
        help_text="The web address of the program's page. Left empty, it is made from the name.",
    )
    organisation = models.CharField(max_length=200, blank=True)
    level = models.ForeignKey(TreatmentLevel, on_delete=models.PROTECT, related_name="programs")
    description = models.CharField(
        "short description", max_length=600, blank=True, help_text="One or two plain sentences."
    )
    street = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2, choices=USState)
    zip_code = models.CharField(
        "ZIP code",
        max_length=10,
        blank=True,
        validators=[RegexValidator(r"^\d{5}(-\d{4})?$", "Enter a ZIP code like 45402.")],
    )
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    coordinates_approximate = models.BooleanField(
        "coordinates are the ZIP code's centre",
        default=False,
        help_text="Set when the point comes from the ZIP code, not the program's address.",
    )
    phone = models.CharField(max_length=30, blank=True)
    intake_phone = models.CharField(max_length=30, blank=True)
    website = models.URLField(max_length=300, blank=True)
    days_per_week = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    hours_per_week = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(168)]
    )
    length_weeks = models.PositiveSmallIntegerField(
        "typical length in weeks",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(520)],
    )
    co_occurring = models.BooleanField(
        "treats mental health conditions too",
        default=False,
        help_text="Care for co-occurring mental health conditions on site.",
    )
    # None means nobody has told us; FindTreatment.gov does not say.
    accepting_new_clients = models.BooleanField(null=True, blank=True, default=None)
    session_times = models.CharField(
        max_length=200,
        blank=True,
        help_text="When group sessions meet, for example “Mon, Wed, Thu 6–9 pm”.",
    )
    intake_hours = models.CharField(
        max_length=200,
        blank=True,
        help_text="When people can call or walk in to start, for example “Mon–Fri 8 am–5 pm”.",
    )
    # None means nobody has told us. Many programs turn away people on methadone or
    # buprenorphine; people need to know before they call.
    accepts_moud = models.BooleanField(
        "accepts people who take methadone or buprenorphine",
        null=True,
        blank=True,
        default=None,
    )
    wait_days = models.PositiveSmallIntegerField(
        "typical wait in days", null=True, blank=True, validators=[MaxValueValidator(365)]
    )
    last_verified = models.DateField(default=timezone.localdate)
    source = models.CharField(max_length=10, choices=Source, default=Source.STAFF)
    frid = models.CharField(
        "FindTreatment.gov ID", max_length=100, blank=True, help_text="Set by the import."
    )
    is_demo = models.BooleanField(
        "example listing", default=False, help_text="Made-up data that shows how the site works."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    description_es = models.CharField(
        "short description (Spanish)",
        max_length=800,
        blank=True,
        help_text="Spanish. Leave empty to show the English description on Spanish pages.",
    )
    session_times_es = models.CharField(
        "session times (Spanish)",
        max_length=200,
        blank=True,
        help_text="Spanish, for example “lun., miér. y jue. de 6 a 9 p. m.”. Leave empty to "
        "show the English text.",
    )
    intake_hours_es = models.CharField(
        "intake hours (Spanish)",
        max_length=200,
        blank=True,
        help_text="Spanish. Leave empty to show the English text.",
    )

    objects = ProgramQuerySet.as_manager()

    # The point as last loaded or saved (see `place_on_map`); None for a new program.
    _stored_point: tuple[Decimal | None, Decimal | None] | None = None

    class Meta:
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["name"], name="program_name_idx"),
            models.Index(fields=["state", "city"], name="program_state_city_idx"),
            models.Index(fields=["zip_code"], name="program_zip_idx"),
            # Partial indexes: the filters only ever ask for the True side.
            models.Index(
                fields=["co_occurring"], condition=Q(co_occurring=True), name="program_cooccur_idx"
            ),
            models.Index(
                fields=["accepting_new_clients"],
                condition=Q(accepting_new_clients=True),
                name="program_accepting_idx",
            ),
            models.Index(fields=["is_demo"], condition=Q(is_demo=True), name="program_demo_idx"),
            # The distance search's bounding box: a range on latitude, then longitude.
            models.Index(fields=["latitude", "longitude"], name="program_coords_idx"),
            models.Index(
                fields=["accepts_moud"], condition=Q(accepts_moud=True), name="program_moud_idx"
            ),
        ]
        constraints = [
            # Re-importing the same facility updates its program at each level.
            models.UniqueConstraint(
                fields=["frid", "level"],
                condition=~Q(frid=""),
                name="program_unique_frid_level",
            ),
            models.UniqueConstraint(
                Lower("name"),
                "zip_code",
                "level",
                condition=Q(frid=""),
                name="program_unique_name_zip_level",
                violation_error_message="A program with this name, ZIP code and level exists.",
            ),
            models.CheckConstraint(
                condition=Q(frid="") | Q(source=Source.IMPORTED),
                name="program_frid_only_when_imported",
            ),
            models.CheckConstraint(
                condition=Q(source__in=Source.values), name="program_source_valid"
            ),
            models.CheckConstraint(
                condition=Q(state__in=USState.values), name="program_state_valid"
            ),
            models.CheckConstraint(
                condition=~Q(phone="") | ~Q(intake_phone="") | ~Q(website=""),
                name="program_has_contact",
                violation_error_message="Give a phone number, an intake number or a website.",
            ),
            models.CheckConstraint(
                condition=Q(days_per_week__isnull=True)
                | Q(days_per_week__gte=1, days_per_week__lte=7),
                name="program_days_per_week_1_to_7",
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__isnull=True)
                | Q(hours_per_week__gte=1, hours_per_week__lte=168),
                name="program_hours_per_week_1_to_168",
            ),
            models.CheckConstraint(
                condition=Q(length_weeks__isnull=True) | Q(length_weeks__gte=1),
                name="program_length_weeks_positive",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="program_coordinates_paired_and_in_range",
                violation_error_message="Give both latitude and longitude, or neither.",
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=sorted(RESERVED_SLUGS)), name="program_slug_not_reserved"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.level.short_name}, {self.city}, {self.state})"

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = self.unique_slug()
        update_fields = kwargs.get("update_fields")
        # A partial load or a save of other columns leaves the point as it is.
        locate = not self.get_deferred_fields() & _LOCATION_FIELDS and (
            update_fields is None or bool(set(update_fields) & _LOCATION_FIELDS)
        )
        if locate:
            self.place_on_map()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *_LOCATION_FIELDS}
        super().save(*args, **kwargs)
        if locate:
            self._stored_point = (self.latitude, self.longitude)

    def get_absolute_url(self) -> str:
        return reverse("programs:program_detail", args=[self.slug])

    @classmethod
    def from_db(
        cls, db: str | None, field_names: Collection[str], values: Collection[Any]
    ) -> Self:
        program = super().from_db(db, field_names, values)
        # The point as stored, so `place_on_map` can tell a point typed in since.
        program._stored_point = (
            program.__dict__.get("latitude"),
            program.__dict__.get("longitude"),
        )
        return program

    def place_on_map(self) -> None:
        """Keep the map point in step with the ZIP code (`save()` calls this).

        A point given by hand or by an import is exact and kept. Without one, the point is
        the ZIP code's centre, marked approximate, and it follows the ZIP code when staff
        change it; an unknown ZIP code leaves no point. Code that writes with `update()`
        or `bulk_create()` skips `save()`, so it calls this itself.
        """
        point = (self.latitude, self.longitude)
        if point.count(None) == 1:
            return  # half a point: the paired-coordinates constraint refuses it
        found = zip_point(self.zip_code)
        centre = (
            None if found is None else (as_decimal(found.latitude), as_decimal(found.longitude))
        )
        if None not in point:
            # A point is exact unless it is the ZIP code's centre, kept as loaded.
            typed = self._stored_point is not None and point != self._stored_point
            if not self.coordinates_approximate or (typed and point != centre):
                self.coordinates_approximate = False
                return
        if centre is None:
            self.latitude = self.longitude = None
            self.coordinates_approximate = False
        else:
            self.latitude, self.longitude = centre
            self.coordinates_approximate = True

    def unique_slug(self) -> str:
        """A slug from the name, city and level that no other program has."""
        level = self.level.slug if self.level_id else ""
        base = slugify(f"{self.name} {self.city} {level}")[:200].strip("-") or "program"
        taken = set(
            Program.objects.filter(slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        ) | set(RESERVED_SLUGS)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug

    def feature_values(self, kind: str) -> list[str]:
        """The chosen values of one kind, in the order of their choices (uses the prefetch)."""
        chosen = {f.value for f in self.features.all() if f.kind == kind}
        return [value for value in FEATURE_CHOICES[kind].values if value in chosen]

    def feature_labels(self, kind: str) -> list[str]:
        choices = FEATURE_CHOICES[kind]
        return [choices(value).label for value in self.feature_values(kind)]

    def set_features(self, kind: str, values: Iterable[str]) -> None:
        """Replace the values of one kind (see `replace_features`)."""
        self.replace_features({kind: values})

    def replace_features(self, values_by_kind: Mapping[str, Iterable[str]]) -> None:
        """Replace the values of the given kinds (others stay); unknown values are a bug.

        The program must be saved already. Call in the same transaction as that save
        (the admin's request, an import row's savepoint, the example listings' loop), so
        a failure here leaves neither. New values go in with `bulk_create`, which sends
        no signals, so this tells the page cache itself (`caching.content_changed`).
        """
        wanted = {(kind, value) for kind, values in values_by_kind.items() for value in values}
        unknown = {(k, v) for k, v in wanted if v not in FEATURE_CHOICES[k].values}
        if unknown:
            raise ValueError(f"Unknown feature values: {sorted(unknown)}")
        existing = {
            (f.kind, f.value): f.pk for f in self.features.filter(kind__in=list(values_by_kind))
        }
        stale = [pk for key, pk in existing.items() if key not in wanted]
        if stale:
            ProgramFeature.objects.filter(pk__in=stale).delete()
        added = ProgramFeature.objects.bulk_create(
            ProgramFeature(program=self, kind=kind, value=value)
            for kind, value in sorted(wanted - existing.keys())
        )
        if added:
            caching.content_changed()
        if hasattr(self, "_prefetched_objects_cache"):
            self._prefetched_objects_cache.pop("features", None)

    @property
    def formats(self) -> list[str]:
        return self.feature_labels(FeatureKind.FORMAT)

    @property
    def schedules(self) -> list[str]:
        return self.feature_labels(FeatureKind.SCHEDULE)

    @property
    def payments(self) -> list[str]:
        return self.feature_labels(FeatureKind.PAYMENT)

    @property
    def populations(self) -> list[str]:
        return self.feature_labels(FeatureKind.POPULATION)

    @property
    def medications(self) -> list[str]:
        return self.feature_labels(FeatureKind.MEDICATION)

    @property
    def languages(self) -> list[str]:
        return self.feature_labels(FeatureKind.LANGUAGE)

    @property
    def accessibility(self) -> list[str]:
        return self.feature_labels(FeatureKind.ACCESS)

    def accepts_moud_text(self) -> str:
        """Whether people who take methadone or buprenorphine can join: yes, no or ask."""
        if self.accepts_moud is None:
            return gettext("Ask the program")
        return gettext("Yes") if self.accepts_moud else gettext("No")

    @cached_property
    def directions(self) -> list[DirectionsLink]:
        """Links to directions on maps websites; none without a street or an exact point."""
        return directions_links(
            street=self.street,
            city=self.city,
            state=self.state,
            zip_code=self.zip_code,
            latitude=self.latitude,
            longitude=self.longitude,
            exact=not self.coordinates_approximate,
        )

    @property
    def call_number(self) -> str:
        """The number to call first: intake if there is one, else the main line."""
        return self.intake_phone or self.phone

    @property
    def call_uri(self) -> str:
        return tel_uri(self.call_number)

    @property
    def phone_uri(self) -> str:
        return tel_uri(self.phone)

    @property
    def intake_phone_uri(self) -> str:
        return tel_uri(self.intake_phone)

    @property
    def place(self) -> str:
        return f"{self.city}, {self.state}" if self.city else self.state

    @property
    def days_since_verified(self) -> int:
        return (timezone.localdate() - self.last_verified).days

    @property
    def verified_long_ago(self) -> bool:
        """Listings unchecked for a year deserve a warning to call first."""
        return self.days_since_verified > 365

    @property
    def shows_organisation(self) -> bool:
        return bool(self.organisation) and not self.name.startswith(self.organisation)

    def hours_text(self) -> str:
        """ "3 days, 9 hours a week", "Around the clock" for 24-hour levels, or "" if unknown."""
        if self.level.is_24_hour:
            return gettext("Around the clock")
        days, hours = self.days_per_week, self.hours_per_week
        if days and hours:
            return gettext("%(days)s, %(hours)s a week") % {
                "days": ngettext("%(n)s day", "%(n)s days", days) % {"n": days},
                "hours": ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": hours},
            }
        if days:
            return ngettext("%(n)s day a week", "%(n)s days a week", days) % {"n": days}
        if hours:
            return ngettext("%(n)s hour a week", "%(n)s hours a week", hours) % {"n": hours}
        return ""

    def schedule_text(self) -> str:
        """When sessions happen, in a few words, for cards and tables."""
        if self.level.is_24_hour:
            return gettext("24-hour care")
        text = ", ".join(str(s) for s in self.schedules) or gettext("Ask the program")
        hours = self.hours_text()
        return f"{text} ({hours})" if hours else text


class ProgramFeature(models.Model):
    """One value of a multi-valued program attribute (a format, a payment, a language…).

    Stored as rows rather than JSON lists or one column per value: the same plain
    `IN` subquery filters identically on SQLite and PostgreSQL, reads only the unique
    (kind, value, program) index, and new values need no new columns.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="features")
    kind = models.CharField(max_length=12, choices=FeatureKind)
    value = models.CharField(max_length=24)

    class Meta:
        ordering = ["kind", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "value", "program"], name="programfeature_unique"
            ),
            models.CheckConstraint(
                condition=_in_choices(FEATURE_CHOICES), name="programfeature_value_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {FEATURE_CHOICES[self.kind](self.value).label}"


class ReportKind(models.TextChoices):
    WRONG_PHONE = "wrong_phone", _("The phone number is wrong")
    WRONG_HOURS = "wrong_hours", _("The hours or session times are wrong")
    WRONG_PAYMENT = "wrong_payment", _("The payment or insurance details are wrong")
    WRONG_SERVICES = "wrong_services", _("The services or medications are wrong")
    WRONG_LEVEL = "wrong_level", _("The level of care is wrong")
    CLOSED = "closed", _("The program has closed")
    OTHER = "other", _("Something else is wrong")


class ReportStatus(models.TextChoices):
    NEW = "new", "New"
    RESOLVED = "resolved", "Resolved"


class ListingReportQuerySet(models.QuerySet["ListingReport"]):
    def unresolved(self) -> ListingReportQuerySet:
        return self.filter(status=ReportStatus.NEW)

    def resolve(self) -> int:
        """Mark the new reports among these resolved now; return how many changed."""
        return self.unresolved().update(status=ReportStatus.RESOLVED, resolved_at=timezone.now())

    def reopen(self) -> int:
        return self.filter(status=ReportStatus.RESOLVED).update(
            status=ReportStatus.NEW, resolved_at=None
        )


class ListingReport(models.Model):
    """A visitor's note that a listing is wrong. No name, address or IP is kept."""

    Kind = ReportKind
    Status = ReportStatus

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField("what is wrong", max_length=20, choices=ReportKind)
    details = models.CharField(max_length=1000, blank=True)
    status = models.CharField(max_length=10, choices=ReportStatus, default=ReportStatus.NEW)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = ListingReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "-created_at"], name="listingreport_queue_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ReportKind.values), name="listingreport_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.NEW, resolved_at__isnull=True)
                | Q(status=ReportStatus.RESOLVED, resolved_at__isnull=False),
                name="listingreport_resolved_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(kind=ReportKind.OTHER) | ~Q(details=""),
                name="listingreport_other_has_details",
                violation_error_message="Say what is wrong.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.program.name}"
