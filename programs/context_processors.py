"""Template context shared by every page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from .views.language import in_language


def language_switch(request: HttpRequest) -> dict:
    """This page in each other language: its address, and the switcher link that remembers it."""
    current = translation.get_language()
    here = request.get_full_path()
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        url = in_language(here, code)
        switch = reverse("switch_language", args=[code])
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "switch_url": f"{switch}?{urlencode({'next': url})}",
            }
        )
    return {"other_languages": links}
