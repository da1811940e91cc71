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
