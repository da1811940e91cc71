"""Search-result cards, rendered once per program and kept in each process's memory.

A directory page shows up to thirty cards, and rendering each through the template
engine cost about a millisecond: most of a search's time. Nothing on a card depends on
the search except the distance, so a card is rendered with a placeholder there, kept,
and the distance filled in each time. The key holds everything else a card may differ
by: the program and when it last changed, the content version (`caching.content_version`,
bumped by every edit to programs, their features and levels, so a card is never older
than the page cache would be), the language and today's date ("Last verified …", the
"over a year ago" warning).

Like the page cache, this is on only with PAGE_CACHE_ENABLED (off in tests and DEBUG),
and at most MAX_CARDS cards are kept per process (a few kilobytes each).
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from programs.core import caching
from programs.directory.geo import distance_text

TEMPLATE = "programs/directory/_card.html"
MAX_CARDS = 3000
# Stands for the distance in a kept card: private-use characters, never in real text
# and left alone by HTML escaping.
_DISTANCE = "\ue000distance\ue000"

_cards: dict[tuple, str] = {}
_lock = threading.Lock()


def render_card(program: Any) -> SafeString:
    """The card of `program` (with its level and features loaded), as `_card.html` makes it."""
    miles = getattr(program, "distance_miles", None)
    away = "" if miles is None else distance_text(float(miles), program.coordinates_approximate)
    key = _key(program, bool(away))
    if key is None:
        return _render(program, away)
    card = _cards.get(key)
    if card is None:
        card = _render(program, _DISTANCE if away else "")
        with _lock:
            _cards[key] = card
            while len(_cards) > MAX_CARDS:
                del _cards[next(iter(_cards))]  # the oldest
    return mark_safe(card.replace(_DISTANCE, escape(away)) if away else card)


def _key(program: Any, with_distance: bool) -> tuple | None:
    if not settings.PAGE_CACHE_ENABLED:
        return None
    version = caching.content_version()
    if version is None:
        return None
    return (
        program.pk,
        program.updated_at,
        version,
        translation.get_language(),
        timezone.localdate(),
        with_distance,
    )


def _render(program: Any, away: str) -> SafeString:
    return mark_safe(get_template(TEMPLATE).render({"program": program, "away": away}))


def clear() -> None:
    """Forget the kept cards (for tests)."""
    with _lock:
        _cards.clear()
