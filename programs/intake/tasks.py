"""Sending the intake team's notifications from the task worker, with retries.

Nothing here runs in a request: the questionnaire's services announce a crisis response
or a shared contact request (programs/questionnaire/signals.py), the receivers below queue
a task once the transaction has committed, and `manage.py db_worker` sends the mail. A
person's submission is stored and answered whether or not the mail server is up.

django-tasks does not retry, so a task that cannot reach the mail server queues itself
again with ``run_after`` further off each time (1, 5, 25, 125… minutes), up to
INTAKE_NOTIFY_MAX_ATTEMPTS tries in all. Log lines say what kind of message and which
attempt, never a reference code, an address or the mail server's reply (which can quote
addresses).
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from programs.intake import notifications
from programs.intake.notifications import Event
from programs.questionnaire.models import Response

logger = logging.getLogger(__name__)

# The longest wait between two tries, whatever INTAKE_NOTIFY_MAX_ATTEMPTS allows.
MAX_RETRY_DELAY = timedelta(hours=12)


class Outcome:
    SENT = "sent"
    RETRYING = "retrying"
    GAVE_UP = "gave up"
    NOTHING_TO_SEND = "nothing to send"


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after failed try number ``attempt``: 1, 5, 25… minutes."""
    # 5**6 minutes is past the cap already; a larger power is just a larger number.
    return min(timedelta(minutes=5 ** min(attempt - 1, 6)), MAX_RETRY_DELAY)


def _send(
    message: EmailMessage,
    *,
    what: str,
    attempt: int,
    retry: Callable[[datetime, int], object],
) -> str:
    """Send ``message``; if the mail server cannot be reached, call ``retry`` to try later."""
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        # The error's class only: its text can quote the recipients' addresses.
        reason = type(error).__name__
        if attempt >= settings.INTAKE_NOTIFY_MAX_ATTEMPTS:
            logger.error(
                "Intake notification (%s) not sent: gave up after %d attempts (%s)",
                what,
                attempt,
                reason,
            )
            return Outcome.GAVE_UP
        delay = retry_delay(attempt)
        retry(timezone.now() + delay, attempt + 1)
        logger.warning(
            "Intake notification (%s) not sent, attempt %d of %d (%s); next try in %d minutes",
            what,
            attempt,
            settings.INTAKE_NOTIFY_MAX_ATTEMPTS,
            reason,
            delay // timedelta(minutes=1),
        )
        return Outcome.RETRYING
    logger.info("Intake notification (%s) sent, attempt %d", what, attempt)
    return Outcome.SENT


@task()
def send_event_notification(event: str, response_id: int, attempt: int = 1) -> str:
    """Tell the intake team that a crisis response or a contact request arrived."""
    recipients = notifications.recipients()
    code = Response.objects.filter(pk=response_id).values_list("reference_code", flat=True).first()
    if not recipients or code is None:
        # Notifications turned off since, or the person deleted their answers: nothing to open.
        return Outcome.NOTHING_TO_SEND
    kind = Event(event)
    message = notifications.event_message(kind, reference_code=code, response_id=response_id)

    def retry(run_after: datetime, next_attempt: int) -> None:
        send_event_notification.using(run_after=run_after).enqueue(
            event, response_id, attempt=next_attempt
        )

    return _send(message, what=kind.value, attempt=attempt, retry=retry)


@task()
def send_overdue_digest(attempt: int = 1) -> str:
    """Send the intake team the count and codes of overdue contact requests, if any."""
    if not notifications.recipients():
        return Outcome.NOTHING_TO_SEND
    overdue = notifications.overdue_requests()
    if not overdue.total:
        return Outcome.NOTHING_TO_SEND

    def retry(run_after: datetime, next_attempt: int) -> None:
        send_overdue_digest.using(run_after=run_after).enqueue(attempt=next_attempt)

    return _send(
        notifications.digest_message(overdue), what="digest", attempt=attempt, retry=retry
    )


def queue_event_notification(event: Event, response_id: int) -> None:
    """Queue the notification once the current transaction commits; no-op when turned off."""
    if not notifications.recipients():
        return
    # robust: a failure to queue is logged and never undoes or fails the person's submission.
    transaction.on_commit(
        partial(send_event_notification.enqueue, event.value, response_id), robust=True
    )


def notify_crisis_response(sender: Any, *, response_id: int, **kwargs: Any) -> None:
    """Receiver of questionnaire.signals.crisis_response_recorded."""
    queue_event_notification(Event.CRISIS, response_id)


def notify_contact_request(sender: Any, *, response_id: int, **kwargs: Any) -> None:
    """Receiver of questionnaire.signals.contact_request_shared."""
    queue_event_notification(Event.REQUEST, response_id)
