"""Staff session time limits: what the sign-out says, and how long a session has left.

The limits are STAFF_SESSION_IDLE_SECONDS without activity and STAFF_SESSION_MAX_SECONDS
in all; iopguide.middleware.StaffSessionTimeoutMiddleware records activity (to the
minute) and signs staff out. The admin pages warn a minute ahead (js/staff-session.js),
counting down from ``session_time_left`` as the page was rendered.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.http import HttpRequest

SESSION_STARTED = "staff_session_started"
SESSION_LAST_SEEN = "staff_session_last_seen"


def duration_words(seconds: int) -> str:
    """A length of time in words: "45 minutes", "1 hour 30 minutes", "1 minute 10 seconds"."""
    hours, rest = divmod(max(int(seconds), 0), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        f"{count} {unit}" if count == 1 else f"{count} {unit}s"
        for count, unit in ((hours, "hour"), (minutes, "minute"), (secs, "second"))
        if count
    ]
    return " ".join(parts) or "0 seconds"


def limit_phrase() -> str:
    """The overall limit as the messages name it: "12-hour limit", "limit of 1 hour 30 minutes"."""
    limit = settings.STAFF_SESSION_MAX_SECONDS
    if limit > 0 and limit % 3600 == 0:
        return f"{limit // 3600}-hour limit"
    return f"limit of {duration_words(limit)}"


def idle_message() -> str:
    idle = duration_words(settings.STAFF_SESSION_IDLE_SECONDS)
    return f"You were signed out after {idle} without activity."


def limit_message() -> str:
    return f"You were signed out because your session reached its {limit_phrase()}."


def session_time_left(request: HttpRequest, now: int | None = None) -> dict[str, int]:
    """Seconds until this staff session's idle limit and its overall limit are reached.

    Counted from what the middleware recorded (last seen, to the minute), so a page told
    these numbers warns in time even when the activity it saw was recorded earlier.
    """
    now = int(time.time()) if now is None else now
    started = request.session.get(SESSION_STARTED, now)
    last_seen = request.session.get(SESSION_LAST_SEEN, now)
    return {
        "idle_seconds_left": last_seen + settings.STAFF_SESSION_IDLE_SECONDS - now,
        "max_seconds_left": started + settings.STAFF_SESSION_MAX_SECONDS - now,
    }


def record_activity_now(request: HttpRequest) -> dict[str, int]:
    """Record activity at this very second ("Stay signed in"); the new time left."""
    now = int(time.time())
    request.session[SESSION_LAST_SEEN] = now
    return session_time_left(request, now)
