"""Sentry error reports carry nothing personal (issue #18, "Run like a service": errors).

A fake transport takes the place of the network: every envelope the SDK would send is
kept, serialised as it would go out, and searched for each personal value the failing
request held (URL token, query string, body, cookies, session, headers, address).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

import pytest
import sentry_sdk
from django.contrib.sessions.backends.db import SessionStore
from sentry_sdk.envelope import Envelope
from sentry_sdk.transport import Transport

from iopguide.error_reporting import init_sentry, scrub_breadcrumb, scrub_event
from iopguide.personal_data import mask
from programs.questionnaire import services
from tests.factories.intake import make_response
from tests.factories.questionnaire import answers, as_post

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse

ROOT = Path(__file__).resolve().parents[2]


def fail_to_share(response, contact):
    # Far from the values' definitions below: a frame's source lines go out with it.
    person = f"{contact.name} {contact.phone} {contact.email}"  # a local variable
    raise RuntimeError(
        f"could not share {response.get_absolute_url()} with {contact.email} "
        f"on {contact.phone}\nDETAIL: Key (name)=({person}) already exists."
    )


class KeepingTransport(Transport):
    """Keeps what would be sent."""

    def __init__(self) -> None:
        super().__init__()
        self.envelopes: list[Envelope] = []

    def capture_envelope(self, envelope: Envelope) -> None:
        self.envelopes.append(envelope)

    def sent(self) -> str:
        return b"".join(envelope.serialize() for envelope in self.envelopes).decode()

    def events(self) -> list[dict[str, Any]]:
        events = [envelope.get_event() for envelope in self.envelopes]
        return [cast(dict[str, Any], event) for event in events if event]


@pytest.fixture
def transport() -> Iterator[KeepingTransport]:
    kept = KeepingTransport()
    init_sentry(
        "https://public@sentry.invalid/1",
        environment="test",
        traces_sample_rate=0,
        transport=kept,
    )
    try:
        yield kept
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.get_global_scope().set_client(None)


NAME = "Robin Quixote"
PHONE = "(212) 555-0142"
EMAIL = "robin.quixote@example.org"
CLIENT_ADDRESS = "203.0.113.77"
FORWARDED_FOR = "198.51.100.23"
ANSWERS = answers(
    substances=["stimulants"], hours_available="9_to_19", home="supportive", control="can_stop"
)
HEADERS = {
    "User-Agent": "RobinsBrowser/7.7",
    "Authorization": "Bearer header-secret-bearer",
    "X-Custom-Secret": "header-secret-custom",
    "Accept-Language": "es-MX-secretlang",
    "X-Forwarded-For": FORWARDED_FOR,
    "Referer": "https://iopguide.example.org/results/REFERRER-TOKEN/",
}
# A CSRF secret as Django's cookie holds it (32 letters and digits).
CSRF_SECRET = "CsrfSecretValue0123456789abcdefg"


def wsgi_post(path: str, query: str, body: dict, cookies: dict, headers: dict) -> int:
    """POST through Django's real WSGI handler, as gunicorn calls it (the test client skips
    the WSGI layer, where Sentry reads the URL, headers and client address)."""
    from django.core import signals
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import close_old_connections

    encoded = urlencode(body, doseq=True).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(encoded)),
        "wsgi.input": io.BytesIO(encoded),
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": CLIENT_ADDRESS,
        "HTTP_COOKIE": "; ".join(f"{name}={value}" for name, value in cookies.items()),
        **{"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()},
    }
    setup_testing_defaults(environ)
    statuses: list[str] = []

    def start_response(status: str, headers: list, *exc_info: object) -> None:
        statuses.append(status)

    # As Django's test client does: keep the test's transaction open across the request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        answer = WSGIHandler()(environ, cast("StartResponse", start_response))
        b"".join(answer)
        answer.close()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return int(statuses[0].split()[0])


@pytest.mark.django_db
def test_an_error_report_holds_nothing_personal(transport, monkeypatch, settings):
    settings.RATELIMIT_ENABLED = False
    monkeypatch.setattr(services, "share_contact", fail_to_share)
    token = make_response().public_token
    session = SessionStore()
    session["kept"] = "session-secret-value"
    session.save()
    body = {
        "consent": "on",
        "name": NAME,
        "phone": PHONE,
        "email": EMAIL,
        "best_time": "evening",
        "preferred_language": "en",
        "csrfmiddlewaretoken": CSRF_SECRET,
        **as_post(ANSWERS),
    }
    cookies = {
        "sessionid": session.session_key,
        "csrftoken": CSRF_SECRET,
        "tracking": "cookie-secret-value",
    }
    status = wsgi_post(f"/results/{token}/share/", "utm=query-secret", body, cookies, HEADERS)
    assert status == HTTPStatus.INTERNAL_SERVER_ERROR

    events = transport.events()
    assert events, "no event was sent"
    # The report still says what went wrong, and where.
    [error] = [event for event in events if "exception" in event]
    [exception] = error["exception"]["values"]
    assert exception["type"] == "RuntimeError"
    assert exception["value"] == ("could not share /results/[redacted]/ with [masked] on [masked]")
    assert exception["stacktrace"]["frames"]
    assert error["request"] == {
        "method": "POST",
        "url": "http://testserver/results/[redacted]/share/",
    }

    sent = transport.sent()
    personal = [
        token,
        "Robin",
        "Quixote",
        "555-0142",
        "2125550142",
        "robin.quixote",
        "example.org",
        "query-secret",
        "utm",
        "session-secret-value",
        session.session_key,
        "cookie-secret-value",
        CSRF_SECRET,
        "header-secret",
        "RobinsBrowser",
        "REFERRER-TOKEN",
        "secretlang",
        CLIENT_ADDRESS,
        FORWARDED_FOR,
        "stimulants",
        "9_to_19",
        "supportive",
        "can_stop",
    ]
    for value in personal:
        assert value not in sent, value


def test_scrubbing_keeps_only_what_an_error_needs():
    event = {
        "request": {
            "method": "GET",
            "url": "https://x.example/es/results/abc123/?next=/results/def456/",
            "query_string": "next=/results/def456/",
            "cookies": {"sessionid": "s"},
            "headers": {"Referer": "r"},
            "data": {"name": "Robin"},
            "env": {"REMOTE_ADDR": "203.0.113.77"},
        },
        "user": {"ip_address": "203.0.113.77"},
        "extra": {"request": "<WSGIRequest: GET '/results/abc123/'>"},
        "transaction": "/results/abc123/",
        "logentry": {"message": "Broke: %s", "params": ["robin@example.org"]},
        "breadcrumbs": {
            "values": [
                {"category": "query", "message": "SELECT 'Robin'", "data": {"db.params": [1]}},
                {"category": "x", "message": "mail to robin@example.org", "data": {"a": 1}},
            ]
        },
        "threads": {"values": [{"stacktrace": {"frames": [{"vars": {"name": "Robin"}}]}}]},
    }
    scrubbed = scrub_event(event)
    assert scrubbed["request"] == {
        "method": "GET",
        "url": "https://x.example/es/results/[redacted]/",
    }
    assert "user" not in scrubbed
    assert "extra" not in scrubbed
    assert scrubbed["transaction"] == "/results/[redacted]/"
    assert scrubbed["logentry"] == {"message": "Broke: %s"}
    assert scrubbed["breadcrumbs"]["values"] == [
        {"category": "query"},
        {"category": "x", "message": "mail to [masked]"},
    ]
    assert scrubbed["threads"]["values"][0]["stacktrace"]["frames"] == [{}]
    assert scrub_breadcrumb({"category": "query", "message": "SELECT 'x'"}) == {
        "category": "query"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no such result /results/abc-123/", "no such result /results/[redacted]/"),
        ("call +1 (212) 555-0142 now", "call [masked] now"),
        ("write to a.b@example.org.", "write to [masked]"),
        ("listing 42 of 7", "listing 42 of 7"),
    ],
)
def test_mask(text, expected):
    assert mask(text) == expected


def run_django(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, sentry_sdk; django.setup(); "
            "print(sentry_sdk.get_client().is_active())",
        ],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "iopguide.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_sentry_is_off_without_a_dsn():
    assert run_django(SECRET_KEY="x" * 50, DEBUG="0") == "False"


def test_sentry_starts_with_a_dsn():
    # Nothing is sent: no error happens, and session pings are off.
    assert run_django(SECRET_KEY="x" * 50, SENTRY_DSN="https://public@sentry.invalid/1") == "True"


def test_a_malformed_traces_rate_stops_the_app():
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "iopguide.settings",
            "SECRET_KEY": "x" * 50,
            "SENTRY_DSN": "https://public@sentry.invalid/1",
            "SENTRY_TRACES_SAMPLE_RATE": "lots",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SENTRY_TRACES_SAMPLE_RATE must be a number from 0 to 1" in result.stderr
