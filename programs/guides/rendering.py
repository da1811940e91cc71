"""A help-and-facts section's Markdown as safe HTML in the visitor's language."""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from programs.core.language import in_language
from programs.helplines.tokens import expand_html

__all__ = ["render_body"]

_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br"}
# A path on this site (one slash, then not another).
SITE_PATH = re.compile(r"^/(?!/)")
# A link to one of the site's own pages: shown in the page's language.
_LOCAL_HREF = re.compile(r'href="(/[^"]*)"')


def _site_links_only(tag: str, attribute: str, value: str) -> str | None:
    # A page of this site only: /medications/, never //elsewhere.example or a scheme.
    if tag == "a" and attribute == "href" and not SITE_PATH.match(value):
        return None
    return value


@lru_cache(maxsize=256)
def _markdown(body: str) -> str:
    html = markdown.markdown(body, output_format="html")
    # Editors write Markdown, not HTML: anything else they type is shown as text or dropped,
    # and a link that leaves the site loses its address.
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes={"a": {"href"}},
        url_schemes=set(),
        attribute_filter=_site_links_only,
        link_rel=None,
    )


def _localise(match: re.Match[str]) -> str:
    try:
        return f'href="{in_language(match.group(1), get_language() or "en")}"'
    except ValueError:  # not a path urlsplit can read: leave it as the editor wrote it
        return match.group(0)


def render_body(body: str) -> SafeString:
    """Markdown → sanitised HTML, site links in the active language, helplines as links."""
    html = _LOCAL_HREF.sub(_localise, _markdown(body))
    return mark_safe(expand_html(html))  # noqa: S308 - sanitised by nh3 above
