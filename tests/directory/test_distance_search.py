"""The directory searched by distance: `/programs/?near=<place>&within=<miles>`.

These run on SQLite and on PostgreSQL (CI runs both), so the database comparison at the
end pins that the two give the same results.
"""

import logging
import random
import re
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from programs.directory import views as directory_views
from programs.directory.geo import (
    Point,
    as_decimal,
    destination,
    haversine_miles,
    resolve_place,
    zip_point,
)
from programs.models import Program, TreatmentLevel
from tests.factories.directory import make_program

pytestmark = pytest.mark.django_db

LIST = reverse("programs:program_list")


def centre_of(zip_code: str) -> Point:
    point = zip_point(zip_code)
    assert point is not None
    return point


ZIP_10001 = centre_of("10001")


def at(start: Point, miles: float, bearing: float = 90.0, **overrides) -> Program:
    """A program `miles` from `start` (an exact point, not a ZIP centre)."""
    point = destination(start, bearing, miles)
    values: dict[str, Any] = {
        "city": "New York",
        "state": "NY",
        "zip_code": "10001",
        "latitude": as_decimal(point.latitude),
        "longitude": as_decimal(point.longitude),
    }
    values.update(overrides)
    return make_program(**values)


def listed(response) -> list[str]:
    return [program.name for program in response.context["page"].object_list]


def online(response) -> list[str]:
    return [program.name for program in response.context.get("online_programs") or []]


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url.replace("&amp;", "&")).query)


# --- Finding places and programs ------------------------------------------------------


def test_the_radius_edge_keeps_24_9_miles_and_drops_25_1(client):
    at(ZIP_10001, 24.9, bearing=10, name="Inside")
    at(ZIP_10001, 25.1, bearing=200, name="Outside")
    assert listed(client.get(LIST, {"near": "10001", "within": "25"})) == ["Inside"]
    assert listed(client.get(LIST, {"near": "10001"})) == ["Inside"]  # 25 is the default
    assert listed(client.get(LIST, {"near": "10001", "within": "50"})) == ["Inside", "Outside"]


@pytest.mark.parametrize("bearing", [0, 45, 90, 135, 180, 225, 270, 315])
def test_the_radius_is_a_circle_in_every_direction(bearing):
    at(ZIP_10001, 9.95, bearing=bearing, name="In")
    at(ZIP_10001, 10.05, bearing=bearing, name="Out")
    found = Program.objects.near(ZIP_10001, 10)
    assert [p.name for p in found] == ["In"]
    assert found[0].distance_miles == pytest.approx(9.95, abs=0.001)


def test_results_are_sorted_nearest_first_then_by_name(client):
    at(ZIP_10001, 7, name="Seven")
    at(ZIP_10001, 1.5, name="One and a half")
    at(ZIP_10001, 3, bearing=0, name="Zeta three")
    at(ZIP_10001, 3, bearing=0, name="Alpha three")
    response = client.get(LIST, {"near": "10001", "within": "10"})
    assert listed(response) == ["One and a half", "Alpha three", "Zeta three", "Seven"]
    html = response.content.decode()
    assert "Programs are sorted by distance, nearest first." in html
    assert "Programs are sorted by name." not in html
    assert "1.5 miles away" in html
    assert "3 miles away" in html


def test_each_card_says_how_far_away_and_about_for_a_zip_centre(client):
    at(ZIP_10001, 0.4, name="Next door")
    at(ZIP_10001, 2.44, name="Close")
    at(ZIP_10001, 12.6, name="Further")
    # No point given: the program sits on its ZIP code's centre, marked approximate.
    make_program(name="Somewhere in 10002", city="New York", state="NY", zip_code="10002")
    html = client.get(LIST, {"near": "10001", "within": "25"}).content.decode()
    assert "Less than 1 mile away" in html
    assert "2.4 miles away" in html
    assert "13 miles away" in html
    assert re.search(r"About \d\.\d miles away", html)


def test_queens_finds_the_brooklyn_program(client):
    make_program(name="Brooklyn IOP", city="Brooklyn", state="NY", zip_code="11201")
    make_program(name="Albany IOP", city="Albany", state="NY", zip_code="12207")
    response = client.get(LIST, {"near": "Queens, NY", "within": "10"})
    assert listed(response) == ["Brooklyn IOP"]
    html = response.content.decode()
    assert "1 program within 10 miles of Queens, NY" in html
    assert "Within 10 miles of Queens, NY" in html


