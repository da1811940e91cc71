"""What the directory tells the page cache: which of its models public pages show."""

from __future__ import annotations

from programs.core import caching
from programs.directory.models import Program, ProgramFeature

__all__ = ["watch_public_content"]


def watch_public_content() -> None:
    """Clear cached pages when a program or one of its features changes.

    Called once from ``ProgramsConfig.ready()``. Listing reports are not shown on public
    pages, so they are not watched.
    """
    caching.invalidate_on_change(Program, ProgramFeature)
