"""Distances and search-result cards in the directory's templates."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from programs.directory.cards import render_card
from programs.directory.geo import distance_text

register = template.Library()


@register.filter
def distance_away(program: object) -> str:
    """ "2.4 miles away" for a program from a distance search (`distance_miles`), else ""."""
    miles = getattr(program, "distance_miles", None)
    if miles is None:
        return ""
    return distance_text(float(miles), bool(getattr(program, "coordinates_approximate", False)))


@register.simple_tag
def program_card(program: object) -> SafeString:
    """The search-result card of a program (`_card.html`, kept per process: see cards.py)."""
    return render_card(program)
