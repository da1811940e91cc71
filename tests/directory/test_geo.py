"""Places and distances without a database: the ZIP and city index, boxes, wording."""

import math
import re

import pytest
from django.utils import translation
from hypothesis import example, given
from hypothesis import strategies as st

from programs.directory import geo
from programs.directory.geo import (
    STATE_NAMES,
    PlaceKind,
    Point,
    bounding_box,
    destination,
    distance_text,
    haversine_miles,
    resolve_place,
)
from programs.models import USState

# Reference points (city halls and the like), to check where a place lands.
QUEENS = Point(40.7282, -73.7949)
BROOKLYN = Point(40.6782, -73.9442)
HOUSTON = Point(29.7604, -95.3698)
PASADENA_TX = Point(29.6911, -95.2091)
MIDTOWN = Point(40.7549, -73.9840)


def near(a: Point | None, b: Point, miles: float) -> bool:
    return a is not None and haversine_miles(a, b) <= miles


# --- ZIP codes ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["10001", "10001-1234", "10001 1234", "100011234", " 10001 "])
def test_a_zip_code_or_zip_plus_4_is_that_zip_codes_centre(text):
    place = resolve_place(text)
    assert place.kind == PlaceKind.ZIP
    assert place.name == "10001"
    assert place.label == "ZIP code 10001"
    assert place.state == "NY"
    assert near(place.point, Point(40.7484, -73.9967), 0.1)


def test_a_zip_code_inside_an_address_wins_over_the_words():
    place = resolve_place("Dayton, OH 45402")
    assert place.kind == PlaceKind.ZIP
    assert place.name == "45402"


def test_zip_point_keeps_its_old_behaviour():
    assert geo.zip_point("45402-0001") == geo.zip_point("45402")
    assert geo.zip_point("45402") is not None
    assert geo.zip_point("00000") is None
    assert geo.zip_point("4540") is None
    assert geo.zip_point("") is None


def test_an_unknown_zip_code_suggests_real_ones_with_the_same_first_digits():
    place = resolve_place("99999")
    assert place.kind == PlaceKind.UNKNOWN
    assert place.is_zip
    assert place.label == "ZIP code 99999"
    assert 1 <= len(place.suggestions) <= 5
    for choice in place.suggestions:
        assert choice.query.startswith("999")
        assert resolve_place(choice.query).kind == PlaceKind.ZIP
        assert choice.label.startswith(f"{choice.query} (")  # "99929 (Wrangell, AK)"


def test_a_zip_code_with_no_neighbours_still_gets_suggestions():
    place = resolve_place("00000")
    assert place.kind == PlaceKind.UNKNOWN
    assert place.label == "ZIP code 00000"
    assert place.suggestions
    assert all(resolve_place(choice.query).found for choice in place.suggestions)


def test_part_of_a_zip_code_suggests_the_zip_codes_that_start_with_it():
    place = resolve_place("1000")
    assert place.kind == PlaceKind.UNKNOWN
    assert [choice.query[:4] for choice in place.suggestions] == ["1000"] * 5


