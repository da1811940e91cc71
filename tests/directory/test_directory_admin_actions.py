"""The directory's admin actions: only for who may change the rows, each change logged.

"Mark the selected programs as verified today" changes public listings: intake staff
(who may only view programs) are neither offered it nor can post it, and every program it
changes gets an admin log entry and the public pages are cleared from the cache.
"""

from __future__ import annotations

import datetime
from http import HTTPStatus

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from programs.core import caching
from programs.models import ListingReport, Program
from tests.factories.directory import make_program, make_report
from tests.factories.intake import content_user, intake_user, make_user
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2020, 1, 1)
PROGRAMS = reverse("admin:programs_program_changelist")
REPORTS = reverse("admin:programs_listingreport_changelist")


def signed_in(user) -> Client:
    client = Client()
    force_login_verified(client, user)
    return client


def unverified_programs(count: int = 2) -> list[Program]:
    programs = [make_program() for _ in range(count)]
    Program.objects.filter(pk__in=[p.pk for p in programs]).update(last_verified=LONG_AGO)
    return programs


def mark_verified(client: Client, programs: list[Program]):
    return client.post(
        PROGRAMS,
        {
            "action": "mark_verified_today",
            "_selected_action": [p.pk for p in programs],
            "index": "0",
        },
        follow=True,
    )


def program_log(program: Program) -> list[str]:
    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Program),
            object_id=str(program.pk),
            action_flag=CHANGE,
        ).values_list("change_message", flat=True)
    )


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    caching.reset()
    yield caches[caching.PAGES]
    caching.reset()


def cache_a_page() -> None:
    """A page cached after the test's own set-up (whose saves clear the cache)."""
    caches[caching.PAGES].set("a-cached-page", "old listing", timeout=None)


def test_intake_staff_are_not_offered_the_action(client):
    make_program()
    page = signed_in(intake_user()).get(PROGRAMS)
    assert page.status_code == HTTPStatus.OK
    assert "mark_verified_today" not in page.content.decode()


# These commit for real: the page cache is cleared when the action's transaction commits.
committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@committing
def test_a_tampered_post_from_intake_staff_changes_nothing(page_cache):
    programs = unverified_programs()
    client = signed_in(intake_user())
    cache_a_page()
    version = caching.content_version()
    page = mark_verified(client, programs)
    # Django's own refusal: with no action to offer them, the POST is not one; the list
    # is shown again.
    assert page.status_code == HTTPStatus.OK
    assert "mark_verified_today" not in page.content.decode()
    assert set(Program.objects.values_list("last_verified", flat=True)) == {LONG_AGO}
    assert not LogEntry.objects.exists()
    assert caching.content_version() == version
    assert page_cache.get("a-cached-page") == "old listing"


@committing
def test_a_tampered_post_from_a_user_with_other_actions_is_no_action_selected(page_cache):
    """Someone offered "Delete selected" (not "change") posts the verify action by hand."""
    from django.contrib.auth.models import Permission

    programs = unverified_programs()
    user = make_user()
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_program", "delete_program"])
    )
    client = signed_in(user)
    cache_a_page()
    page = mark_verified(client, programs)
    assert page.status_code == HTTPStatus.OK
    assert "No action selected." in page.content.decode()
    assert set(Program.objects.values_list("last_verified", flat=True)) == {LONG_AGO}
    assert not LogEntry.objects.exists()
    assert page_cache.get("a-cached-page") == "old listing"


@committing
@pytest.mark.parametrize("who", ["content editor", "superuser"])
def test_marking_verified_changes_logs_each_program_and_clears_the_page_cache(who, page_cache):
    user = content_user() if who == "content editor" else make_user(superuser=True)
    programs = unverified_programs()
    untouched = unverified_programs(1)[0]
    client = signed_in(user)
    cache_a_page()
    version = caching.content_version()
    page = mark_verified(client, programs)
    assert page.status_code == HTTPStatus.OK
    assert "Marked 2 program(s) as verified today." in page.content.decode()
    today = timezone.localdate()
    for program in programs:
        program.refresh_from_db()
        assert program.last_verified == today
        assert program_log(program) == [f"Marked as verified on {today.isoformat()}."]
        assert LogEntry.objects.get(object_id=str(program.pk)).user == user
    untouched.refresh_from_db()
    assert untouched.last_verified == LONG_AGO
    assert program_log(untouched) == []
    assert caching.content_version() != version
    assert page_cache.get("a-cached-page") is None


def test_programs_verified_today_already_are_not_logged_again():
    fresh = make_program()  # verified today
    stale = unverified_programs(1)[0]
    page = mark_verified(signed_in(content_user()), [fresh, stale])
    text = page.content.decode()
    assert "Marked 1 program(s) as verified today. 1 had been verified today already." in text
    assert program_log(fresh) == []
    assert len(program_log(stale)) == 1


# --- Listing reports ------------------------------------------------------------------


def report_log(report: ListingReport) -> list[str]:
    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(ListingReport),
            object_id=str(report.pk),
        ).values_list("change_message", flat=True)
    )


def test_resolving_and_reopening_reports_logs_each_report_changed():
    program = make_program()
    new, resolved = make_report(program), make_report(program)
    ListingReport.objects.filter(pk=resolved.pk).resolve()
    client = signed_in(content_user())
    selected = {"_selected_action": [new.pk, resolved.pk], "index": "0"}
    page = client.post(REPORTS, {"action": "mark_resolved", **selected}, follow=True)
    assert "Marked 1 report(s) as resolved." in page.content.decode()
    assert report_log(new) == ["Marked as resolved."]
    assert report_log(resolved) == []
    page = client.post(REPORTS, {"action": "mark_new", **selected}, follow=True)
    assert "Marked 2 report(s) as new." in page.content.decode()
    assert set(ListingReport.objects.values_list("status", flat=True)) == {"new"}
    assert report_log(new) == ["Marked as new again.", "Marked as resolved."]
    assert report_log(resolved) == ["Marked as new again."]


def test_a_view_only_user_cannot_resolve_reports():
    from django.contrib.auth.models import Permission

    report = make_report(make_program())
    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="view_listingreport"))
    page = signed_in(user).post(
        REPORTS,
        {"action": "mark_resolved", "_selected_action": [report.pk], "index": "0"},
        follow=True,
    )
    assert page.status_code == HTTPStatus.OK
    report.refresh_from_db()
    assert report.status == ListingReport.Status.NEW
    assert not LogEntry.objects.exists()
