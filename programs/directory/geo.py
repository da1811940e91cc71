"""Places and distances for the directory, offline: US ZIP codes, cities and counties.

The data is the `zipcodes` package (MIT licence, about 1.4 MB installed): every US ZIP
code with its centre point (latitude/longitude), city, the other names people use for it
and its county, compiled into the package. Nothing is downloaded at run time and no
request leaves the server. The table is read once per process, on first use (about a
second), into the indexes below (about 30 MB); a lookup is then a few dictionary reads.

`resolve_place` turns what a person typed ("10001", "Queens, NY", "houston tx", "Ohio")
into a `PlaceResult`: a point to measure distances from, a whole state, or "not found"
with suggestions. Nothing here logs or keeps what was typed.
"""

from __future__ import annotations

import bisect
import difflib
import enum
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import zipcodes
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from programs.core.text import clean_text

EARTH_RADIUS_MILES = 3958.7613
# Miles along a meridian per degree of latitude on the same sphere as the distances.
MILES_PER_DEGREE = EARTH_RADIUS_MILES * math.pi / 180

MAX_SUGGESTIONS = 5
# Longer input is not a place name; it is cut before any work is done on it.
MAX_PLACE_LENGTH = 100


@dataclass(frozen=True, slots=True)
class Point:
    latitude: float
    longitude: float


def haversine_miles(a: Point, b: Point) -> float:
    """The great-circle distance between two points, in miles."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def destination(start: Point, bearing_degrees: float, miles: float) -> Point:
    """The point `miles` from `start` heading `bearing_degrees` (0 = north) on a great circle."""
    angle = miles / EARTH_RADIUS_MILES
    bearing = math.radians(bearing_degrees)
    lat1, lon1 = math.radians(start.latitude), math.radians(start.longitude)
    lat2 = math.asin(
        math.sin(lat1) * math.cos(angle) + math.cos(lat1) * math.sin(angle) * math.cos(bearing)
    )
    lon2 = lon1 + math.atan2(
        math.sin(bearing) * math.sin(angle) * math.cos(lat1),
        math.cos(angle) - math.sin(lat1) * math.sin(lat2),
    )
    longitude = (math.degrees(lon2) + 540) % 360 - 180
    return Point(math.degrees(lat2), longitude)


@dataclass(frozen=True)
class BoundingBox:
    """Latitude and longitude ranges that hold every point within a distance of a centre.

    `west > east` means the box crosses the 180° meridian (longitude >= west OR <= east);
    `west is None` means every longitude (the circle reaches a pole).
    """

    south: float
    north: float
    west: float | None
    east: float | None

    @property
    def crosses_antimeridian(self) -> bool:
        return self.west is not None and self.east is not None and self.west > self.east


def bounding_box(centre: Point, miles: float) -> BoundingBox:
    """The smallest latitude/longitude box around a circle on the sphere (slightly padded).

    Longitude degrees shrink towards the poles: the half-width is asin(sin r / cos φ)
    (J. P. Matuschek, "Finding Points Within a Distance of a Latitude/Longitude Using
    Bounding Coordinates"), and a circle that reaches a pole takes every longitude.
    """
    # Padding keeps points on the edge inside after rounding to six decimals.
    angle = max(miles, 0.0) / EARTH_RADIUS_MILES * 1.0001 + 1e-6
    lat = math.radians(centre.latitude)
    south, north = lat - angle, lat + angle
    if south <= -math.pi / 2 or north >= math.pi / 2 or angle >= math.pi / 2:
        return BoundingBox(
            max(math.degrees(south), -90.0), min(math.degrees(north), 90.0), None, None
        )
    half_width = math.degrees(math.asin(min(1.0, math.sin(angle) / math.cos(lat))))
    west = centre.longitude - half_width
    east = centre.longitude + half_width
    if west < -180:
        west += 360
    if east > 180:
        east -= 360
    return BoundingBox(math.degrees(south), math.degrees(north), west, east)


def distance_text(miles: float, approximate: bool = False) -> str:
    """ "Less than 1 mile away", "2.4 miles away" under 10, "12 miles away" from 10 up.

    `approximate` (the program's point is its ZIP code's centre) adds "About".
    """
    if miles < 0.95 and not approximate:
        return gettext("Less than 1 mile away")
    rounded = round(miles, 1) if miles < 9.95 else float(round(miles))
    if approximate and rounded < 1:
        rounded = 1.0
    if rounded != int(rounded):
        shown = number_format(rounded, 1)
        if approximate:
            return gettext("About %(miles)s miles away") % {"miles": shown}
        return gettext("%(miles)s miles away") % {"miles": shown}
    whole = int(rounded)
    if approximate:
        return ngettext("About %(n)s mile away", "About %(n)s miles away", whole) % {"n": whole}
    return ngettext("%(n)s mile away", "%(n)s miles away", whole) % {"n": whole}


def as_decimal(value: float) -> Decimal:
    """A coordinate rounded to the model's six decimal places (about 10 cm)."""
    return Decimal(f"{value:.6f}")


# --- The place index, built once per process ------------------------------------------

# US states, DC and the territories a program can be in (see `models.USState`), by code.
STATE_NAMES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "AS": "American Samoa",
    "GU": "Guam", "MP": "Northern Mariana Islands", "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
}  # fmt: skip