def test_pasadena_texas_finds_the_houston_program(client):
    make_program(name="Houston IOP", city="Houston", state="TX", zip_code="77002")
    make_program(name="Pasadena CA IOP", city="Pasadena", state="CA", zip_code="91101")
    assert listed(client.get(LIST, {"near": "Pasadena, TX"})) == ["Houston IOP"]
    assert listed(client.get(LIST, {"near": "houston tx"})) == ["Houston IOP"]


@pytest.mark.parametrize(
    ("near", "heading"),
    [
        ("10001", "1 program within 25 miles of ZIP code 10001"),
        ("10001-4321", "1 program within 25 miles of ZIP code 10001"),
        ("New York, NY", "1 program within 25 miles of New York, NY"),
        ("new york ny", "1 program within 25 miles of New York, NY"),
    ],
)
def test_zip_codes_and_cities_search_by_distance(client, near, heading):
    at(ZIP_10001, 3, name="Chelsea")
    at(ZIP_10001, 60, name="Far")
    response = client.get(LIST, {"near": near})
    assert listed(response) == ["Chelsea"]
    assert heading in response.content.decode()


@pytest.mark.parametrize("near", ["Ohio", "OH", "oh", "ohio"])
def test_a_state_lists_its_programs_by_name_without_distances(client, near):
    make_program(name="Zanesville", city="Zanesville", state="OH", zip_code="43701")
    make_program(name="Akron", city="Akron", state="OH", zip_code="44308")
    make_program(name="Erie", city="Erie", state="PA", zip_code="16501")
    response = client.get(LIST, {"near": near, "within": "5"})
    assert listed(response) == ["Akron", "Zanesville"]
    html = response.content.decode()
    assert "2 programs in Ohio" in html
    assert "In Ohio" in html  # the chip
    assert "miles away" not in html
    assert "Programs are sorted by name." in html
    assert "online_programs" not in response.context


def test_the_old_location_parameter_still_works(client):
    at(ZIP_10001, 3, name="Chelsea")
    at(ZIP_10001, 60, name="Far")
    response = client.get(LIST, {"location": "10001"})
    assert listed(response) == ["Chelsea"]
    assert response.context["form"].data["near"] == "10001"
    assert "location" not in response.context["search_query"]


def test_new_york_alone_is_the_city_and_offers_the_state(client):
    at(ZIP_10001, 3, name="Chelsea")
    make_program(name="Buffalo", city="Buffalo", state="NY", zip_code="14202")
    response = client.get(LIST, {"near": "New York", "format": "in_person"})
    assert listed(response) == []  # no formats given on Chelsea: the filter still applies
    response = client.get(LIST, {"near": "New York"})
    assert listed(response) == ["Chelsea"]
    label, url = response.context["alternative_link"]
    assert label == "New York State"
    assert query_of(url)["near"] == ["NY"]
    assert listed(client.get(url)) == ["Buffalo", "Chelsea"]


# --- Other filters -----------------------------------------------------------------------


def test_distance_combines_with_the_other_filters(client):
    at(
        ZIP_10001,
        2,
        name="A",
        formats=["telehealth"],
        payments=["medicaid"],
        schedules=["evening"],
    )
    at(ZIP_10001, 3, name="B", formats=["in_person"], payments=["private"], schedules=["evening"])
    at(ZIP_10001, 4, name="C", formats=["hybrid"], payments=["medicaid"], accepts_moud=True)
    at(ZIP_10001, 40, name="Far", formats=["hybrid"], payments=["medicaid"], accepts_moud=True)
    near = {"near": "10001", "within": "25"}
    assert listed(client.get(LIST, {**near, "format": ["telehealth", "hybrid"]})) == ["A", "C"]
    assert listed(client.get(LIST, {**near, "payment": "medicaid", "schedule": "evening"})) == [
        "A"
    ]
    assert listed(client.get(LIST, {**near, "accepts_moud": "1"})) == ["C"]
    assert listed(client.get(LIST, {**near, "format": "in_person", "payment": "medicaid"})) == []


