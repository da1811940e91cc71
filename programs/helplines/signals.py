"""What the helplines room tells the page cache and its own table when a helpline changes."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from programs.core import caching
from programs.helplines import table
from programs.helplines.models import Helpline

__all__ = ["watch_public_content"]


def watch_public_content() -> None:
    """Clear cached pages, and this process's table at once, when a helpline changes.

    Called once from ``ProgramsConfig.ready()``. Every page shows helplines (the crisis
    bar), so an edit changes them all.
    """
    caching.invalidate_on_change(Helpline)
    post_save.connect(table.forget, sender=Helpline, dispatch_uid="helpline-table-save")
    post_delete.connect(table.forget, sender=Helpline, dispatch_uid="helpline-table-delete")
