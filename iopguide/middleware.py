"""Small middleware: a Permissions-Policy header, staff session time limits, and the
language a first visit to the home page is sent to."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from programs.core.staff_session import (
    SESSION_LAST_SEEN,
    SESSION_STARTED,
    idle_message,
    limit_message,
)

# Last-seen is rewritten at most this often: saving the session on every admin request
# cost three queries each time, and idle time is measured in tens of minutes.
LAST_SEEN_RESOLUTION_SECONDS = 60
# Sent by the admin pages' script with its background saves of note drafts
# (js/staff-session.js): those are not the person being active, so they do not put the
# idle sign-out off. Only ever shortens the sender's own session.
PASSIVE_HEADER = "X-Staff-Session-Passive"


class PermissionsPolicyMiddleware:
    """Deny powerful browser features (camera, microphone, location, payment) on every page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class StaffSessionTimeoutMiddleware:
    """Sign staff out after STAFF_SESSION_IDLE_SECONDS idle or STAFF_SESSION_MAX_SECONDS in all.

    Activity is recorded to the minute, so "idle" can end up to a minute early. Requests
    with the PASSIVE_HEADER are checked but not counted as activity.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            started = request.session.setdefault(SESSION_STARTED, now)
            recorded = request.session.get(SESSION_LAST_SEEN)
            last_seen = now if recorded is None else recorded
            idle = now - last_seen > settings.STAFF_SESSION_IDLE_SECONDS
            too_long = now - started > settings.STAFF_SESSION_MAX_SECONDS
            if idle or too_long:
                # logout() flushes the session row, so the old cookie is worthless.
                logout(request)
                messages.info(request, idle_message() if idle else limit_message())
            elif recorded is None or (
                now - recorded >= LAST_SEEN_RESOLUTION_SECONDS
                and PASSIVE_HEADER not in request.headers
            ):
                request.session[SESSION_LAST_SEEN] = now
        return self.get_response(request)


class PreferredLanguageMiddleware:
    """Send a visit to the English home page on to the visitor's language, when we have it.

    Only `/`: every other address names its language in its path. The language cookie set
    by the switcher wins over the browser's Accept-Language, so choosing English sticks.
    It runs before any view, so the page cache never answers `/` for a Spanish browser.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info != "/" or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        # The cookie if it names a language we have, else Accept-Language, else English.
        preferred = translation.get_language_from_request(request)
        if preferred == settings.LANGUAGE_CODE:
            response = self.get_response(request)
        else:
            with translation.override(preferred):
                target = reverse("programs:home")
            query = request.META.get("QUERY_STRING", "")
            response = HttpResponseRedirect(f"{target}?{query}" if query else target)
        # Shared caches must not hand the English page, or this redirect, to everyone.
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response