def test_the_chip_removes_the_place_and_keeps_the_other_filters(client):
    at(ZIP_10001, 2, name="A", formats=["telehealth"])
    response = client.get(
        LIST, {"near": "Queens, NY", "within": "50", "format": "telehealth", "accepting": "1"}
    )
    chips = dict(response.context["active"])
    removal = query_of("?" + chips["Within 50 miles of Queens, NY"])
    assert removal == {"format": ["telehealth"], "accepting": ["1"]}
    assert query_of("?" + chips["Telehealth (video)"])["near"] == ["Queens, NY"]
    assert query_of("?" + chips["Telehealth (video)"])["within"] == ["50"]


def test_the_compare_page_goes_back_to_the_distance_search(client):
    a = at(ZIP_10001, 2, name="A")
    b = at(ZIP_10001, 3, name="B")
    response = client.get(
        reverse("programs:program_compare"),
        {"ids": [a.pk, b.pk], "from": "near=Queens%2C+NY&within=10&format=telehealth"},
    )
    assert query_of(response.context["back_url"]) == {
        "near": ["Queens, NY"],
        "within": ["10"],
        "format": ["telehealth"],
    }


# --- Online programs for the state ------------------------------------------------------


def test_video_programs_in_the_state_beyond_the_distance_get_their_own_group(client):
    at(ZIP_10001, 2, name="Near in person", formats=["in_person"])
    at(ZIP_10001, 3, name="Near telehealth", formats=["telehealth"])
    buffalo = centre_of("14202")
    at(buffalo, 1, name="Buffalo telehealth", state="NY", formats=["telehealth"])
    at(buffalo, 2, name="Buffalo hybrid", state="NY", formats=["hybrid"])
    at(buffalo, 3, name="Buffalo in person", state="NY", formats=["in_person"])
    at(ZIP_10001, 30, bearing=270, name="Newark telehealth", state="NJ", formats=["telehealth"])
    response = client.get(LIST, {"near": "10001", "within": "10"})
    assert listed(response) == ["Near in person", "Near telehealth"]
    assert online(response) == ["Buffalo hybrid", "Buffalo telehealth"]
    html = response.content.decode()
    assert "Online programs for New York" in html
    assert "These programs offer video sessions to people in New York." in html
    assert html.index("Near telehealth") < html.index("Online programs for New York")
    assert "See all online programs" not in html  # all of them are shown

    # The group meets the other filters too: only telehealth, not hybrid.
    response = client.get(LIST, {"near": "10001", "within": "10", "format": "telehealth"})
    assert listed(response) == ["Near telehealth"]
    assert online(response) == ["Buffalo telehealth"]
    # In person only: people asked not to see video programs.
    response = client.get(LIST, {"near": "10001", "within": "10", "format": "in_person"})
    assert online(response) == []
    assert "Online programs for" not in response.content.decode()


def test_the_online_group_shows_ten_and_links_to_all_of_them(client):
    buffalo = centre_of("14202")
    for n in range(12):
        at(
            buffalo,
            1 + n / 10,
            name=f"Video {n:02}",
            formats=["telehealth"],
            payments=["medicaid"],
        )
    response = client.get(LIST, {"near": "10001", "payment": "medicaid"})
    assert online(response) == [f"Video {n:02}" for n in range(10)]
    url = response.context["online_all_url"]
    assert query_of(url) == {
        "near": ["NY"],
        "payment": ["medicaid"],
        "format": ["telehealth", "hybrid"],
    }
    assert len(listed(client.get(url))) == 12
    assert "See all online programs for New York" in response.content.decode()


def test_the_online_group_is_only_on_the_first_page(client):
    level = TreatmentLevel.objects.get(slug="iop")
    for n in range(directory_views.PER_PAGE + 1):
        at(ZIP_10001, 1 + n / 10, name=f"Near {n:02}", level=level)
    at(centre_of("14202"), 1, name="Buffalo video", formats=["telehealth"])
    first = client.get(LIST, {"near": "10001"})
    assert online(first) == ["Buffalo video"]
    second = client.get(LIST, {"near": "10001", "page": "2"})
    assert listed(second) == ["Near 20"]
    assert online(second) == []


# --- Nothing near, or a place not found ---------------------------------------------------