# Other ways people write a state.
_STATE_ALIASES = {
    "d c": "DC", "virgin islands": "VI",
    "us virgin islands": "VI", "u s virgin islands": "VI", "mariana islands": "MP",
    "n y": "NY", "n j": "NJ", "n c": "NC", "s c": "SC", "n d": "ND", "s d": "SD",
    "n m": "NM", "n h": "NH", "w va": "WV", "calif": "CA", "mass": "MA", "penn": "PA",
    "wash": "WA", "tex": "TX", "fla": "FL", "ariz": "AZ", "colo": "CO", "conn": "CT",
    "mich": "MI", "minn": "MN", "wis": "WI", "okla": "OK", "ore": "OR", "tenn": "TN",
}  # fmt: skip

# Words written short in place names; the index and the query both use the long form.
_WORDS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}
_COUNTRY = re.compile(r"(?:\s|,)+(?:usa|us|u s a|u s|united states(?: of america)?)$")
_COUNTY_WORDS = re.compile(r"\s+(?:county|parish|borough|census area)$")
_COUNTY_SUFFIX = re.compile(
    r"(?: city and borough| county| parish| borough| census area| municipality| municipio"
    r"| city)$",
    re.IGNORECASE,  # the data writes "Queens County"
)
_COUNTY_PREFIX = re.compile(r"^(?:city and borough of |municipality of )", re.IGNORECASE)
_ZIP_CODE = re.compile(r"(?<!\d)(\d{5})(?:[-\s]?\d{4})?(?!\d)")
_DIGITS = re.compile(r"^\d+$")

# Ranks of a name's match: a ZIP's own city beats another accepted name, which beats
# a county, which beats the looser names the post office lists ("Queens", "Nyc").
_CITY, _ACCEPTED, _COUNTY, _OTHER = range(4)
_SUGGESTED = frozenset({_CITY, _COUNTY})
_PREFERRED_TYPES = frozenset({"STANDARD", "PO BOX"})
# A named place whose ZIP codes reach further than this from their mean is split into
# clusters of ZIP codes this close together: two towns with one name in one state.
_SAME_PLACE_MILES = 30.0