# --- Cities, boroughs and counties ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "reference", "miles"),
    [
        ("Queens, NY", "Queens, NY", QUEENS, 5),
        ("queens ny", "Queens, NY", QUEENS, 5),
        ("QUEENS,NY", "Queens, NY", QUEENS, 5),
        ("Queens, New York", "Queens, NY", QUEENS, 5),
        ("Queens County, NY", None, QUEENS, 5),
        ("Brooklyn, NY", "Brooklyn, NY", BROOKLYN, 3),
        ("Manhattan, NY", "Manhattan, NY", MIDTOWN, 3),
        ("Pasadena, TX", "Pasadena, TX", PASADENA_TX, 5),
        ("Houston TX", "Houston, TX", HOUSTON, 8),
        ("  houston ,  texas  ", "Houston, TX", HOUSTON, 8),
        ("Houston, Texas, USA", "Houston, TX", HOUSTON, 8),
        ("St. Louis, MO", "Saint Louis, MO", Point(38.6270, -90.1994), 8),
        ("Saint Louis MO", "Saint Louis, MO", Point(38.6270, -90.1994), 8),
        ("Coeur d'Alene, ID", None, Point(47.6777, -116.7805), 8),
        ("San José, CA", "San Jose, CA", Point(37.3382, -121.8863), 8),
        ("Santa Fe, New Mexico", "Santa Fe, NM", Point(35.6870, -105.9378), 8),
        # "MT" is Montana after a city, though "Mt" before a name is "Mount".
        ("Great Falls MT", "Great Falls, MT", Point(47.5053, -111.3008), 8),
        ("Froid, MT", "Froid, MT", Point(48.3364, -104.4922), 8),
        ("Mt. Vernon, NY", "Mount Vernon, NY", Point(40.9126, -73.8371), 5),
        ("Washington, DC", "Washington, DC", Point(38.9072, -77.0369), 5),
        ("Washington DC", "Washington, DC", Point(38.9072, -77.0369), 5),
        ("DC", "Washington, DC", Point(38.9072, -77.0369), 5),
        ("NYC", "New York, NY", MIDTOWN, 3),
        ("Nyc, NY", None, MIDTOWN, 5),
        ("123 Main St, Dayton, OH", "Dayton, OH", Point(39.7589, -84.1916), 5),
        ("Dayton\x00, OH", "Dayton, OH", Point(39.7589, -84.1916), 5),
        ("Dayton\t\r\nOH\x1b", "Dayton, OH", Point(39.7589, -84.1916), 5),
    ],
)
def test_a_city_borough_or_county_is_the_middle_of_its_zip_codes(text, name, reference, miles):
    place = resolve_place(text)
    assert place.kind == PlaceKind.CITY, text
    if name:
        assert place.name == name
    assert place.label == place.name
    assert near(place.point, reference, miles), place.point


def test_a_city_name_alone_is_the_largest_and_offers_the_others():
    dayton = resolve_place("Dayton")
    assert dayton.name == "Dayton, OH"
    assert "Dayton, KY" in [choice.label for choice in dayton.suggestions]
    assert len(dayton.suggestions) <= 5
    assert resolve_place("Manhattan").name == "Manhattan, NY"
    assert "Manhattan, KS" in [choice.query for choice in resolve_place("Manhattan").suggestions]
    assert resolve_place("Kansas City").state == "MO"
    assert resolve_place("Salt Lake City").name == "Salt Lake City, UT"


def test_two_towns_with_one_name_in_one_state_do_not_average_into_the_gap():
    # Every point is the middle of ZIP codes within 30 miles of each other.
    index = geo._index()
    for state, key in [("PA", "springfield"), ("OH", "springfield"), ("TX", "houston")]:
        point = geo._name_point(state, key)
        codes = index.names[state][key].best_codes(index.zips)
        nearest = min(haversine_miles(point, index.zips[code].point) for code in codes)
        assert nearest < 30, (state, key)


# --- States ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "state", "label"),
    [
        ("Ohio", "OH", "Ohio"),
        ("ohio.", "OH", "Ohio"),
        ("OH", "OH", "Ohio"),
        ("oh", "OH", "Ohio"),
        ("New Mexico", "NM", "New Mexico"),
        ("west virginia", "WV", "West Virginia"),
        ("N.Y.", "NY", "New York"),
        ("Puerto Rico", "PR", "Puerto Rico"),
    ],
)
def test_a_state_alone_is_a_search_of_the_whole_state(text, state, label):
    place = resolve_place(text)
    assert place.kind == PlaceKind.STATE
    assert place.state == state
    assert place.label == label
    assert place.point is None


