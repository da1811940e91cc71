"""Helpline tokens in texts: ``[[key]]`` or ``[[key.part]]``, replaced from the table.

Texts never type a number. ``[[dv]]`` is the main number as a ``tel:`` link (followed by
what to do once connected, such as "then press 1", in the page's language); the parts are
``phone`` (the same), ``tty`` (a ``tel:`` link), ``text`` (the number to text, an ``sms:``
link), ``code`` (the word to text), ``chat`` (the chat address, as text) and ``name``.

A token that names no row, or a part the row does not have, is shown as nothing and
logged as a warning, never an error: a page must not fail over a typo. The admin refuses
such tokens where people type texts (``unknown_tokens``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from programs.helplines import table
from programs.helplines.table import Row

logger = logging.getLogger(__name__)

# Anything between double brackets is meant as a token; only some are valid ones.
TOKEN = re.compile(r"\[\[([^\[\]]{0,60})\]\]")
VALID = re.compile(r"^([a-z][a-z0-9_]*)(?:\.([a-z]+))?$")
PARTS = ("phone", "tty", "text", "code", "chat", "name")
# The field each part needs (name always has one).
_NEEDS = {
    "phone": "phone",
    "tty": "tty",
    "text": "text_number",
    "code": "text_code",
    "chat": "chat",
}


def _lookup(token: str, rows: dict[str, Row]) -> tuple[Row, str] | None:
    """The row and part a token names, or None if it is not a valid token of this table."""
    match = VALID.match(token)
    if not match:
        return None
    key, part = match.group(1), match.group(2) or "phone"
    row = rows.get(key)
    if row is None or part not in PARTS:
        return None
    needed = _NEEDS.get(part)
    if needed and not getattr(row, needed):
        return None
    return row, part


def _html(row: Row, part: str) -> str:
    if part == "phone":
        link = _link(row.tel, row.phone)
        option = row.local_option
        return format_html("{} {}", link, option) if option else link
    if part == "tty":
        return _link(row.tty_tel, row.tty)
    if part == "text":
        return _link(row.sms, row.text_number)
    if part == "code":
        return escape(row.text_code)
    if part == "chat":
        return escape(row.chat)
    return escape(row.local_name)


def _link(uri: str, number: str) -> str:
    return format_html('<a href="{}">{}</a>', uri, number) if uri else escape(number)


def _replace(text: str, write: Callable[[Row, str], str]) -> str:
    if "[[" not in text:
        return text
    rows = table.rows()

    def one(match: re.Match[str]) -> str:
        found = _lookup(match.group(1), rows)
        if found is None:
            # Only a well-formed token's own words (letters, digits, "_" and "."), never
            # the text around it: these texts are site content, but they are shown on
            # pages about a person's answers.
            shape = VALID.match(match.group(1))
            logger.warning(
                "Unknown helpline token shown as nothing: %s",
                repr(match.group(1)) if shape else "a malformed token",
            )
            return ""
        return write(*found)

    return TOKEN.sub(one, text)


def render(text: object, language: str | None = None) -> SafeString:
    """The text escaped, its tokens as tap-to-call and tap-to-text links.

    Names and "then press 1" come in ``language`` (the text's own, e.g. a stored Spanish
    response on an English staff page), by default the page's.
    """
    escaped = str(escape(str(text)))
    if language is None:
        return mark_safe(_replace(escaped, _html))
    with translation.override(language):
        return mark_safe(_replace(escaped, _html))


def expand_html(html: str) -> str:
    """Tokens replaced inside HTML that is already safe (the help pages' Markdown)."""
    return _replace(html, _html)


def unknown_tokens(text: object) -> list[str]:
    """The tokens in ``text`` that the table cannot fill, as written, in order."""
    value = str(text)
    if "[[" not in value:
        return []
    rows = table.rows()
    return [m.group(0) for m in TOKEN.finditer(value) if _lookup(m.group(1), rows) is None]
