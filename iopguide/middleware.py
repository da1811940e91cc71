"""Small middleware: a Permissions-Policy header, and staff session time limits."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

SESSION_STARTED = "staff_session_started"
SESSION_LAST_SEEN = "staff_session_last_seen"


class PermissionsPolicyMiddleware:
    """Deny powerful browser features (camera, microphone, location, payment) on every page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class StaffSessionTimeoutMiddleware:
    """Sign staff out after STAFF_SESSION_IDLE_SECONDS idle or STAFF_SESSION_MAX_SECONDS in all."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            started = request.session.setdefault(SESSION_STARTED, now)
            last_seen = request.session.get(SESSION_LAST_SEEN, now)
            idle = now - last_seen > settings.STAFF_SESSION_IDLE_SECONDS
            too_long = now - started > settings.STAFF_SESSION_MAX_SECONDS
            if idle or too_long:
                # logout() flushes the session row, so the old cookie is worthless.
                logout(request)
                messages.info(
                    request,
                    "You were signed out after 30 minutes without activity."
                    if idle
                    else "You were signed out because your session reached its 12-hour limit.",
                )
            else:
                request.session[SESSION_LAST_SEEN] = now
        return self.get_response(request)
