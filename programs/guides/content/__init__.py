"""The shipped text of the help-and-facts pages, one module per page.

Each module holds ``PAGE`` (English) and ``PAGE_ES`` (Spanish, same keys and the same
number of sections, in the same order), loaded into the database by ``load_content`` and
a data migration; content editors correct them in the admin afterwards. A page is::

    {
        "slug": "overdose",                  # its address: /overdose/ and /es/overdose/
        "title": "Overdose and naloxone",
        "summary": "One or two sentences under the title.",
        "reviewed_on": "2026-12-03",         # "Facts last reviewed on …"
        "levels": ["iop", ...],              # level slugs whose pages link here
        "sections": [
            {"heading": "Signs of an overdose", "body": "Markdown ..."},
        ],
        "sources": ["CDC, “What to Do if You Think Someone is Overdosing” (2024)", ...],
    }

Bodies are Markdown: paragraphs, ``-`` and ``1.`` lists, ``**bold**``, and links to the
site's own pages as ``[words](/medications/)`` (shown in the visitor's language). Phone
numbers, text codes and chat addresses are never typed: ``[[key]]`` or ``[[key.part]]``
takes them from the helpline table (programs/helplines), e.g. "call [[dv]] or text
[[dv.code]] to [[dv.text]]".
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Every page, in menu order; the models allow only these.
SLUGS: tuple[str, ...] = (
    "overdose",
    "medications",
    "pregnancy",
    "families",
    "teens",
    "safety",
    "paying-for-care",
)


def _module(slug: str) -> Any:
    return import_module(f"{__name__}.{slug.replace('-', '_')}")


def pages() -> list[dict[str, Any]]:
    """Every shipped page in English, in menu order."""
    return [_module(slug).PAGE for slug in SLUGS]


def spanish(slug: str) -> dict[str, Any]:
    """The Spanish of one shipped page."""
    return _module(slug).PAGE_ES
