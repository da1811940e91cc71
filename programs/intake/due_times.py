"""Due times: when a contact request is due for its first call, and what "overdue" means.

A request is due INTAKE_DUE_BUSINESS_HOURS of business time after it was shared, on the
intake team's calendar (``closed_days``). The time is set once, when the request is shared
(``start_due_clock``), and kept on the request; the response holds a copy while nobody has
reached the person, for the queue to sort by (``queue_due_at``, kept by
``services.refresh_queue_rank``). Overdue means that copy has passed, one rule for the
workspace, the response page, the admin home and the daily digest.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from programs.intake.business_days import ClosedDays, business_time_after
from programs.questionnaire.models import NOT_REACHED_STATUSES, ContactRequest, Response


def closed_days() -> ClosedDays:
    """The intake team's days off: INTAKE_FEDERAL_HOLIDAYS and INTAKE_CLOSED_DAYS."""
    return ClosedDays(settings.INTAKE_CLOSED_DAYS, federal=settings.INTAKE_FEDERAL_HOLIDAYS)


def due_time(shared_at: datetime) -> datetime:
    """When a contact request shared at ``shared_at`` is due for its first call.

    INTAKE_DUE_BUSINESS_HOURS of business time later, in the team's time zone, closed
    days left out (``closed_days``).
    """
    hours = timedelta(hours=settings.INTAKE_DUE_BUSINESS_HOURS)
    return business_time_after(timezone.localtime(shared_at), hours, closed_days())


def start_due_clock(sender: object, *, response_id: int, shared_at: datetime, **kwargs) -> None:
    """Set the due time of the contact request just shared, and the queue's copy of it.

    The receiver of the questionnaire's ``contact_request_shared`` (programs/apps.py),
    which is sent inside ``share_contact``'s transaction: the request is never stored
    without its due time.
    """
    due = due_time(shared_at)
    ContactRequest.objects.filter(response_id=response_id).update(due_at=due)
    # queue_due_at()'s rule in one statement: the queue's copy only while nobody has
    # reached the person (a request is shared as new, but a script may store another).
    Response.objects.filter(
        pk=response_id, contact_request__status__in=NOT_REACHED_STATUSES
    ).update(due_at=due)


def is_overdue(due_at: datetime | None, now: datetime) -> bool:
    """Whether a due time has passed: the one meaning of "overdue", as ``overdue_q``."""
    return due_at is not None and due_at < now


def overdue_q(now: datetime) -> Q:
    """Responses whose contact request nobody reached by its due time (Response.due_at is
    set only while nobody has reached the person), on the response_due index."""
    return Q(due_at__lt=now)


def end_of_today(now: datetime) -> datetime:
    """The coming midnight in the team's time zone."""
    today = timezone.localtime(now).date()
    return timezone.make_aware(datetime.combine(today + timedelta(days=1), datetime.min.time()))
