"""One JSON log line per request, with a request id, and nothing that identifies anyone
(issue #18, "Run like a service": logs).

Captured through the handlers settings.LOGGING really configures: their streams are
swapped for a buffer, so what is checked is what an operator's journal would hold.
"""

from __future__ import annotations

import io
import json
import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path

import pytest
from django.test import Client

from iopguide.json_logging import JsonFormatter, RequestIdFilter, log_format
from iopguide.log_redaction import RedactResultTokens
from programs.models import ContactRequest, Response
from programs.questionnaire import services, views
from tests.factories.intake import make_response
from tests.factories.questionnaire import answers, as_post

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
REQUEST_LINE_FIELDS = {
    "time",
    "level",
    "logger",
    "message",
    "request_id",
    "method",
    "route",
    "status",
    "duration_ms",
}
CLIENT_ADDRESS = "203.0.113.77"
FORWARDED_FOR = "198.51.100.23"
CONTACT = {
    "consent": "on",
    "name": "Robin Quixote",
    "phone": "(212) 555-0142",
    "email": "robin.quixote@example.org",
    "best_time": "evening",
    "preferred_language": "en",
}
# Answers whose values appear nowhere else in a request line.
ANSWERS = answers(
    substances=["cannabis", "stimulants"],
    hours_available="9_to_19",
    home="supportive",
    control="hard_some_days",
)
ANSWER_VALUES = ["cannabis", "stimulants", "9_to_19", "supportive", "hard_some_days"]
GENERATED_ID = re.compile(r"[0-9a-f]{32}")
LOGGERS = ("", "django", "django.request", "django.security.csrf", "iopguide.requests")


def configured_stream_handlers() -> set[logging.StreamHandler]:
    found: set[logging.StreamHandler] = set()
    for name in LOGGERS:
        logger: logging.Logger | None = logging.getLogger(name)
        while logger is not None:
            for handler in logger.handlers:
                if isinstance(handler, logging.StreamHandler) and not type(
                    handler
                ).__module__.startswith("_pytest"):
                    found.add(handler)
            if not logger.propagate:
                break
            logger = logger.parent
    return found


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    output = io.StringIO()
    previous = {handler: handler.setStream(output) for handler in configured_stream_handlers()}
    assert previous, "settings.LOGGING configures no stream handler"
    try:
        yield output
    finally:
        for handler, stream in previous.items():
            handler.setStream(stream)


@pytest.fixture
def client() -> Client:
    # Every request from a known address, through a proxy: neither may be logged.
    return Client(REMOTE_ADDR=CLIENT_ADDRESS, HTTP_X_FORWARDED_FOR=FORWARDED_FOR)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATELIMIT_ENABLED = False


def lines(output: io.StringIO) -> list[dict]:
    """Every line written, each of which must be one JSON object."""
    return [json.loads(line) for line in output.getvalue().splitlines() if line.strip()]


def request_lines(output: io.StringIO) -> list[dict]:
    return [line for line in lines(output) if line["logger"] == "iopguide.requests"]


def assert_nothing_identifying(output: io.StringIO, *secrets: str) -> None:
    written = output.getvalue()
    for secret in (*secrets, CLIENT_ADDRESS, FORWARDED_FOR, "?"):
        assert secret not in written, secret


