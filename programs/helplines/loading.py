"""Loads the shipped helplines (programs/helplines/content.py) into the database, idempotently."""

from __future__ import annotations

from typing import Any

from programs.helplines import content


def sync_helplines(helpline_model: Any) -> int:
    """Create or update every shipped helpline by key; return how many were written.

    Takes the model so the data migration can pass its historical one. Rows added in the
    admin are left alone. Writes with ``update_or_create`` (signals fire for live models).
    """
    names = {f.name for f in helpline_model._meta.get_fields() if getattr(f, "concrete", False)}
    for item in content.HELPLINES:
        defaults = {k: v for k, v in item.items() if k in names and k != "key"}
        helpline_model.objects.update_or_create(key=item["key"], defaults=defaults)
    return len(content.HELPLINES)
