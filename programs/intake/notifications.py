"""What the intake team is told by email: a crisis response or a new contact request
arrived, and a daily digest of overdue requests.

A message names reference codes, counts and a link to the workspace, never answers, flags,
names, phone numbers or email addresses: mail passes through servers the team does not
run and shows on locked phones. Staff read the rest after signing in. Sending, retrying
and the hooks that start it are in programs/intake/tasks.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.urls import reverse
from django.utils import timezone

from programs.intake.services import WAITING_BUSINESS_DAYS, waiting_cutoff
from programs.questionnaire.models import ContactRequest

# The digest lists at most this many codes; the count and the link cover the rest.
DIGEST_MAX_CODES = 100


class Event(models.TextChoices):
    CRISIS = "crisis", "A crisis response arrived"
    REQUEST = "request", "A new contact request arrived"


def recipients() -> list[str]:
    """The intake team's notification addresses (INTAKE_NOTIFY_EMAILS); empty: notify nobody."""
    return list(settings.INTAKE_NOTIFY_EMAILS)


def workspace_link(response_id: int | None = None, *, queue: str = "") -> str:
    """The absolute address where staff open a response, or the queue filtered by ``queue``.

    The one place notifications decide where staff work, so moving the intake workspace
    means changing only this.
    """
    if response_id is not None:
        path = reverse("admin:programs_response_change", args=[response_id])
    else:
        path = reverse("admin:intake_workspace")
        if queue:
            path = f"{path}?{urlencode({'queue': queue})}"
    return f"{settings.SITE_URL}{path}"


def _message(subject: str, lines: list[str]) -> EmailMessage:
    footer = [
        "",
        "--",
        f"Sent by {settings.SITE_NAME} to the intake team. By design this message holds no",
        "health information or contact details: sign in to read them.",
    ]
    return EmailMessage(
        subject=f"[{settings.SITE_NAME}] {subject}",
        body="\n".join([*lines, *footer]) + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients(),
    )


def event_message(event: Event, *, reference_code: str, response_id: int) -> EmailMessage:
    """The mail saying that a crisis response or a contact request arrived: code and link."""
    # The subject leaves the code out: it is what a locked phone shows.
    return _message(
        event.label,
        [
            f"{event.label}.",
            "",
            f"Reference code: {reference_code}",
            "",
            "Open it in the intake workspace (staff sign-in required):",
            workspace_link(response_id),
        ],
    )


@dataclass(frozen=True)
class Overdue:
    total: int
    codes: list[str]  # the oldest first, at most DIGEST_MAX_CODES
    cutoff: datetime


def overdue_requests(now: datetime | None = None) -> Overdue:
    """Contact requests nobody has reached within the business-day target, oldest first."""
    cutoff = waiting_cutoff(now or timezone.now())
    waiting = ContactRequest.objects.waiting_since(cutoff)
    codes = list(
        waiting.order_by("created_at", "pk").values_list("response__reference_code", flat=True)[
            :DIGEST_MAX_CODES
        ]
    )
    total = len(codes) if len(codes) < DIGEST_MAX_CODES else waiting.count()
    return Overdue(total=total, codes=codes, cutoff=cutoff)


def digest_message(overdue: Overdue) -> EmailMessage:
    """The daily digest: how many requests are overdue, their codes and a link to them."""
    noun = "request" if overdue.total == 1 else "requests"
    cutoff = timezone.localtime(overdue.cutoff).strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        f"{overdue.total} contact {noun} waiting more than {WAITING_BUSINESS_DAYS} business "
        f"days (shared before {cutoff}, status new or in progress).",
        "",
        "Reference codes, oldest first:",
        *overdue.codes,
    ]
    if overdue.total > len(overdue.codes):
        lines.append(f"…and {overdue.total - len(overdue.codes)} more.")
    lines += ["", "Open them in the intake workspace:", workspace_link(queue="waiting")]
    return _message(f"Overdue contact requests: {overdue.total}", lines)
