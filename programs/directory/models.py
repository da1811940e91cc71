"""The program directory: concrete programs at each level of care, and listing reports."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from programs.core import caching
from programs.core.i18n import TranslatedFieldsMixin
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


class FeatureKind(models.TextChoices):
    FORMAT = "format", "Format"
    SCHEDULE = "schedule", "Schedule"
    PAYMENT = "payment", "Payment accepted"
    POPULATION = "population", "Groups served"
    MEDICATION = "medication", "Medication for opioid use"
    LANGUAGE = "language", "Language"


FEATURE_CHOICES: Mapping[str, type[models.TextChoices]] = {
    FeatureKind.FORMAT: Format,
    FeatureKind.SCHEDULE: Schedule,
    FeatureKind.PAYMENT: Payment,
    FeatureKind.POPULATION: Population,
    FeatureKind.MEDICATION: Medication,
    FeatureKind.LANGUAGE: Language,
}


class Source(models.TextChoices):
    STAFF = "staff", _("Entered by staff")
    IMPORTED = "imported", _("Imported from FindTreatment.gov")


# URL segments a program slug must not take, because they are pages of their own.
RESERVED_SLUGS = frozenset({"compare"})

_ZIP = re.compile(r"^\d{3,5}(?:-\d{4})?$")
_STATE_NAMES = {label.lower(): value for value, label in USState.choices}
_STATE_CODES = frozenset(USState.values)


@dataclass(frozen=True)
class Location:
    """A free-text place split into the parts a program's address can match."""

    zip_prefix: str = ""
    state: str = ""
    city: str = ""
    city_or_state: str = ""  # a state name that is also a city, e.g. "New York"

    def __bool__(self) -> bool:
        return bool(self.zip_prefix or self.state or self.city or self.city_or_state)


def parse_location(text: str) -> Location:
    """Split "Dayton, OH 45402", "Ohio", "454" or "dayton" into ZIP, state and city parts."""
    words = re.sub(r"[,;]", " ", text).split()
    zip_prefix = next((w for w in words if _ZIP.match(w)), "")
    words = [w for w in words if not _ZIP.match(w)]
    # The state comes last: a full name ("New Mexico") or a postal code ("NM").
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        tail = " ".join(words[-size:]).lower().rstrip(".")
        code = _STATE_NAMES.get(tail) or (tail.upper() if tail.upper() in _STATE_CODES else "")
        if not code:
            continue
        rest = words[:-size]
        if not rest and tail in _STATE_NAMES:
            # "New York" or "Washington" on its own may mean the state or the city.
            return Location(zip_prefix=zip_prefix, city_or_state=code)
        return Location(zip_prefix=zip_prefix, state=code, city=" ".join(rest))
    return Location(zip_prefix=zip_prefix, city=" ".join(words))


@dataclass(frozen=True)
class ProgramFilters:
    """What a visitor asked the directory for: OR within a group, AND across groups."""

    levels: tuple[str, ...] = ()
    features: Mapping[str, tuple[str, ...]] | None = None
    co_occurring: bool = False
    accepting: bool = False
    location: str = ""


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
        if filters.location:
            qs = qs.filter(location_q(parse_location(filters.location)))
        return qs

    def demo(self) -> ProgramQuerySet:
        return self.filter(is_demo=True)


def location_q(location: Location) -> Q:
    """The condition a program's address meets for a parsed location."""
    condition = Q()
    if location.zip_prefix:
        condition &= Q(zip_code__startswith=location.zip_prefix[:5])
    if location.state:
        condition &= Q(state=location.state)
    if location.city:
        condition &= Q(city__istartswith=location.city)
    if location.city_or_state:
        name = USState(location.city_or_state).label
        condition &= Q(state=location.city_or_state) | Q(city__iexact=name)
    return condition


def tel_uri(number: str) -> str:
    """A tel: link for a US number as people write it ("937-555-0142 ext. 3"), or ""."""
    main = re.split(r"(?i)\s*(?:x|ext\.?|extension)\s*\d+\s*$", number)[0]
    digits = re.sub(r"\D", "", main)
    if len(digits) == 10:
        return f"tel:+1{digits}"
    if len(digits) == 11 and digits.startswith("1"):
        return f"tel:+{digits}"
    return f"tel:{digits}" if digits else ""


def _in_choices(kinds: Mapping[str, type[models.TextChoices]]) -> Q:
    condition = Q()
    for kind, choices in kinds.items():
        condition |= Q(kind=kind, value__in=choices.values)
    return condition


class Program(TranslatedFieldsMixin, models.Model):
    # Names are proper names and stay as they are; only the description is translated.
    TRANSLATED_FIELDS = ("description",)

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

    objects = ProgramQuerySet.as_manager()

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
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("programs:program_detail", args=[self.slug])

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
    kind = models.CharField("what is wrong", max_length=12, choices=ReportKind)
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
