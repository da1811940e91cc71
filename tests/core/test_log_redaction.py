"""No result token in the application log (issue #18, hole 2).

Django writes a request's path when it answers 500 (django.request) and when a form fails
its CSRF check (django.security.csrf); a result page's path is its secret key. Every
handler the settings install redacts it, in English and Spanish paths alike.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from http import HTTPStatus
from typing import cast

import pytest
from django.conf import settings
from django.test import Client, RequestFactory

from iopguide.log_redaction import RedactResultTokens, redact
from programs.models import ContactRequest
from programs.questionnaire import views
from tests.factories.intake import make_response

pytestmark = pytest.mark.django_db

# Every logger Django writes request paths to, and every logger the settings configure.
CONFIGURED = cast(dict[str, dict], settings.LOGGING.get("loggers", {}))
LOGGERS = sorted(
    {"", "django", "django.request", "django.security.csrf", "django.server", *CONFIGURED}
)


def handlers_reached(name: str) -> list[logging.Handler]:
    """The handlers a record logged on `name` passes through, as logging.Logger walks them
    (but pytest's own, which capture logs for the tests)."""
    found: list[logging.Handler] = []
    logger: logging.Logger | None = logging.getLogger(name)
    while logger is not None:
        found.extend(h for h in logger.handlers if not type(h).__module__.startswith("_pytest"))
        if not logger.propagate:
            break
        logger = logger.parent
    return found


@pytest.fixture
def log_output(caplog) -> Iterator[io.StringIO]:
    """What the configured handlers really write, formatted, plus caplog for every logger.

    caplog's handler sits on the root logger; django.request does not propagate, so it is
    added there too (after the configured handlers, as a further handler would be).
    """
    caplog.set_level(logging.DEBUG)
    output = io.StringIO()
    streams: dict[logging.StreamHandler, io.TextIOBase | None] = {}
    for name in LOGGERS:
        for handler in handlers_reached(name):
            if isinstance(handler, logging.StreamHandler) and handler is not caplog.handler:
                streams.setdefault(handler, handler.setStream(output))
    request_logger = logging.getLogger("django.request")
    request_logger.addHandler(caplog.handler)
    try:
        yield output
    finally:
        request_logger.removeHandler(caplog.handler)
        for handler, stream in streams.items():
            handler.setStream(stream)


@pytest.mark.parametrize("name", LOGGERS)
def test_every_handler_redacts_tokens(name):
    handlers = handlers_reached(name)
    assert handlers, name
    for handler in handlers:
        assert any(isinstance(f, RedactResultTokens) for f in handler.filters), (name, handler)


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_a_csrf_failure_on_a_result_page_logs_no_token(log_output, caplog, prefix):
    stored = make_response()
    token = stored.public_token
    client = Client(enforce_csrf_checks=True)
    for path in [f"{prefix}/results/{token}/share/", f"{prefix}/results/{token}/delete/"]:
        page = client.post(path, {"consent": "on", "name": "Robin", "phone": "212 555 0101"})
        assert page.status_code == HTTPStatus.FORBIDDEN
    assert not ContactRequest.objects.exists()
    written = log_output.getvalue()
    # Something was logged, and the path in it was redacted.
    assert f"{prefix}/results/[redacted]/share/" in written
    assert f"{prefix}/results/[redacted]/share/" in caplog.text
    assert token not in written
    assert token not in caplog.text
    for record in caplog.records:
        assert token not in record.getMessage()
        request = getattr(record, "request", None)
        if request is not None:
            assert token not in request.path
            assert token not in request.get_full_path()
            assert token not in str(request.META.get("PATH_INFO"))


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_a_server_error_on_a_result_page_logs_no_token(log_output, caplog, monkeypatch, prefix):
    stored = make_response()
    token = stored.public_token

    def broken(response):
        raise RuntimeError(f"could not draw {response.get_absolute_url()}")

    monkeypatch.setattr(views, "_result_context", broken)
    client = Client(raise_request_exception=False)
    page = client.get(f"{prefix}/results/{token}/?from={prefix}/results/{token}/")
    assert page.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    written = log_output.getvalue()
    assert f"Internal Server Error: {prefix}/results/[redacted]/" in written
    assert f"RuntimeError: could not draw {prefix}/results/[redacted]/" in written
    assert "Internal Server Error" in caplog.text
    assert token not in written
    assert token not in caplog.text
    for record in caplog.records:
        assert token not in record.getMessage()
        request = getattr(record, "request", None)
        if request is not None:
            assert token not in request.get_full_path()
            assert token not in str(request.META)


def test_redacting_a_record_leaves_the_live_request_alone(log_output):
    token = make_response().public_token
    request = RequestFactory().get(f"/results/{token}/")
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "x", (), None)
    record.request = request
    assert RedactResultTokens().filter(record)
    assert token not in record.request.path
    # The view still serves the page the person asked for.
    assert request.path == f"/results/{token}/"
    assert request.META["PATH_INFO"] == f"/results/{token}/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GET /results/abc_DEF-123/share/", "GET /results/[redacted]/share/"),
        ("/es/results/abc_DEF-123/", "/es/results/[redacted]/"),
        ("next=%2Fresults%2Fabc_DEF-123%2F", "next=%2Fresults%2F[redacted]%2F"),
        ("/results/abc?x=1", "/results/[redacted]?x=1"),
        ("/levels/iop/", "/levels/iop/"),
        ("/results/[redacted]/", "/results/[redacted]/"),
    ],
)
def test_redact(text, expected):
    assert redact(text) == expected


def test_messages_args_and_exceptions_are_redacted():
    try:
        raise ValueError("no result at /results/secret-1/")
    except ValueError:
        import sys

        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "x", logging.ERROR, __file__, 1, "%s and %r", ("/results/secret-2/", b"x"), exc_info
    )
    RedactResultTokens().filter(record)
    formatted = logging.Formatter().format(record)
    assert "secret" not in formatted
    assert "/results/[redacted]/ and b'x'" in formatted
    dict_record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "%(path)s", ({"path": "/results/secret-3/"},), None
    )
    RedactResultTokens().filter(dict_record)
    assert dict_record.getMessage() == "/results/[redacted]/"


def test_gunicorn_error_and_access_logs_redact_tokens():
    from gunicorn.config import Config

    from iopguide.gunicorn_logging import RedactingLogger

    config = Config()
    config.set("errorlog", "-")
    config.set("accesslog", "-")
    gunicorn_log = RedactingLogger(config)
    output = io.StringIO()
    for handler in gunicorn_log.error_log.handlers + gunicorn_log.access_log.handlers:
        assert any(isinstance(f, RedactResultTokens) for f in handler.filters)
        handler.setStream(output)
    gunicorn_log.error("Error handling request %s", "/es/results/secret-token/share/")
    assert "/es/results/[redacted]/share/" in output.getvalue()
    assert "secret-token" not in output.getvalue()
