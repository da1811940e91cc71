"""A request id on every request, and one log line per request.

nginx sets `X-Request-ID` (`proxy_set_header X-Request-ID $request_id;`); the id is taken
from it when it looks like one, made up otherwise, and sent back on the response, so a
person's "it broke" can be matched with the log. Every record logged while the request
is served carries the id (iopguide/json_logging.py).

The request line names the route (`programs:result`), never the path: a result page's
path is its secret key. No query string, header, body or client address is written.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from iopguide.json_logging import REQUEST_ID

HEADER = "X-Request-ID"
VALID_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
# Any other method is written as OTHER: a made-up method name is the client's text.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})

logger = logging.getLogger("iopguide.requests")


def incoming_id(request: HttpRequest) -> str:
    """The proxy's id when it is a plain token of 8–64 characters, else a new one."""
    given = request.headers.get(HEADER, "")
    return given if VALID_ID.fullmatch(given) else uuid.uuid4().hex


def route_name(request: HttpRequest) -> str:
    """The matched URL pattern's name, or "-" when no pattern matched."""
    match = getattr(request, "resolver_match", None)
    return (match.view_name or "-") if match is not None else "-"


class RequestIdMiddleware:
    """First in MIDDLEWARE: it sees every answer, redirects and errors included."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = incoming_id(request)
        request.request_id = request_id  # type: ignore[attr-defined]
        # Left set until the response is closed (request_finished below), so that
        # Django's own log line for an error answer, written after the middleware
        # returns, still carries the id.
        REQUEST_ID.set(request_id)
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response[HEADER] = request_id
            return response
        finally:
            log_request(request, status, time.perf_counter() - started)


def log_request(request: HttpRequest, status: int, seconds: float) -> None:
    method = request.method if request.method in METHODS else "OTHER"
    route = route_name(request)
    duration_ms = round(seconds * 1000, 1)
    level = logging.ERROR if status >= 500 else logging.WARNING if status >= 400 else logging.INFO
    logger.log(
        level,
        "%s %s %s %sms",
        method,
        route,
        status,
        duration_ms,
        extra={"method": method, "route": route, "status": status, "duration_ms": duration_ms},
    )


@receiver(request_finished, dispatch_uid="iopguide.request_id.forget")
def forget_request_id(**kwargs: object) -> None:
    REQUEST_ID.set(None)
