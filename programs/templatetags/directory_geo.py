"""Distances in the directory's templates."""

from __future__ import annotations

from django import template

from programs.directory.geo import distance_text

register = template.Library()


@register.filter
def distance_away(program: object) -> str:
    """ "2.4 miles away" for a program from a distance search (`distance_miles`), else ""."""
    miles = getattr(program, "distance_miles", None)
    if miles is None:
        return ""
    return distance_text(float(miles), bool(getattr(program, "coordinates_approximate", False)))
