"""Result tokens out of every log line.

A result page's path, /results/<token>/ (/es/results/<token>/ in Spanish), is the only
key to one person's answers. Django writes request paths to the log on a server error
(django.request) and on a failed CSRF check (django.security.csrf), with the request
itself attached to the record; gunicorn writes paths too. ``RedactResultTokens`` is
installed on every handler in settings.LOGGING and on gunicorn's (gunicorn_logging.py),
so no handler can write a token, whatever its formatter.
"""

from __future__ import annotations

import copy
import logging
import re

from django.http import HttpRequest, QueryDict

# After "/results/", plain or percent-encoded (a path inside a query string): the token.
TOKEN_PATH = re.compile(r"((?:/|%2F)results(?:/|%2F))[^/\s?#&%\"'<>]+", re.IGNORECASE)
REDACTED = "[redacted]"


def redact(text: str) -> str:
    return TOKEN_PATH.sub(rf"\1{REDACTED}", text)


def redacted_request(request: HttpRequest) -> HttpRequest:
    """A copy of the request for the log record, its path and query redacted.

    A copy: a CSRF failure is logged halfway through the request, and the page that
    follows still needs the real path.
    """
    meta = {key: redact(v) if isinstance(v, str) else v for key, v in request.META.items()}
    if meta == request.META and redact(request.path) == request.path:
        return request
    clone = copy.copy(request)
    clone.path = redact(request.path)
    clone.path_info = redact(request.path_info)
    clone.META = meta
    if hasattr(clone, "environ"):  # a WSGIRequest's META is its environ
        clone.environ = meta
    clone.GET = QueryDict(meta.get("QUERY_STRING", ""))
    return clone


class RedactResultTokens(logging.Filter):
    """Rewrite a record so that nothing in it holds a result token; never drops a record.

    The message is redacted after formatting its arguments (a path is usually one); an
    exception's traceback becomes redacted text (``exc_text``, which every formatter
    prints) in place of the exception itself, whose message may hold a path.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: let the handler report it as usual
            message = None
        if message is not None and redact(message) != message:
            record.msg, record.args = redact(message), None
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            record.request = redacted_request(request)
        return True