def test_names_that_mean_two_things_take_the_usual_one_and_offer_the_other():
    new_york = resolve_place("New York")
    assert new_york.kind == PlaceKind.CITY
    assert new_york.name == "New York, NY"
    assert near(new_york.point, MIDTOWN, 3)
    assert new_york.alternative is not None
    assert resolve_place(new_york.alternative.query).kind == PlaceKind.STATE

    washington = resolve_place("washington")
    assert washington.kind == PlaceKind.STATE
    assert washington.state == "WA"
    assert washington.alternative is not None
    assert resolve_place(washington.alternative.query).name == "Washington, DC"

    louisiana = resolve_place("LA")
    assert louisiana.state == "LA"
    assert louisiana.alternative is not None
    assert resolve_place(louisiana.alternative.query).name == "Los Angeles, CA"


def test_state_names_match_the_models_states():
    assert dict(USState.choices) == STATE_NAMES


# --- Places not found -------------------------------------------------------------------


def test_a_misspelled_city_suggests_similar_names_in_its_state():
    place = resolve_place("Springfeld, IL")
    assert place.kind == PlaceKind.UNKNOWN
    assert place.label == "Springfeld, IL"
    assert place.suggestions[0].label == "Springfield, IL"
    assert all(choice.label.endswith(", IL") for choice in place.suggestions)


def test_a_misspelled_city_without_a_state_is_looked_for_everywhere():
    labels = [choice.label for choice in resolve_place("Sprngfield").suggestions]
    assert "Springfield, IL" in labels
    assert len(labels) <= 5


def test_a_city_in_the_wrong_state_suggests_where_it_is():
    place = resolve_place("Houston, LA")
    assert place.kind == PlaceKind.UNKNOWN
    assert place.suggestions[0].label == "Houston, TX"


def test_a_misspelled_state_suggests_the_city_in_the_state_it_looks_like():
    place = resolve_place("Dayton, Ohoi")
    assert place.kind == PlaceKind.UNKNOWN
    assert [choice.query for choice in place.suggestions] == ["Dayton, OH"]


@pytest.mark.parametrize(
    "text",
    ["Nowhereville", "zzzzzz", "   ,  ", "", "\x00\x01\x02", "<script>", "🙂", "x" * 10_000],
)
def test_nonsense_is_not_found_and_never_fails(text):
    place = resolve_place(text)
    assert place.kind == PlaceKind.UNKNOWN
    assert place.point is None
    assert len(place.text) <= geo.MAX_PLACE_LENGTH
    assert len(place.suggestions) <= 5


@given(st.text(max_size=200))
@example("FRI")  # once suggested "Froid, MT", which then read "MT" as "Mount"
@example("AO")  # once suggested "Apo, AE", an Army post office
def test_any_text_resolves_to_a_place_or_suggestions(text):
    place = resolve_place(text)
    assert len(place.suggestions) <= 5
    if place.kind in (PlaceKind.ZIP, PlaceKind.CITY):
        assert place.point is not None
    if place.kind == PlaceKind.STATE:
        assert place.state in STATE_NAMES
        assert place.point is None
    for choice in place.suggestions:
        assert resolve_place(choice.query).found, choice


def test_the_index_is_built_once():
    for text in ["10001", "Queens, NY", "Ohio", "Sprngfield", "00000"]:
        resolve_place(text)
    assert geo._index.cache_info().misses == 1


# --- Distances and boxes ---------------------------------------------------------------


def test_haversine_matches_a_known_distance():
    # New York City Hall to Los Angeles City Hall: about 2,446 miles.
    assert haversine_miles(Point(40.7128, -74.0060), Point(34.0537, -118.2428)) == pytest.approx(
        2446, abs=5
    )


@given(
    st.floats(-85, 85),
    st.floats(-180, 180),
    st.floats(0, 360),
    st.floats(0.01, 500),
)
def test_destination_lands_at_the_distance_asked(lat, lon, bearing, miles):
    start = Point(lat, lon)
    end = destination(start, bearing, miles)
    assert haversine_miles(start, end) == pytest.approx(miles, rel=1e-6, abs=1e-6)
    assert -180 <= end.longitude <= 180


