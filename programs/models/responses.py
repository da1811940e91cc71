"""Questionnaire responses and the contact requests people choose to share."""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from django.core.validators import RegexValidator
from django.db import IntegrityError, models, transaction
from django.urls import reverse

from .. import triage
from .levels import TreatmentLevel

# No 0/O, 1/I/L or 5/S: easy to read aloud over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"
REFERENCE_LENGTH = 8
REFERENCE_ATTEMPTS = 10


def new_reference_code() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def new_public_token() -> str:
    return secrets.token_urlsafe(24)


class ForWhom(models.TextChoices):
    SELF = "self", "Themselves"
    SOMEONE_ELSE = "someone_else", "Someone else"


class WithdrawalCare(models.TextChoices):
    NONE = "none", "None"
    AMBULATORY = "ambulatory", "Ambulatory (outpatient) withdrawal care"
    MEDICALLY_MANAGED = "medically_managed", "Medically managed withdrawal care"


class ResponseQuerySet(models.QuerySet):
    def for_list(self) -> ResponseQuerySet:
        return self.select_related("suggested_level")

    def record(self, answers: Mapping[str, object]) -> Response:
        """Run the triage engine on valid answers and store the response atomically."""
        suggestion = triage.suggest(answers)
        clean = triage.validate_answers(answers)
        level = None
        if suggestion.level is not None:
            level = TreatmentLevel.objects.get(slug=suggestion.level)
        with transaction.atomic():
            return self.create(
                questionnaire_version=suggestion.questionnaire_version,
                for_whom=clean["for_whom"],
                answers={k: list(v) if isinstance(v, tuple) else v for k, v in clean.items()},
                suggested_level=level,
                crisis=suggestion.crisis,
                withdrawal_care=suggestion.withdrawal_care,
                area_scores={str(area): score for area, score in suggestion.area_scores},
                reasons=[{"area": r.area, "text": r.text} for r in suggestion.reasons],
                crisis_reasons=[
                    {"danger": r.danger, "call": r.call, "text": r.text}
                    for r in suggestion.crisis_reasons
                ],
                also_consider=list(suggestion.also_consider),
                flags=list(suggestion.flags),
                notes=list(suggestion.notes),
            )


class Response(models.Model):
    """One submitted questionnaire. No IP address or user agent is stored."""

    public_token = models.CharField(
        max_length=64, unique=True, default=new_public_token, editable=False
    )
    reference_code = models.CharField(
        max_length=REFERENCE_LENGTH,
        unique=True,
        editable=False,
        validators=[RegexValidator(f"^[{REFERENCE_ALPHABET}]{{{REFERENCE_LENGTH}}}$")],
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    questionnaire_version = models.CharField(max_length=20)
    for_whom = models.CharField(max_length=20, choices=ForWhom)
    answers = models.JSONField()
    suggested_level = models.ForeignKey(
        TreatmentLevel,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responses",
    )
    crisis = models.BooleanField(default=False, db_index=True)
    withdrawal_care = models.CharField(max_length=20, choices=WithdrawalCare)
    area_scores = models.JSONField(help_text="Area number (1–6) to score (0–4).")
    reasons = models.JSONField(default=list)
    crisis_reasons = models.JSONField(default=list)
    also_consider = models.JSONField(default=list)
    flags = models.JSONField(default=list)
    notes = models.JSONField(default=list)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(crisis=True, suggested_level__isnull=True)
                | models.Q(crisis=False, suggested_level__isnull=False),
                name="response_level_iff_not_crisis",
            ),
        ]

    def __str__(self) -> str:
        return f"Response {self.reference_code}"

    def save(self, *args, **kwargs) -> None:
        """Save, drawing a fresh reference code if the one drawn is already taken."""
        if self.pk is not None or self.reference_code:
            super().save(*args, **kwargs)
            return
        for _attempt in range(REFERENCE_ATTEMPTS):
            self.reference_code = new_reference_code()
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
                return
            except IntegrityError:
                if not Response.objects.filter(reference_code=self.reference_code).exists():
                    raise
                self.pk = None
        raise IntegrityError("Could not draw a unique reference code.")

    def get_absolute_url(self) -> str:
        return reverse("programs:result", args=[self.public_token])

    def program_filters(self) -> list[tuple[str, str]]:
        """Directory filters (GET parameters) that match this result's level and flags."""
        if self.suggested_level is None:
            return []
        params = [("level", self.suggested_level.slug)]
        flags = set(self.flags)
        if "telehealth" in flags:
            params += [("format", "telehealth"), ("format", "hybrid")]
        if "adolescent" in flags:
            params.append(("population", "adolescents"))
        if "pregnancy" in flags:
            params.append(("population", "pregnant_postpartum"))
        if "medication" in flags:
            substances = set(self.answers.get("substances", []))
            medicines = set()
            if "opioids" in substances:
                medicines |= {"buprenorphine", "methadone", "naltrexone"}
            if "alcohol" in substances:
                medicines.add("naltrexone")
            params += [("medication", m) for m in sorted(medicines)]
        if "co_occurring" in flags:
            params.append(("co_occurring", "1"))
        return params

    @property
    def area_score_list(self) -> list[tuple[int, int]]:
        return sorted((int(area), int(score)) for area, score in self.area_scores.items())


class BestTime(models.TextChoices):
    ANY = "any", "Any time"
    MORNING = "morning", "Morning (9 a.m. to noon)"
    AFTERNOON = "afternoon", "Afternoon (noon to 5 p.m.)"
    EVENING = "evening", "Evening (5 to 8 p.m.)"


class PreferredLanguage(models.TextChoices):
    ENGLISH = "en", "English"
    SPANISH = "es", "Spanish (Español)"
    OTHER = "other", "Another language"


class ContactRequest(models.Model):
    """Contact details shared with the intake team, only with explicit consent."""

    response = models.OneToOneField(
        Response, on_delete=models.CASCADE, related_name="contact_request"
    )
    consent = models.BooleanField()
    name = models.CharField(max_length=100)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    best_time = models.CharField(max_length=10, choices=BestTime, default=BestTime.ANY)
    preferred_language = models.CharField(
        max_length=10, choices=PreferredLanguage, default=PreferredLanguage.ENGLISH
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(consent=True), name="contact_consent_given"),
            models.CheckConstraint(
                condition=~models.Q(phone="", email=""), name="contact_phone_or_email"
            ),
        ]

    def __str__(self) -> str:
        return f"Contact request for {self.response.reference_code}"
