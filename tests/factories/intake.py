"""Small explicit helpers for the intake team's tests: staff users, responses, requests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from programs.intake.due_times import due_time
from programs.intake.roles import CONTENT_EDITORS, INTAKE_STAFF
from programs.intake.services import refresh_queue_rank
from programs.models import ContactRequest, Response
from programs.questionnaire.services import record_response, share_contact
from tests.factories import next_number
from tests.factories.questionnaire import answers

PASSWORD = "correct-horse-battery-staple-42"


def make_user(
    *, group: str | None = None, staff: bool = True, superuser: bool = False, **extra: Any
):
    n = next_number()
    User = get_user_model()
    values = {"username": f"user{n}", "first_name": "", "last_name": "", **extra}
    if superuser:
        user = User.objects.create_superuser(password=PASSWORD, email="", **values)
    else:
        user = User.objects.create_user(password=PASSWORD, is_staff=staff, **values)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def intake_user(**extra: Any):
    return make_user(group=INTAKE_STAFF, **extra)


def content_user(**extra: Any):
    return make_user(group=CONTENT_EDITORS, **extra)


def make_response(*, created_at: datetime | None = None, **answer_overrides: Any) -> Response:
    response = record_response(answers(**answer_overrides))
    if created_at is not None:
        Response.objects.filter(pk=response.pk).update(created_at=created_at)
        response.refresh_from_db()
    return response


def share(
    response: Response, *, created_at: datetime | None = None, **overrides: Any
) -> ContactRequest:
    values: dict[str, Any] = {
        "consent": True,
        "name": "Robin Example",
        "phone": "555-0100",
        "email": "robin@example.org",
    }
    values.update(overrides)
    # Through the public share flow's service, which also sets the response's queue rank.
    contact = share_contact(response, ContactRequest(**values))
    if created_at is not None:
        # Shared back then: due then too.
        ContactRequest.objects.filter(pk=contact.pk).update(
            created_at=created_at, due_at=due_time(created_at)
        )
        refresh_queue_rank(response)
    contact.refresh_from_db()
    response.refresh_from_db()
    return contact
