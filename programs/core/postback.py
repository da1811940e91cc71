"""Post/Redirect/Get for a form that failed: its values wait in the session for one redirect.

A form that fails validation redirects back to its page instead of answering the POST,
so the browser's Back and Reload never ask to send it again. What the visitor typed is
kept in the session under a key for that one redirect and removed as soon as the page
shows it; a session that held nothing else is deleted with it, cookie and row.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest, QueryDict

# Enough to show every error again; an attacker's megabyte is not kept.
MAX_VALUE_LENGTH = 10_000
MAX_VALUES = 5
# An abandoned anonymous session made only for this expires soon.
KEPT_SECONDS = 10 * 60


def keep_submission(request: HttpRequest, key: str, fields: Iterable[str]) -> None:
    """Keep the POSTed values of ``fields`` under ``key`` until `take_submission`."""
    kept = {
        name: [value[:MAX_VALUE_LENGTH] for value in request.POST.getlist(name)[:MAX_VALUES]]
        for name in fields
        if name in request.POST
    }
    session = request.session
    if not session.keys():
        session.set_expiry(KEPT_SECONDS)
    session[key] = kept


def take_submission(request: HttpRequest, key: str) -> QueryDict | None:
    """The values kept under ``key``, removed from the session; None if there are none."""
    session = request.session
    if key not in session:
        return None
    kept = session.pop(key)
    # set_expiry() is itself a key ("_session_expiry"): a session holding only it is empty.
    if not set(session.keys()) - {"_session_expiry"}:
        session.flush()  # deletes the stored row too, not only the cookie
    data = QueryDict(mutable=True)
    if isinstance(kept, dict):
        for name, values in kept.items():
            if isinstance(name, str) and isinstance(values, list):
                data.setlist(name, [str(value) for value in values])
    return data