def test_one_request_writes_one_json_line_with_the_route_and_no_more(client, log_output):
    page = client.get("/levels/?utm_source=robin.quixote@example.org")
    assert page.status_code == HTTPStatus.OK
    [line] = lines(log_output)
    assert set(line) == REQUEST_LINE_FIELDS
    assert line["logger"] == "iopguide.requests"
    assert line["level"] == "INFO"
    assert line["method"] == "GET"
    assert line["route"] == "programs:level_list"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float)
    assert line["duration_ms"] >= 0
    assert line["message"] == f"GET programs:level_list 200 {line['duration_ms']}ms"
    assert line["request_id"] == page["X-Request-ID"]
    assert GENERATED_ID.fullmatch(line["request_id"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", line["time"])
    assert_nothing_identifying(log_output, "utm_source", "robin.quixote", "/levels/")


def test_a_questionnaire_post_logs_no_answer_and_no_token(client, log_output):
    page = client.post("/questionnaire/?ref=robin", as_post(ANSWERS))
    assert page.status_code == HTTPStatus.FOUND
    token = Response.objects.get().public_token
    [line] = lines(log_output)
    assert (line["method"], line["route"], line["status"]) == (
        "POST",
        "programs:questionnaire",
        302,
    )
    assert_nothing_identifying(log_output, token, "ref=robin", *ANSWER_VALUES)


def test_sharing_contact_details_logs_no_name_phone_email_or_token(client, log_output):
    stored = make_response()
    token = stored.public_token
    page = client.post(f"/results/{token}/share/", CONTACT)
    assert page.status_code == HTTPStatus.FOUND
    assert ContactRequest.objects.get().name == CONTACT["name"]
    [line] = lines(log_output)
    assert (line["route"], line["status"]) == ("programs:share", 302)
    assert_nothing_identifying(
        log_output, token, "Robin", "Quixote", "555-0142", "555", "0142", "example.org"
    )


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_a_result_page_is_logged_by_its_route_never_its_path(client, log_output, prefix):
    token = make_response().public_token
    page = client.get(f"{prefix}/results/{token}/")
    assert page.status_code == HTTPStatus.OK
    [line] = lines(log_output)
    assert (line["route"], line["status"]) == ("programs:result", 200)
    assert_nothing_identifying(log_output, token, "/results/")


def test_a_404_names_no_route_and_no_path(client, log_output):
    page = client.get("/no-such-page/robin.quixote@example.org/?phone=2125550142")
    assert page.status_code == HTTPStatus.NOT_FOUND
    [line] = lines(log_output)
    assert (line["level"], line["route"], line["status"]) == ("WARNING", "-", 404)
    assert_nothing_identifying(log_output, "no-such-page", "robin", "2125550142")


def test_a_404_inside_a_route_names_the_route(client, log_output):
    page = client.get("/results/not-a-real-token-but-well-formed/")
    assert page.status_code == HTTPStatus.NOT_FOUND
    [line] = lines(log_output)
    assert (line["route"], line["status"]) == ("programs:result", 404)
    assert_nothing_identifying(log_output, "not-a-real-token")


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_a_server_error_logs_djangos_error_as_json_with_the_request_id(
    log_output, monkeypatch, prefix
):
    token = make_response().public_token

    def broken(response):
        raise RuntimeError(f"could not draw {response.get_absolute_url()}")

    monkeypatch.setattr(views, "_result_context", broken)
    client = Client(raise_request_exception=False, REMOTE_ADDR=CLIENT_ADDRESS)
    page = client.get(f"{prefix}/results/{token}/?from=robin")
    assert page.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    written = lines(log_output)
    error = next(line for line in written if line["logger"] == "django.request")
    [request_line] = request_lines(log_output)
    assert (request_line["level"], request_line["status"]) == ("ERROR", 500)
    assert request_line["route"] == "programs:result"
    # Django's own record: same format, same request id, traceback redacted in "exc".
    assert error["request_id"] == request_line["request_id"] == page["X-Request-ID"]
    assert error["message"] == f"Internal Server Error: {prefix}/results/[redacted]/"
    assert f"RuntimeError: could not draw {prefix}/results/[redacted]/" in error["exc"]
    assert "Traceback" in error["exc"]
    assert_nothing_identifying(log_output, token, "from=robin")


def test_contact_details_in_an_error_are_masked_in_the_log(log_output, monkeypatch):
    token = make_response().public_token

    def failed_insert(response, contact):
        # As PostgreSQL words a failed INSERT: the row's values on the DETAIL line.
        raise RuntimeError(
            f"duplicate key for {contact.email}\n"
            f"DETAIL: Key (phone, email)=({contact.phone}, {contact.email}) already exists."
        )

    monkeypatch.setattr(services, "share_contact", failed_insert)
    client = Client(raise_request_exception=False, REMOTE_ADDR=CLIENT_ADDRESS)
    page = client.post(f"/results/{token}/share/", CONTACT)
    assert page.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    error = next(line for line in lines(log_output) if line["logger"] == "django.request")
    assert "RuntimeError: duplicate key for [masked]" in error["exc"]
    assert "DETAIL: [masked]" in error["exc"]
    assert_nothing_identifying(log_output, token, "555-0142", "2125550142", "example.org")


def test_a_failing_rows_detail_line_is_cut_from_the_log(log_output, monkeypatch):
    # A NOT NULL or CHECK failure quotes the whole row, the person's name among it.
    token = make_response().public_token

    def failed_insert(response, contact):
        raise RuntimeError(
            'new row violates check constraint "contact_phone_or_email"\n'
            f"DETAIL:  Failing row contains (7, {contact.name}, , , any, t)."
        )

    monkeypatch.setattr(services, "share_contact", failed_insert)
    client = Client(raise_request_exception=False, REMOTE_ADDR=CLIENT_ADDRESS)
    assert client.post(f"/results/{token}/share/", CONTACT).status_code == 500
    error = next(line for line in lines(log_output) if line["logger"] == "django.request")
    assert "DETAIL: [masked]" in error["exc"]
    assert_nothing_identifying(log_output, token, CONTACT["name"])


def test_a_csrf_failure_logs_json_with_the_request_id_and_no_token_or_contact(log_output):
    token = make_response().public_token
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR=CLIENT_ADDRESS)
    page = client.post(f"/results/{token}/share/?x=1", CONTACT)
    assert page.status_code == HTTPStatus.FORBIDDEN
    assert not ContactRequest.objects.exists()
    written = lines(log_output)
    [request_line] = request_lines(log_output)
    assert (request_line["route"], request_line["status"]) == ("programs:share", 403)
    csrf = next(line for line in written if line["logger"] == "django.security.csrf")
    assert csrf["request_id"] == request_line["request_id"] == page["X-Request-ID"]
    assert "/results/[redacted]/share/" in csrf["message"]
    assert_nothing_identifying(log_output, token, "Robin", "Quixote", "0142", "example.org")


@pytest.mark.parametrize(
    "given", ["nginx-0123456789abcdef", "a1b2c3d4", "A.b_C-d" + "e" * 57, "f" * 32]
)
def test_a_well_formed_request_id_is_passed_through_and_echoed(client, log_output, given):
    page = client.get("/healthz", headers={"X-Request-ID": given})
    assert page["X-Request-ID"] == given
    [line] = lines(log_output)
    assert line["request_id"] == given


@pytest.mark.parametrize(
    "given",
    [
        "short",  # fewer than 8 characters
        "x" * 65,  # more than 64
        "has spaces in it",
        "nul\x00in-the-middle",
        "slash/and-more",
        "quote\"and'more",
        "caf\u00e9-caf\u00e9-caf\u00e9",
        "",
    ],
)
def test_a_malformed_request_id_is_replaced_by_a_new_one(client, log_output, given):
    page = client.get("/healthz", headers={"X-Request-ID": given})
    made = page["X-Request-ID"]
    assert GENERATED_ID.fullmatch(made)
    assert made != given
    [line] = lines(log_output)
    assert line["request_id"] == made
    if given:
        assert given not in log_output.getvalue()


def test_every_request_gets_its_own_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert first != second


def test_redirects_and_refusals_before_any_view_carry_the_id_too(client, log_output, settings):
    settings.SECURE_SSL_REDIRECT = True
    page = client.get("/levels/")
    assert page.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert GENERATED_ID.fullmatch(page["X-Request-ID"])
    [line] = lines(log_output)
    assert (line["route"], line["status"]) == ("-", 301)


def test_records_outside_a_request_say_so():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "started", (), None)
    RequestIdFilter().filter(record)
    entry = json.loads(JsonFormatter().format(record))
    assert entry == {
        "time": entry["time"],
        "level": "INFO",
        "logger": "x",
        "message": "started",
        "request_id": "-",
    }


