"""Each level's database id by slug, for storing a suggestion without a query.

Slugs never change once a level exists (the admin keeps them read-only) and levels are not
deleted while responses point at them, so the map only needs reading again when the
content version moves (programs/core/caching.py) or a slug is missing.
"""

from __future__ import annotations

from programs.core import caching
from programs.levels.models import TreatmentLevel

__all__ = ["level_id"]

# (content version, {slug: id}), replaced whole so a thread never sees half of it.
_memo: tuple[str | None, dict[str, int]] = (None, {})


def level_id(slug: str) -> int:
    """The id of the level with this slug (TreatmentLevel.DoesNotExist if there is none)."""
    global _memo
    version = caching.content_version()
    known_version, ids = _memo
    if version is None or version != known_version or slug not in ids:
        ids = dict(TreatmentLevel.objects.values_list("slug", "pk"))
        _memo = (version, ids)
    if slug not in ids:
        raise TreatmentLevel.DoesNotExist(f"No level {slug!r}.")
    return ids[slug]
