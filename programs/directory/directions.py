"""Links that open directions to a program on a maps website the visitor chooses.

Plain links only: the program's page loads nothing from these websites, and nothing is
sent to them unless the visitor follows a link. A street address is the destination
when there is one; otherwise the program's exact point. A ZIP code's centre is no
destination (it would lead people to the middle of a neighbourhood), so a program with
neither a street nor an exact point gets no links.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote, urlencode

__all__ = ["DirectionsLink", "destination_text", "directions_links"]


@dataclass(frozen=True)
class DirectionsLink:
    site: str  # the maps website's name, a proper name shown as it is
    url: str


def destination_text(street: str, city: str, state: str, zip_code: str) -> str:
    """The address as one line: "250 Court St, Brooklyn, NY 11201"."""
    region = " ".join(part for part in (state, zip_code) if part)
    return ", ".join(part for part in (street, city, region) if part)


def _query(params: dict[str, str]) -> str:
    # quote (not quote_plus): "%20" for spaces reads the same on every maps site.
    return urlencode(params, quote_via=quote)


def directions_links(
    *,
    street: str,
    city: str,
    state: str,
    zip_code: str,
    latitude: Decimal | None,
    longitude: Decimal | None,
    exact: bool,
) -> list[DirectionsLink]:
    """Google Maps, Apple Maps and OpenStreetMap directions, or [] with nowhere to go."""
    point = ""
    if exact and latitude is not None and longitude is not None:
        point = f"{latitude:f},{longitude:f}"
    street = street.strip()
    if not street and not point:
        return []
    address = destination_text(street, city, state, zip_code) if street else point
    return [
        DirectionsLink(
            "Google Maps",
            "https://www.google.com/maps/dir/?" + _query({"api": "1", "destination": address}),
        ),
        DirectionsLink("Apple Maps", "https://maps.apple.com/?" + _query({"daddr": address})),
        # OpenStreetMap finds an exact point better than it reads a US street address.
        DirectionsLink(
            "OpenStreetMap",
            "https://www.openstreetmap.org/directions?" + _query({"to": point or address}),
        ),
    ]
