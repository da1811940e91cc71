"""The intake team's working records: notes, contact-request history and the access log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from programs.questionnaire.models import ContactRequest, ContactStatus, Response


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete a record that may only be added."""


class StaffNote(models.Model):
    """What a staff member did or learned about a response. Notes are never edited."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="staff_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    text = models.TextField(max_length=2000)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        # Shown in delete confirmations and logs: never the text itself.
        return f"Staff note {self.pk}"

    def save(self, *args, **kwargs) -> None:
        """Add the note. Add it with `services.add_note`, which also updates the queue rank."""
        if not self._state.adding:
            raise AppendOnlyError("Staff notes are append-only; add a new note instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Staff notes are append-only; they go with their response.")


class CallOutcome(models.TextChoices):
    REACHED = "reached", "Reached"
    VOICEMAIL = "voicemail", "Voicemail left"
    NO_ANSWER = "no_answer", "No answer"
    WRONG_NUMBER = "wrong_number", "Wrong number"
    CALL_LATER = "call_later", "Asked to call later"
    REFERRED = "referred", "Referred"


class CallAttempt(models.Model):
    """One call a staff member made about a response, with its outcome. Never edited.

    Holds what staff chose and typed: the outcome, an optional note and the time agreed
    for the next call. Log one with `services.log_call`; it goes with its response.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="call_attempts")
    caller = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    outcome = models.CharField(max_length=20, choices=CallOutcome)
    note = models.TextField(max_length=2000, blank=True)
    next_callback_at = models.DateTimeField("next callback", null=True, blank=True)
    # The form's one-time token: the same form posted twice logs one call.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        # A response's latest call and its count, for the queue and the response page.
        indexes = [
            models.Index(fields=["response", "-created_at"], name="callattempt_response_latest")
        ]

    def __str__(self) -> str:
        # Never the note itself.
        return f"Call attempt {self.pk}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Call attempts are append-only; log a new call instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Call attempts are append-only; they go with their response.")


class NoteDraft(models.Model):
    """A note a staff member was typing when the idle sign-out came, kept for them only.

    One per user, response and note box (the "Add a note" box or the call log's note);
    restored in its box after sign-in, deleted when that note (or its call) is saved, and
    with its response.
    """

    class Box(models.TextChoices):
        NOTE = "note", "Add a note"
        CALL = "call", "Call note"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="note_drafts")
    box = models.CharField(max_length=10, choices=Box)
    text = models.TextField(max_length=2000)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "response", "box"], name="notedraft_one_per_user_and_box"
            )
        ]

    def __str__(self) -> str:
        # Never the text itself.
        return f"Note draft {self.pk}"


class ContactRequestChange(models.Model):
    """One change of a contact request's status or assignee, for the staff timeline."""

    class Kind(models.TextChoices):
        STATUS = "status", "Status"
        ASSIGNMENT = "assignment", "Assignment"

    contact_request = models.ForeignKey(
        ContactRequest, on_delete=models.CASCADE, related_name="changes"
    )
    changed_at = models.DateTimeField(default=timezone.now, editable=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    old_status = models.CharField(max_length=20, choices=ContactStatus, blank=True)
    new_status = models.CharField(max_length=20, choices=ContactStatus, blank=True)
    # For an assignment: who it was given to; None means it was unassigned.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-changed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="status", new_status=""),
                name="contact_change_status_has_new_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} change {self.pk}"


class AuditAction(models.TextChoices):
    VIEWED = "viewed", "Viewed a response"
    EXPORTED = "exported", "Exported"
    CONTACT_CHANGED = "contact_changed", "Changed status or assignment"
    NOTE_ADDED = "note_added", "Added a note"
    CALL_LOGGED = "call_logged", "Logged a call"
    CRISIS_ACKNOWLEDGED = "crisis_acknowledged", "Acknowledged a crisis response"
    DELETED = "deleted", "Deleted"
    PURGED = "purged", "Purged expired responses"


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    FHIR = "fhir", "FHIR R4 QuestionnaireResponse (JSON)"


class AuditEntry(models.Model):
    """Who did what to which responses, and from which admin page.

    Holds reference codes as text, not foreign keys, so entries outlive the responses
    they mention (a purge must not delete its own record). Never holds answer values,
    note text or contact details.
    """

    at = models.DateTimeField("when", default=timezone.now, editable=False, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text so the entry still says who after the account is deleted.
    actor_name = models.CharField("by", max_length=150)
    action = models.CharField(max_length=20, choices=AuditAction, db_index=True)
    export_format = models.CharField(max_length=10, choices=ExportFormat, blank=True)
    response_count = models.PositiveIntegerField("responses", default=0)
    reference_codes = models.TextField(blank=True, help_text="Space-separated reference codes.")
    path = models.CharField("page", max_length=300, blank=True)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "response access log entry"
        verbose_name_plural = "response access log"

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.actor_name}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Access log entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Access log entries cannot be deleted.")

    @property
    def reference_code_list(self) -> list[str]:
        return self.reference_codes.split()
