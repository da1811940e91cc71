"""The intake queue's rules: status changes, assignment, notes, counts and who works it.

Every staff write to a response, its contact request or its notes goes through here
(the response page's forms, the list actions, deleting a contact request, the purge), and
each keeps `Response.queue_rank` and `Response.due_at` right with `refresh_queue_rank`,
which applies the two rules, `queue_rank()` and `queue_due_at()`
(programs/questionnaire/models.py). The public site's writes do the same in
programs/questionnaire/services.py, except for the due time of a request just shared:
that is the intake team's calendar, so `due_times.start_due_clock` sets it, in the
share's own transaction. The models' `save()` and `delete()` do not.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from programs.intake import drafts
from programs.intake.due_times import due_time, overdue_q
from programs.intake.models import CallAttempt, CallOutcome, ContactRequestChange, StaffNote
from programs.intake.roles import INTAKE_STAFF
from programs.questionnaire.models import (
    ContactRequest,
    ContactStatus,
    Response,
    queue_due_at,
    queue_rank,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User

RECENT_CRISIS_DAYS = 7


class StaleContactRequest(Exception):
    """The contact request changed after the form was shown; nothing was saved."""


class DuplicateCallAttempt(Exception):
    """This form's call was logged already (a double submit); nothing was saved again."""


class NotACrisis(Exception):
    """Only crisis responses are acknowledged; nothing was saved."""


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = _Unchanged()


