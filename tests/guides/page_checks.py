"""Shared checks for the help-and-facts page tests: helpline tokens and typed numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# What each helpline key holds (the table in the brief for #19, from CONTENT.md and
# CONTENT-PAGES.md §10): a token may only ask for a part its helpline has.
HELPLINE_PARTS: dict[str, set[str]] = {
    "emergency": {"phone", "name"},
    "lifeline": {"phone", "text", "chat", "name"},
    "veterans": {"phone", "text", "name"},
    "lifeline_es": {"phone", "text", "code", "name"},
    "samhsa": {"phone", "tty", "name"},
    "poison": {"phone", "name"},
    "dv": {"phone", "tty", "text", "code", "chat", "name"},
    "loveisrespect": {"phone", "text", "code", "name"},
    "childhelp": {"phone", "text", "chat", "name"},
    "alanon": {"phone", "name"},
}

TOKEN = re.compile(r"\[\[([a-z_]+)(?:\.([a-z]+))?\]\]")

# Numbers and text codes a text must never type: they come from the helpline table.
TYPED_NUMBERS = (
    re.compile(r"\b(911|988)\b"),
    re.compile(r"\d{3}-\d{3}-\d{4}"),
    re.compile(r"\b1-8\d\d-"),
    re.compile(r"\b(838255|88788|22522|435748)\b"),
    re.compile(r"\b(START|LOVEIS|AYUDA)\b"),
)


def texts(page: dict[str, Any]) -> Iterator[str]:
    """Every string a visitor may see on the page."""
    yield page["title"]
    yield page["menu_title"]
    yield page["summary"]
    for section in page["sections"]:
        yield section["heading"]
        yield section["body"]
    yield from page["sources"]


def tokens(page: dict[str, Any]) -> set[str]:
    """The helpline tokens the page uses, as written (``[[dv.tty]]``)."""
    return {m.group(0) for text in texts(page) for m in TOKEN.finditer(text)}


def unknown_tokens(page: dict[str, Any]) -> list[str]:
    """Tokens naming a helpline or part the table does not hold, and stray brackets."""
    bad = []
    for text in texts(page):
        for m in TOKEN.finditer(text):
            key, part = m.group(1), m.group(2) or "phone"
            if part not in HELPLINE_PARTS.get(key, set()):
                bad.append(m.group(0))
        if text.count("[[") != len(TOKEN.findall(text)):
            bad.append(f"malformed token in: {text[:60]}")
    return bad


def typed_numbers(page: dict[str, Any]) -> list[str]:
    """Phone numbers or text codes typed into the page's text instead of tokens."""
    return [m.group(0) for text in texts(page) for rx in TYPED_NUMBERS for m in rx.finditer(text)]
