"""Staff session limits as the staff see them: the sign-out messages name the configured
limits; every admin page carries the seconds left for the warning; "Stay signed in"."""

from __future__ import annotations

import re
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.test import Client, override_settings
from django.urls import reverse

from iopguide import middleware
from programs.core.staff_session import duration_words, limit_phrase
from tests.factories.intake import content_user, intake_user, make_user
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

KEEP_ALIVE = "/admin/session/keep-alive/"
CLOCK = 1_800_000_000


@pytest.fixture
def clock(monkeypatch):
    now = [CLOCK]
    monkeypatch.setattr(middleware.time, "time", lambda: now[0])
    return now


def texts(page) -> list[str]:
    return [str(message) for message in get_messages(page.wsgi_request)]


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (45 * 60, "45 minutes"),
        (60, "1 minute"),
        (70, "1 minute 10 seconds"),
        (3600, "1 hour"),
        (90 * 60, "1 hour 30 minutes"),
        (2 * 3600 + 60, "2 hours 1 minute"),
        (1, "1 second"),
        (0, "0 seconds"),
    ],
)
def test_durations_in_words(seconds, words):
    assert duration_words(seconds) == words


@pytest.mark.parametrize(
    ("seconds", "phrase"),
    [
        (12 * 3600, "12-hour limit"),
        (8 * 3600, "8-hour limit"),
        (5400, "limit of 1 hour 30 minutes"),
    ],
)
def test_limit_phrase(settings, seconds, phrase):
    settings.STAFF_SESSION_MAX_SECONDS = seconds
    assert limit_phrase() == phrase


# -- The sign-out messages name the configured limits ------------------------------------


@pytest.mark.parametrize(
    ("idle", "message"),
    [
        (45 * 60, "You were signed out after 45 minutes without activity."),
        (90 * 60, "You were signed out after 1 hour 30 minutes without activity."),
        (30 * 60, "You were signed out after 30 minutes without activity."),
        (60, "You were signed out after 1 minute without activity."),
    ],
)
def test_the_idle_message_names_the_configured_idle_limit(client, clock, idle, message):
    with override_settings(STAFF_SESSION_IDLE_SECONDS=idle):
        force_login_verified(client, intake_user())
        client.get(reverse("admin:index"))
        clock[0] += idle + 1
        page = client.get(reverse("admin:index"), follow=True)
    assert texts(page) == [message]
    assert message in page.content.decode()
    assert page.redirect_chain[-1][0].startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    ("limit", "message"),
    [
        (8 * 3600, "You were signed out because your session reached its 8-hour limit."),
        (12 * 3600, "You were signed out because your session reached its 12-hour limit."),
        (
            90 * 60,
            "You were signed out because your session reached its limit of 1 hour 30 minutes.",
        ),
    ],
)
def test_the_limit_message_names_the_configured_limit(client, clock, limit, message):
    with override_settings(STAFF_SESSION_MAX_SECONDS=limit, STAFF_SESSION_IDLE_SECONDS=3600):
        force_login_verified(client, intake_user())
        client.get(reverse("admin:index"))
        # Active all along: a request every 30 minutes.
        while clock[0] - CLOCK <= limit:
            clock[0] += 30 * 60
            page = client.get(reverse("admin:index"), follow=True)
    assert texts(page) == [message]


def test_the_idle_limit_wins_when_both_are_over(client, clock):
    with override_settings(STAFF_SESSION_IDLE_SECONDS=600, STAFF_SESSION_MAX_SECONDS=3600):
        force_login_verified(client, intake_user())
        client.get(reverse("admin:index"))
        clock[0] += 7200
        page = client.get(reverse("admin:index"))
    assert texts(page) == ["You were signed out after 10 minutes without activity."]


# -- Every admin page carries the seconds left ---------------------------------------------


def warning_data(html: str) -> dict[str, str]:
    dialog = re.search(r'<dialog id="staff-session-warning"[^>]*>', html)
    assert dialog, "no warning on the page"
    return dict(re.findall(r'data-([a-z-]+)="([^"]*)"', dialog.group(0)))


@override_settings(STAFF_SESSION_IDLE_SECONDS=1800, STAFF_SESSION_MAX_SECONDS=12 * 3600)
def test_admin_pages_carry_the_time_left_counted_from_the_recorded_activity(client, clock):
    force_login_verified(client, intake_user())
    data = warning_data(client.get(reverse("admin:index")).content.decode())
    assert data == {
        "idle-seconds-left": "1800",
        "max-seconds-left": str(12 * 3600),
        "keep-alive-url": KEEP_ALIVE,
    }
    # 50 s later activity is not recorded again (to the minute): the page says 30 s less
    # than 30 minutes, so its warning is not late.
    clock[0] += 50
    data = warning_data(client.get(reverse("admin:password_change")).content.decode())
    assert data["idle-seconds-left"] == str(1800 - 50)
    assert data["max-seconds-left"] == str(12 * 3600 - 50)
    html = client.get(reverse("admin:index")).content.decode()
    assert "You will be signed out in 1 minute because of inactivity." in html
    assert "Stay signed in" in html
    assert "it has reached its 12-hour limit and cannot be extended" in html
    assert 'role="alertdialog"' in html
    assert "js/staff-session.js" in html
    assert "<script>" not in html
    assert " style=" not in html


