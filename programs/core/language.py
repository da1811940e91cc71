"""The language switcher: remember the visitor's choice and show the same page in it."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Long enough that a returning visitor keeps their language; it holds only "en" or "es".
LANGUAGE_COOKIE_MAX_AGE = int(timedelta(days=365).total_seconds())


def in_language(url: str, code: str) -> str:
    """The same page (and query string) in another language, or that language's home page."""
    path = urlsplit(url).path
    # Resolve the path in its own language: /es/levels/ only resolves while Spanish is active.
    source = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(source):
        translated = translate_url(url, code)
    if translated == url and source != code:
        # Not one of our pages (an old link, a 404): the home page in that language.
        with translation.override(code):
            return reverse("programs:home")
    return translated


@never_cache
@require_GET
def switch_language(request: HttpRequest, code: str) -> HttpResponse:
    """A plain link (no JavaScript, no form): set the language cookie, go back to the page."""
    if code not in dict(settings.LANGUAGES):
        raise Http404("No such language.")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(in_language(next_url, code))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=LANGUAGE_COOKIE_MAX_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response
