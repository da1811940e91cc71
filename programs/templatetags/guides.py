"""The help-and-facts pages as cards (home page, the list of pages)."""

from __future__ import annotations

from django import template

from programs.guides.models import GuidePage

register = template.Library()


@register.inclusion_tag("includes/guide_cards.html")
def guide_cards(heading_level: int = 2) -> dict:
    return {"pages": GuidePage.objects.all(), "heading_level": heading_level}
