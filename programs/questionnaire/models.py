"""Questionnaire responses and the contact requests people choose to share."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from programs.core.phones import display_phone, tel_uri
from programs.levels.models import TreatmentLevel
from programs.questionnaire import triage

# No 0/O, 1/I/L or 5/S: easy to read aloud over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"
REFERENCE_LENGTH = 8
REFERENCE_ATTEMPTS = 10


def new_reference_code() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def new_public_token() -> str:
    return secrets.token_urlsafe(24)


def normalise_reference_code(text: str) -> str:
    """A reference code as staff may type or read it back: "abcd 2346", "ABCD-2346".

    Spaces and dashes go, letters become capitals; what is left is compared exactly. The
    one rule for every search and lookup by reference code.
    """
    return "".join(text.split()).replace("-", "").upper()


class SiteLanguage(models.TextChoices):
    """The languages the public site and its questionnaire are offered in."""

    ENGLISH = "en", "English"
    SPANISH = "es", "Spanish"


class ForWhom(models.TextChoices):
    SELF = "self", "Themselves"
    SOMEONE_ELSE = "someone_else", "Someone else"


class WithdrawalCare(models.TextChoices):
    """The triage engine's ``WITHDRAWAL_CARE`` (version 1 used the first, second and fifth)."""

    NONE = "none", "None"
    AMBULATORY = "ambulatory", "Ambulatory (outpatient visits)"
    MONITORED = "monitored", "Day-long monitoring, home at night"
    RESIDENTIAL = "residential", "Residential withdrawal care"
    MEDICALLY_MANAGED = "medically_managed", "Medically managed (hospital or inpatient)"
    MEDICATION = "medication", "Medication instead of withdrawal (opioids in pregnancy)"


