"""Issue 15's journey, in a real browser: a spouse in Queens looks for an evening program
that takes Medicaid and accepts people on buprenorphine, compares two programs found on two
result pages, and opens one to find the way there. In English and in Spanish."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from programs.directory.geo import Point, as_decimal, haversine_miles, resolve_place, zip_point
from programs.models import Program
from tests.browser.conftest import PHONE, _open, run_axe, screenshot
from tests.browser.helpers import no_horizontal_scroll
from tests.factories.directory import make_program

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BROOKLYN = "Brooklyn Evening IOP"
BROOKLYN_POINT = Point(40.7, -73.905)  # Wyckoff Ave, Bushwick
QUEENS_CENTRE = resolve_place("Queens, NY").point
assert QUEENS_CENTRE is not None
# About 4 miles: what the card and the program page say, in English ("4.1") and Spanish.
MILES = f"{haversine_miles(QUEENS_CENTRE, BROOKLYN_POINT):.1f}"
MILLAS = MILES.replace(".", ",")
# Queens ZIP codes; a program is placed at each one's centre. About twelve are nearer the
# centre of Queens than the Brooklyn program and twelve are further (up to 6.5 miles), so
# the Brooklyn program is on the first of two pages.
NEARER = [
    "11415",
    "11418",
    "11435",
    "11375",
    "11367",
    "11419",
    "11432",
    "11374",
    "11421",
    "11366",
    "11416",
    "11433",
]
FURTHER = [
    "11356",
    "11357",
    "11104",
    "11103",
    "11426",
    "11101",
    "11105",
    "11106",
    "11102",
    "11413",
    "11411",
    "11370",
]
MAPS = ("www.google.com", "maps.apple.com", "www.openstreetmap.org")


def placed_at(zip_code: str) -> dict[str, Any]:
    point = zip_point(zip_code)
    assert point is not None
    return {
        "city": "Queens",
        "state": "NY",
        "zip_code": zip_code,
        "latitude": as_decimal(point.latitude),
        "longitude": as_decimal(point.longitude),
        "coordinates_approximate": True,
    }


@pytest.fixture
def queens() -> dict[str, Program]:
    """25 evening programs near Queens that take Medicaid and people on buprenorphine, four
    that miss one of those, and one upstate; the Brooklyn one has a street and an exact point."""
    suits: dict[str, Any] = {
        "schedules": ["evening"],
        "payments": ["medicaid"],
        "accepts_moud": True,
    }
    programs = {
        BROOKLYN: make_program(
            name=BROOKLYN,
            street="1 Wyckoff Ave",
            city="Brooklyn",
            state="NY",
            zip_code="11237",
            latitude=as_decimal(BROOKLYN_POINT.latitude),
            longitude=as_decimal(BROOKLYN_POINT.longitude),
            coordinates_approximate=False,
            session_times="Mon/Wed/Thu 6–9 pm",
            medications=["buprenorphine"],
            **suits,
        )
    }
    for number, zip_code in enumerate(NEARER + FURTHER, start=1):
        name = f"Queens Evening Program {number:02d}"
        programs[name] = make_program(name=name, **placed_at(zip_code), **suits)
    misses: dict[str, dict[str, Any]] = {
        "Queens Daytime Program": {**suits, "schedules": ["daytime"]},
        "Queens Private Pay Program": {**suits, "payments": ["private"]},
        "Queens No Medication Program": {**suits, "accepts_moud": False},
        "Queens Unsure Program": {**suits, "accepts_moud": None},
    }
    for (name, values), zip_code in zip(
        misses.items(), ("11415", "11418", "11435", "11375"), strict=True
    ):
        programs[name] = make_program(name=name, **placed_at(zip_code), **values)
    programs["Albany Evening Program"] = make_program(
        name="Albany Evening Program", city="Albany", state="NY", zip_code="12207", **suits
    )
    return programs


def params(url: str) -> dict[str, list[str]]:
    """A URL's query, with a ticked box's "on" read as the "1" the site writes."""
    return {
        name: ["1" if value == "on" else value for value in values]
        for name, values in parse_qs(urlsplit(url).query).items()
    }


def card_names(page) -> list[str]:
    return [name.strip() for name in page.locator("li.dir-card h3").all_inner_texts()]


def card(page, name: str):
    return page.locator("li.dir-card", has=page.locator("h3", has_text=name))


def tick(page, program: Program) -> None:
    page.check(f'input[name="ids"][value="{program.pk}"]')


def open_filters(page) -> None:
    # On a phone the filters start folded, under the results' count.
    if page.get_attribute("details.dir-filters", "open") is None:
        page.click("details.dir-filters > summary")


def search_near_queens(page, prefix: str = "") -> None:
    page.goto(page.base + f"{prefix}/programs/")
    open_filters(page)
    page.fill('input[name="near"]', "Queens, NY")
    page.select_option('select[name="within"]', "10")
    with page.expect_navigation():
        page.locator('input[name="near"]').press("Enter")


def narrow_to_evening_medicaid_and_buprenorphine(page) -> None:
    open_filters(page)
    page.check('input[name="schedule"][value="evening"]')
    page.check('input[name="payment"][value="medicaid"]')
    page.check('input[name="accepts_moud"]')
    with page.expect_navigation():
        page.click('form.dir-filter-form button[type="submit"] >> nth=-1')


def the_journey(page, programs: dict[str, Program], prefix: str = "") -> dict[str, str]:
    """The steps both languages share; returns what each page said, for the callers."""
    said: dict[str, str] = {}
    brooklyn = programs[BROOKLYN]

    # "Queens, NY" within 10 miles: 29 programs, nearest first, two pages.
    search_near_queens(page, prefix)
    query = parse_qs(urlsplit(page.url).query)
    assert query["near"] == ["Queens, NY"]
    assert query["within"] == ["10"]
    names = card_names(page)
    assert len(names) == 20
    assert "Albany Evening Program" not in names
    # Both 0.3 miles from the centre of Queens (the same ZIP code), then by name.
    assert names[:2] == ["Queens Daytime Program", "Queens Evening Program 01"]
    assert BROOKLYN in names
    said["card"] = card(page, BROOKLYN).inner_text()
    assert re.search(rf"({re.escape(MILES)} miles away|{re.escape(MILLAS)} millas)", said["card"])
    assert page.locator("a[rel=next]").count() == 1

    # Evening, Medicaid, and accepts people who take buprenorphine: 25 programs, two pages.
    narrow_to_evening_medicaid_and_buprenorphine(page)
    query = parse_qs(urlsplit(page.url).query)
    assert query["near"] == ["Queens, NY"]
    assert query["schedule"] == ["evening"]
    assert query["payment"] == ["medicaid"]
    assert params(page.url)["accepts_moud"] == ["1"]
    names = card_names(page)
    assert len(names) == 20
    assert not [name for name in names if "Daytime" in name or "Private" in name]
    assert "Queens No Medication Program" not in names
    assert BROOKLYN in names
    search_url = page.url

    # Tick the Brooklyn program here and one on the next page.
    tick(page, brooklyn)
    with page.expect_navigation():
        page.click("a[rel=next]")
    page_two_url = page.url
    names = card_names(page)
    assert len(names) == 5
    other = programs[names[0]]
    assert page.inner_text("[data-compare-count]").endswith("(1)")
    tick(page, other)
    assert page.inner_text("[data-compare-count]").endswith("(2)")
    page.click("[data-compare-toggle]")
    chosen = page.locator("[data-compare-list] [data-compare-name]").all_inner_texts()
    assert chosen == [BROOKLYN, other.name]

    # Both are compared, though they were on two pages.
    with page.expect_navigation():
        page.click("[data-compare-submit]")
    assert urlsplit(page.url).path == f"{prefix}/programs/compare/"
    columns = page.locator("table thead th[scope=col] a").all_inner_texts()
    assert columns == [BROOKLYN, other.name]
    said["compare"] = page.inner_text("main")
    back = page.get_attribute("nav[aria-label] .breadcrumb a", "href")
    assert params(back) == params(page_two_url)

    # Back to the results: still page two, still both ticked.
    page.go_back()
    page.wait_for_selector("[data-compare-count]")
    assert page.url == page_two_url
    assert page.is_checked(f'input[name="ids"][value="{other.pk}"]')
    assert page.inner_text("[data-compare-count]").endswith("(2)")

    # The Brooklyn program's page, from the first page of results.
    with page.expect_navigation():
        page.click("a[rel=prev]")
    assert page.is_checked(f'input[name="ids"][value="{brooklyn.pk}"]')
    with page.expect_navigation():
        card(page, BROOKLYN).locator("h3 a").click()
    assert urlsplit(page.url).path == f"{prefix}{urlsplit(brooklyn.get_absolute_url()).path}"
    crumb = page.locator("a[data-directory-back]")
    href = crumb.get_attribute("href")
    assert urlsplit(href).path == f"{prefix}/programs/"
    assert params(href) == params(search_url)
    distance = page.locator("[data-program-distance]")
    expect(distance).to_be_visible()
    said["distance"] = distance.inner_text()
    assert "Queens, NY" in said["distance"]
    assert MILES in said["distance"] or MILLAS in said["distance"]
    # Directions: plain links to maps websites, not followed here.
    links = page.locator("#directions a")
    assert links.count() >= 1
    for href in links.evaluate_all("links => links.map(link => link.href)"):
        assert urlsplit(href).scheme == "https"
        assert urlsplit(href).hostname in MAPS
        # To the program's street, or its exact point.
        assert "Wyckoff" in href or "40.700000" in href
    said["program"] = page.inner_text("main")

    # The breadcrumb leads back to the same search.
    with page.expect_navigation():
        crumb.click()
    assert params(page.url) == params(search_url)
    assert BROOKLYN in card_names(page)
    return said


def test_a_spouse_in_queens_finds_compares_and_opens_an_evening_program(page, queens):
    said = the_journey(page, queens)
    assert f"{MILES} miles away" in said["card"]
    assert "Accepts people on methadone or buprenorphine" in said["card"]
    assert "Mon/Wed/Thu 6–9 pm" in said["program"]
    # The Brooklyn program has a street and an exact point: no "About".
    assert said["distance"] == f"{MILES} miles from Queens, NY"
    assert "Compare programs" in said["compare"]


def test_the_same_journey_in_spanish(browser, live_server, settings, queens):
    settings.RATELIMIT_ENABLED = False
    context, page = _open(browser, live_server, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        said = the_journey(page, queens, prefix="/es")
        assert page.get_attribute("html", "lang") == "es"
        assert MILLAS in said["card"]
        assert MILLAS in said["distance"]
        assert "Comparar programas" in said["compare"]
        assert "Buscar programas" in said["program"]
        assert page.csp_errors == []
    finally:
        context.close()


def test_the_pages_of_the_journey_pass_axe(axe_page, queens):
    page = axe_page
    brooklyn = queens[BROOKLYN]
    failures = {}
    for prefix in ("", "/es"):
        search_near_queens(page, prefix)
        tick(page, brooklyn)
        tick(page, queens["Queens Evening Program 01"])
        page.click("[data-compare-toggle]")
        failures[f"{prefix}list"] = run_axe(page)
        with page.expect_navigation():
            page.click("[data-compare-submit]")
        failures[f"{prefix}compare"] = run_axe(page)
        page.goto(page.base + prefix + brooklyn.get_absolute_url())
        expect(page.locator("[data-program-distance]")).to_be_visible()
        failures[f"{prefix}program"] = run_axe(page)
        page.evaluate("sessionStorage.clear()")
    assert {name: found for name, found in failures.items() if found} == {}


def test_on_a_phone_the_compare_bar_stays_in_view_while_the_results_scroll(phone_page, queens):
    page = phone_page
    search_near_queens(page)
    tick(page, queens[BROOKLYN])
    bar = page.locator("[data-compare-bar]")
    strip = page.locator(".quick-exit")
    first = page.locator("li.dir-card").first
    first.scroll_into_view_if_needed()
    start = page.evaluate("window.scrollY")
    seen = 0
    for y in range(start, start + 8000, 700):
        page.evaluate(f"window.scrollTo(0, {y})")
        results = page.locator("li.dir-card").last.bounding_box()
        if results["y"] + results["height"] < 0:
            break  # scrolled past the results: the bar is back in its place after them
        box = bar.bounding_box()
        assert box["y"] >= 0
        assert box["y"] + box["height"] <= strip.bounding_box()["y"] + 1
        seen += 1
    assert seen >= 4
    assert no_horizontal_scroll(page)
    screenshot(page, "phone-near-queens-compare-bar")
