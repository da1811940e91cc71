"""Log lines as JSON, one object a line, each carrying the request id it was written for.

Standard library only: settings.py and gunicorn's logger (iopguide/gunicorn_logging.py)
use it before Django is set up. A record's fields are chosen from a fixed list, never
copied wholesale: Django attaches the request itself to its error records, and nothing
from it (path, query string, headers, body, client address) may reach the log.
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime

# The id of the request this thread (or task) is serving; set by RequestIdMiddleware.
REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)

FORMATS = ("json", "text")
# The fields a request line carries (iopguide/request_id.py), copied when present.
REQUEST_FIELDS = ("method", "route", "status", "duration_ms")


def log_format(value: str | None, *, debug: bool) -> str:
    """The LOG_FORMAT in force: as set, else JSON in production and text with DEBUG."""
    chosen = (value or "").strip().lower() or ("text" if debug else "json")
    if chosen not in FORMATS:
        raise ValueError(f"LOG_FORMAT must be json or text; got {value!r}")
    return chosen


class RequestIdFilter(logging.Filter):
    """Put the current request's id on every record ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = REQUEST_ID.get() or "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request_id, the request
    line's fields, and the traceback as text.

    Run after RedactResultTokens, which replaces an exception by its redacted traceback
    in ``exc_text`` and clears ``exc_info``: both are printed, whichever is set.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or REQUEST_ID.get() or "-",
        }
        for field in REQUEST_FIELDS:
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exc"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str)


class TextFormatter(logging.Formatter):
    """Plain lines for a terminal (DEBUG, runserver), with the request id."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        if not getattr(record, "request_id", None):
            record.request_id = REQUEST_ID.get() or "-"
        return super().format(record)
