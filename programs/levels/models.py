"""Levels of care, the services they include and who they suit."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from programs.core.i18n import TranslatedFieldsMixin

# Spanish runs about a quarter longer than English, so the `_es` columns get more room.
SPANISH_HELP = "Spanish. Leave empty to show the English text on Spanish pages."


def spanish_char(max_length: int, verbose_name: str) -> models.CharField:
    return models.CharField(
        verbose_name, max_length=max_length, blank=True, help_text=SPANISH_HELP
    )


def spanish_text(verbose_name: str) -> models.TextField:
    return models.TextField(verbose_name, blank=True, help_text=SPANISH_HELP)


def validate_typical_week(value: object) -> None:
    """Seven whole numbers of hours, Monday to Sunday, each between 0 and 24."""
    if value in (None, []):
        return
    if (
        not isinstance(value, list)
        or len(value) != 7
        or any(isinstance(h, bool) or not isinstance(h, int) or not 0 <= h <= 24 for h in value)
    ):
        raise ValidationError(
            "Enter seven whole numbers between 0 and 24, one for each day from Monday to Sunday."
        )


class Area(models.IntegerChoices):
    """The six areas a clinician weighs, in their public order."""

    WITHDRAWAL = 1, "Intoxication and withdrawal"
    PHYSICAL = 2, "Physical health"
    EMOTIONAL = 3, "Emotional and mental health"
    READINESS = 4, "Readiness to change"
    RELAPSE = 5, "Relapse and continued-use risk"
    ENVIRONMENT = 6, "Recovery and living environment"


class MedicalCare(models.TextChoices):
    BY_REFERRAL = "by_referral", _("By referral, outside the program")
    ON_SITE_ACCESS = "on_site_access", _("Direct access to psychiatric, medical and lab care")
    MONITORED = "monitored", _("Clinically managed, up to 24-hour nursing")
    MANAGED_24H = "managed_24h", _("Daily physician care and 24-hour nursing")


class KeepsWorkSchool(models.TextChoices):
    USUALLY = "usually", _("Usually")
    SOMETIMES = "sometimes", _("Sometimes")
    RARELY = "rarely", _("Rarely")


class Telehealth(models.TextChoices):
    """How often programs at a level offer their sessions by video."""

    OFTEN = "often", _("Often available")
    SOME_PROGRAMS = "some_programs", _("In some programs; most care is in person")
    RARELY = "rarely", _("Usually not")


class TreatmentLevelQuerySet(models.QuerySet):
    def with_details(self) -> TreatmentLevelQuerySet:
        """Levels with their services and criteria loaded in constant queries."""
        return self.prefetch_related("services", "criteria")


class TreatmentLevel(TranslatedFieldsMixin, models.Model):
    TRANSLATED_FIELDS = (
        "name",
        "short_name",
        "summary",
        "description",
        "schedule_note",
        "setting",
        "length_note",
        "typical_week_text",
        "steps_note",
    )

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    short_name = models.CharField(max_length=30)
    level_number = models.CharField(
        "public level number", max_length=10, help_text='As in the public continuum, e.g. "2.1".'
    )
    intensity_rank = models.PositiveSmallIntegerField(
        unique=True, help_text="1 is the least intensive level."
    )
    summary = models.CharField(max_length=300, help_text="One plain-language sentence.")
    description = models.TextField()
    hours_adult_min = models.PositiveSmallIntegerField(
        "adult hours per week (min)", null=True, blank=True, help_text="Empty for 24-hour care."
    )
    hours_adult_max = models.PositiveSmallIntegerField(
        "adult hours per week (max)", null=True, blank=True, help_text="Empty when open-ended."
    )
    hours_adolescent_min = models.PositiveSmallIntegerField(
        "adolescent hours per week (min)", null=True, blank=True
    )
    hours_adolescent_max = models.PositiveSmallIntegerField(
        "adolescent hours per week (max)", null=True, blank=True
    )
    sessions_min = models.PositiveSmallIntegerField("sessions or days per week (min)")
    sessions_max = models.PositiveSmallIntegerField("sessions or days per week (max)")
    length_weeks_min = models.PositiveSmallIntegerField("typical length in weeks (min)")
    length_weeks_max = models.PositiveSmallIntegerField("typical length in weeks (max)")
    length_note = models.CharField(max_length=200, blank=True)
    schedule_note = models.CharField(
        max_length=200, help_text="The typical schedule in a few words."
    )
    setting = models.CharField(max_length=120, help_text="Where care happens.")
    lives_at_home = models.BooleanField()
    supervision_24h = models.BooleanField("24-hour supervision")
    medical_care = models.CharField(max_length=20, choices=MedicalCare)
    keeps_work_school = models.CharField(max_length=10, choices=KeepsWorkSchool)
    cost_rank = models.PositiveSmallIntegerField(
        "relative cost rank", unique=True, help_text="1 is the least costly level."
    )
    telehealth = models.CharField(
        "online (telehealth)",
        max_length=20,
        choices=Telehealth,
        help_text="How often programs at this level offer sessions by video. The level's "
        "description should say the same.",
    )
    typical_week = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_typical_week],
        help_text="Seven numbers, Monday to Sunday: program hours on each day of a typical week.",
    )
    typical_week_text = models.CharField(
        max_length=300,
        blank=True,
        help_text="The typical week in one sentence (text alternative).",
    )
    steps_note = models.TextField(
        "stepping up or down", help_text="How people move to and from neighbouring levels."
    )
    # App-qualified, so django-stubs can type it too (it cannot resolve a bare "Service").
    services = models.ManyToManyField("programs.Service", related_name="levels", blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    name_es = spanish_char(150, "name (Spanish)")
    short_name_es = spanish_char(40, "short name (Spanish)")
    summary_es = spanish_char(400, "summary (Spanish)")
    description_es = spanish_text("description (Spanish)")
    schedule_note_es = spanish_char(300, "schedule note (Spanish)")
    setting_es = spanish_char(200, "setting (Spanish)")
    length_note_es = spanish_char(300, "length note (Spanish)")
    typical_week_text_es = spanish_char(400, "typical week text (Spanish)")
    steps_note_es = spanish_text("stepping up or down (Spanish)")

    objects = TreatmentLevelQuerySet.as_manager()

    class Meta:
        ordering = ["order", "intensity_rank"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours_adult_min__isnull=True)
                | Q(hours_adult_max__isnull=True)
                | Q(hours_adult_min__lte=F("hours_adult_max")),
                name="level_adult_hours_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(hours_adolescent_min__isnull=True)
                | Q(hours_adolescent_max__isnull=True)
                | Q(hours_adolescent_min__lte=F("hours_adolescent_max")),
                name="level_adolescent_hours_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(sessions_min__lte=F("sessions_max")),
                name="level_sessions_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(length_weeks_min__lte=F("length_weeks_max")),
                name="level_length_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(intensity_rank__gte=1), name="level_intensity_rank_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (Level {self.level_number})"

    def get_absolute_url(self) -> str:
        return reverse("programs:level_detail", args=[self.slug])

    @property
    def is_24_hour(self) -> bool:
        return self.hours_adult_min is None and self.hours_adult_max is None

    @staticmethod
    def _hours_text(low: int | None, high: int | None) -> str:
        if low is None and high is None:
            return gettext("24-hour care")
        if low is None or low == 0:
            if high is None:
                return gettext("any")
            return gettext("under %(hours)s") % {"hours": high + 1}
        if high is None:
            return gettext("%(hours)s or more") % {"hours": low}
        return f"{low}–{high}"

    @property
    def adult_hours_text(self) -> str:
        return self._hours_text(self.hours_adult_min, self.hours_adult_max)

    @property
    def adolescent_hours_text(self) -> str:
        return self._hours_text(self.hours_adolescent_min, self.hours_adolescent_max)

    @property
    def sessions_text(self) -> str:
        if self.sessions_min == self.sessions_max:
            return str(self.sessions_min)
        return f"{self.sessions_min}–{self.sessions_max}"

    @property
    def length_text(self) -> str:
        """The typical length in the active language."""
        if self.length_note:
            return self.local.length_note
        return gettext("%(low)s–%(high)s weeks") % {
            "low": self.length_weeks_min,
            "high": self.length_weeks_max,
        }

    def neighbours(self) -> tuple[TreatmentLevel | None, TreatmentLevel | None]:
        """The next less intensive and next more intensive levels (one query)."""
        others = TreatmentLevel.objects.exclude(pk=self.pk).order_by("intensity_rank")
        lower = [lv for lv in others if lv.intensity_rank < self.intensity_rank]
        higher = [lv for lv in others if lv.intensity_rank > self.intensity_rank]
        return (lower[-1] if lower else None, higher[0] if higher else None)

    def criteria_of_kind(self, kind: str) -> list[SuitabilityCriterion]:
        """Criteria of one kind, from the prefetched set when there is one."""
        return [c for c in self.criteria.all() if c.kind == kind]

    def good_fit(self) -> list[SuitabilityCriterion]:
        return self.criteria_of_kind(SuitabilityCriterion.Kind.GOOD_FIT)

    def not_a_fit(self) -> list[SuitabilityCriterion]:
        return self.criteria_of_kind(SuitabilityCriterion.Kind.NOT_A_FIT)

    def discuss(self) -> list[SuitabilityCriterion]:
        return self.criteria_of_kind(SuitabilityCriterion.Kind.DISCUSS)


class Service(TranslatedFieldsMixin, models.Model):
    TRANSLATED_FIELDS = ("name", "description")

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=100)
    description = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)
    name_es = spanish_char(150, "name (Spanish)")
    description_es = spanish_text("description (Spanish)")

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class SuitabilityCriterion(TranslatedFieldsMixin, models.Model):
    TRANSLATED_FIELDS = ("text",)

    class Kind(models.TextChoices):
        GOOD_FIT = "good_fit", "Good fit"
        NOT_A_FIT = "not_a_fit", "Not a fit"
        DISCUSS = "discuss", "Talk to a clinician about"

    level = models.ForeignKey(TreatmentLevel, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(max_length=12, choices=Kind)
    text = models.CharField(max_length=300)
    area = models.PositiveSmallIntegerField(choices=Area)
    order = models.PositiveSmallIntegerField(default=0)
    text_es = spanish_char(400, "text (Spanish)")

    class Meta:
        ordering = ["level", "kind", "order", "pk"]
        verbose_name_plural = "suitability criteria"

    def __str__(self) -> str:
        return f"{self.level.short_name}: {self.get_kind_display()}: {self.text[:60]}"
