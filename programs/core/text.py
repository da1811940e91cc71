"""Cleaning free text that comes from outside: visitors' forms and imported files."""

from __future__ import annotations

import unicodedata

__all__ = ["clean_text", "shorten"]


def clean_text(value: str) -> str:
    """Text in NFC form without control characters, with spaces collapsed."""
    value = unicodedata.normalize("NFC", value)
    value = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in value)
    return " ".join(value.split())


def shorten(value: str, limit: int = 40) -> str:
    """Cleaned text cut to ``limit`` characters, an ellipsis marking the cut."""
    value = clean_text(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"
