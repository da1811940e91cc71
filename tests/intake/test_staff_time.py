"""One way of writing a moment on every staff page: the workspace's Received, Due and Next
callback columns, and the response page's shared, due, call and timeline times."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from programs.intake.admin.shared import staff_time
from programs.intake.models import CallOutcome
from programs.intake.services import refresh_queue_rank
from programs.models import CallAttempt, ContactRequest
from tests.factories.intake import intake_user, make_response, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
# "Wed 2 Dec 15:57" or, another year, "Tue 2 Dec 2025 15:57".
STAFF_TIME = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}( \d{4})? \d{2}:\d{2}$"
)


@override_settings(TIME_ZONE="America/New_York")
def test_this_years_moments_leave_the_year_out_and_others_name_it():
    now = datetime(2026, 12, 2, 20, 0, tzinfo=ZoneInfo("UTC"))
    assert staff_time(datetime(2026, 12, 2, 15, 57, tzinfo=NEW_YORK), now) == "Wed 2 Dec 15:57"
    assert staff_time(datetime(2025, 12, 2, 9, 5, tzinfo=NEW_YORK), now) == "Tue 2 Dec 2025 09:05"
    # In the team's time zone, not UTC: 02:30 UTC on 1 Jan is still 31 Dec in New York.
    new_year = datetime(2027, 1, 1, 2, 30, tzinfo=ZoneInfo("UTC"))
    assert staff_time(new_year, now) == "Thu 31 Dec 21:30"


def test_the_workspace_and_the_response_page_write_moments_alike(client):
    force_login_verified(client, intake_user())
    response = make_response()
    contact = share(response, phone="+12125550199")
    ContactRequest.objects.filter(pk=contact.pk).update(due_at=timezone.now() + timedelta(days=1))
    CallAttempt.objects.create(
        response=response,
        outcome=CallOutcome.VOICEMAIL,
        next_callback_at=timezone.now() + timedelta(days=2),
    )
    refresh_queue_rank(response)
    queue = client.get(reverse("admin:intake_workspace"))
    (row,) = queue.context["rows"]
    for text in (row.received_text, row.due_text, row.next_callback_text):
        assert STAFF_TIME.match(text), text
    page = client.get(reverse("admin:programs_response_change", args=[response.pk]))
    html = page.content.decode()
    assert STAFF_TIME.match(page.context["due_text"])
    for event in page.context["timeline"]:
        assert STAFF_TIME.match(event["when"]), event
    shared = re.search(r"<dt>Shared</dt><dd><time datetime=\"[^\"]+\">([^<]+)</time>", html)
    assert shared
    assert STAFF_TIME.match(shared.group(1))
    # Django's default "Dec. 2, 2026, 3:57 p.m." is written nowhere on the page.
    assert not re.search(r"\d{1,2}:\d{2} [ap]\.m\.", html)