def _fold(text: str) -> str:
    """Text without accents, capitals or punctuation: "Coeur d'Alene" is "coeur d alene"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    # The post office writes "O'Fallon" as "O Fallon".
    text = text.replace("'", " ").replace("’", " ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _expand(folded: str) -> str:
    """Short words written out: "st louis" is "saint louis" (not for states: "MT")."""
    return " ".join(_WORDS.get(word, word) for word in folded.split())


def _key(text: str) -> str:
    """A place name folded for matching: no accents, case or punctuation; "St" is "Saint"."""
    return _expand(_fold(text))


def _county_name(county: str) -> str:
    """ "Queens" for "Queens County", "Juneau" for "City and Borough of Juneau"."""
    return _COUNTY_PREFIX.sub("", _COUNTY_SUFFIX.sub("", county.strip()))


@dataclass(frozen=True, slots=True)
class _Zip:
    code: str
    city: str
    state: str
    point: Point
    preferred: bool  # an active street or PO box ZIP, not a single building or base


@dataclass(slots=True)
class _Name:
    display: str
    rank: int  # the best rank of any ZIP code by this name
    # "<rank><ZIP code>", six characters each ("011375310001"): one string per name rather
    # than 124,000 tuples in all keeps the whole index near 30 MB.
    codes: str = ""

    def count(self) -> int:
        return len(self.codes) // 6

    def best_codes(self, zips: dict[str, _Zip]) -> list[str]:
        """The ZIP codes of the best rank that has a street or PO box ZIP code in use.

        "Manhattan, NY" is the name of one closed ZIP code and a looser name for 117
        others: the 117 make the place.
        """
        packed = self.codes
        pairs = [(int(packed[i]), packed[i + 1 : i + 6]) for i in range(0, len(packed), 6)]
        for rank in sorted({rank for rank, _ in pairs}):
            codes = [code for r, code in pairs if r == rank]
            if any(zips[code].preferred for code in codes):
                return codes
        return [code for rank, code in pairs if rank == self.rank]


@dataclass
class _Index:
    zips: dict[str, _Zip]
    sorted_codes: list[str]
    # state -> folded name -> the ZIP codes that go by it
    names: dict[str, dict[str, _Name]]
    # folded name -> states that have it, the state where it has the most ZIP codes first
    states_of: dict[str, list[str]]
    # folded names of cities and counties (not the looser names), by first letter
    by_letter: dict[str, list[str]]
    by_state: dict[str, list[str]]


def warm_up() -> None:
    """Build the lookup tables now (gunicorn's master does, before forking workers)."""
    _index()


@lru_cache(maxsize=1)
def _index() -> _Index:
    zips: dict[str, _Zip] = {}
    names: dict[str, dict[str, _Name]] = defaultdict(dict)
    # `filter_by()` with no filter returns every row as fresh dicts that go away after
    # this loop; `list_all()` would keep all 42,000 dicts (about 90 MB) for the process.
    for row in zipcodes.filter_by():
        try:
            point = Point(float(row["lat"]), float(row["long"]))
        except (KeyError, TypeError, ValueError):
            continue
        code, state = row["zip_code"], row["state"]
        preferred = bool(row.get("active")) and row.get("zip_code_type") in _PREFERRED_TYPES
        zips[code] = _Zip(code, sys.intern(row["city"]), sys.intern(state), point, preferred)
        if state not in STATE_NAMES:
            continue  # military mail (APO/FPO) and freely associated states: ZIP codes only
        found: list[tuple[str, int]] = [(row["city"], _CITY)]
        found += [(name, _ACCEPTED) for name in row.get("acceptable_cities") or ()]
        if row.get("county"):
            found.append((_county_name(row["county"]), _COUNTY))
        found += [(name, _OTHER) for name in row.get("unacceptable_cities") or ()]
        in_state = names[state]
        for display, rank in found:
            key = _key(display)
            if not key or key.isdigit():
                continue
            entry = in_state.get(key)
            if entry is None:
                entry = in_state[key] = _Name(_display(display, rank), rank)
            elif rank < entry.rank:
                entry.display, entry.rank = _display(display, rank), rank
            entry.codes += f"{rank}{code}"
    states_of: dict[str, list[str]] = defaultdict(list)
    by_letter: dict[str, set[str]] = defaultdict(set)
    by_state: dict[str, list[str]] = {}
    for state, in_state in names.items():
        # Suggestions come from cities and counties only: the other names the post office
        # accepts are often abbreviations ("Brooklyn Hgts", "Springfld Twp").
        by_state[state] = sorted(k for k, e in in_state.items() if e.rank in _SUGGESTED)
        for key, entry in in_state.items():
            states_of[key].append(state)
            if entry.rank in _SUGGESTED:
                by_letter[key[0]].add(key)
    for key, states in states_of.items():

        def weight(state: str, key: str = key) -> tuple[int, int, str]:
            # "Manhattan" alone is the one in New York (many ZIP codes), not in Kansas.
            return (-names[state][key].count(), names[state][key].rank, state)

        states.sort(key=weight)
    return _Index(
        zips=zips,
        sorted_codes=sorted(zips),
        names=dict(names),
        states_of=dict(states_of),
        by_letter={letter: sorted(keys) for letter, keys in by_letter.items()},
        by_state=by_state,
    )


def _display(name: str, rank: int) -> str:
    # The post office's loose names include abbreviations written "Nyc".
    return name.upper() if rank != _CITY and len(name) <= 3 else name


def zip_point(zip_code: str) -> Point | None:
    """The centre of a 5-digit ZIP code (or ZIP+4), or None when the code is unknown."""
    five = (zip_code or "").strip()[:5]
    if len(five) != 5 or not five.isdigit():
        return None
    found = _index().zips.get(five)
    return found.point if found else None


def _mean(points: Sequence[Point]) -> Point:
    return Point(
        sum(p.latitude for p in points) / len(points),
        sum(p.longitude for p in points) / len(points),
    )


@lru_cache(maxsize=4096)
def _name_point(state: str, key: str) -> Point:
    """The centre of a named place: the mean of its ZIP centres.

    Street and PO box ZIPs count when there are any (a university's own ZIP is not
    the town). When the ZIPs fall in separate clusters (two towns of the same name in
    one state), the cluster with the most ZIP codes wins.
    """
    index = _index()
    rows = [index.zips[code] for code in index.names[state][key].best_codes(index.zips)]
    rows = [row for row in rows if row.preferred] or rows
    centre = _mean([row.point for row in rows])
    if all(haversine_miles(centre, row.point) <= _SAME_PLACE_MILES for row in rows):
        return centre
    clusters: list[list[Point]] = []
    for row in rows:
        for cluster in clusters:
            if haversine_miles(cluster[0], row.point) <= _SAME_PLACE_MILES:
                cluster.append(row.point)
                break
        else:
            clusters.append([row.point])
    return _mean(max(clusters, key=len))


# --- Resolving what a person typed --------------------------------------------------------


class PlaceKind(enum.StrEnum):
    ZIP = "zip"
    CITY = "city"  # a city, town, borough or county: a point with a name
    STATE = "state"  # a whole state: no distance, the programs in it
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PlaceChoice:
    """A place offered as a link: its name, and the text that searches for it."""

    label: str
    query: str


@dataclass(frozen=True)
class PlaceResult:
    text: str  # what was typed, cleaned
    kind: PlaceKind
    name: str = ""  # "Queens, NY", "10001", "Ohio"
    state: str = ""  # two-letter code of the state the place is in
    point: Point | None = None
    # UNKNOWN: places the person may have meant. Found: other places with the same name.
    suggestions: tuple[PlaceChoice, ...] = ()
    # The other meaning of a name that means two things ("New York", "Washington").
    alternative: PlaceChoice | None = None

    @property
    def found(self) -> bool:
        return self.kind != PlaceKind.UNKNOWN

    @property
    def is_zip(self) -> bool:
        return self.kind == PlaceKind.ZIP or (
            self.kind == PlaceKind.UNKNOWN and bool(_DIGITS.match(self.name))
        )

    @property
    def label(self) -> str:
        """The place as a heading names it: "Queens, NY", "ZIP code 10001", "Ohio"."""
        if self.is_zip:
            return gettext("ZIP code %(zip)s") % {"zip": self.name}
        return self.name or self.text

    @property
    def state_name(self) -> str:
        return STATE_NAMES.get(self.state, "")


def resolve_place(text: str) -> PlaceResult:
    """Turn "10001", "10001-1234", "Queens, NY", "Houston TX", "Ohio" or "OH" into a place.

    - A 5-digit ZIP code or ZIP+4 (anywhere in the text) is that ZIP code's centre.
    - "City, ST", "City ST", "City, State name": a city, one of the other names the post
      office accepts for a ZIP ("Queens", "Manhattan", "Nyc") or a county without the
      word "County" ("Queens, NY" is a county and borough). Its point is the mean of its
      ZIP centres. A name without a state is the state where it has the most ZIP codes,
      and the other states are offered (`suggestions`).
    - A state name or code alone is the whole state: no distance, programs in it.
      Two names mean what most people mean by them, and offer the other meaning:
      "New York" is New York City (offering New York State), "Washington" is the state
      (offering Washington, DC), and "LA" is Louisiana (offering Los Angeles). "DC" is
      Washington, DC and "NYC" is New York City, as points, since people near them live
      in the next state too.
    - Anything else is UNKNOWN with up to 5 suggestions: nearby ZIP codes (same first 3
      digits, nearest numerically) for a ZIP, similar names (in the state, when one is
      given) for a city.

    Case, spaces, punctuation, accents and control characters do not matter.
    """
    text = clean_text(text or "")[:MAX_PLACE_LENGTH]
    if not text:
        return PlaceResult(text, PlaceKind.UNKNOWN)
    if match := _ZIP_CODE.search(text):
        return _resolve_zip(text, match.group(1))
    digits = re.sub(r"[\s-]", "", text)
    if _DIGITS.match(digits):
        return _resolve_zip(text, digits)
    folded = _COUNTRY.sub("", text.lower().strip()).strip(" ,")
    # Folded but not expanded yet: "mt" is Montana after a comma, "Mount" before it.
    parts = [part for part in (_fold(p) for p in folded.split(",")) if part]
    if not parts:
        return PlaceResult(text, PlaceKind.UNKNOWN)
    if len(parts) >= 2:
        city, state_text = _expand(parts[-2]), parts[-1]
        state = _state_code(state_text)
        if state:
            return _resolve_city(text, city, state)
        # "Dayton, Ohoi": a city with a state we do not know; try the nearest state name.
        guess = _close_state(state_text)
        found = _resolve_city(text, city, guess) if guess else None
        suggestions = (
            (PlaceChoice(found.name, found.name),) if found and found.found else ()
        ) or _similar_names(city, "")
        return PlaceResult(text, PlaceKind.UNKNOWN, suggestions=suggestions)
    only = parts[0]
    if only in _AMBIGUOUS:
        return _AMBIGUOUS[only](text)
    if state := _state_code(only):
        return _state_result(text, state)
    key = _expand(only)
    # "Houston TX", "Santa Fe New Mexico": a state at the end. If the words before it are
    # not a place in that state, the whole text may still be a city ("Kansas City").
    in_state = _split_state(only)
    if in_state is not None:
        found = _resolve_city(text, *in_state)
        if found.found:
            return found
        whole = _resolve_city(text, key, "")
        return whole if whole.found else found
    return _resolve_city(text, key, "")


def _split_state(folded: str) -> tuple[str, str] | None:
    """("houston", "TX") for "houston tx", or None when the text does not end in a state."""
    words = folded.split()
    for size in (3, 2, 1):
        if len(words) > size and (state := _state_code(" ".join(words[-size:]))):
            return _expand(" ".join(words[:-size])), state
    return None


def _state_code(key: str) -> str:
    """A state's two-letter code from its folded name, code or common short form."""
    code = key.upper()
    if code in STATE_NAMES:
        return code
    return _STATE_BY_NAME.get(key) or _STATE_ALIASES.get(key, "")


_STATE_BY_NAME = {_fold(name): code for code, name in STATE_NAMES.items()}


def _close_state(key: str) -> str:
    found = difflib.get_close_matches(key, list(_STATE_BY_NAME), n=1, cutoff=0.75)
    return _STATE_BY_NAME[found[0]] if found else ""


def _state_result(text: str, state: str, **extra) -> PlaceResult:
    return PlaceResult(text, PlaceKind.STATE, name=STATE_NAMES[state], state=state, **extra)


def _new_york(text: str) -> PlaceResult:
    city = _resolve_city(text, "new york", "NY")
    return PlaceResult(
        text,
        PlaceKind.CITY,
        name=city.name,
        state="NY",
        point=city.point,
        alternative=PlaceChoice(gettext("New York State"), "NY"),
    )


def _washington(text: str) -> PlaceResult:
    return PlaceResult(
        text,
        PlaceKind.STATE,
        name=gettext("Washington State"),
        state="WA",
        alternative=PlaceChoice("Washington, DC", "Washington, DC"),
    )


def _louisiana(text: str) -> PlaceResult:
    # Checked only for the bare code: "LA" alone is the state, but say Los Angeles exists.
    return _state_result(text, "LA", alternative=PlaceChoice("Los Angeles, CA", "Los Angeles, CA"))


def _new_york_city(text: str) -> PlaceResult:
    return _resolve_city(text, "new york", "NY")


def _washington_dc(text: str) -> PlaceResult:
    return _resolve_city(text, "washington", "DC")


_AMBIGUOUS = {
    "new york": _new_york,
    "washington": _washington,
    "la": _louisiana,
    # Names for a city that the post office lists for one ZIP code only, or as a state.
    "nyc": _new_york_city,
    "new york city": _new_york_city,
    "dc": _washington_dc,
    "district of columbia": _washington_dc,
}


def _lookup(key: str, state: str) -> str:
    """The index's name for `key` in `state` ("" if none); "Queens County" is "queens"."""
    in_state = _index().names.get(state, {})
    if key in in_state:
        return key
    bare = _COUNTY_WORDS.sub("", key)
    return bare if bare in in_state else ""


def _city_choice(key: str, state: str) -> PlaceChoice:
    entry = _index().names[state][key]
    label = f"{entry.display}, {state}"
    return PlaceChoice(label, label)


def _resolve_city(text: str, key: str, state: str) -> PlaceResult:
    """A named place in `state`, or in the state where the name has the most ZIP codes."""
    index = _index()
    if state:
        name = _lookup(key, state)
        if not name:
            return PlaceResult(text, PlaceKind.UNKNOWN, suggestions=_similar_names(key, state))
        return PlaceResult(
            text,
            PlaceKind.CITY,
            name=_city_choice(name, state).label,
            state=state,
            point=_name_point(state, name),
        )
    name = key if key in index.states_of else _COUNTY_WORDS.sub("", key)
    states = index.states_of.get(name)
    if not states:
        return PlaceResult(text, PlaceKind.UNKNOWN, suggestions=_similar_names(key, ""))
    found = _resolve_city(text, name, states[0])
    others = tuple(_city_choice(name, other) for other in states[1 : MAX_SUGGESTIONS + 1])
    return PlaceResult(
        text, found.kind, name=found.name, state=found.state, point=found.point, suggestions=others
    )


def _similar_names(key: str, state: str) -> tuple[PlaceChoice, ...]:
    """Up to 5 places with this name elsewhere or a name like it (in `state` if given)."""
    index = _index()
    bare = _COUNTY_WORDS.sub("", key)
    choices: list[PlaceChoice] = []
    if state:
        # The same name in other states first ("Houston, LA" -> "Houston, TX").
        for other in index.states_of.get(bare, [])[:3]:
            choices.append(_city_choice(bare, other))
        for name in difflib.get_close_matches(
            bare, index.by_state.get(state, []), n=MAX_SUGGESTIONS, cutoff=0.7
        ):
            choices.append(_city_choice(name, state))
    elif bare:
        for name in difflib.get_close_matches(
            bare, index.by_letter.get(bare[0], []), n=MAX_SUGGESTIONS, cutoff=0.75
        ):
            for other in index.states_of[name][:2]:
                choices.append(_city_choice(name, other))
    return tuple(_unique(choices))[:MAX_SUGGESTIONS]


def _unique(choices: Iterable[PlaceChoice]) -> list[PlaceChoice]:
    seen: set[str] = set()
    kept = []
    for choice in choices:
        if choice.query not in seen:
            seen.add(choice.query)
            kept.append(choice)
    return kept


def _resolve_zip(text: str, digits: str) -> PlaceResult:
    index = _index()
    if len(digits) == 9:  # ZIP+4 written without the dash
        digits = digits[:5]
    found = index.zips.get(digits) if len(digits) == 5 else None
    if found is not None:
        return PlaceResult(
            text, PlaceKind.ZIP, name=found.code, state=found.state, point=found.point
        )
    return PlaceResult(
        text, PlaceKind.UNKNOWN, name=digits[:10], suggestions=_similar_zips(digits[:5])
    )


def _similar_zips(digits: str) -> tuple[PlaceChoice, ...]:
    """Up to 5 real ZIP codes near these digits: same first 3 digits, nearest in number."""
    index = _index()
    codes = index.sorted_codes
    prefix = digits[:3]
    start = bisect.bisect_left(codes, prefix)
    stop = bisect.bisect_left(codes, prefix + "\uffff")
    pool = codes[start:stop]
    if len(digits) < 5:
        # Fewer than 5 digits: the ZIP codes that start with them.
        pool = [code for code in pool if code.startswith(digits)] or pool
    if not pool:
        at = bisect.bisect_left(codes, digits.ljust(5, "0"))
        pool = codes[max(0, at - MAX_SUGGESTIONS) : at + MAX_SUGGESTIONS]
    preferred = [code for code in pool if index.zips[code].preferred] or pool
    target = int(digits.ljust(5, "0"))
    nearest = sorted(preferred, key=lambda code: (abs(int(code) - target), code))
    choices = []
    for code in sorted(nearest[:MAX_SUGGESTIONS]):
        row = index.zips[code]
        choices.append(PlaceChoice(f"{code} ({row.city}, {row.state})", code))
    return tuple(choices)