def test_nothing_within_the_radius_offers_the_next_one_the_state_and_video(client):
    buffalo = centre_of("14202")
    at(buffalo, 1, name="Buffalo video", formats=["telehealth"], payments=["medicaid"])
    at(ZIP_10001, 40, name="Forty miles", formats=["in_person"], payments=["medicaid"])
    response = client.get(LIST, {"near": "10001", "within": "25", "payment": "medicaid"})
    assert listed(response) == []
    html = response.content.decode()
    assert "0 programs within 25 miles of ZIP code 10001" in html
    assert "Search within 50 miles" in html
    assert query_of(response.context["wider_url"]) == {
        "near": ["10001"],
        "within": ["50"],
        "payment": ["medicaid"],
    }
    assert listed(client.get(response.context["wider_url"])) == ["Forty miles"]
    label, url = response.context["state_link"]
    assert label == "New York"
    assert "Search all of New York" in html
    assert query_of(url) == {"near": ["NY"], "payment": ["medicaid"]}
    assert online(response) == ["Buffalo video"]
    assert "Online programs for New York" in html


def test_nothing_within_100_miles_offers_the_state_only(client):
    response = client.get(LIST, {"near": "10001", "within": "100"})
    assert "wider_url" not in response.context
    assert "state_link" in response.context
    assert "Search within" not in response.content.decode()


def test_a_place_not_found_is_explained_with_suggestions_and_not_used(client):
    make_program(name="Dayton IOP", formats=["telehealth"])
    make_program(name="Springfield IOP", city="Springfield", state="IL", zip_code="62701")
    response = client.get(LIST, {"near": "Springfeld, IL", "format": "telehealth"})
    assert response.status_code == HTTPStatus.OK
    assert listed(response) == ["Dayton IOP"]  # the other filters still apply
    html = response.content.decode()
    assert "We couldn't find “Springfeld, IL”." in html
    assert "So we show programs everywhere that match your other choices." in html
    assert "Programs are sorted by name." in html
    labels = [label for label, _ in response.context["place_links"]]
    assert labels[0] == "Springfield, IL"
    link = response.context["place_links"][0][1]
    assert query_of(link) == {"near": ["Springfield, IL"], "format": ["telehealth"]}
    assert response.context["active"] == [("Telehealth (video)", "near=Springfeld%2C+IL")]


def test_an_unknown_zip_code_says_so_and_suggests_nearby_ones(client):
    response = client.get(LIST, {"near": "00000"})
    html = response.content.decode()
    assert "find ZIP code 00000." in html
    assert response.context["place_links"]
    for _, url in response.context["place_links"]:
        assert resolve_place(query_of(url)["near"][0]).found


def test_a_place_with_no_suggestions_says_what_to_try(client):
    html = client.get(LIST, {"near": "qqqqqqqq"}).content.decode()
    assert "Check the spelling, or try a ZIP code or a state." in html


# --- Bad and hostile input --------------------------------------------------------------


@pytest.mark.parametrize("within", ["7", "abc", "-5", "1e9", "25.5", "0", "999999999999"])
def test_a_distance_we_do_not_offer_gets_a_note_and_25_miles(client, within):
    at(ZIP_10001, 24, name="In")
    at(ZIP_10001, 26, name="Out")
    response = client.get(LIST, {"near": "10001", "within": within})
    assert response.status_code == HTTPStatus.OK
    assert listed(response) == ["In"]
    assert "We can search within 5, 10, 25, 50 or 100 miles, so we used 25 miles." in (
        response.content.decode()
    )


@pytest.mark.parametrize("within", ["50", " 50 ", "50.0", "50 miles", "50mi"])
def test_a_distance_written_loosely_is_understood(client, within):
    at(ZIP_10001, 40, name="Forty")
    response = client.get(LIST, {"near": "10001", "within": within})
    assert listed(response) == ["Forty"]
    assert not response.context["form"].notes


def test_a_distance_without_a_place_is_ignored_quietly(client):
    make_program(name="A")
    response = client.get(LIST, {"within": "7"})
    assert listed(response) == ["A"]
    assert not response.context["form"].notes
    assert response.context["active"] == []


@pytest.mark.parametrize(
    "near",
    [
        "Queens\x00, NY",
        "Queens,\x1b[31m NY",
        "\u202eQueens, NY",
        "Queens,\tNY\r\n",
    ],
)
def test_control_characters_in_the_place_are_ignored(client, near):
    make_program(name="Brooklyn IOP", city="Brooklyn", state="NY", zip_code="11201")
    response = client.get(LIST, {"near": near, "within": "10"})
    assert response.status_code == HTTPStatus.OK
    assert listed(response) == ["Brooklyn IOP"]
    assert "\x00" not in response.content.decode()


