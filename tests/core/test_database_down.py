"""While the database is down (issue #18, hole 9).

Pages already in the page cache are still served, with the crisis banner every page has;
anything else is a plain 503 page with the crisis numbers, in the page's language, with
Retry-After, rendered without touching the database. /healthz keeps its meaning.

Most tests make the database unreachable by making every connection attempt fail as a
server that is down does (Django's OperationalError); the last ones start the site in a
separate process against a PostgreSQL address where nothing answers.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import OperationalError, connections
from django.test import Client, RequestFactory

from programs.core import caching, errors
from programs.models import Response
from tests.core.test_log_redaction import log_output  # noqa: F401 - a fixture
from tests.factories.intake import make_response
from tests.factories.questionnaire import answers, as_post

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CRISIS_NUMBERS = ('href="tel:911"', 'href="tel:988"', "1-800-662-4357")
CRISIS_BANNER = 'class="crisis-bar"'


class Down:
    """Counts the attempts to reach the database while it is down."""

    def __init__(self) -> None:
        self.attempts = 0

    def __call__(self) -> None:
        self.attempts += 1
        raise OperationalError(
            'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
            "Connection refused"
        )


@pytest.fixture
def take_down(monkeypatch):
    """Call it to take the database down for the rest of the test (every query fails)."""
    down = Down()

    def take() -> Down:
        monkeypatch.setattr(connections["default"], "ensure_connection", down)
        return down

    yield take
    monkeypatch.undo()


@pytest.fixture
def page_cache(settings) -> Iterator[None]:
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_VERSION_CHECK_SECONDS = 2
    caching.reset()
    yield
    caching.reset()


@pytest.fixture
def later(monkeypatch):
    """Move this process's clock on by some seconds (the version is read every 2 s)."""
    offset = [0.0]
    real = time.monotonic
    monkeypatch.setattr(caching.time, "monotonic", lambda: real() + offset[0])

    def move(seconds: float) -> None:
        offset[0] += seconds

    return move


def anonymous() -> Client:
    # A 503 comes from handling an exception: look at the page, not at the exception.
    return Client(raise_request_exception=False)


