"""What the levels room tells the page cache: which of its models public pages show."""

from __future__ import annotations

from programs.core import caching
from programs.levels.models import Service, SuitabilityCriterion, TreatmentLevel

__all__ = ["watch_public_content"]


def watch_public_content() -> None:
    """Clear cached pages when a level, service or criterion, or a level's services, change.

    Called once from ``ProgramsConfig.ready()``.
    """
    caching.invalidate_on_change(
        TreatmentLevel, Service, SuitabilityCriterion, TreatmentLevel.services.through
    )
