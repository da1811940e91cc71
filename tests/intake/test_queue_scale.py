"""The workspace queue and the response page cost the same queries at any data size.

`make bench` measures both at 200,000 responses (bench/run.py, the intake rows); here the
query counts are pinned exactly, at a small and a larger size: a queue of 3 and of 60
responses (with requests, assignees, calls and notes), and a response page with one and
with 25 notes, calls and contact-request changes. Nothing is loaded row by row or event
by event. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from iopguide import middleware
from programs.intake.services import add_note, log_call, update_contact_request
from programs.models import CallOutcome, ContactStatus, Response, TreatmentLevel
from tests.factories.intake import intake_user, make_response, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

WORKSPACE = "/admin/intake/"
# Session, user, the two-factor device that verified the session, permissions, the capped
# count, the page of rows (with the attempts and the next callback as subqueries), the
# assignee and level choices, the access-log insert.
QUEUE_QUERIES = 10
# A chosen assignee or level is looked up once to check it (ModelChoiceField).
CHOICE_LOOKUP = 1
# Session, user, the two-factor device that verified the session, the response (with its
# request and assignee), permissions (user's and group's), the access-log insert, calls,
# notes and contact-request changes (each with their staff member), the assignee choices
# of the contact form. (A response with levels to "also consider" adds one query for
# their names, whatever their number.) Plus the signed-in user's note drafts for the two
# note boxes.
RESPONSE_PAGE_QUERIES = 12

SMALL, LARGE = 3, 60
FEW, MANY = 1, 25
STATUSES = [
    ContactStatus.IN_PROGRESS,
    ContactStatus.CONTACTED,
    ContactStatus.SCHEDULED,
    ContactStatus.CLOSED,
]


@pytest.fixture
def intake(client, monkeypatch):
    user = intake_user(first_name="Ines", last_name="Intake")
    force_login_verified(client, user)
    # The first request records the session's start; later ones do not (query counts).
    monkeypatch.setattr(middleware, "LAST_SEEN_RESOLUTION_SECONDS", 3600)
    client.get(reverse("admin:index"))
    return user


def fill_queue(count: int, staff, colleague, start: int = 0) -> None:
    """``count`` more responses as a queue has them: some crisis, most shared, some taken,
    called and noted, by two staff members."""
    for n in range(start, start + count):
        response = make_response(danger_now=["overdose_signs"] if n % 7 == 0 else [])
        if n % 4 == 3:
            continue  # no contact request
        contact = share(response, name=f"Person {n}", phone=f"+1212555{n % 100:04d}")
        if n % 3:
            by = staff if n % 2 else colleague
            update_contact_request(
                contact.pk, by=by, status=STATUSES[n % len(STATUSES)], assigned_to=by
            )
            log_call(
                response,
                by=by,
                outcome=CallOutcome.VOICEMAIL,
                next_callback_at=timezone.now() + timedelta(days=1),
            )
            add_note(response, by=by, text=f"Note {n}")


def queue_urls(staff) -> dict[str, int]:
    """Filters and searches that each list something already in the small queue, with
    their exact query counts."""
    level = Response.objects.exclude(suggested_level=None).values("suggested_level")[:1]
    level_id = TreatmentLevel.objects.get(pk=level).pk
    return {
        WORKSPACE: QUEUE_QUERIES,
        f"{WORKSPACE}?status=new": QUEUE_QUERIES,
        f"{WORKSPACE}?status=contacted&language=en": QUEUE_QUERIES,
        f"{WORKSPACE}?mine=yes": QUEUE_QUERIES,
        f"{WORKSPACE}?assignee={staff.pk}&crisis=no": QUEUE_QUERIES + CHOICE_LOOKUP,
        f"{WORKSPACE}?level={level_id}": QUEUE_QUERIES + CHOICE_LOOKUP,
        f"{WORKSPACE}?level=null": QUEUE_QUERIES,
        f"{WORKSPACE}?q=(212)%20555-0001": QUEUE_QUERIES,
        f"{WORKSPACE}?q=Person": QUEUE_QUERIES,
    }


def count_queries(client, url: str) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url)
    assert page.status_code == HTTPStatus.OK, url
    return len(captured), page


def test_the_queue_costs_the_same_queries_at_3_and_60_responses(client, intake):
    colleague = intake_user(first_name="Cole", last_name="League")
    fill_queue(SMALL, intake, colleague)
    urls = queue_urls(intake)
    small = {}
    for url in urls:
        small[url], page = count_queries(client, url)
        assert page.context["rows"], url  # (an empty page skips the rows' query)
    fill_queue(LARGE - SMALL, intake, colleague, start=SMALL)
    assert Response.objects.count() == LARGE
    shown = {}
    large = {}
    for url in urls:
        large[url], page = count_queries(client, url)
        shown[url] = len(page.context["rows"])
    # The larger queue really shows more: a full page, and rows with calls and notes.
    assert shown[WORKSPACE] == 50
    named = Response.objects.filter(contact_request__name__startswith="Person").count()
    assert shown[f"{WORKSPACE}?q=Person"] == min(named, 50) > 40
    assert shown[f"{WORKSPACE}?mine=yes"] > 5
    rows = count_queries(client, WORKSPACE)[1].context["rows"]
    assert any(row.attempts and row.next_callback for row in rows)
    assert small == large == urls
    # A later page of the larger queue too.
    assert count_queries(client, f"{WORKSPACE}?page=2")[0] == QUEUE_QUERIES


def test_the_queue_query_count_is_exact(client, intake, django_assert_num_queries):
    fill_queue(SMALL, intake, intake)
    with django_assert_num_queries(QUEUE_QUERIES):
        assert client.get(WORKSPACE).status_code == HTTPStatus.OK
    fill_queue(LARGE - SMALL, intake, intake, start=SMALL)
    with django_assert_num_queries(QUEUE_QUERIES):
        assert client.get(WORKSPACE, {"status": "contacted"}).status_code == HTTPStatus.OK


def add_history(response: Response, count: int, staff, colleague, start: int = 0) -> None:
    """``count`` notes, calls and status changes with reassignments, by two people."""
    contact = response.contact_request
    for n in range(start, start + count):
        by = staff if n % 2 else colleague
        add_note(response, by=by, text=f"Note {n}")
        log_call(
            response,
            by=by,
            outcome=list(CallOutcome)[n % len(CallOutcome)],
            note=f"Call {n}" if n % 3 else "",
            next_callback_at=timezone.now() + timedelta(days=1) if n % 2 else None,
        )
        update_contact_request(
            contact.pk, by=by, status=STATUSES[n % len(STATUSES)], assigned_to=by
        )


@pytest.fixture
def busy_response(intake):
    response = make_response(substances=["alcohol", "opioids"])
    assert not response.also_consider  # (see RESPONSE_PAGE_QUERIES)
    share(response, name="Maria Lopez", phone="+12125550199", voicemail_ok=True)
    response.refresh_from_db()
    return response


@pytest.mark.parametrize("filters", ["", "?_changelist_filters=status%3Dnew"])
def test_the_response_page_costs_the_same_queries_with_1_and_25_of_everything(
    client, intake, busy_response, django_assert_num_queries, filters
):
    colleague = intake_user(first_name="Cole", last_name="League")
    url = reverse("admin:programs_response_change", args=[busy_response.pk]) + filters
    add_history(busy_response, FEW, intake, colleague)
    with django_assert_num_queries(RESPONSE_PAGE_QUERIES):
        page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    few_events = len(page.context["timeline"])

    add_history(busy_response, MANY - FEW, intake, colleague, start=FEW)
    with django_assert_num_queries(RESPONSE_PAGE_QUERIES):
        page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    # Every note, call and change is on the page, each with its author's name.
    assert page.context["attempt_count"] == MANY
    timeline = page.context["timeline"]
    assert len(timeline) - few_events == (MANY - FEW) * 4  # note, call, status, assignment
    assert {event["by"] for event in timeline if event["by"]} == {
        "Ines Intake",
        "Cole League",
    }


def test_an_anonymous_response_page_is_as_cheap(client, intake, django_assert_num_queries):
    """No contact request: no call form, no changes; still no query per anything."""
    response = make_response()
    url = reverse("admin:programs_response_change", args=[response.pk])
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == HTTPStatus.OK
    for n in range(MANY):
        add_note(response, by=intake, text=f"Note {n}")
    with django_assert_num_queries(len(first)):
        assert client.get(url).status_code == HTTPStatus.OK
    assert len(first) <= RESPONSE_PAGE_QUERIES