def test_a_huge_place_is_refused_with_a_note(client):
    make_program(name="A")
    response = client.get(LIST, {"near": "Queens, NY " * 1000})
    assert response.status_code == HTTPStatus.OK
    assert listed(response) == ["A"]
    assert "longer than 100 characters" in response.content.decode()


def test_repeated_parameters_use_the_last_value(client):
    at(ZIP_10001, 40, name="Forty")
    response = client.get(f"{LIST}?near=Ohio&near=10001&within=5&within=50")
    assert listed(response) == ["Forty"]
    assert response.context["form"].data.getlist("near") == ["10001"]


def test_the_place_searched_is_never_logged(client, caplog):
    make_program(name="A")
    with caplog.at_level(logging.DEBUG):
        client.get(LIST, {"near": "Zebulonville, NY"})
        client.get(LIST, {"near": "Brooklyn, NY"})
    assert "Zebulonville" not in caplog.text
    assert "Brooklyn" not in caplog.text


# --- Queries ------------------------------------------------------------------------------


def test_a_distance_search_with_filters_takes_a_constant_number_of_queries(
    client, django_assert_num_queries
):
    level = TreatmentLevel.objects.get(slug="iop")
    buffalo = centre_of("14202")
    params = {"near": "10001", "within": "25", "format": ["telehealth", "hybrid"]}
    params |= {"payment": "medicaid", "level": "iop"}

    def add(count: int) -> None:
        for n in range(count):
            at(ZIP_10001, 1 + n / 10, formats=["telehealth"], payments=["medicaid"], level=level)
            at(buffalo, 1 + n / 10, formats=["hybrid"], payments=["medicaid"], level=level)

    add(2)
    # Levels, the page with the total, its features, the online group, its features.
    with django_assert_num_queries(5):
        assert client.get(LIST, params).status_code == HTTPStatus.OK
    add(30)
    with django_assert_num_queries(5):
        response = client.get(LIST, params)
    assert response.context["page"].paginator.count == 32
    assert len(online(response)) == 10


# --- The database agrees with plain Python -----------------------------------------------


def python_search(programs: list[Program], centre: Point, miles: float) -> list[int]:
    """The reference: haversine over the stored coordinates, nearest first, then name, pk."""
    found = []
    for program in programs:
        if program.latitude is None or program.longitude is None:
            continue
        point = Point(float(program.latitude), float(program.longitude))
        distance = haversine_miles(centre, point)
        if distance <= miles:
            found.append((distance, program.name, program.pk))
    return [pk for _, _, pk in sorted(found)]


CENTRES = [
    ("Midtown", Point(40.7549, -73.9840)),
    ("Fairbanks", Point(64.8378, -147.7164)),
    ("Aleutians, across 180°", Point(52.0, 179.95)),
    ("Near the North Pole", Point(89.8, 30.0)),
    ("Honolulu", Point(21.3069, -157.8583)),
]


@pytest.mark.parametrize(("where", "centre"), CENTRES, ids=[name for name, _ in CENTRES])
def test_the_database_and_python_find_the_same_programs_in_the_same_order(where, centre):
    rng = random.Random(f"distance-{where}")
    level = TreatmentLevel.objects.get(slug="iop")
    Program.objects.bulk_create(
        Program(
            name=f"Random {n:03}" if n % 7 else "Same name",  # ties on name go by pk
            slug=f"random-{n}",
            city="Somewhere",
            state="AK",
            zip_code=f"99{n:03}",  # the same name needs another ZIP code
            phone="907-555-0100",
            level=level,
            latitude=as_decimal(point.latitude),
            longitude=as_decimal(point.longitude),
        )
        for n, point in enumerate(
            destination(centre, rng.uniform(0, 360), rng.uniform(0, 160)) for _ in range(300)
        )
    )
    programs = list(Program.objects.all())
    for miles in (5, 10, 25, 50, 100):
        expected = python_search(programs, centre, miles)
        database = list(Program.objects.near(centre, miles).values_list("pk", flat=True))
        # A program a hair from the edge could fall either way in floating point; the
        # seeded points keep clear of that, and this says so if they ever do not.
        edges = [
            p
            for p in programs
            if abs(haversine_miles(centre, Point(float(p.latitude), float(p.longitude))) - miles)
            < 1e-6
        ]
        assert not edges
        assert database == expected, (where, miles)
    assert expected  # the 100-mile circle is never empty
