"""Due times: each contact request is due INTAKE_DUE_BUSINESS_HOURS business hours after
it was shared; the queue sorts by it, shows it, filters by it; "overdue" means one thing
on the workspace, the response page, the admin home and the daily digest.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from http import HTTPStatus
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse
from zoneinfo import ZoneInfo

import holidays
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import QueryDict
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from iopguide import middleware
from programs.intake import due_times, notifications, services
from programs.intake.admin.shared import status_badge
from programs.intake.admin.workspace import (
    ORDERING,
    ROW_FIELDS,
    due_in,
    next_in_queue,
    queue_queryset,
    with_call_attempts,
)
from programs.intake.business_days import (
    ClosedDays,
    business_days_before,
    business_time_after,
    business_time_between,
    is_business_day,
)
from programs.intake.queue_order import SORTS
from programs.models import (
    CallOutcome,
    ContactRequest,
    ContactStatus,
    QueueRank,
    Response,
    TreatmentLevel,
)
from tests.factories.intake import intake_user, make_response, share
from tests.factories.two_factor import force_login_verified
from tests.intake.plans import plan_of

NY = ZoneInfo("America/New_York")
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
WORKSPACE = "/admin/intake/"
# The workspace's queries per page (tests/intake/test_workspace.py).
WORKSPACE_QUERIES = 10
ROOT = Path(__file__).resolve().parents[2]


def at(text: str) -> datetime:
    """A naive datetime; 2026-11-23 is a Monday."""
    return datetime.fromisoformat(text)


# -- business_time_after: the mirror of business_days_before ------------------------------


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        ("2026-11-23 10:00", 48, "2026-11-25 10:00"),  # Monday -> Wednesday
        ("2026-11-20 10:00", 48, "2026-11-24 10:00"),  # Friday -> Tuesday: weekend skipped
        ("2026-11-20 10:00", 14, "2026-11-21 00:00"),  # ends with Friday: Saturday midnight
        ("2026-11-21 10:00", 1, "2026-11-23 01:00"),  # Saturday: the clock starts Monday
        ("2026-11-22 23:59", 24, "2026-11-24 00:00"),  # Sunday night too
        ("2026-11-23 00:00", 24, "2026-11-24 00:00"),
        ("2026-11-23 10:00", 0, "2026-11-23 10:00"),
        ("2026-11-28 10:00", 0, "2026-11-28 10:00"),
        ("2026-11-23 17:00", 120, "2026-11-30 17:00"),  # a whole working week
    ],
)
def test_business_time_after_skips_weekends(start, hours, expected):
    assert business_time_after(at(start), timedelta(hours=hours)) == at(expected)


def test_business_time_after_skips_holidays_and_closed_days():
    # Thanksgiving 2026 is Thursday 26 November.
    tuesday = at("2026-11-24 11:00")
    two_days = timedelta(hours=48)
    assert business_time_after(tuesday, two_days) == at("2026-11-26 11:00")
    assert business_time_after(tuesday, two_days, ClosedDays()) == at("2026-11-27 11:00")
    retreat = ClosedDays([date(2026, 11, 25)])
    assert business_time_after(tuesday, two_days, retreat) == at("2026-11-30 11:00")


def test_business_time_after_refuses_a_negative_duration():
    with pytest.raises(ValueError, match="negative"):
        business_time_after(at("2026-11-23 10:00"), -HOUR)


def test_business_time_after_keeps_the_time_zone_over_a_clock_change():
    # Clocks go back on Sunday 1 November 2026; business hours are wall-clock hours.
    friday = datetime(2026, 10, 30, 10, 0, tzinfo=NY)
    assert business_time_after(friday, timedelta(hours=48)) == datetime(
        2026, 11, 3, 10, 0, tzinfo=NY
    )


moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31))
durations = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40))
HOLIDAYS = ClosedDays()
calendars = st.sampled_from([frozenset(), HOLIDAYS, ClosedDays([date(2026, 11, 25)])])


@given(moments, durations, calendars)
def test_exactly_that_much_business_time_passes(start, duration, closed):
    due = business_time_after(start, duration, closed)
    assert due >= start + duration  # never faster than the clock
    assert business_time_between(start, due, closed) == duration


@given(moments, durations.filter(bool), calendars)
def test_the_due_time_is_the_first_moment_with_that_much_business_time(start, duration, closed):
    due = business_time_after(start, duration, closed)
    tick = timedelta(microseconds=1)
    assert business_time_between(start, due - tick, closed) < duration
    # It is on a business day, or the midnight that ends one.
    assert is_business_day(due, closed) or is_business_day(due - tick, closed)


@given(moments, durations, durations, calendars)
def test_more_time_is_never_due_sooner(start, first, second, closed):
    shorter, longer = sorted([first, second])
    assert business_time_after(start, shorter, closed) <= business_time_after(
        start, longer, closed
    )


@given(moments, st.integers(min_value=0, max_value=30), calendars)
def test_it_mirrors_business_days_before(start, days, closed):
    due = business_time_after(start, DAY * days, closed)
    back = business_days_before(due, days, closed)
    if is_business_day(start, closed):
        assert back == start
    else:
        # A start on a day off counts from the next business day's start.
        assert back >= start
        assert business_time_between(start, back, closed) == timedelta(0)


def oracle_due(start: datetime, duration: timedelta, calendar: holidays.HolidayBase) -> datetime:
    """An independent count with the `holidays` package's US federal calendar: whole
    business days by division, not a walk through the hours."""

    def open_day(day: date) -> bool:
        return day.weekday() < 5 and day not in calendar

    day = start.date()
    midnight = datetime.combine(day, datetime.min.time())
    left_today = (midnight + DAY - start) if open_day(day) else timedelta(0)
    if duration <= left_today:
        return start + duration
    remaining = duration - left_today
    whole_days, rest = divmod(remaining, DAY)
    # Past today: skip whole business days, then the rest runs into the next one.
    while True:
        day += DAY
        if not open_day(day):
            continue
        if whole_days == 0 or (whole_days == 1 and not rest):
            break
        whole_days -= 1
    midnight = datetime.combine(day, datetime.min.time())
    return midnight + (rest if rest else DAY)


ORACLE = holidays.US(years=range(2019, 2033), observed=True, language="en_US")


@hypothesis_settings(max_examples=300)
@given(moments, durations)
def test_due_times_agree_with_the_holidays_package(start, duration):
    assert business_time_after(start, duration, HOLIDAYS) == oracle_due(start, duration, ORACLE)


# -- The setting ----------------------------------------------------------------------------


def run_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.update(env, DEBUG="1")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "iopguide.settings"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_default_is_the_two_business_days_the_public_page_promises(settings):
    assert settings.INTAKE_DUE_BUSINESS_HOURS == 48
    page = (ROOT / "templates/programs/questionnaire/share_done.html").read_text()
    assert "usually within 2 business days" in page


@pytest.mark.parametrize("raw", ["0", "-4", "two", "100000"])
def test_a_bad_due_setting_stops_the_site_starting(raw):
    result = run_settings(INTAKE_DUE_BUSINESS_HOURS=raw)
    assert result.returncode != 0
    assert "INTAKE_DUE_BUSINESS_HOURS must" in result.stderr


def test_a_good_due_setting_starts():
    result = run_settings(INTAKE_DUE_BUSINESS_HOURS="24")
    assert result.returncode == 0, result.stderr


# -- Set when shared, kept right by every change ------------------------------------------


@pytest.mark.django_db
def test_sharing_sets_both_due_times(settings):
    settings.INTAKE_DUE_BUSINESS_HOURS = 24
    response = make_response()
    contact = share(response)
    expected = business_time_after(
        timezone.localtime(contact.created_at), 24 * HOUR, due_times.closed_days()
    )
    assert contact.due_at == expected
    assert response.due_at == expected


@pytest.mark.django_db
def test_the_public_share_form_sets_the_due_time(client):
    response = make_response()
    client.post(
        reverse("programs:share", args=[response.public_token]),
        {
            "consent": "on",
            "name": "Sam",
            "phone": "(212) 555-0100",
            "best_time": "any",
            "preferred_language": "en",
        },
    )
    contact = ContactRequest.objects.get(response=response)
    response.refresh_from_db()
    assert contact.due_at is not None
    assert response.due_at == contact.due_at == due_times.due_time(contact.created_at)


@pytest.mark.django_db
def test_a_response_without_a_request_has_no_due_time():
    assert make_response().due_at is None
    assert make_response(danger_now=["overdose_signs"]).due_at is None


@pytest.mark.django_db
def test_reaching_the_person_clears_the_queues_copy_and_reopening_restores_it():
    staff = intake_user()
    response = make_response()
    contact = share(response)
    due = contact.due_at
    services.update_contact_request(contact.pk, by=staff, status=ContactStatus.CONTACTED)
    response.refresh_from_db()
    contact.refresh_from_db()
    assert response.due_at is None
    assert contact.due_at == due  # kept forever
    services.update_contact_request(contact.pk, by=staff, status=ContactStatus.IN_PROGRESS)
    response.refresh_from_db()
    assert response.due_at == due


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "cleared"),
    [
        (ContactStatus.IN_PROGRESS, False),
        (ContactStatus.CONTACTED, True),
        (ContactStatus.SCHEDULED, True),
        (ContactStatus.REFERRED_ELSEWHERE, True),
        (ContactStatus.CLOSED, True),
    ],
)
def test_a_logged_call_keeps_the_due_time_right(status, cleared):
    response = make_response()
    contact = share(response, phone="+12125550199")
    services.log_call(response, by=intake_user(), outcome=CallOutcome.NO_ANSWER, status=status)
    response.refresh_from_db()
    assert response.due_at == (None if cleared else contact.due_at)


@pytest.mark.django_db
def test_deleting_the_request_clears_the_due_time():
    response = make_response()
    services.delete_contact_request(share(response))
    response.refresh_from_db()
    assert response.due_at is None


@pytest.mark.django_db
def test_a_request_stored_without_a_due_time_gets_one_at_its_next_change():
    response = make_response()
    contact = share(response)
    ContactRequest.objects.filter(pk=contact.pk).update(due_at=None)
    Response.objects.filter(pk=response.pk).update(due_at=None)
    services.add_note(response, by=intake_user(), text="Tried the number once.")
    contact.refresh_from_db()
    response.refresh_from_db()
    assert contact.due_at == due_times.due_time(contact.created_at)
    assert response.due_at == contact.due_at


@pytest.mark.django_db
def test_a_failed_share_leaves_no_due_time_behind(monkeypatch):
    response = make_response()

    def broken(shared_at: datetime) -> datetime:
        raise RuntimeError("calendar unavailable")

    monkeypatch.setattr(due_times, "due_time", broken)
    with pytest.raises(RuntimeError):
        share(response)
    assert not ContactRequest.objects.exists()
    response.refresh_from_db()
    assert response.due_at is None


# -- Migration 0017 fills the due times of existing requests ------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_fills_due_times_in_batches_and_reverses(monkeypatch):
    from importlib import import_module

    migration = import_module("programs.migrations.0017_due_times_and_acknowledgement")
    monkeypatch.setattr(migration, "BATCH", 2)  # several batches with a handful of rows
    before = ("programs", "0016_due_acknowledged_drafts")
    target = ("programs", "0017_due_times_and_acknowledgement")
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate([before])
        apps = executor.loader.project_state([before]).apps
        OldResponse = apps.get_model("programs", "Response")
        OldContact = apps.get_model("programs", "ContactRequest")
        level = apps.get_model("programs", "TreatmentLevel").objects.get(slug="iop")
        friday = datetime(2026, 11, 20, 10, 0, tzinfo=NY)
        made = {}
        for n, status in enumerate(["new", "in_progress", "contacted", "closed", "new"]):
            response = OldResponse.objects.create(
                reference_code=f"AAAAAAA{n + 2}",
                questionnaire_version="2026-11",
                for_whom="self",
                answers={},
                withdrawal_care="none",
                area_scores={},
                suggested_level=level,
            )
            OldContact.objects.create(
                response=response, consent=True, name="A", phone="1", status=status
            )
            OldContact.objects.filter(response=response).update(created_at=friday)
            made[response.pk] = status
        alone = OldResponse.objects.create(
            reference_code="BBBBBBBB",
            questionnaire_version="2026-11",
            for_whom="self",
            answers={},
            withdrawal_care="none",
            area_scores={},
            crisis=True,
        )

        executor = MigrationExecutor(connection)
        executor.migrate([target])
        apps = executor.loader.project_state([target]).apps
        due = datetime(2026, 11, 24, 10, 0, tzinfo=NY)  # Friday 10:00 + 48 business hours
        contacts = apps.get_model("programs", "ContactRequest").objects.all()
        assert {c.response_id: c.due_at for c in contacts} == dict.fromkeys(made, due)
        responses = dict(
            apps.get_model("programs", "Response").objects.values_list("pk", "due_at")
        )
        assert responses == {
            **{
                pk: due if status in ("new", "in_progress") else None
                for pk, status in made.items()
            },
            alone.pk: None,
        }
        # Backwards: nothing to undo, and it runs.
        executor = MigrationExecutor(connection)
        executor.migrate([before])
    finally:
        MigrationExecutor(connection).migrate(leaves)


# -- The queue's order: crisis, then due soonest, then newest -----------------------------


@pytest.fixture
def intake(client, monkeypatch):
    user = intake_user(first_name="Ines", last_name="Intake")
    force_login_verified(client, user)
    monkeypatch.setattr(middleware, "LAST_SEEN_RESOLUTION_SECONDS", 3600)
    client.get(reverse("admin:index"))
    return user


def codes(page) -> list[str]:
    return [row.reference_code for row in page.context["rows"]]


@pytest.mark.django_db
def test_crisis_first_then_due_soonest_then_newest(client, intake):
    now = timezone.now()
    quiet_old = make_response(created_at=now - 3 * DAY)
    due_later = make_response(created_at=now - 2 * DAY)
    share(due_later, created_at=now - 2 * HOUR)
    due_soon = make_response(created_at=now - HOUR)  # newer, but due sooner
    share(due_soon, created_at=now - 10 * DAY)
    reached = make_response(created_at=now - 4 * DAY)
    share(reached, status=ContactStatus.CONTACTED)
    in_progress = make_response(created_at=now - 5 * DAY)
    share(in_progress, created_at=now - 5 * DAY, status=ContactStatus.IN_PROGRESS)
    crisis = make_response(danger_now=["overdose_signs"], created_at=now - 6 * DAY)
    quiet_new = make_response()
    page = client.get(WORKSPACE)
    assert codes(page) == [
        crisis.reference_code,
        due_soon.reference_code,  # due 8 days ago
        in_progress.reference_code,  # due 3 days ago, not reached yet
        due_later.reference_code,
        quiet_new.reference_code,
        quiet_old.reference_code,
        reached.reference_code,
    ]
    assert "then the contact requests due soonest" in page.content.decode()


def make_row(rank: int, due: datetime | None, created: datetime, level: TreatmentLevel) -> int:
    """A response with exactly these sort fields, straight into the table."""
    crisis = rank == QueueRank.CRISIS
    response = Response.objects.create(
        questionnaire_version="2026-11",
        for_whom="self",
        answers={},
        withdrawal_care="none",
        area_scores={},
        crisis=crisis,
        suggested_level=None if crisis else level,
        queue_rank=rank,
        due_at=due,
    )
    Response.objects.filter(pk=response.pk).update(created_at=created)
    return response.pk


def python_order(sort: str, rows: list[Response]) -> list[int]:
    """The orders as the issue words them, in plain Python."""

    def stamp(moment: datetime | None) -> float:
        return moment.timestamp() if moment else 0.0

    keys = {
        "queue": lambda r: (
            r.queue_rank != QueueRank.CRISIS,
            r.due_at is None,
            stamp(r.due_at),
            -stamp(r.created_at),
            -r.pk,
        ),
        "due": lambda r: (r.due_at is None, stamp(r.due_at), -stamp(r.created_at), -r.pk),
        "newest": lambda r: (-stamp(r.created_at), -r.pk),
        "oldest": lambda r: (stamp(r.created_at), r.pk),
    }
    return [r.pk for r in sorted(rows, key=keys[sort])]


@pytest.fixture
def every_tie():
    """Every combination of rank, due time (none included) and age, each twice: rank 1 and
    0 tie on the crisis key, equal due times and ages tie until the id."""
    level = TreatmentLevel.objects.get(slug="iop")
    now = timezone.now()
    dues = [None, now - HOUR, now + HOUR]
    ages = [now - DAY, now - 2 * DAY]
    for rank, due, created in itertools.product(QueueRank.values, dues, ages):
        for _ in range(2):
            make_row(rank, due, created, level)
    return list(Response.objects.all())


@pytest.mark.django_db
@pytest.mark.parametrize("sort", list(SORTS))
def test_every_order_is_the_one_promised_and_save_and_next_follows_it(rf, every_tie, sort):
    request = rf.get(WORKSPACE)
    request.user = intake_user()
    params = QueryDict(f"sort={sort}")
    listed = list(queue_queryset(request, params).values_list("pk", flat=True))
    assert listed == python_order(sort, every_tie)
    shown = {r.pk: r for r in every_tie}
    walked = [listed[0]]
    while (following := next_in_queue(request, params, shown[walked[-1]])) is not None:
        walked.append(following)
    assert walked == listed


@pytest.mark.django_db
@hypothesis_settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(QueueRank.values),
            st.one_of(st.none(), st.integers(min_value=-3, max_value=3)),
            st.integers(min_value=0, max_value=3),
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(list(SORTS)),
    st.data(),
)
def test_save_and_next_is_the_next_row_of_the_list_with_a_row_done(rows, sort, data):
    Response.objects.all().delete()
    level = TreatmentLevel.objects.get(slug="iop")
    base = datetime(2026, 12, 1, 12, 0, tzinfo=NY)
    for rank, due_hours, age in rows:
        due = None if due_hours is None else base + due_hours * HOUR
        make_row(rank, due, base - age * DAY, level)
    request = RequestFactory().get(WORKSPACE)
    request.user = intake_user()
    params = QueryDict(urlencode({"sort": sort}))
    listed = list(queue_queryset(request, params).values_list("pk", flat=True))
    shown = {r.pk: r for r in Response.objects.all()}
    assert listed == python_order(sort, list(shown.values()))
    index = data.draw(st.integers(min_value=0, max_value=len(listed) - 1))
    done = data.draw(st.lists(st.sampled_from(listed), max_size=3))
    expected = next((pk for pk in listed[index + 1 :] if pk not in done), None)
    assert next_in_queue(request, params, shown[listed[index]], done) == expected


@pytest.mark.django_db
def test_save_and_next_follows_the_chosen_sort(client, intake):
    now = timezone.now()
    oldest = make_response(created_at=now - 3 * DAY)
    share(oldest)
    middle = make_response(created_at=now - 2 * DAY)
    share(middle)
    filters = "sort=oldest"
    data = {
        "outcome": CallOutcome.NO_ANSWER,
        "note": "",
        "next_callback_0": "",
        "next_callback_1": "",
        "status": ContactStatus.CONTACTED,
        "expected_status": ContactStatus.NEW,
        "response": str(oldest.pk),
        "form_token": "0c1f1c0e-6c83-4d5c-9a45-0f3b0c1d2e3f",
        "changelist_filters": filters,
        "_save_next": "Save and next",
    }
    page = client.post(reverse("admin:programs_response_call", args=[oldest.pk]), data)
    detail = reverse("admin:programs_response_change", args=[middle.pk])
    assert page["Location"] == f"{detail}?{urlencode({'_changelist_filters': filters})}"


# -- The workspace: the Due column, the filter and the sort -------------------------------


@pytest.mark.django_db
def test_the_due_column_says_when_and_marks_overdue_rows_in_words(client, intake):
    now = timezone.now()
    late = make_response()
    late_contact = share(late, created_at=now - 10 * DAY)
    soon = make_response()
    share(soon)
    make_response()
    page = client.get(WORKSPACE)
    rows = {row.reference_code: row for row in page.context["rows"]}
    assert rows[late.reference_code].overdue
    assert rows[late.reference_code].due_in.startswith("overdue by ")
    assert not rows[soon.reference_code].overdue
    assert rows[soon.reference_code].due_in.startswith("in ")
    html = page.content.decode()
    assert '<th scope="col"><a href="?sort=due"' in html
    assert "intake-row-overdue" in html
    assert "Overdue by " in html  # the word, not only a colour
    local_due = timezone.localtime(late_contact.due_at)
    assert local_due.strftime("%a ") + str(local_due.day) + local_due.strftime(" %b %H:%M") in html


@pytest.mark.parametrize(
    ("gap", "words"),
    [
        (timedelta(seconds=20), "in 1 min"),
        (timedelta(minutes=45), "in 45 min"),
        (3 * HOUR + timedelta(minutes=5), "in 3 h"),
        (47 * HOUR, "in 47 h"),
        (3 * DAY, "in 3 days"),
        (-2 * HOUR, "overdue by 2 h"),
        (-5 * DAY, "overdue by 5 days"),
    ],
)
def test_due_in_words(gap, words):
    now = datetime(2026, 12, 2, 9, 0, tzinfo=NY)
    assert due_in(now + gap, now) == words


@pytest.mark.django_db
def test_filter_due_today_and_overdue(client, intake, settings):
    now = timezone.now()
    overdue = make_response()
    share(overdue, created_at=now - 10 * DAY)
    later = make_response()
    share(later)
    reached = make_response()
    share(reached, created_at=now - 10 * DAY, status=ContactStatus.CONTACTED)
    make_response()
    assert codes(client.get(WORKSPACE, {"due": "overdue"})) == [overdue.reference_code]
    # Due in the next hour, before tonight's midnight whatever the time of day now.
    soon = make_response()
    contact = share(soon)
    soon_due = now + timedelta(seconds=1)
    ContactRequest.objects.filter(pk=contact.pk).update(due_at=soon_due)
    services.refresh_queue_rank(soon)
    today = codes(client.get(WORKSPACE, {"due": "today"}))
    assert today == [overdue.reference_code, soon.reference_code]
    assert later.reference_code not in today


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sort", "expected"),
    [("newest", ["c", "b", "a"]), ("oldest", ["a", "b", "c"]), ("due", ["b", "a", "c"])],
)
def test_the_sort_choice_orders_the_rows(client, intake, sort, expected):
    now = timezone.now()
    made = {}
    for name, days in (("a", 3), ("b", 2), ("c", 1)):
        made[name] = make_response(created_at=now - days * DAY)
    share(made["a"], created_at=now - 2 * DAY)
    share(made["b"], created_at=now - 5 * DAY)
    page = client.get(WORKSPACE, {"sort": sort})
    assert codes(page) == [made[name].reference_code for name in expected]
    assert f"Sorted: {SORTS[sort].label}." in page.content.decode()


@pytest.mark.django_db
def test_the_sort_and_due_filter_stay_in_the_pages_and_the_row_links(client, intake):
    for _ in range(51):
        share(make_response(), created_at=timezone.now() - 10 * DAY)
    page = client.get(WORKSPACE, {"sort": "oldest", "due": "overdue"})
    assert parse_qs(page.context["next_url"][1:]) == {
        "sort": ["oldest"],
        "due": ["overdue"],
        "page": ["2"],
    }
    link = urlparse(page.context["rows"][0].url)
    state = parse_qs(parse_qs(link.query)["_changelist_filters"][0])
    assert state == {"sort": ["oldest"], "due": ["overdue"]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"sort": "nonsense"},
        {"sort": "-created_at"},
        {"sort": "x\x00"},
        {"due": "tomorrow"},
        {"due": "x" * 5000},
    ],
)
def test_a_sort_or_due_value_nobody_offered_is_ignored_in_words(client, intake, params):
    crisis = make_response(danger_now=["overdose_signs"])
    share(make_response())
    page = client.get(WORKSPACE, params)
    assert page.status_code == HTTPStatus.OK
    assert len(page.context["rows"]) == 2
    assert codes(page)[0] == crisis.reference_code  # the queue's own order
    assert "Ignored filter values" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{}, {"sort": "due", "due": "today"}])
def test_the_query_count_stays_flat_with_due_times_and_acknowledgements(
    client, intake, django_assert_num_queries, params
):
    now = timezone.now()
    for n in range(12):
        response = make_response(danger_now=["overdose_signs"]) if n % 3 == 0 else make_response()
        if n % 2:
            share(response, created_at=now - n * DAY)
        if response.crisis:
            services.acknowledge_crisis(response, by=intake)
    with django_assert_num_queries(WORKSPACE_QUERIES):
        page = client.get(WORKSPACE, params)
    assert page.status_code == HTTPStatus.OK


# -- The response page ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_response_page_shows_the_due_time_and_whether_it_is_overdue(client, intake):
    late = make_response()
    share(late, created_at=timezone.now() - 10 * DAY)
    html = client.get(reverse("admin:programs_response_change", args=[late.pk])).content.decode()
    assert "<dt>Due</dt>" in html
    assert 'class="intake-overdue-box"' in html
    assert "Overdue by " in html
    assert "Overdue</span>" in html  # the status badge says the same
    fresh = make_response()
    share(fresh)
    html = client.get(reverse("admin:programs_response_change", args=[fresh.pk])).content.decode()
    assert "<dt>Due</dt>" in html
    assert "intake-overdue-box" not in html
    assert "Overdue" not in html


@pytest.mark.django_db
def test_once_reached_the_page_says_when_it_was_due(client, intake):
    response = make_response()
    share(response, created_at=timezone.now() - 10 * DAY, status=ContactStatus.CONTACTED)
    html = client.get(reverse("admin:programs_response_change", args=[response.pk])).content
    assert b"Was due" in html
    assert b"Overdue" not in html


# -- Overdue means one thing everywhere ----------------------------------------------------------


@pytest.mark.django_db
def test_overdue_is_the_same_on_the_home_page_the_digest_the_filter_and_the_badge(client, intake):
    now = timezone.now()
    overdue = []
    for days in (10, 5):
        response = make_response()
        share(response, created_at=now - days * DAY)
        overdue.append(response)
    for status in (ContactStatus.CONTACTED, ContactStatus.CLOSED):
        share(make_response(), created_at=now - 10 * DAY, status=status)
    share(make_response())
    make_response(danger_now=["overdose_signs"])
    expected = sorted(r.reference_code for r in overdue)

    assert services.queue_summary().overdue == 2
    digest = notifications.overdue_requests()
    assert digest.total == 2
    assert digest.codes == [r.reference_code for r in overdue]  # longest overdue first
    assert sorted(codes(client.get(WORKSPACE, {"due": "overdue"}))) == expected
    badged = [
        c.response.reference_code
        for c in ContactRequest.objects.select_related("response")
        if "Overdue" in status_badge(c)
    ]
    assert sorted(badged) == expected


# -- PostgreSQL reads the queue's order off its index ----------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "index"),
    [("", "response_queue_order"), ("sort=due", "response_due")],
)
def test_postgresql_reads_the_queue_off_an_index(rf, params, index):
    if connection.vendor != "postgresql":
        pytest.skip("The plan is PostgreSQL's.")
    request = rf.get(WORKSPACE)
    request.user = intake_user()
    rows = with_call_attempts(queue_queryset(request, QueryDict(params))).values(*ROW_FIELDS)
    # A few test rows: the planner is left only this index (tests/intake/plans.py).
    plan = plan_of(rows[:50], keeping=index)
    assert index in plan, plan
    # Read in order: no sort of the table before the first 50 rows.
    assert "Sort" not in plan.split("SubPlan")[0], plan


def test_the_workspace_order_is_the_indexs_order():
    index = next(i for i in Response._meta.indexes if i.name == "response_queue_order")
    # Key by key, the same expression in the same direction (an ascending PostgreSQL
    # index keeps NULLs last, as ORDERING asks).
    assert [(key.expression, key.descending) for key in index.expressions] == [
        (key.expression, key.descending) for key in ORDERING
    ]


@pytest.mark.django_db
def test_capturing_a_queue_read_shows_the_order_by(rf):
    request = rf.get(WORKSPACE)
    request.user = intake_user()
    with CaptureQueriesContext(connection) as captured:
        list(queue_queryset(request, QueryDict("")).values_list("pk", flat=True))
    assert "NULLS LAST" in captured.captured_queries[-1]["sql"]