class ContactStatus(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    CONTACTED = "contacted", "Contacted"
    SCHEDULED = "scheduled", "Scheduled"
    REFERRED_ELSEWHERE = "referred_elsewhere", "Referred elsewhere"
    CLOSED = "closed", "Closed"


# A request stays open, and its response is kept past the retention period, until staff
# close it or refer the person elsewhere: only then is there nothing left to do.
CLOSED_STATUSES: frozenset[str] = frozenset(
    {ContactStatus.REFERRED_ELSEWHERE, ContactStatus.CLOSED}
)
OPEN_STATUSES: frozenset[str] = frozenset(ContactStatus.values) - CLOSED_STATUSES
# Nobody has reached the person yet.
NOT_REACHED_STATUSES: frozenset[str] = frozenset({ContactStatus.NEW, ContactStatus.IN_PROGRESS})


class QueueRank(models.IntegerChoices):
    """Where a response sorts in the intake queue; higher comes first."""

    ROUTINE = 0, "Routine"
    NEW_REQUEST = 1, "New contact request"
    CRISIS = 2, "Crisis not yet handled"


def queue_rank(*, crisis: bool, contact_status: str | None, has_notes: bool) -> int:
    """A crisis stays on top until the person is reached (or, anonymous, until a note is added)."""
    if crisis:
        if contact_status is None:
            unhandled = not has_notes
        else:
            unhandled = contact_status in NOT_REACHED_STATUSES
        if unhandled:
            return QueueRank.CRISIS
    if contact_status == ContactStatus.NEW:
        return QueueRank.NEW_REQUEST
    return QueueRank.ROUTINE


def queue_due_at(*, contact_status: str | None, due_at: datetime | None) -> datetime | None:
    """The due time the queue sorts by: the request's own, until somebody reaches the person."""
    return due_at if contact_status in NOT_REACHED_STATUSES else None


# The intake queue's order: crisis responses nobody has handled, then the requests due
# soonest (those with no due time last), then the newest. Read straight off the
# response_queue_order index on PostgreSQL, which is built on these same expressions.
UNHANDLED_CRISIS = models.Case(
    models.When(queue_rank=QueueRank.CRISIS, then=models.Value(1)),
    default=models.Value(0),
    output_field=models.IntegerField(),
)
# The Response columns the intake workspace filters on, kept in the queue's indexes.
QUEUE_FILTER_COLUMNS = ("queue_rank", "language", "crisis", "suggested_level")
QUEUE_ORDER = (
    UNHANDLED_CRISIS.desc(),
    models.F("due_at").asc(nulls_last=True),
    models.F("created_at").desc(),
    models.F("id").desc(),
)


def suggestion_fields(suggestion: triage.Suggestion) -> dict[str, object]:
    """The stored fields of a Response that come from the engine's suggestion, as stored."""
    return {
        "questionnaire_version": suggestion.questionnaire_version,
        "crisis": suggestion.crisis,
        "withdrawal_care": suggestion.withdrawal_care,
        "area_scores": {str(area): score for area, score in suggestion.area_scores},
        "reasons": [{"area": r.area, "text": r.text} for r in suggestion.reasons],
        "crisis_reasons": [
            {"danger": r.danger, "call": r.call, "text": r.text} for r in suggestion.crisis_reasons
        ],
        "also_consider": list(suggestion.also_consider),
        "flags": list(suggestion.flags),
        "flag_texts": [{"flag": flag, "text": text} for flag, text in suggestion.flag_texts],
        "notes": list(suggestion.notes),
    }


class ResponseQuerySet(models.QuerySet["Response"]):
    def for_list(self) -> ResponseQuerySet:
        return self.select_related("suggested_level")

    def for_queue(self) -> ResponseQuerySet:
        """Everything the staff queue shows for a row, in one query."""
        return self.select_related(
            "suggested_level", "contact_request", "contact_request__assigned_to"
        )

    def recent_crisis(self, since: datetime) -> ResponseQuerySet:
        return self.filter(crisis=True, created_at__gte=since)

    def expired(self, before: datetime) -> ResponseQuerySet:
        """Responses received before ``before`` with no open contact request."""
        return self.filter(created_at__lt=before).exclude(
            contact_request__status__in=OPEN_STATUSES
        )

    def record(self, answers: Mapping[str, object], language: str = "en") -> Response:
        """Store a response to valid answers: `services.record_response`, by another name."""
        from programs.questionnaire.services import record_response

        return record_response(answers, language=language)


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
    # Blank only for a crisis response sent before "who is this for" was answered.
    for_whom = models.CharField(max_length=20, choices=ForWhom, blank=True)
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
    flag_texts = models.JSONField(
        default=list, help_text="Each flag with the text the person saw ({flag, text})."
    )
    notes = models.JSONField(default=list)
    language = models.CharField(
        max_length=8,
        choices=SiteLanguage,
        default=SiteLanguage.ENGLISH,
        help_text="The language the person answered in; reasons and notes are stored in it.",
    )
    # Denormalised so the queue's order reads straight off an index: ordering by the live
    # rule would sort the whole joined table on every page load. Kept up to date by the
    # services that write responses, contact requests and notes (questionnaire/services.py,
    # intake/services.py), never by save().
    queue_rank = models.PositiveSmallIntegerField(
        choices=QueueRank, default=QueueRank.ROUTINE, editable=False
    )
    # When the contact request is due for its first call (see ContactRequest.due_at),
    # copied here while nobody has reached the person so the queue sorts on one table;
    # None when there is no request or once the person is reached.
    due_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A crisis response's one-click "Acknowledged": who saw it first, and when.
    crisis_acknowledged_at = models.DateTimeField(null=True, blank=True, editable=False)
    crisis_acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        permissions = [("export_response", "Can export responses (CSV and FHIR)")]
        indexes = [
            # The queue's order, QUEUE_ORDER, read forwards. Ascending is NULLS LAST in a
            # PostgreSQL index already (and SQLite cannot say it in one).
            # On PostgreSQL it also carries the columns the workspace filters on (and
            # queue_rank, without which the planner will not read an expression index
            # alone): a filtered page's keys come from the index only, never from the
            # table's wide rows (19 ms to 1.4 ms for "not crisis, Spanish", page 3, at
            # 200,000 responses). SQLite has no INCLUDE and builds the plain index.
            models.Index(
                UNHANDLED_CRISIS.desc(),
                models.F("due_at").asc(),
                models.F("created_at").desc(),
                models.F("id").desc(),
                name="response_queue_order",
                include=QUEUE_FILTER_COLUMNS,
            ),
            # The "due soonest" order, and the overdue and due-today counts and filters.
            models.Index(
                models.F("due_at").asc(),
                models.F("created_at").desc(),
                models.F("id").desc(),
                name="response_due",
                include=QUEUE_FILTER_COLUMNS,
            ),
            # The workspace's counts of a filter on language, level or crisis: read off
            # this index alone (132 ms to 12 ms for "Spanish, new request").
            models.Index(
                fields=["language", "suggested_level", "crisis", "id"],
                name="response_queue_filters",
            ),
        ]
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
        """Directory filters (GET parameters) for this result: its level, nothing else.

        Other answers only suggest filters (``suggested_program_filters``) that the person
        may choose: adding them unasked hid most programs.
        """
        if self.suggested_level is None:
            return []
        return [("level", self.suggested_level.slug)]

    def suggested_program_filters(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Optional directory filters the answers point to, by flag, for the person to choose."""
        if self.suggested_level is None:
            return []
        flags = set(self.flags)
        suggestions: list[tuple[str, list[tuple[str, str]]]] = []
        if "telehealth" in flags:
            suggestions.append(("telehealth", [("format", "telehealth"), ("format", "hybrid")]))
        if "adolescent" in flags:
            suggestions.append(("adolescent", [("population", "adolescents")]))
        if "pregnancy" in flags:
            suggestions.append(("pregnancy", [("population", "pregnant_postpartum")]))
        if "medication" in flags:
            substances = set(self.answers.get("substances", []))
            medicines = set()
            if "opioids" in substances:
                medicines |= {"buprenorphine", "methadone", "naltrexone"}
            if "alcohol" in substances:
                medicines.add("naltrexone")
            if medicines:
                suggestions.append(("medication", [("medication", m) for m in sorted(medicines)]))
        if "co_occurring" in flags:
            suggestions.append(("co_occurring", [("co_occurring", "1")]))
        return suggestions

    @property
    def area_score_list(self) -> list[tuple[int, int]]:
        return sorted((int(area), int(score)) for area, score in self.area_scores.items())

    def texts_in(self, language: str) -> dict[str, list]:
        """Reasons, crisis steps and notes in a language, shaped as stored.

        As stored when the person used that language. Otherwise the engine words them
        afresh from the stored answers, but only while it still gives exactly the stored
        suggestion (same questionnaire version, scores, flags and levels); if not, the
        stored text is what the person saw and stays the record.
        """
        stored = {
            "reasons": self.reasons,
            "crisis_reasons": self.crisis_reasons,
            "notes": self.notes,
            "flag_texts": self.flag_texts,
        }
        if language == self.language or self.questionnaire_version != triage.QUESTIONNAIRE_VERSION:
            return stored
        try:
            again = triage.suggest(self.answers, language=language)
        except ValueError:
            return stored
        same = (
            again.crisis == self.crisis
            and again.withdrawal_care == self.withdrawal_care
            and {str(a): s for a, s in again.area_scores} == self.area_scores
            and list(again.also_consider) == self.also_consider
            and list(again.flags) == self.flags
        )
        if not same:
            return stored
        return {
            "reasons": [{"area": r.area, "text": r.text} for r in again.reasons],
            "crisis_reasons": [
                {"danger": r.danger, "call": r.call, "text": r.text} for r in again.crisis_reasons
            ],
            "notes": list(again.notes),
            "flag_texts": [{"flag": flag, "text": text} for flag, text in again.flag_texts],
        }


class BestTime(models.TextChoices):
    ANY = "any", _("Any time")
    MORNING = "morning", _("Morning (9 a.m. to noon)")
    AFTERNOON = "afternoon", _("Afternoon (noon to 5 p.m.)")
    EVENING = "evening", _("Evening (5 to 8 p.m.)")


class PreferredLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish (Español)")
    OTHER = "other", _("Another language")


SAFE_TIMES_MAX_LENGTH = 120


class ContactRequestQuerySet(models.QuerySet["ContactRequest"]):
    def new(self) -> ContactRequestQuerySet:
        return self.filter(status=ContactStatus.NEW)


class ContactRequest(models.Model):
    """Contact details shared with the intake team, only with explicit consent."""

    response = models.OneToOneField(
        Response, on_delete=models.CASCADE, related_name="contact_request"
    )
    consent = models.BooleanField()
    name = models.CharField(max_length=100)
    # E.164 ("+12125550199") since the share form checks numbers; older rows hold free text.
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    # Safe contact: someone else may hear a voicemail or read a text. Not OK unless the
    # person said so; staff read these before anything else.
    voicemail_ok = models.BooleanField(default=False)
    text_ok = models.BooleanField(default=False)
    safe_times = models.CharField(max_length=SAFE_TIMES_MAX_LENGTH, blank=True)
    best_time = models.CharField(max_length=10, choices=BestTime, default=BestTime.ANY)
    preferred_language = models.CharField(
        max_length=10, choices=PreferredLanguage, default=PreferredLanguage.ENGLISH
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Indexed by contact_queue_filters (status first), below.
    status = models.CharField(max_length=20, choices=ContactStatus, default=ContactStatus.NEW)
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The time the first call is due: INTAKE_DUE_BUSINESS_HOURS business hours after the
    # request was shared (closed days do not count). Kept after the person is reached.
    due_at = models.DateTimeField(null=True, blank=True, editable=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_contact_requests",
    )

    objects = ContactRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The workspace's status, assignee and "mine" filters joined to the responses:
            # the matching responses' ids from the index alone.
            models.Index(
                fields=["status", "assigned_to", "response"], name="contact_queue_filters"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(consent=True), name="contact_consent_given"),
            models.CheckConstraint(
                condition=~models.Q(phone="", email=""),
                name="contact_phone_or_email",
                # The share form shows this one message, not the constraint's name.
                violation_error_message=_("Give a phone number or an email address."),
            ),
        ]

    def __str__(self) -> str:
        return f"Contact request for {self.response.reference_code}"

    @property
    def phone_display(self) -> str:
        """The phone number as people read it: "(212) 555-0199", or old free text as stored."""
        return display_phone(self.phone)

    @property
    def phone_tel(self) -> str:
        return tel_uri(self.phone)