def test_the_formatter_prints_a_redacted_traceback_kept_as_text():
    try:
        raise ValueError("no result at /results/secret-token/")
    except ValueError:
        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "boom", (), sys.exc_info()
        )
    RedactResultTokens().filter(record)
    assert record.exc_info is None
    assert record.exc_text
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert "ValueError: no result at /results/[redacted]/" in entry["exc"]
    assert "secret-token" not in line


@pytest.mark.parametrize(
    ("value", "debug", "expected"),
    [
        (None, False, "json"),
        (None, True, "text"),
        ("TEXT", False, "text"),
        (" json", True, "json"),
    ],
)
def test_the_log_format_is_json_in_production_and_text_with_debug(value, debug, expected):
    assert log_format(value, debug=debug) == expected


def test_an_unknown_log_format_stops_the_app_with_a_clear_message():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "iopguide.settings",
            "SECRET_KEY": "x" * 50,
            "LOG_FORMAT": "xml",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "LOG_FORMAT must be json or text" in result.stderr


def test_gunicorn_writes_json_lines_without_tokens_and_no_access_log_by_default(monkeypatch):
    import runpy

    from gunicorn.config import Config

    from iopguide.gunicorn_logging import RedactingLogger

    monkeypatch.delenv("GUNICORN_ACCESS_LOG", raising=False)
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["accesslog"] is None
    monkeypatch.delenv("LOG_FORMAT", raising=False)
    monkeypatch.setenv("DEBUG", "0")
    config = Config()
    config.set("errorlog", "-")
    gunicorn_log = RedactingLogger(config)
    output = io.StringIO()
    for handler in gunicorn_log.error_log.handlers:
        if not type(handler).__module__.startswith("_pytest"):
            handler.setStream(output)
    gunicorn_log.error("Error handling request %s", "/es/results/secret-token/share/")
    [entry] = lines(output)
    assert entry["message"] == "Error handling request /es/results/[redacted]/share/"
    assert entry["level"] == "ERROR"
    assert "secret-token" not in output.getvalue()