@pytest.mark.parametrize("user", ["content", "intake", "superuser"])
def test_every_signed_in_staff_member_gets_the_warning(client, user):
    make = {"content": content_user, "intake": intake_user}.get(user)
    force_login_verified(client, make() if make else make_user(superuser=True))
    assert "staff-session-warning" in client.get(reverse("admin:index")).content.decode()


def test_the_sign_in_page_has_no_warning(client):
    html = client.get(reverse("admin:login")).content.decode()
    assert "staff-session-warning" not in html
    assert "IOP Guide intake" in html  # the branding block is still ours


# -- "Stay signed in" ---------------------------------------------------------------------


def test_keep_alive_url():
    assert reverse("admin:session_keep_alive") == KEEP_ALIVE


def test_anonymous_keep_alive_goes_to_the_login_page(client):
    page = client.post(KEEP_ALIVE)
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"].startswith(reverse("admin:login"))


def test_non_staff_keep_alive_goes_to_the_login_page(client):
    client.force_login(make_user(staff=False))
    assert client.post(KEEP_ALIVE).status_code == HTTPStatus.FOUND


@pytest.mark.parametrize("user", ["content", "intake", "superuser"])
@override_settings(STAFF_SESSION_IDLE_SECONDS=1800, STAFF_SESSION_MAX_SECONDS=12 * 3600)
def test_keep_alive_records_activity_to_the_second(client, clock, user):
    """Any staff member (content editors too: the warning is on every admin page)."""
    make = {"content": content_user, "intake": intake_user}.get(user)
    force_login_verified(client, make() if make else make_user(superuser=True))
    client.get(reverse("admin:index"))
    # 59 s later the middleware would not record activity; "Stay signed in" does.
    clock[0] += 59
    page = client.post(KEEP_ALIVE)
    assert page.status_code == HTTPStatus.OK
    assert page.json() == {"idle_seconds_left": 1800, "max_seconds_left": 12 * 3600 - 59}
    assert client.session[middleware.SESSION_LAST_SEEN] == CLOCK + 59


@override_settings(STAFF_SESSION_IDLE_SECONDS=1800, STAFF_SESSION_MAX_SECONDS=3600)
def test_keep_alive_cannot_pass_the_overall_limit(client, clock):
    force_login_verified(client, intake_user())
    client.get(reverse("admin:index"))
    for _ in range(2):  # active all along
        clock[0] += 20 * 60
        client.get(reverse("admin:index"))
    clock[0] += 20 * 60 - 10
    page = client.post(KEEP_ALIVE)
    assert page.json() == {"idle_seconds_left": 1800, "max_seconds_left": 10}
    clock[0] += 11
    page = client.post(KEEP_ALIVE)
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"].startswith(reverse("admin:login"))


def test_keep_alive_after_the_idle_limit_is_too_late(client, clock):
    force_login_verified(client, intake_user())
    client.get(reverse("admin:index"))
    clock[0] += 30 * 60 + 1
    page = client.post(KEEP_ALIVE)
    assert page.status_code == HTTPStatus.FOUND
    assert texts(page) == ["You were signed out after 30 minutes without activity."]


def test_keep_alive_refuses_get(client):
    force_login_verified(client, intake_user())
    assert client.get(KEEP_ALIVE).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_keep_alive_needs_the_csrf_token(clock):
    strict = Client(enforce_csrf_checks=True)
    force_login_verified(strict, intake_user())
    strict.get(reverse("admin:index"))
    clock[0] += 120
    assert strict.post(KEEP_ALIVE).status_code == HTTPStatus.FORBIDDEN
    token = strict.cookies["csrftoken"].value
    page = strict.post(KEEP_ALIVE, headers={"X-CSRFToken": token})
    assert page.status_code == HTTPStatus.OK


def test_passive_requests_do_not_put_the_sign_out_off(client, clock):
    force_login_verified(client, intake_user())
    client.get(reverse("admin:index"))
    clock[0] += 25 * 60
    client.get(reverse("admin:index"), headers={"X-Staff-Session-Passive": "1"})
    assert client.session[middleware.SESSION_LAST_SEEN] == CLOCK
    clock[0] += 5 * 60 + 1
    page = client.get(reverse("admin:index"), headers={"X-Staff-Session-Passive": "1"})
    assert page.status_code == HTTPStatus.FOUND
