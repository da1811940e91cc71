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

from programs.intake.due_times import overdue_q
from programs.questionnaire.models import Response

# The digest lists at most this many codes; the count and the link cover the rest.
DIGEST_MAX_CODES = 100


class Event(models.TextChoices):
    CRISIS = "crisis", "A crisis response arrived"
    REQUEST = "request", "A new contact request arrived"


def recipients() -> list[str]:
    """The intake team's notification addresses (INTAKE_NOTIFY_EMAILS); empty: notify nobody."""
    return list(settings.INTAKE_NOTIFY_EMAILS)


def workspace_link(response_id: int | None = None, *, queue: dict[str, str] | None = None) -> str:
    """The absolute address where staff open a response, or the workspace queue with the
    filters ``queue``.

    The one place notifications decide where staff work, so moving the intake workspace
    means changing only this.
    """
    if response_id is not None:
        path = reverse("admin:programs_response_change", args=[response_id])
    else:
        path = reverse("admin:intake_workspace")
        if queue:
            path = f"{path}?{urlencode(queue)}"
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
    codes: list[str]  # the longest overdue first, at most DIGEST_MAX_CODES
    now: datetime


def overdue_requests(now: datetime | None = None) -> Overdue:
    """Contact requests nobody has reached by their due time, the longest overdue first.

    The workspace's "Overdue" filter and the admin home's count use the same rule
    (``due_times.overdue_q``).
    """
    now = now or timezone.now()
    overdue = Response.objects.filter(overdue_q(now))
    codes = list(
        overdue.order_by("due_at", "pk").values_list("reference_code", flat=True)[
            :DIGEST_MAX_CODES
        ]
    )
    total = len(codes) if len(codes) < DIGEST_MAX_CODES else overdue.count()
    return Overdue(total=total, codes=codes, now=now)


def digest_message(overdue: Overdue) -> EmailMessage:
    """The daily digest: how many requests are overdue, their codes and a link to them."""
    noun = "request" if overdue.total == 1 else "requests"
    now = timezone.localtime(overdue.now).strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        f"{overdue.total} contact {noun} overdue on {now}: nobody has reached the person "
        f"within {settings.INTAKE_DUE_BUSINESS_HOURS} business hours of them sharing their "
        "details.",
        "",
        "Reference codes, longest overdue first:",
        *overdue.codes,
    ]
    if overdue.total > len(overdue.codes):
        lines.append(f"…and {overdue.total - len(overdue.codes)} more.")
    lines += ["", "Open them in the intake workspace:", workspace_link(queue={"due": "overdue"})]
    return _message(f"Overdue contact requests: {overdue.total}", lines)