def queue_staff(also: Iterable[int | None] = ()) -> QuerySet:
    """Active staff who can work the queue (intake staff, superusers), plus ``also`` by id."""
    ids = [pk for pk in also if pk is not None]
    return (
        get_user_model()
        .objects.filter(
            Q(is_active=True, is_staff=True)
            & (Q(is_superuser=True) | Q(groups__name=INTAKE_STAFF))
            | Q(pk__in=ids)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def staff_name(user: User | None) -> str:
    """How the queue names a staff member."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def refresh_queue_rank(response: Response) -> int:
    """Store ``response``'s queue rank and due time again from its contact request and
    notes; return the rank.

    Call in the same transaction as the write that changed them: a status change, a new
    note, a deleted contact request. ``response.crisis`` must be loaded; the rest is read
    afresh from the database. The due time is the request's own while nobody has reached
    the person, and none after (it comes back if the request is reopened).
    """
    contact = (
        ContactRequest.objects.filter(response_id=response.pk)
        .values("pk", "status", "created_at", "due_at")
        .first()
    )
    status = contact["status"] if contact else None
    due = contact["due_at"] if contact else None
    if contact is not None and due is None:
        # A request stored some other way than sharing it (the admin, a script).
        due = due_time(contact["created_at"])
        ContactRequest.objects.filter(pk=contact["pk"]).update(due_at=due)
    has_notes = StaffNote.objects.filter(response_id=response.pk).exists()
    rank = queue_rank(crisis=response.crisis, contact_status=status, has_notes=has_notes)
    queue_due = queue_due_at(contact_status=status, due_at=due)
    Response.objects.filter(pk=response.pk).update(queue_rank=rank, due_at=queue_due)
    response.queue_rank = rank
    response.due_at = queue_due
    return rank


def update_contact_request(
    contact_id: int,
    *,
    by: User,
    status: str | None = None,
    assigned_to: User | None | _Unchanged = UNCHANGED,
    expected_status: str | None = None,
    expected_assignee_id: int | None | _Unchanged = UNCHANGED,
) -> list[ContactRequestChange]:
    """Change status and/or assignee, keeping a history row for each change.

    With ``expected_*`` given, refuses (StaleContactRequest) when someone else changed
    the request since the form was shown, rather than silently overwriting their work.
    """
    with transaction.atomic():
        contact = ContactRequest.objects.select_for_update().get(pk=contact_id)
        if (expected_status is not None and contact.status != expected_status) or (
            expected_assignee_id is not UNCHANGED
            and contact.assigned_to_id != expected_assignee_id
        ):
            raise StaleContactRequest
        now = timezone.now()
        changes: list[ContactRequestChange] = []
        fields: list[str] = []
        if status is not None and status != contact.status:
            if status not in ContactStatus.values:
                raise ValueError(f"Unknown contact request status {status!r}")
            changes.append(
                ContactRequestChange(
                    contact_request=contact,
                    changed_at=now,
                    changed_by=by,
                    kind=ContactRequestChange.Kind.STATUS,
                    old_status=contact.status,
                    new_status=status,
                )
            )
            contact.status = status
            contact.status_changed_at = now
            fields += ["status", "status_changed_at"]
        new_assignee_id = None if assigned_to is None else getattr(assigned_to, "pk", None)
        if not isinstance(assigned_to, _Unchanged) and new_assignee_id != contact.assigned_to_id:
            changes.append(
                ContactRequestChange(
                    contact_request=contact,
                    changed_at=now,
                    changed_by=by,
                    kind=ContactRequestChange.Kind.ASSIGNMENT,
                    assignee=assigned_to,
                )
            )
            contact.assigned_to = assigned_to
            fields.append("assigned_to")
        if changes:
            contact.save(update_fields=fields)
            ContactRequestChange.objects.bulk_create(changes)
            refresh_queue_rank(contact.response)
        return changes


def delete_contact_request(contact: ContactRequest) -> None:
    """Delete a contact request (its history goes with it); the response stays in the queue."""
    response = contact.response
    with transaction.atomic():
        contact.delete()
        refresh_queue_rank(response)


def describe_changes(changes: Iterable[ContactRequestChange]) -> str:
    """A short account of changes for the access log: statuses and staff names only."""
    parts = []
    for change in changes:
        if change.kind == ContactRequestChange.Kind.STATUS:
            old = ContactStatus(change.old_status).label if change.old_status else "none"
            parts.append(f"status {old} → {ContactStatus(change.new_status).label}")
        else:
            parts.append(f"assigned to {staff_name(change.assignee) or 'nobody'}")
    return "; ".join(parts)


def add_note(response: Response, *, by: User, text: str) -> StaffNote:
    """Append a note to a response's timeline."""
    text = text.strip()
    if not text:
        raise ValueError("A note needs some text.")
    with transaction.atomic():
        note = StaffNote.objects.create(response=response, author=by, text=text)
        refresh_queue_rank(response)
        # The draft this note was typed from (if any) is now the note.
        drafts.discard(response, user=by, box=drafts.NoteDraft.Box.NOTE)
    return note


def log_call(
    response: Response,
    *,
    by: User,
    outcome: str,
    note: str = "",
    next_callback_at: datetime | None = None,
    status: str | None = None,
    expected_status: str | None = None,
    form_token: uuid.UUID | None = None,
) -> tuple[CallAttempt, list[ContactRequestChange]]:
    """Log a call and change the contact request's status, all or nothing.

    ``expected_status`` is the status the form was shown with: StaleContactRequest if
    it changed since (nothing saved). A ``form_token`` already used raises
    DuplicateCallAttempt (nothing saved again).
    """
    if outcome not in CallOutcome.values:
        raise ValueError(f"Unknown call outcome {outcome!r}")
    with transaction.atomic():
        # Locked first, so a double submit waits for the first and then finds its token.
        contact = (
            ContactRequest.objects.select_for_update().filter(response_id=response.pk).first()
        )
        if form_token is not None and CallAttempt.objects.filter(form_token=form_token).exists():
            raise DuplicateCallAttempt
        changes: list[ContactRequestChange] = []
        if contact is not None and (status is not None or expected_status is not None):
            changes = update_contact_request(
                contact.pk, by=by, status=status, expected_status=expected_status
            )
        try:
            with transaction.atomic():
                attempt = CallAttempt.objects.create(
                    response=response,
                    caller=by,
                    outcome=outcome,
                    note=note.strip(),
                    next_callback_at=next_callback_at,
                    form_token=form_token,
                )
        except IntegrityError:
            raise DuplicateCallAttempt from None
        drafts.discard(response, user=by, box=drafts.NoteDraft.Box.CALL)
    return attempt, changes


@dataclass(frozen=True)
class Acknowledgement:
    at: datetime
    by: str  # the staff member's name; "" if their account is gone
    now: bool  # acknowledged by this call; False: someone had already


def acknowledge_crisis(response: Response, *, by: User) -> Acknowledgement:
    """Record that ``by`` saw this crisis response, unless someone already did.

    Only the first acknowledgement counts: one conditional UPDATE, so two staff clicking
    at once cannot both be first. The response keeps its place at the top of the queue
    until the person is reached (``queue_rank``): acknowledging hides nothing.
    """
    if not response.crisis:
        raise NotACrisis
    now = timezone.now()
    first = Response.objects.filter(
        pk=response.pk, crisis=True, crisis_acknowledged_at__isnull=True
    ).update(crisis_acknowledged_at=now, crisis_acknowledged_by=by)
    if first:
        response.crisis_acknowledged_at, response.crisis_acknowledged_by = now, by
        return Acknowledgement(at=now, by=staff_name(by), now=True)
    earlier = Response.objects.select_related("crisis_acknowledged_by").get(pk=response.pk)
    if earlier.crisis_acknowledged_at is None:
        raise NotACrisis  # the stored response is no crisis, whatever this copy says
    response.crisis_acknowledged_at = earlier.crisis_acknowledged_at
    response.crisis_acknowledged_by = earlier.crisis_acknowledged_by
    return Acknowledgement(
        at=earlier.crisis_acknowledged_at,
        by=staff_name(earlier.crisis_acknowledged_by),
        now=False,
    )


def describe_call(attempt: CallAttempt, changes: Iterable[ContactRequestChange]) -> str:
    """A short account of a logged call for the access log: never the note's text."""
    parts = [f"call logged: {attempt.get_outcome_display()}"]
    if attempt.next_callback_at is not None:
        parts.append("next callback set")
    if attempt.note:
        parts.append("with a note")
    described = describe_changes(changes)
    return "; ".join([*parts, described] if described else parts)


@dataclass(frozen=True)
class PurgeResult:
    codes: list[str]  # reference codes of the responses deleted
    contacts: int  # contact requests deleted with them
    notes: int  # staff notes deleted with them
    calls: int  # call attempts deleted with them


# Deleted in batches: SQLite refuses statements with tens of thousands of parameters.
PURGE_BATCH = 500


def purge_responses(expired: QuerySet, *, batch: int = PURGE_BATCH) -> PurgeResult:
    """Delete these responses batch by batch; their contact requests, notes and call
    attempts cascade.

    Call inside a transaction, with a queryset that selects only responses to delete
    (``Response.objects.expired(cutoff)``): it is read again for each batch until empty.
    Only whole responses go, so no response left behind needs its queue rank changed.
    """
    codes: list[str] = []
    contacts = notes = calls = 0
    while True:
        rows = list(expired.order_by("pk").values_list("pk", "reference_code")[:batch])
        if not rows:
            return PurgeResult(codes, contacts, notes, calls)
        _total, per_model = Response.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
        codes += [code for _, code in rows]
        contacts += per_model.get(ContactRequest._meta.label, 0)
        notes += per_model.get(StaffNote._meta.label, 0)
        calls += per_model.get(CallAttempt._meta.label, 0)


@dataclass(frozen=True)
class QueueSummary:
    new_requests: int
    recent_crisis: int
    overdue: int
    crisis_since: datetime


def crisis_since(now: datetime) -> datetime:
    return now - timedelta(days=RECENT_CRISIS_DAYS)


def queue_summary(now: datetime | None = None) -> QueueSummary:
    """The three numbers on the admin home page, in three small indexed queries."""
    now = now or timezone.now()
    since = crisis_since(now)
    return QueueSummary(
        new_requests=ContactRequest.objects.new().count(),
        recent_crisis=Response.objects.recent_crisis(since).count(),
        overdue=Response.objects.filter(overdue_q(now)).count(),
        crisis_since=since,
    )
