"""Each level's database id by slug, for storing a suggestion without a query.

Slugs never change once a level exists (the admin keeps them read-only) and levels are not
deleted while responses point at them, so the map only needs reading again when the
content version moves (programs/core/caching.py) or a slug is missing.
"""

from __future__ import annotations

from programs.core import caching
from programs.levels.models import TreatmentLevel

__all__ = ["level_id"]

_memo: dict[str, object] = {"version": None, "ids": {}}


def level_id(slug: str) -> int:
    """The id of the level with this slug (TreatmentLevel.DoesNotExist if there is none)."""
    version = caching.content_version()
    ids: dict[str, int] = _memo["ids"]  # type: ignore[assignment]
    if version is None or version != _memo["version"] or slug not in ids:
        ids = dict(TreatmentLevel.objects.values_list("slug", "pk"))
        _memo.update({"version": version, "ids": ids})
    if slug not in ids:
        raise TreatmentLevel.DoesNotExist(f"No level {slug!r}.")
    return ids[slug]
