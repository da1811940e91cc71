"""What the guides room tells the page cache: which of its models public pages show."""

from __future__ import annotations

from programs.core import caching
from programs.guides.models import GuidePage, GuideSection

__all__ = ["watch_public_content"]


def watch_public_content() -> None:
    """Clear cached pages (and every page's menu) when a page, section or page's levels change."""
    caching.invalidate_on_change(GuidePage, GuideSection, GuidePage.levels.through)
