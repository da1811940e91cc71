"""Issue #14 in the browser: "Leave this site" (Tab, click, Esc twice, without JavaScript, on
a phone, in print), the comparison on a phone, and axe and screenshots of the changed pages.

The neutral site is never contacted: every request to it is answered here.
"""

from __future__ import annotations

import pytest

from programs.models import ContactRequest, Response
from tests.browser.conftest import AXE, PHONE, SCREENSHOTS, _open, run_axe, screenshot
from tests.browser.helpers import no_horizontal_scroll
from tests.factories.directory import make_program
from tests.factories.questionnaire import answers

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEUTRAL = "https://www.weather.gov/"
EXIT = "a.quick-exit-link"


def stay_offline(page) -> list[str]:
    """Answer every request to the neutral site here; return the addresses asked for."""
    asked: list[str] = []

    def fulfil(route):
        asked.append(route.request.url)
        route.fulfill(body="neutral", content_type="text/plain")

    page.route("https://www.weather.gov/**", fulfil)
    return asked


def focused(page) -> str:
    return page.evaluate("document.activeElement.outerHTML.slice(0, 120)")


def leaves(page, action) -> None:
    with page.expect_navigation(url=NEUTRAL):
        action()
    assert page.url == NEUTRAL
    assert "neutral" in page.content()


# -- Leaving ---------------------------------------------------------------------------------


def test_tab_reaches_leave_this_site_second_and_enter_leaves(page):
    asked = stay_offline(page)
    page.goto(page.base + "/about/")
    page.goto(page.base + "/levels/iop/")
    page.keyboard.press("Tab")
    assert "skip-link" in focused(page)
    page.keyboard.press("Tab")
    assert "quick-exit-link" in focused(page)
    link = page.locator(EXIT)
    # Screen readers hear "Emergency exit: Leave this site"; the eye sees "Leave this site".
    assert page.get_by_role("link", name="Emergency exit: Leave this site").count() == 1
    prefix = link.locator(".visually-hidden").bounding_box()
    assert prefix["width"] <= 1
    assert prefix["height"] <= 1
    # Visible in the window while focused: it is fixed to the bottom.
    box = link.bounding_box()
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= page.viewport_size["height"]
    assert box["height"] >= 44
    screenshot(page, "quick-exit-focused-desktop")

    leaves(page, lambda: page.keyboard.press("Enter"))
    assert asked == [NEUTRAL]
    # The level page was replaced in the history: Back goes to the page before it.
    page.go_back()
    assert page.url == page.base + "/about/"


def test_clicking_leave_this_site_replaces_the_page_in_the_history(page):
    stay_offline(page)
    page.goto(page.base + "/compare/")
    page.goto(page.base + "/privacy/")
    history_length = page.evaluate("history.length")
    leaves(page, lambda: page.click(EXIT))
    assert page.evaluate("history.length") == history_length
    page.go_back()
    assert page.url == page.base + "/compare/"


def test_esc_twice_within_a_second_leaves(page):
    stay_offline(page)
    page.goto(page.base + "/")
    page.goto(page.base + "/withdrawal-management/")

    def twice():
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")

    leaves(page, twice)
    page.go_back()
    assert page.url == page.base + "/"


def test_esc_once_or_slowly_twice_stays(page):
    asked = stay_offline(page)
    page.goto(page.base + "/levels/php/")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)
    page.keyboard.press("Escape")
    page.wait_for_timeout(500)
    assert page.url == page.base + "/levels/php/"
    assert asked == []
    assert page.is_visible("h1")


def test_esc_twice_leaves_from_a_form_field_too(page):
    stay_offline(page)
    page.goto(page.base + "/questionnaire/")
    page.focus('input[name="for_whom"]')

    def twice():
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")

    leaves(page, twice)


def test_without_javascript_it_is_a_plain_link(browser, live_server, settings):
    settings.RATELIMIT_ENABLED = False
    context, page = _open(browser, live_server, viewport=PHONE, java_script_enabled=False)
    try:
        stay_offline(page)
        page.goto(page.base + "/levels/iop/")
        assert page.get_attribute(EXIT, "href") == NEUTRAL
        leaves(page, lambda: page.click(EXIT))
    finally:
        context.close()


def test_spanish_page_leaves_too(page):
    stay_offline(page)
    page.goto(page.base + "/es/compare/")
    leaves(page, lambda: page.click(EXIT))


def test_admin_has_no_leave_this_site(page):
    page.goto(page.base + "/admin/login/")
    assert page.locator(EXIT).count() == 0


# -- On a phone and in print -----------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/levels/iop/", "/compare/", "/privacy/", "/questionnaire/"]
)
def test_on_a_phone_it_covers_nothing(phone_page, path):
    phone_page.goto(phone_page.base + path)
    assert no_horizontal_scroll(phone_page)
    bar = phone_page.locator(".quick-exit").bounding_box()
    height = PHONE["height"]
    # A strip along the bottom edge, across the width.
    assert bar["y"] + bar["height"] == pytest.approx(height, abs=1)
    assert bar["width"] == pytest.approx(PHONE["width"], abs=1)
    assert bar["height"] <= 72
    link = phone_page.locator(EXIT).bounding_box()
    assert link["height"] >= 44
    assert link["width"] >= 44
    # The crisis bar at the top is untouched.
    crisis = phone_page.locator(".crisis-bar").bounding_box()
    assert crisis["y"] == 0
    assert crisis["y"] + crisis["height"] < bar["y"]
    # Scrolled to the end, the last of the footer sits above the strip.
    phone_page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    footer_end = phone_page.evaluate(
        "document.querySelector('.site-footer').getBoundingClientRect().bottom"
    )
    assert footer_end <= bar["y"] + 1


