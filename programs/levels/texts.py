"""The site's fixed texts (programs/levels/content.py) in the visitor's language."""

from __future__ import annotations

from typing import Any

from programs.core.i18n import SPANISH, current_language
from programs.levels import content, content_es

__all__ = ["site_text"]


def site_text(name: str) -> Any:
    """A piece of levels.content (QUESTIONS_TO_ASK, FACTS, …) in the active language."""
    if current_language() == SPANISH:
        spanish = getattr(content_es, f"{name}_ES", None)
        if spanish:
            return spanish
    return getattr(content, name)
