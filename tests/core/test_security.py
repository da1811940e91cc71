import logging
import os
import secrets
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from iopguide import middleware
from iopguide.middleware import SESSION_LAST_SEEN, SESSION_STARTED
from programs.models import ContactRequest, Response
from tests.factories.questionnaire import answers, as_post
from tests.factories.two_factor import force_login_verified
from tests.pages import without_alternates, without_quick_exit

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_PAGES = [
    "/",
    "/levels/",
    "/levels/iop/",
    "/compare/",
    "/compare/?levels=iop&levels=php",
    "/questionnaire/",
    "/withdrawal-management/",
    "/about/",
    "/privacy/",
]

pytestmark = pytest.mark.django_db


def production_env(**extra: str) -> dict[str, str]:
    # Start from the real environment minus anything the test run itself relaxes.
    relaxed = (
        "SECURE_",
        "DEBUG",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(relaxed)}
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="iopguide.example.org",
        SECURE_PROXY_SSL_HEADER="1",
        DJANGO_SETTINGS_MODULE="iopguide.settings",
    )
    env.update(extra)
    return env


def deploy_check(**extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(**extra),
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_passes_with_production_settings():
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_catches_a_weakened_setting():
    result = deploy_check(SECURE_SSL_REDIRECT="0")
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


def test_hsts_preload_is_an_opt_in():
    result = deploy_check(SECURE_HSTS_PRELOAD="1")
    assert result.returncode == 0, result.stdout + result.stderr


def assert_security_headers(response) -> None:
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "'unsafe-eval'" not in csp
    for directive in [
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
    ]:
        assert directive in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Permissions-Policy"]
    for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()"]:
        assert feature in policy


@pytest.mark.parametrize("url", [*PUBLIC_PAGES, "/admin/login/", "/no-such-page/"])
def test_security_headers_on_every_page(client, url):
    response = client.get(url)
    assert response.status_code in {HTTPStatus.OK, HTTPStatus.NOT_FOUND}
    assert_security_headers(response)


def test_security_headers_on_result_and_error_pages(client):
    client.post("/questionnaire/", as_post(answers()))
    stored = Response.objects.get()
    assert_security_headers(client.get(stored.get_absolute_url()))
    assert_security_headers(client.post("/questionnaire/", {}))


def test_server_error_page_has_headers_and_no_traceback(client, monkeypatch):
    from programs.levels import views as pages

    def explode(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(pages, "render", explode)
    client.raise_request_exception = False
    response = client.get("/about/")
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    html = response.content.decode()
    assert "Something went wrong" in html
    assert "secret internals" not in html
    assert "Traceback" not in html
    assert "988" in html
    assert_security_headers(response)


def test_hsts_is_sent_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_plain_http_is_redirected_but_health_checks_are_not(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/about/")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"].startswith("https://")
    assert client.get("/healthz").status_code == HTTPStatus.OK


def test_templates_have_no_inline_scripts_or_styles():
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text()
        assert "<script>" not in text, path
        assert " style=" not in text, path
        assert "<style" not in text, path


EXTERNAL_MARKERS = ['src="http', "src='http", 'href="http', "href='http", "url(http", "@import"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_no_page_loads_anything_from_another_host(client, url):
    html = without_quick_exit(without_alternates(client.get(url).content.decode()))
    for marker in EXTERNAL_MARKERS:
        assert marker not in html


def test_static_css_loads_nothing_from_another_host():
    for path in (ROOT / "static").rglob("*.css"):
        text = path.read_text()
        assert "url(http" not in text.replace(" ", ""), path
        assert "@import" not in text, path


# Staff accounts ---------------------------------------------------------------------


@pytest.fixture
def staff_user():
    return get_user_model().objects.create_user(
        "intake1", password="a long passphrase 123", is_staff=True
    )


def login(client, username, password):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR="192.0.2.10",
    )


def test_five_failed_logins_lock_the_account_for_that_address(client, staff_user):
    for _ in range(4):
        assert login(client, "intake1", "wrong").status_code == HTTPStatus.OK
    locked = login(client, "intake1", "wrong")
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "locked for 15 minutes" in locked.content.decode()
    still = login(client, "intake1", "a long passphrase 123")
    assert still.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_unlock_command_lets_the_user_in_again(client, staff_user):
    for _ in range(5):
        login(client, "intake1", "wrong")
    call_command("axes_reset_username", "intake1", verbosity=0)
    response = login(client, "intake1", "a long passphrase 123")
    assert response.status_code == HTTPStatus.FOUND


def test_staff_session_expires_after_idle_time(client, staff_user):
    client.force_login(staff_user)
    assert client.get("/admin/").status_code == HTTPStatus.OK
    session = client.session
    session[SESSION_LAST_SEEN] = session[SESSION_LAST_SEEN] - 31 * 60
    session.save()
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert "/admin/login/" in response["Location"]


def test_staff_session_expires_after_twelve_hours_even_when_active(client, staff_user):
    client.force_login(staff_user)
    client.get("/admin/")
    session = client.session
    session[SESSION_STARTED] = session[SESSION_STARTED] - 12 * 3600 - 1
    session.save()
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND


def test_active_staff_session_continues(client, staff_user):
    client.force_login(staff_user)
    for _ in range(3):
        assert client.get("/admin/").status_code == HTTPStatus.OK


def session_writes(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/admin/").status_code == HTTPStatus.OK
    return sum('UPDATE "django_session"' in q["sql"] for q in captured)


def test_activity_is_recorded_once_a_minute_not_on_every_request(client, staff_user, monkeypatch):
    clock = [1_800_000_000]
    monkeypatch.setattr(middleware.time, "time", lambda: clock[0])
    client.force_login(staff_user)
    assert session_writes(client) == 1  # the first request records start and last seen
    assert client.session[SESSION_LAST_SEEN] == clock[0]
    clock[0] += 59
    assert session_writes(client) == 0
    clock[0] += 1
    assert session_writes(client) == 1
    assert client.session[SESSION_LAST_SEEN] == clock[0]
    # Idle time counts from the last recorded activity, so it may end a minute early,
    # never late: 30 minutes after that record the session is over.
    clock[0] += 59
    assert session_writes(client) == 0
    clock[0] += 30 * 60 - 59 + 1
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert "/admin/login/" in response["Location"]


def test_logout_deletes_the_session_server_side(client, staff_user):
    client.force_login(staff_user)
    client.get("/admin/")
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()
    client.post("/admin/logout/")
    assert not Session.objects.filter(session_key=key).exists()


@pytest.mark.parametrize(
    "password", ["short1!", "password1234", "qwertyuiop123", "123456789012345"]
)
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("tide-lantern-forty-maple")


# Hostile input ----------------------------------------------------------------------


def test_oversized_body_gets_the_400_page(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/questionnaire/", {"frequency": "x" * 5000})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "988" in response.content.decode()
    assert Response.objects.count() == 0


def test_too_many_fields_gets_the_400_page(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    data = as_post(answers())
    data.update({f"extra{i}": "1" for i in range(100)})
    response = client.post("/questionnaire/", data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert Response.objects.count() == 0


def test_non_utf8_body_never_fails(client):
    response = client.generic(
        "POST",
        "/questionnaire/",
        b"frequency=\xff\xfe&substances=\xc3\x28",
        content_type="application/x-www-form-urlencoded",
    )
    # A failed questionnaire comes back by GET (Post/Redirect/Get).
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert client.get(response["Location"]).status_code == HTTPStatus.OK
    assert Response.objects.count() == 0


def test_csrf_failure_gets_a_friendly_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/questionnaire/", as_post(answers()))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "reload the page" in response.content.decode()
    assert Response.objects.count() == 0


SCRIPT = "<script>alert('x')</script>"


def test_submitted_markup_is_never_reflected_raw(client):
    data = as_post(answers())
    data["frequency"] = SCRIPT
    response = client.post("/questionnaire/", data)
    assert SCRIPT not in response.content.decode()


def test_markup_in_contact_fields_renders_inert(client):
    client.post("/questionnaire/", as_post(answers()))
    stored = Response.objects.get()
    client.post(
        f"/results/{stored.public_token}/share/",
        {
            "consent": "on",
            "name": SCRIPT,
            "phone": "212 555 2233",
            "best_time": "any",
            "preferred_language": "en",
        },
    )
    assert ContactRequest.objects.get().name == SCRIPT
    for url in [stored.get_absolute_url(), f"/results/{stored.public_token}/shared/"]:
        assert SCRIPT not in client.get(url).content.decode()


def test_logging_never_writes_answers_or_contact_details(client, caplog):
    caplog.set_level(logging.DEBUG)
    client.post("/questionnaire/", as_post(answers(substances=["benzodiazepines"])))
    stored = Response.objects.get()
    client.post(
        f"/results/{stored.public_token}/share/",
        {
            "consent": "on",
            "name": "Zebediah",
            "phone": "212 555 9876",
            "best_time": "any",
            "preferred_language": "en",
        },
    )
    client.post("/questionnaire/", {"frequency": "benzodiazepines-bad"})
    logged = caplog.text
    for secret in ["benzodiazepines", "Zebediah", "010 9876", stored.public_token]:
        assert secret not in logged


body_values = st.one_of(
    st.text(max_size=200),
    st.binary(max_size=60).map(lambda b: b.decode("latin-1")),
    st.sampled_from(["", "\x00", "on", "yes", "self", "daily", "%", "&&&", "=" * 20]),
)
body_keys = st.one_of(
    st.sampled_from(
        [
            "for_whom",
            "substances",
            "danger_now",
            "frequency",
            "name",
            "phone",
            "email",
            "consent",
            "website",
            "best_time",
        ]
    ),
    st.text(max_size=20),
)


class TestHostileBodies(HypothesisTestCase):
    @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(pairs=st.lists(st.tuples(body_keys, st.one_of(body_values, st.lists(body_values)))))
    def test_random_form_bodies_never_500_and_never_half_save(self, pairs):
        stored = Response.objects.record(answers())
        before = (Response.objects.count(), ContactRequest.objects.count())
        data: dict = {}
        for key, value in pairs:
            data.setdefault(key, value)
        for url in ["/questionnaire/", f"/results/{stored.public_token}/share/"]:
            response = self.client.post(url, data)
            assert response.status_code in {200, 302, 303, 400}, (url, data)
        after = (Response.objects.count(), ContactRequest.objects.count())
        assert after[0] - before[0] in {0, 1}
        assert after[1] - before[1] in {0, 1}
        for contact in ContactRequest.objects.all():
            assert contact.consent
            assert contact.phone or contact.email

    @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(raw=st.binary(max_size=300))
    def test_raw_bytes_bodies_never_500(self, raw):
        response = self.client.generic(
            "POST", "/questionnaire/", raw, content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in {200, 302, 303, 400}
        if response.status_code == 303:
            assert self.client.get(response["Location"]).status_code == 200

    @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(values=st.lists(st.text(max_size=40), max_size=8))
    def test_random_compare_queries_never_500(self, values):
        response = self.client.get("/compare/", {"levels": values})
        assert response.status_code == 200


def test_markup_in_contact_fields_renders_inert_in_the_admin(client):
    client.post("/questionnaire/", as_post(answers()))
    stored = Response.objects.get()
    ContactRequest.objects.create(
        response=stored, consent=True, name=SCRIPT, phone="555 010 2233", email=""
    )
    admin_user = get_user_model().objects.create_superuser(
        "root", password="a long passphrase 456"
    )
    force_login_verified(client, admin_user)
    pages = [
        f"/admin/programs/response/{stored.pk}/change/",
        "/admin/intake/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        html = response.content.decode()
        assert SCRIPT not in html, url
    detail = client.get(pages[0]).content.decode()
    assert "&lt;script&gt;" in detail


def test_markup_in_a_listing_report_renders_inert_in_the_admin(client):
    from programs.models import ListingReport
    from tests.factories.directory import make_program

    program = make_program(name=SCRIPT)
    client.post(program.get_absolute_url(), {"kind": "other", "details": SCRIPT})
    report = ListingReport.objects.get()
    assert report.details == SCRIPT
    admin_user = get_user_model().objects.create_superuser(
        "root2", password="a long passphrase 789"
    )
    force_login_verified(client, admin_user)
    for url in [
        "/admin/programs/listingreport/",
        f"/admin/programs/listingreport/{report.pk}/change/",
        program.get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert SCRIPT not in response.content.decode(), url
