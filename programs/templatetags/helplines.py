"""Helplines in templates: the ``helplines`` filter and the ``helpline``/``helpline_link`` tags.

They read the cached table themselves (programs/helplines/table.py), so they also work
on the error pages, which are rendered without context processors.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from programs.helplines import table, tokens
from programs.helplines.table import Row

register = template.Library()


@register.filter(name="helplines")
def helplines(text: object, language: str | None = None) -> SafeString:
    """The text escaped, its ``[[key]]`` tokens as tap-to-call and tap-to-text links.

    ``{{ text|helplines:response.language }}`` words names and options in the text's
    language rather than the page's.
    """
    return tokens.render("" if text is None else text, language or None)


@register.simple_tag
def helpline(key: str) -> Row | None:
    """One helpline's row: ``{% helpline "lifeline" as line %}{{ line.tel }}``."""
    return table.get(key)


@register.simple_tag
def helpline_link(key: str, part: str = "phone") -> SafeString:
    """One token's link: ``{% helpline_link "dv" "tty" %}`` is ``[[dv.tty]]``."""
    suffix = "" if part == "phone" else f".{part}"
    return tokens.render(f"[[{key}{suffix}]]")
