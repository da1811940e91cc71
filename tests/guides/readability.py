"""How hard a page is to read: the Flesch–Kincaid grade of its main text (textstat).

The main text is what a visitor reads as the page's own words: title, summary, section
headings and bodies. Headings and list items stand alone on the page, so each counts as
one sentence (a full stop is added where it has none); a helpline token (any
``[[…]]``) counts as one short word, as a phone number is read. Used by the tests only:
textstat is a development dependency.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from typing import Any

import markdown
import textstat

__all__ = ["blocks", "grade", "main_text"]

_TOKEN = re.compile(r"\[\[[^\[\]]*\]\]")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th"}


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _BLOCK_TAGS or tag in {"ul", "ol"}:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._parts.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        self._parts = []
        if text:
            self.blocks.append(text)


def blocks(body: str) -> list[str]:
    """The paragraphs, list items and headings of a Markdown body, as plain text."""
    body = _LINK.sub(r"\1", _TOKEN.sub("number", body))
    parser = _Blocks()
    parser.feed(markdown.markdown(body))
    parser.close()
    parser._flush()
    return parser.blocks


def _sentences(texts: Iterable[str]) -> str:
    out = []
    for text in texts:
        text = text.strip()
        if text:
            out.append(text if text[-1] in ".!?:" else f"{text}.")
    return " ".join(out)


def main_text(page: dict[str, Any]) -> str:
    """A page's own words (title, summary, headings, bodies) as one plain text."""
    texts = [page["title"], page["summary"]]
    for section in page["sections"]:
        texts.append(section["heading"])
        texts.extend(blocks(section["body"]))
    return _sentences(texts)


def grade(text: str) -> float:
    """The Flesch–Kincaid grade level of an English text."""
    return float(textstat.flesch_kincaid_grade(text))
