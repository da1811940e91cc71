"""Helpers for reading rendered pages in tests."""

from __future__ import annotations

import re

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)">')


def without_alternates(html: str) -> str:
    """The page without its hreflang alternates, after checking they name this site.

    They are full addresses by rule and fetch nothing, so they are the one place a page may
    say ``href="http…"``; everything else must stay on this host.
    """
    for link in ALTERNATE.findall(html):
        assert link.startswith("http://testserver/"), link
    return ALTERNATE.sub("", html)


QUICK_EXIT = re.compile(r'(<a class="quick-exit-link") href="([^"]+)"')
NEUTRAL_SITE = "https://www.weather.gov/"


def without_quick_exit(html: str) -> str:
    """The page without its "Leave this site" address, after checking it is the neutral site.

    It is a link the person chooses to follow, never something the page loads, so it is the
    other place a page may say ``href="http…"``.
    """
    links = [href for _, href in QUICK_EXIT.findall(html)]
    assert links == [NEUTRAL_SITE], links
    return QUICK_EXIT.sub(r"\1", html)