def assert_trouble_page(page, language: str = "en") -> str:
    html = page.content.decode()
    assert page.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert page["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert "no-store" in page["Cache-Control"]
    assert f'<html lang="{language}"' in html
    for number in CRISIS_NUMBERS:
        assert number in html
    assert CRISIS_BANNER in html
    assert "Traceback" not in html
    return html


# Cached pages -----------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/levels/iop/", "/es/levels/iop/", "/about/", "/"])
def test_a_cached_page_is_still_served_while_the_database_is_down(
    page_cache, take_down, later, url
):
    client = anonymous()
    fresh = client.get(url)
    assert fresh.status_code == HTTPStatus.OK
    down = take_down()
    later(3)  # past the 2 seconds after which the cached pages failed
    for _ in range(3):
        page = client.get(url)
        assert page.status_code == HTTPStatus.OK
        assert page.content == fresh.content
        html = page.content.decode()
        assert CRISIS_BANNER in html
        for number in CRISIS_NUMBERS:
            assert number in html
    # One attempt to read the content version, not one per visitor.
    assert down.attempts == 1
    later(3)
    client.get(url)
    assert down.attempts == 2


def test_a_page_with_a_form_gets_its_own_token_while_the_database_is_down(
    page_cache, take_down, later
):
    # The program search page has a form, stored with a hole for each visitor's CSRF token.
    first = anonymous().get("/programs/")
    assert first.status_code == HTTPStatus.OK
    take_down()
    later(3)
    again = anonymous().get("/programs/")
    assert again.status_code == HTTPStatus.OK
    assert CRISIS_BANNER in again.content.decode()


def test_nothing_is_stored_while_the_version_cannot_be_read(page_cache, take_down, later):
    anonymous().get("/levels/iop/")
    take_down()
    later(3)
    # Not cached before the database went down: the 503 page, and it is not stored.
    assert_trouble_page(anonymous().get("/levels/"))
    assert_trouble_page(anonymous().get("/levels/"))


# The 503 page -----------------------------------------------------------------------


@pytest.mark.parametrize("cache_on", [True, False])
def test_an_uncached_page_is_a_503_with_the_crisis_numbers(settings, take_down, cache_on):
    settings.PAGE_CACHE_ENABLED = cache_on
    caching.reset()
    take_down()
    html = assert_trouble_page(anonymous().get("/levels/iop/"))
    assert "The site is having trouble right now" in html
    assert "Nothing you did caused this." in html
    assert "988 Suicide &amp; Crisis Lifeline" in html
    assert 'href="sms:988"' in html  # call or text
    caching.reset()


def test_the_503_page_is_in_spanish_under_es(take_down):
    take_down()
    page = anonymous().get("/es/levels/iop/")
    html = assert_trouble_page(page, "es")
    assert page["Content-Language"] == "es"
    # Already translated: the crisis list and the "you don't need this site" sentence.
    assert "Ayuda inmediata, a cualquier hora" in html
    assert "No necesita este sitio para recibir ayuda" in html
    assert 'href="/es/"' in html
    assert "Help right now, any time" not in html


def test_a_post_while_the_database_is_down_is_the_same_503(take_down):
    take_down()
    assert_trouble_page(anonymous().post("/questionnaire/", as_post(answers())))
    page = anonymous().post("/es/questionnaire/", as_post(answers()))
    assert_trouble_page(page, "es")


def test_nothing_is_saved_by_a_post_while_the_database_is_down(take_down, monkeypatch):
    take_down()
    anonymous().post("/questionnaire/", as_post(answers()))
    monkeypatch.undo()
    assert not Response.objects.exists()


def test_staff_pages_and_sign_in_while_the_database_is_down_are_the_same_503(take_down):
    staff = get_user_model().objects.create_user(
        "intake1", password="a long passphrase 123", is_staff=True, is_superuser=True
    )
    signed_in = anonymous()
    signed_in.force_login(staff)
    take_down()
    for page in (
        signed_in.get("/admin/"),
        signed_in.get("/admin/programs/response/"),
        signed_in.post("/admin/logout/"),
        anonymous().post(
            "/admin/login/?next=/admin/",
            {"username": "intake1", "password": "a long passphrase 123"},
        ),
    ):
        assert_trouble_page(page)


def test_the_503_page_never_touches_the_database(take_down):
    down = take_down()
    for path, language in [("/levels/iop/", "en"), ("/es/results/x/share/", "es")]:
        request = RequestFactory().post(path)
        # A staff member's session cookie: a context processor would read the session.
        request.COOKIES["sessionid"] = "x" * 32
        page = errors.service_unavailable(request)
        assert_trouble_page(page, language)
    assert down.attempts == 0


def test_other_errors_are_still_the_500_page(monkeypatch):
    from programs.levels import views

    def broken(*args, **kwargs):
        raise RuntimeError("not the database")

    monkeypatch.setattr(views, "render", broken)
    page = anonymous().get("/about/")
    assert page.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Something went wrong on our side" in page.content.decode()
    assert "Retry-After" not in page


def test_healthz_still_says_the_database_is_unavailable(take_down):
    take_down()
    page = anonymous().get("/healthz")
    assert page.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert page.content == b"database unavailable"


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_a_503_on_a_result_page_logs_no_token(log_output, caplog, take_down, prefix):  # noqa: F811
    token = make_response().public_token
    take_down()
    client = anonymous()
    language = "es" if prefix else "en"
    assert_trouble_page(client.get(f"{prefix}/results/{token}/"), language)
    for path in (f"/results/{token}/share/", f"/results/{token}/delete/"):
        page = client.post(f"{prefix}{path}", {"name": "Robin", "phone": "212 555 0101"})
        assert_trouble_page(page, language)
    written = log_output.getvalue()
    assert f"Service Unavailable: {prefix}/results/[redacted]/share/" in written
    assert token not in written
    assert token not in caplog.text
    assert "212 555 0101" not in written + caplog.text
    for record in caplog.records:
        request = getattr(record, "request", None)
        if request is not None:
            assert token not in request.get_full_path()


# A database that really cannot be reached -------------------------------------------

SCRIPT = """
import json, sys, time
import django
django.setup()
from django.test import Client
from django.test.utils import override_settings

timings = {}
# Production serves the collected, hashed static files; this process has none collected.
with override_settings(
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
):
    client = Client(raise_request_exception=False)
    requests = [
        ("page", "get", "/levels/iop/"),
        ("spanish", "get", "/es/levels/iop/"),
        ("post", "post", "/questionnaire/"),
        ("healthz", "get", "/healthz"),
    ]
    for name, method, path in requests[: int(sys.argv[1])]:
        start = time.monotonic()
        page = getattr(client, method)(path, {"danger_now": "none"} if method == "post" else None)
        text = page.content.decode()
        timings[name] = {
            "status": page.status_code,
            "seconds": time.monotonic() - start,
            "retry_after": page.get("Retry-After"),
            "crisis": all(n in text for n in ("tel:911", "tel:988", "1-800-662-4357")),
            "lang": page.get("Content-Language"),
        }
print(json.dumps(timings))
"""


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never says a word, as a hung server does."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield listener.getsockname()[1]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_site(database_url: str, requests: int = 4) -> dict:
    """Start the site with this database and send it the first `requests` of SCRIPT's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "DB_"))}
    env.update(
        DEBUG="0",
        SECRET_KEY="test-only-insecure-key",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        DB_CONNECT_TIMEOUT="2",
        DJANGO_SETTINGS_MODULE="iopguide.settings",
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(requests)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def assert_answers_quickly(timings: dict, most_seconds: float) -> None:
    for name in {"page", "spanish", "post"} & set(timings):
        assert timings[name]["status"] == HTTPStatus.SERVICE_UNAVAILABLE, (name, timings)
        assert timings[name]["retry_after"] == str(errors.RETRY_AFTER_SECONDS)
        assert timings[name]["crisis"], name
        assert timings[name]["seconds"] < most_seconds, (name, timings)
    if "spanish" in timings:
        assert timings["spanish"]["lang"] == "es"
    if "healthz" in timings:
        assert timings["healthz"]["status"] == HTTPStatus.SERVICE_UNAVAILABLE


@pytest.mark.django_db(databases=[])
def test_a_postgresql_server_that_refuses_connections_gives_the_503_page_at_once():
    timings = run_site(f"postgres://iop:secret@127.0.0.1:{closed_port()}/iop")
    assert_answers_quickly(timings, 2)


@pytest.mark.django_db(databases=[])
def test_a_postgresql_server_that_never_answers_gives_the_503_page_within_seconds(
    silent_server,
):
    # Without connect_timeout the request would wait for the server forever. With it (2 s
    # here), at most two attempts: the page cache's version read, then the page's own.
    timings = run_site(f"postgres://iop:secret@127.0.0.1:{silent_server}/iop", requests=1)
    assert_answers_quickly(timings, 2 * 2 + 1.5)
    assert timings["page"]["seconds"] >= 1.5  # it was the timeout that gave up


@pytest.mark.django_db(databases=[])
def test_a_sqlite_file_that_cannot_be_opened_gives_the_503_page(tmp_path):
    timings = run_site(f"sqlite:///{tmp_path}/no/such/folder/db.sqlite3")
    assert_answers_quickly(timings, 2)
