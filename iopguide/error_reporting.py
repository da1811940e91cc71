"""Optional error reports to Sentry, with nothing personal in them.

Off unless SENTRY_DSN is set (settings.py calls `init_sentry`). What is sent: the error's
type, its first line (tokens, email addresses and phone-like numbers masked), the stack
trace without local variables, the route and the request's method and redacted URL
without its query string. What never is: request bodies, cookies, headers, query strings,
the user, the client address, log records' extras, SQL text, local variables. The SDK's
own switches say so (`data_collection` all off, no request bodies, no local variables) and
`scrub_event` removes the same fields again, so a changed SDK default cannot leak them.
"""

from __future__ import annotations

from typing import Any, cast

from sentry_sdk.types import Breadcrumb, BreadcrumbHint, Event, Hint

from iopguide.log_redaction import redact
from iopguide.personal_data import mask

# What the request part of an event may keep.
REQUEST_KEYS = ("method", "url")
# Top-level event fields that only ever describe the visitor or carry free data.
DROPPED = ("user", "extra")


def first_line(text: str) -> str:
    # Database errors put the row's values on later lines ("DETAIL: Key (email)=(…)").
    return mask(text.strip().splitlines()[0] if text.strip() else "")


def _redact_all(value: Any) -> Any:
    """Every string anywhere in the value with result tokens redacted."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _redact_all(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_redact_all(item) for item in value]
    return value


def _strip_frames(container: dict[str, Any]) -> None:
    for frame in (container.get("stacktrace") or {}).get("frames") or []:
        frame.pop("vars", None)


def scrub_event(event: Event, hint: Hint | None = None) -> Event:
    """The event with nothing personal left in it (see the module doc)."""
    return cast(Event, _scrub(cast(dict[str, Any], event)))


def _scrub(event: dict[str, Any]) -> dict[str, Any]:
    for key in DROPPED:
        event.pop(key, None)
    request = event.get("request")
    if isinstance(request, dict):
        kept = {key: request[key] for key in REQUEST_KEYS if key in request}
        if isinstance(kept.get("url"), str):
            kept["url"] = kept["url"].split("?", 1)[0].split("#", 1)[0]
        event["request"] = kept
    for exception in (event.get("exception") or {}).get("values") or []:
        if isinstance(exception.get("value"), str):
            exception["value"] = first_line(exception["value"])
        _strip_frames(exception)
    for thread in (event.get("threads") or {}).get("values") or []:
        _strip_frames(thread)
    if isinstance(event.get("message"), str):
        event["message"] = first_line(event["message"])
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        text = logentry.get("formatted") or logentry.get("message") or ""
        event["logentry"] = {"message": first_line(str(text))}
    crumbs = event.get("breadcrumbs")
    if isinstance(crumbs, dict):
        crumbs["values"] = [_scrub_crumb(crumb) for crumb in crumbs.get("values") or []]
    for span in event.get("spans") or []:
        span.pop("data", None)
        if str(span.get("op", "")).startswith("db"):
            span["description"] = "SQL"
    return _redact_all(event)


def scrub_breadcrumb(crumb: Breadcrumb, hint: BreadcrumbHint | None = None) -> Breadcrumb:
    """A breadcrumb's kind and time, and a masked message; never its data or SQL."""
    return cast(Breadcrumb, _scrub_crumb(cast(dict[str, Any], crumb)))


def _scrub_crumb(crumb: dict[str, Any]) -> dict[str, Any]:
    kept = {key: crumb[key] for key in ("type", "category", "level", "timestamp") if key in crumb}
    # SQL is written with its values inlined (psycopg's client-side binding).
    if crumb.get("category") != "query" and isinstance(crumb.get("message"), str):
        kept["message"] = first_line(crumb["message"])
    return kept


def init_sentry(dsn: str, *, environment: str, traces_sample_rate: float, **options: Any) -> None:
    """Start reporting errors to Sentry (called by settings.py when SENTRY_DSN is set)."""
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import ignore_logger

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[
            DjangoIntegration(middleware_spans=False, signals_spans=False, cache_spans=False)
        ],
        # Collect nothing about the visitor (this SDK's successor of send_default_pii=False,
        # stricter: no headers, bodies, cookies, query strings, SQL values or locals).
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "off"}},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "database_query_data": False,
            "stack_frame_variables": False,
            "queues": False,
            "gen_ai": {"inputs": False, "outputs": False},
        },
        max_request_body_size="never",
        include_local_variables=False,
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        # Traces carry every query and template; off unless asked for.
        traces_sample_rate=traces_sample_rate or None,
        # No per-visit session pings: only errors leave.
        auto_session_tracking=False,
        send_client_reports=False,
        **options,
    )
    # One line per request is written for every answer, 500s included; Django's own
    # error record and the exception already make the event.
    ignore_logger("iopguide.requests")
