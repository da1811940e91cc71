"""Error pages in the site's layout, each with the crisis help."""

from __future__ import annotations

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views import defaults

from programs.core import caching
from programs.core.context_processors import intake_contact

# How long a browser or proxy is asked to wait before trying again while the database
# cannot be reached.
RETRY_AFTER_SECONDS = 60


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid security token: usually an old page or blocked cookies."""
    return render(request, "403_csrf.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the database cannot be reached → the 503 page; anything else → 500.html.

    Django calls it while handling the exception, so ``sys.exc_info()`` names it.
    OperationalError and InterfaceError are how every database backend reports a server
    that is down, unreachable, restarting, or a connection lost on the way.
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return service_unavailable(request)
    return defaults.server_error(request)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """ "The site is having trouble right now", with the crisis numbers, touching no database.

    Rendered without the request, so no context processor runs (the messages and the
    user would read the session table); the language comes from the address alone, as
    the middleware may not have got as far as choosing it.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    # The crisis numbers come from the helpline table: its last rows read, never a query.
    with translation.override(language), caching.database_unavailable():
        content = loader.render_to_string("503.html", intake_contact(request))
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response