def test_phone_screenshot_of_the_end_of_a_page(phone_page):
    # The window as a person sees it, scrolled to the end: the strip below the footer.
    phone_page.goto(phone_page.base + "/levels/iop/")
    phone_page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone_page.screenshot(path=str(SCREENSHOTS / "quick-exit-phone-end-of-page.png"))


def test_print_leaves_out_the_button(page):
    page.goto(page.base + "/compare/")
    page.emulate_media(media="print")
    assert page.is_hidden(".quick-exit")
    assert page.is_hidden(".questionnaire-cta")
    assert page.evaluate("getComputedStyle(document.body).paddingBottom") == "0px"
    # Print still uses the table, never the phone cards.
    assert page.is_visible(".compare-table")
    assert page.is_hidden(".compare-cards")


# -- The comparison on a phone -----------------------------------------------------------------


def chart_text_sizes(page) -> list[float]:
    """The size each chart label is drawn at on screen, in CSS pixels (any scaling included)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.compare-chart svg text')].map(el =>
            parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a)"""
    )


@pytest.mark.parametrize(
    ("query", "count"), [("?levels=iop&levels=php&levels=residential", 3), ("", 5)]
)
def test_compare_on_a_phone_stacks_one_card_per_level(phone_page, query, count):
    phone_page.goto(phone_page.base + "/compare/" + query)
    assert no_horizontal_scroll(phone_page)
    assert phone_page.is_hidden(".compare-table")
    cards = phone_page.locator(".compare-card")
    assert cards.count() == count
    boxes = [cards.nth(i).bounding_box() for i in range(count)]
    for box in boxes:
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"]
        assert box["width"] >= PHONE["width"] - 40  # the full width of the page
    for above, below in zip(boxes, boxes[1:], strict=False):
        assert above["y"] + above["height"] <= below["y"]  # stacked, one under the other
    # Every card lists all nine facts.
    for i in range(count):
        assert cards.nth(i).locator("dt").count() == 9
    sizes = chart_text_sizes(phone_page)
    assert sizes
    assert min(sizes) >= 12, sizes
    # The chart's labels stay inside it.
    overflow = phone_page.evaluate(
        """() => {
            const svg = document.querySelector('.compare-chart svg').getBoundingClientRect();
            return [...document.querySelectorAll('.compare-chart svg text')]
                .map(el => el.getBoundingClientRect())
                .filter(r => r.left < svg.left - 1 || r.right > svg.right + 1).length;
        }"""
    )
    assert overflow == 0
    screenshot(phone_page, f"compare-phone-{count}-levels")


def test_compare_on_a_desktop_keeps_the_table(page):
    page.goto(page.base + "/compare/?levels=iop&levels=php&levels=residential")
    assert page.is_visible(".compare-table")
    assert page.is_hidden(".compare-cards")
    assert min(chart_text_sizes(page)) >= 12


# -- axe and screenshots of the changed pages --------------------------------------------------


def changed_pages() -> dict[str, str]:
    make_program(payments=["medicaid"], schedules=["evening"])
    shared = Response.objects.record(answers(for_whom="someone_else"))
    ContactRequest.objects.create(response=shared, consent=True, name="Ana", phone="5550101")
    return {
        "home": "/",
        "level-iop": "/levels/iop/",
        "level-php": "/levels/php/",
        "compare": "/compare/",
        "compare-three": "/compare/?levels=iop&levels=php&levels=residential",
        "withdrawal": "/withdrawal-management/",
        "programs": "/programs/",
        "about": "/about/",
        "privacy": "/privacy/",
        "share-done": f"/results/{shared.public_token}/shared/",
        "es-compare": "/es/compare/",
    }


@pytest.fixture
def with_contact(settings):
    settings.INTAKE_PHONE = "+1 (555) 010-0199"
    settings.INTAKE_EMAIL = "intake@example.org"
    settings.INTAKE_HOURS = "Mon–Fri 9:00–17:00"


def test_changed_pages_pass_axe_on_phone_and_desktop(browser, live_server, settings, with_contact):
    settings.RATELIMIT_ENABLED = False
    pages = changed_pages()
    failures = {}
    for size_name, viewport in [("phone", PHONE), ("desktop", {"width": 1280, "height": 800})]:
        context, page = _open(browser, live_server, viewport=viewport, bypass_csp=True)
        try:
            for name, path in pages.items():
                page.goto(page.base + path)
                if size_name == "phone":
                    assert no_horizontal_scroll(page), name
                violations = run_axe(page)
                if violations:
                    failures[f"{size_name}-{name}"] = violations
                screenshot(page, f"issue14-{size_name}-{name}")
        finally:
            context.close()
    assert AXE.exists()
    assert failures == {}


def test_contact_sentence_has_a_tel_link_in_the_browser(page, with_contact):
    page.goto(page.base + "/about/")
    link = page.locator('main a[href="tel:+15550100199"]')
    assert link.inner_text() == "+1 (555) 010-0199"
    assert page.locator('footer a[href="mailto:intake@example.org"]').is_visible()