def inside(box: geo.BoundingBox, point: Point) -> bool:
    if not box.south <= point.latitude <= box.north:
        return False
    if box.west is None or box.east is None:
        return True
    if box.crosses_antimeridian:
        return point.longitude >= box.west or point.longitude <= box.east
    return box.west <= point.longitude <= box.east


@given(
    st.floats(-89.99, 89.99),
    st.floats(-180, 180),
    st.floats(0, 360),
    st.floats(0.01, 200),
    st.floats(0, 1),
)
def test_the_box_holds_every_point_of_the_circle(lat, lon, bearing, miles, fraction):
    centre = Point(lat, lon)
    box = bounding_box(centre, miles)
    assert inside(box, destination(centre, bearing, miles * fraction))


def test_the_box_narrows_with_latitude_but_not_below_the_circle():
    equator = bounding_box(Point(0, 0), 100)
    alaska = bounding_box(Point(64.8, -147.7), 100)
    assert equator.east is not None
    assert alaska.east is not None
    assert equator.north - equator.south == pytest.approx(2 * 100 / geo.MILES_PER_DEGREE, rel=1e-3)
    assert alaska.east - (-147.7) > (equator.east - 0) * 2  # degrees of longitude are shorter
    assert alaska.east - (-147.7) == pytest.approx(
        math.degrees(
            math.asin(math.sin(100 / geo.EARTH_RADIUS_MILES) / math.cos(math.radians(64.8)))
        ),
        rel=1e-3,
    )


def test_a_box_that_reaches_a_pole_takes_every_longitude():
    box = bounding_box(Point(89.9, 10), 25)
    assert box.west is None
    assert box.north == 90
    assert bounding_box(Point(-89.95, 10), 25).south == -90


def test_a_box_across_the_antimeridian_wraps():
    box = bounding_box(Point(52.0, 179.9), 25)
    assert box.crosses_antimeridian
    assert inside(box, Point(52.0, -179.9))
    assert not inside(box, Point(52.0, 0))


# --- Wording ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("miles", "approximate", "text"),
    [
        (0.0, False, "Less than 1 mile away"),
        (0.94, False, "Less than 1 mile away"),
        (0.96, False, "1 mile away"),
        (1.0, False, "1 mile away"),
        (2.44, False, "2.4 miles away"),
        (3.0, False, "3 miles away"),
        (9.94, False, "9.9 miles away"),
        (9.96, False, "10 miles away"),
        (12.6, False, "13 miles away"),
        (0.3, True, "About 1 mile away"),
        (2.44, True, "About 2.4 miles away"),
        (40.2, True, "About 40 miles away"),
    ],
)
def test_distance_wording(miles, approximate, text):
    assert distance_text(miles, approximate) == text


def test_distance_wording_uses_the_language_of_the_page():
    with translation.override("es"):
        assert "2,4" in distance_text(2.44)


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("Qeens, NY", "Queens, NY"), ("Brookln NY", "Brooklyn, NY"), ("Housten, TX", "Houston, TX")],
)
def test_a_misspelt_city_or_borough_suggests_the_real_one(typed, suggested):
    result = resolve_place(typed)
    assert not result.found
    assert suggested in [choice.label for choice in result.suggestions]


def test_counties_are_found_by_their_name_and_suggestions_are_not_abbreviations():
    # "Queens" is a county (the data writes "Queens County"), found like a city.
    queens = resolve_place("Queens County, NY")
    assert queens.name == "Queens, NY"
    assert queens.point == resolve_place("queens ny").point
    labels = [c.label for c in resolve_place("Brookln NY").suggestions]
    labels += [c.label for c in resolve_place("Springfeld").suggestions]
    assert labels
    assert not [label for label in labels if re.search(r"\b(Hgts|Twp|Bmc|Vlg|Ctr)\b", label)]
