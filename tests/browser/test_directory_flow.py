"""The directory's flow in a real browser: programs ticked for comparison stay ticked across
result pages and filter changes, and a program page leads back to the search it came from."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from programs.models import Program
from tests.browser.conftest import PHONE, _open, run_axe, screenshot
from tests.factories.directory import make_program

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BAR = "[data-compare-bar]"
COMPARE_KEY = "iop-guide-directory-compare"
SEARCH_KEY = "iop-guide-directory-search"


@pytest.fixture
def programs() -> list[Program]:
    """25 programs (two result pages of 20), sorted by name; the odd ones meet in the evening."""
    return [
        make_program(
            name=f"Flow Program {number:02d}",
            schedules=["evening"] if number % 2 else ["daytime"],
            payments=["medicaid"],
        )
        for number in range(1, 26)
    ]


@pytest.fixture
def no_js_page(browser, live_server, settings):
    settings.RATELIMIT_ENABLED = False
    context, page = _open(browser, live_server, viewport=PHONE, java_script_enabled=False)
    yield page
    context.close()


def tick(page, program: Program) -> None:
    page.check(f'input[name="ids"][value="{program.pk}"]')


def is_ticked(page, program: Program) -> bool:
    return page.is_checked(f'input[name="ids"][value="{program.pk}"]')


def bar_names(page) -> list[str]:
    return [
        text.strip()
        for text in page.locator(
            f"{BAR} [data-compare-list] [data-compare-name]"
        ).all_inner_texts()
    ]


def open_bar_list(page) -> None:
    toggle = page.locator("[data-compare-toggle]")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def stored(page, key: str):
    return page.evaluate(f"JSON.parse(sessionStorage.getItem('{key}'))")


def test_ticks_stay_across_pages_and_filters_and_all_are_compared(page, programs):
    first, second, odd = programs[0], programs[22], programs[4]
    page.goto(page.base + "/programs/")
    # Nothing ticked yet: the bar waits at the end of the list and explains what to do.
    assert page.get_attribute(BAR, "data-count") == "0"
    assert "Tick “Compare” on 2 to 4 programs." in page.inner_text("[data-compare-hint]")
    tick(page, first)
    assert page.inner_text("[data-compare-count]") == "Compare (1)"
    assert page.get_attribute("[data-compare-submit]", "aria-disabled") == "true"

    # Page 2: the first pick is not on this page but stays in the bar.
    with page.expect_navigation():
        page.click("a[rel=next]")
    assert "page=2" in page.url
    assert page.inner_text("[data-compare-count]") == "Compare (1)"
    tick(page, second)
    assert page.inner_text("[data-compare-count]") == "Compare (2)"
    assert page.get_attribute("[data-compare-submit]", "aria-disabled") == "false"
    open_bar_list(page)
    assert bar_names(page) == [first.name, second.name]

    # A filter change keeps both, even though one of them no longer matches.
    page.goto(page.base + "/programs/?schedule=evening")
    assert page.inner_text("[data-compare-count]") == "Compare (2)"
    assert is_ticked(page, first)
    tick(page, odd)
    assert page.inner_text("[data-compare-count]") == "Compare (3)"
    assert stored(page, COMPARE_KEY) == [
        {"id": str(p.pk), "name": p.name} for p in (first, second, odd)
    ]

    with page.expect_navigation():
        page.click("[data-compare-submit]")
    query = parse_qs(urlsplit(page.url).query)
    assert urlsplit(page.url).path == "/programs/compare/"
    assert query["ids"] == [str(first.pk), str(second.pk), str(odd.pk)]
    assert query["from"] == ["schedule=evening"]
    headers = page.locator("table thead th[scope=col] a").all_inner_texts()
    assert headers == [first.name, second.name, odd.name]
    # The comparison's breadcrumb goes back to the same search.
    back = page.get_attribute("nav[aria-label=Breadcrumb] a", "href")
    assert back == "/programs/?schedule=evening"

    # Browser Back: the ticks are still there.
    page.go_back()
    page.wait_for_selector("[data-compare-count]")
    assert page.inner_text("[data-compare-count]") == "Compare (3)"
    assert is_ticked(page, first)
    assert is_ticked(page, odd)


def test_a_fifth_tick_is_refused_with_a_polite_message(page, programs):
    page.goto(page.base + "/programs/")
    for program in programs[:4]:
        tick(page, program)
    assert "the most you can compare" in page.inner_text("[data-compare-hint]")
    page.click(f'label[for="compare-{programs[4].pk}"]')
    assert not is_ticked(page, programs[4])
    live = page.locator("[data-compare-live]")
    assert live.get_attribute("aria-live") == "polite"
    expect(live).to_contain_text("up to 4")
    assert "You can compare up to 4 programs." in page.inner_text("[data-compare-hint]")
    assert len(stored(page, COMPARE_KEY)) == 4


def test_picks_can_be_removed_from_the_bar_or_cleared(page, programs):
    a, b, c = programs[0], programs[1], programs[21]
    page.goto(page.base + "/programs/?page=2")
    tick(page, c)
    page.goto(page.base + "/programs/")
    tick(page, a)
    tick(page, b)
    open_bar_list(page)
    assert bar_names(page) == [c.name, a.name, b.name]

    # Remove one, from the list in the bar: its box on this page is unticked too.
    page.click(f"{BAR} [data-compare-remove] >> nth=1")
    assert bar_names(page) == [c.name, b.name]
    assert not is_ticked(page, a)
    assert page.inner_text("[data-compare-count]") == "Compare (2)"
    # The keyboard stays in the list.
    assert page.evaluate("document.activeElement.matches('[data-compare-remove]')")
    remove_name = page.get_attribute(f"{BAR} [data-compare-remove] >> nth=0", "data-id")
    assert remove_name == str(c.pk)

    page.click("[data-compare-clear]")
    assert page.get_attribute(BAR, "data-count") == "0"
    assert not is_ticked(page, b)
    assert page.is_hidden("[data-compare-toggle]")
    assert stored(page, COMPARE_KEY) == []
    page.goto(page.base + "/programs/?page=2")
    assert not is_ticked(page, c)


def test_compare_with_fewer_than_two_explains_instead_of_leaving(page, programs):
    page.goto(page.base + "/programs/")
    tick(page, programs[0])
    # The button is marked aria-disabled (still reachable, so it can explain itself).
    page.click("[data-compare-submit]", force=True)
    expect(page.locator("[data-compare-live]")).to_contain_text("one more")
    assert urlsplit(page.url).path == "/programs/"


def test_the_program_page_leads_back_to_the_search(page, programs):
    page.goto(page.base + "/programs/?schedule=daytime&schedule=evening&payment=medicaid&page=2")
    link = page.locator("#results article h3 a").first
    with page.expect_navigation():
        link.click()
    back = page.locator("a[data-directory-back]")
    assert (
        back.get_attribute("href")
        == "/programs/?schedule=daytime&schedule=evening&payment=medicaid&page=2"
    )
    # No place was searched, so no distance.
    assert page.locator("[data-program-distance]").is_hidden()
    with page.expect_navigation():
        back.click()
    assert (
        page.url
        == page.base + "/programs/?schedule=daytime&schedule=evening&payment=medicaid&page=2"
    )


@pytest.mark.parametrize(
    "query",
    [
        "javascript:alert(1)",
        "//evil.example/",
        "https://evil.example/",
        "\\\\evil.example",
        "a=1#https://evil.example",
    ],
)
def test_a_tampered_stored_search_never_leaves_the_site(page, programs, query):
    program = programs[0]
    page.goto(page.base + "/programs/")
    page.evaluate(
        "([key, query]) => sessionStorage.setItem(key, JSON.stringify({query, label: "
        "'<img src=x>', latitude: 'x', longitude: 1e9}))",
        [SEARCH_KEY, query],
    )
    page.goto(page.base + program.get_absolute_url())
    href = page.get_attribute("a[data-directory-back]", "href")
    assert href.startswith("/programs/")
    assert urlsplit(href).netloc == ""
    assert urlsplit(href).path == "/programs/"
    assert "evil" not in urlsplit(href).path
    assert page.locator("[data-program-distance]").is_hidden()


def test_the_distance_line_is_computed_in_the_page_and_sent_nowhere(page):
    program = make_program(
        name="Court Street Program",
        city="Brooklyn",
        state="NY",
        zip_code="11201",
        latitude="40.694000",
        longitude="-73.990300",
        coordinates_approximate=False,
    )
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page.base + "/programs/")
    # What the list page stores after a search near a place (Jamaica, Queens: 11432).
    page.evaluate(
        "(key) => sessionStorage.setItem(key, JSON.stringify({query: 'near=11432&within=10', "
        "label: 'Jamaica, NY 11432', latitude: 40.7150, longitude: -73.7930}))",
        SEARCH_KEY,
    )
    requests.clear()
    page.goto(page.base + program.get_absolute_url())
    line = page.locator("[data-program-distance]")
    line.wait_for(state="visible")
    # 10.4 miles in a straight line, exact coordinates: no "About".
    assert line.inner_text() == "10 miles from Jamaica, NY 11432"
    assert (
        page.get_attribute("a[data-directory-back]", "href") == "/programs/?near=11432&within=10"
    )
    assert all(url.startswith(page.base) for url in requests)
    assert not [url for url in requests if "11432" in url or "miles" in url]

    # A program placed at its ZIP code's centre says "About".
    program.coordinates_approximate = True
    program.save()
    page.goto(page.base + program.get_absolute_url())
    assert page.locator("[data-program-distance]").inner_text() == (
        "About 10 miles from Jamaica, NY 11432"
    )


def test_without_javascript_the_page_works_as_before(no_js_page, programs):
    page = no_js_page
    page.goto(page.base + "/programs/?schedule=evening")
    # The wording of the bar is in the page; the extras that need JavaScript stay hidden.
    assert page.is_visible("[data-compare-submit]")
    assert page.is_hidden("[data-compare-toggle]")
    assert page.is_hidden("[data-compare-clear]")
    page.check(f'input[name="ids"][value="{programs[0].pk}"]')
    page.check(f'input[name="ids"][value="{programs[2].pk}"]')
    with page.expect_navigation():
        page.click("[data-compare-submit]")
    query = parse_qs(urlsplit(page.url).query)
    assert query["ids"] == [str(programs[0].pk), str(programs[2].pk)]
    assert query["from"] == ["schedule=evening"]
    assert page.locator("table thead th[scope=col]").count() == 2

    page.goto(page.base + programs[0].get_absolute_url())
    assert page.get_attribute("a[data-directory-back]", "href") == "/programs/"
    assert page.is_hidden("[data-program-distance]")


def test_the_bar_stays_on_a_phone_screen_without_hiding_the_last_card(phone_page, programs):
    page = phone_page
    page.goto(page.base + "/programs/")
    tick(page, programs[0])
    bar = page.locator(BAR)
    exit_strip = page.locator(".quick-exit")
    for y in (400, 1500, 3000):
        page.mouse.wheel(0, y)
        page.evaluate(f"window.scrollTo(0, {y})")
        box = bar.bounding_box()
        strip = exit_strip.bounding_box()
        assert box["y"] >= 0
        # Fully on screen, above the "Leave this site" strip.
        assert box["y"] + box["height"] <= strip["y"] + 1
        assert bar.is_visible()
    # At the end of the list the bar sits after the last card, hiding none of it.
    last = page.locator("li.dir-card").last
    last.scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    card = last.bounding_box()
    assert bar.bounding_box()["y"] >= card["y"] + card["height"]
    screenshot(page, "phone-directory-compare-bar")


def test_the_bar_and_its_list_pass_axe(axe_page, programs):
    page = axe_page
    page.goto(page.base + "/programs/")
    tick(page, programs[0])
    tick(page, programs[1])
    open_bar_list(page)
    assert run_axe(page) == []
    assert re.fullmatch(r"Compare \(2\)", page.inner_text("[data-compare-count]"))


def test_leave_this_site_forgets_the_picks_and_the_search(page, programs):
    page.route(
        "https://www.weather.gov/**",
        lambda route: route.fulfill(body="neutral", content_type="text/plain"),
    )
    page.goto(page.base + "/programs/?schedule=evening")
    tick(page, programs[0])
    assert stored(page, COMPARE_KEY)
    assert stored(page, SEARCH_KEY) == {"query": "schedule=evening"}
    with page.expect_navigation(url="https://www.weather.gov/"):
        page.click("a.quick-exit-link")
    page.goto(page.base + "/about/")
    assert page.evaluate("Object.keys(sessionStorage)") == []
