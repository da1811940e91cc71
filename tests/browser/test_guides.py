"""The help-and-facts pages as people use them: the menu, a phone, and on paper."""

from __future__ import annotations

import pytest

from programs.guides.content import SLUGS
from tests.browser.conftest import screenshot
from tests.browser.helpers import no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_menu_group_opens_and_leads_to_a_page_on_a_phone(phone_page):
    phone_page.goto(phone_page.base + "/")
    phone_page.get_by_role("button", name="Show menu").click()
    phone_page.get_by_text("Help and facts", exact=True).first.click()
    menu = phone_page.locator(".nav-group-list")
    assert menu.is_visible()
    assert menu.locator("a").count() == len(SLUGS) + 1
    screenshot(phone_page, "phone-menu-help-and-facts")
    with phone_page.expect_navigation():
        menu.get_by_role("link", name="Overdose and naloxone").click()
    assert phone_page.url.endswith("/overdose/")
    assert phone_page.locator("h1").inner_text()
    assert no_horizontal_scroll(phone_page)


def test_the_menu_group_closes_on_escape_and_on_a_click_elsewhere(page):
    page.goto(page.base + "/")
    summary = page.locator(".nav-group-details > summary")
    summary.click()
    assert page.locator(".nav-group-list").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(".nav-group-list").is_visible()
    summary.click()
    page.locator("h1").click()
    assert not page.locator(".nav-group-list").is_visible()
    # Keyboard alone: the group opens with Enter and its links take the focus in turn.
    summary.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('nav-group-link')")


def test_the_menu_group_works_without_javascript(browser, live_server):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(live_server.url + "/es/")
    page.locator(".nav-group-details > summary").click()
    link = page.locator(".nav-group-list a").first
    assert link.is_visible()
    assert link.get_attribute("href") == "/es/overdose/"
    context.close()


@pytest.mark.parametrize("slug", SLUGS)
def test_each_page_fits_a_phone_and_prints_without_the_menu(phone_page, slug):
    for prefix in ("", "/es"):
        phone_page.goto(f"{phone_page.base}{prefix}/{slug}/")
        assert no_horizontal_scroll(phone_page), f"{prefix}/{slug}/ scrolls sideways"
        screenshot(phone_page, f"phone-guide-{slug}{prefix.replace('/', '-')}")
    phone_page.goto(f"{phone_page.base}/{slug}/")
    phone_page.emulate_media(media="print")
    hidden = phone_page.evaluate(
        """() => ['.site-header', '.crisis-bar', '.quick-exit', '.guide-toc', '.guide-next',
                  '[data-print]']
            .filter(sel => document.querySelector(sel))
            .filter(sel => document.querySelector(sel).checkVisibility())"""
    )
    assert hidden == [], f"shown on paper: {hidden}"
    # What matters is on paper: the words, the sources and the date, and crisis help once.
    for selector in (".guide-section", ".guide-sources", ".guide-reviewed", ".site-footer"):
        assert phone_page.locator(selector).first.is_visible(), selector
    pdf_page = phone_page.context.new_page()
    pdf_page.goto(f"{phone_page.base}/{slug}/")
    assert pdf_page.pdf(format="Letter")[:4] == b"%PDF"
    pdf_page.close()


def test_the_print_button_prints(page):
    page.goto(page.base + "/overdose/")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print this page").click()
    assert page.evaluate("window.printed === true")
