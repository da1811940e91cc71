"""The crisis path on the questionnaire: ticking an "in danger now" box shows how to get help
at once, before any other question, and submitting straight away leads to the crisis steps."""

from __future__ import annotations

import pytest

from programs.models import Response
from tests.browser.conftest import DESKTOP, _open, run_axe, screenshot
from tests.browser.helpers import no_horizontal_scroll

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PANEL = "#crisis-panel"
CRISIS_LINKS = ("tel:911", "tel:988", "sms:988")


def danger_box(value: str) -> str:
    return f'input[name="danger_now"][value="{value}"]'


def submit(page, label: str) -> None:
    with page.expect_navigation():
        page.click(f"button[type=submit]:has-text('{label}')")
    if "/results/" not in page.url:
        errors = page.inner_text("#error-summary") if page.is_visible("#error-summary") else ""
        pytest.fail(f"the form did not lead to a result page ({page.url}): {errors}")


def assert_panel_open(page) -> None:
    panel = page.locator(PANEL)
    assert panel.is_visible()
    for href in CRISIS_LINKS:
        assert panel.locator(f'a[href="{href}"]').is_visible(), href
    # Screen readers read it out: it appears inside an assertive live region.
    assert page.locator(f'[aria-live="assertive"] {PANEL}').count() == 1
    # It sits right under the danger question, above "Who is this for?".
    last_box = page.locator('input[name="danger_now"]').last.bounding_box()
    next_question = page.locator('input[name="for_whom"]').first.bounding_box()
    box = panel.bounding_box()
    assert last_box["y"] + last_box["height"] <= box["y"]
    assert box["y"] + box["height"] <= next_question["y"]
    # The danger note above the questions stays.
    assert page.is_visible(".danger-note")


def test_ticking_a_danger_box_shows_help_at_once_and_submitting_gives_the_steps(page):
    page.goto(page.base + "/questionnaire/")
    assert page.is_hidden(PANEL)

    page.check(danger_box("suicide_plan"))
    assert_panel_open(page)
    panel = page.inner_text(PANEL)
    assert "Get help now" in panel
    assert "“See the suggestion”" in panel  # it names the button it points to
    assert page.locator(f'{PANEL} a[href="tel:911"]').inner_text() == "Call 911"
    screenshot(page, "crisis-panel-desktop")

    page.uncheck(danger_box("suicide_plan"))
    assert page.is_hidden(PANEL)

    # With two boxes ticked, unticking one leaves the panel open.
    page.check(danger_box("suicide_plan"))
    page.check(danger_box("harm_others"))
    page.uncheck(danger_box("harm_others"))
    assert_panel_open(page)

    # Nothing else answered: the button still leads straight to the crisis steps.
    submit(page, "See the suggestion")
    assert page.inner_text("h1") == "Get help right now"
    stored = Response.objects.get()
    assert stored.crisis
    assert stored.suggested_level is None
    assert stored.answers["danger_now"] == ["suicide_plan"]

    # Back on the questions, the panel matches the boxes the browser shows ticked.
    page.go_back()
    ticked = page.is_checked(danger_box("suicide_plan"))
    assert page.is_visible(PANEL) == ticked


def test_the_crisis_panel_in_spanish(page):
    page.goto(page.base + "/es/questionnaire/")
    assert page.get_attribute("html", "lang") == "es"
    assert page.is_hidden(PANEL)

    page.check(danger_box("overdose_signs"))
    assert_panel_open(page)
    assert page.inner_text(f"{PANEL} h2") == "Busque ayuda ahora"

    page.uncheck(danger_box("overdose_signs"))
    assert page.is_hidden(PANEL)
    page.check(danger_box("overdose_signs"))
    assert_panel_open(page)

    submit(page, "Ver la sugerencia")
    assert "/es/results/" in page.url
    assert page.inner_text("h1") == "Busque ayuda ahora mismo"
    stored = Response.objects.get()
    assert stored.crisis
    assert stored.language == "es"
    assert stored.answers["danger_now"] == ["overdose_signs"]


def test_the_crisis_panel_on_a_phone(phone_page):
    page = phone_page
    page.goto(page.base + "/questionnaire/")
    page.check(danger_box("withdrawal_emergency"))
    assert_panel_open(page)
    assert no_horizontal_scroll(page)
    # Every link in the panel is easy to tap: at least 44 px high, 911 the full width.
    for href in CRISIS_LINKS:
        link = page.locator(f'{PANEL} a[href="{href}"]').bounding_box()
        assert link["height"] >= 44, (href, link)
        assert link["width"] >= 44, (href, link)
    call_911 = page.locator(f'{PANEL} a[href="tel:911"]').bounding_box()
    panel = page.locator(PANEL).bounding_box()
    assert call_911["width"] >= panel["width"] * 0.8
    page.locator(PANEL).scroll_into_view_if_needed()
    screenshot(page, "crisis-panel-phone")


def test_the_open_crisis_panel_has_no_wcag_a_or_aa_violations(axe_page):
    axe_page.goto(axe_page.base + "/questionnaire/")
    axe_page.check(danger_box("suicide_plan"))
    assert axe_page.is_visible(PANEL)
    assert run_axe(axe_page) == []


def test_without_javascript_the_panel_stays_hidden(browser, live_server, settings):
    settings.RATELIMIT_ENABLED = False
    context, page = _open(browser, live_server, viewport=DESKTOP, java_script_enabled=False)
    try:
        page.goto(page.base + "/questionnaire/")
        assert page.get_attribute("html", "class") == "no-js"
        page.check(danger_box("suicide_plan"))
        assert page.is_hidden(PANEL)
        # The danger note gives the numbers instead.
        note = page.locator(".danger-note")
        assert note.locator('a[href="tel:911"]').is_visible()
        assert note.locator('a[href="tel:988"]').is_visible()
    finally:
        context.close()
