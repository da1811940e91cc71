"""Template context shared by every page."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from programs.core.language import in_language


def language_switch(request: HttpRequest) -> dict:
    """This page in each other language: its address, and the switcher link that remembers it.

    Also ``language_alternates``: the page's full address in every language, for the
    ``<link rel="alternate" hreflang>`` tags that tell search engines which page is which
    (``x-default``, the English page, is for any other language).
    """
    current = translation.get_language()
    here = request.get_full_path()
    links = []
    addresses = {current: here}
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        url = addresses[code] = in_language(here, code)
        switch = reverse("switch_language", args=[code])
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "switch_url": f"{switch}?{urlencode({'next': url})}",
            }
        )
    return {"other_languages": links, "language_alternates": _alternates(request, addresses)}


def _alternates(request: HttpRequest, addresses: dict[str, str]) -> list[dict]:
    try:
        absolute = {code: request.build_absolute_uri(url) for code, url in addresses.items()}
    except DisallowedHost:
        # The 400 page for a request with a forged Host header: no full addresses to give.
        return []
    alternates = [
        {"code": code, "url": absolute[code]}
        for code, _name in settings.LANGUAGES
        if code in absolute
    ]
    if settings.LANGUAGE_CODE in absolute:
        alternates.append({"code": "x-default", "url": absolute[settings.LANGUAGE_CODE]})
    return alternates


def intake_contact(request: HttpRequest) -> dict:
    """How to reach the intake team (``INTAKE_PHONE``, ``INTAKE_EMAIL``, ``INTAKE_HOURS``).

    ``intake_contact`` is None when neither a phone number nor an email address is set, so
    pages leave the sentence out rather than promise a way to get in touch. ``tel`` is the
    number for a ``tel:`` link: its digits, and the leading + if it has one.
    """
    phone, email = settings.INTAKE_PHONE, settings.INTAKE_EMAIL
    if not (phone or email):
        return {"intake_contact": None}
    tel = ("+" if phone.startswith("+") else "") + "".join(c for c in phone if c.isdigit())
    return {
        "intake_contact": {
            "phone": phone,
            "tel": tel,
            "email": email,
            "hours": settings.INTAKE_HOURS if phone else "",
        }
    }
