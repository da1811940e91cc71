"""axe-core (WCAG 2.1 A and AA) on every public page, plus phone and desktop checks."""

from __future__ import annotations

import pytest

from programs.guides.content import SLUGS
from programs.models import ContactRequest, Response
from tests.browser.conftest import DESKTOP, run_axe, screenshot
from tests.browser.helpers import no_horizontal_scroll
from tests.factories.questionnaire import answers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STATIC_PAGES = {
    "home": "/",
    "levels": "/levels/",
    "level-outpatient": "/levels/outpatient/",
    "level-iop": "/levels/iop/",
    "level-php": "/levels/php/",
    "level-residential": "/levels/residential/",
    "level-inpatient": "/levels/inpatient/",
    "compare": "/compare/",
    "compare-narrowed": "/compare/?levels=iop&levels=php",
    "questionnaire": "/questionnaire/",
    "withdrawal": "/withdrawal-management/",
    "about": "/about/",
    "privacy": "/privacy/",
    "not-found": "/no-such-page/",
    "help": "/help/",
    **{f"guide-{slug}": f"/{slug}/" for slug in SLUGS},
    **{f"guide-{slug}-es": f"/es/{slug}/" for slug in SLUGS},
}


def dynamic_pages() -> dict[str, str]:
    """Pages that need stored data: a normal result, a crisis result, a confirmation."""
    normal = Response.objects.record(answers(control="hard_some_days", mood="some"))
    crisis = Response.objects.record(answers(danger_now=["suicide_plan"]))
    shared = Response.objects.record(answers(for_whom="someone_else"))
    ContactRequest.objects.create(response=shared, consent=True, name="Ana", phone="5550101")
    return {
        "result": normal.get_absolute_url(),
        "result-crisis": crisis.get_absolute_url(),
        "share-form": f"/results/{normal.public_token}/share/",
        "share-done": f"/results/{shared.public_token}/shared/",
    }


def all_pages() -> dict[str, str]:
    return {**STATIC_PAGES, **dynamic_pages()}


def test_public_pages_have_no_wcag_a_or_aa_violations(axe_page):
    failures = {}
    for name, path in all_pages().items():
        axe_page.goto(axe_page.base + path)
        violations = run_axe(axe_page)
        if violations:
            failures[name] = violations
    assert failures == {}


def test_questionnaire_with_errors_has_no_violations(axe_page):
    axe_page.goto(axe_page.base + "/questionnaire/")
    with axe_page.expect_navigation():
        axe_page.click("button[type=submit]")
    assert axe_page.is_visible("#error-summary")
    assert run_axe(axe_page) == []


def test_share_form_with_errors_has_no_violations(axe_page):
    stored = Response.objects.record(answers())
    axe_page.goto(f"{axe_page.base}/results/{stored.public_token}/share/")
    with axe_page.expect_navigation():
        axe_page.click("text=Share my details")
    assert axe_page.is_visible("#error-summary")
    assert run_axe(axe_page) == []


def test_pages_fit_a_phone_and_have_large_enough_tap_targets(phone_page):
    for name, path in all_pages().items():
        phone_page.goto(phone_page.base + path)
        assert no_horizontal_scroll(phone_page), f"{name} scrolls sideways on a phone"
        small = phone_page.evaluate(
            """() => [...document.querySelectorAll('a, button, input, select, textarea, label')]
                .filter(el => {
                    const r = el.getBoundingClientRect();
                    if (!r.width || !r.height) return false;          // hidden
                    if (el.closest('.hp-field')) return false;        // honeypot
                    if (el.matches('.visually-hidden-focusable')) return false;  // skip link
                    const inline = getComputedStyle(el).display === 'inline';
                    // Links inside sentences are exempt (WCAG 2.5.8 inline exception).
                    const sentence = el.parentElement.textContent.trim().length
                        > el.textContent.trim().length + 10;
                    if (el.tagName === 'A' && inline && sentence) return false;
                    if (el.tagName === 'LABEL') return false;
                    return r.height < 24 || r.width < 24;
                })
                .map(el => el.outerHTML.slice(0, 80))"""
        )
        assert small == [], f"{name}: tap targets under 24x24 px: {small}"
        screenshot(phone_page, f"phone-{name}")


def test_desktop_screenshots(page):
    for name, path in all_pages().items():
        page.goto(page.base + path)
        screenshot(page, f"desktop-{name}")
    assert page.viewport_size == DESKTOP


def test_text_resizes_to_200_percent_without_loss(page):
    for path in ["/", "/levels/iop/", "/compare/", "/questionnaire/", "/privacy/"]:
        page.goto(page.base + path)
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        # Data tables may scroll inside their own box (a WCAG 1.4.10 exception); the page
        # itself never does.
        assert no_horizontal_scroll(page), path
        # Nothing is clipped: no element with text hides its overflow.
        clipped = page.evaluate(
            """() => [...document.querySelectorAll('main *')]
                .filter(el => el.scrollWidth > el.clientWidth + 2
                    && ['hidden', 'clip'].includes(getComputedStyle(el).overflowX)
                    && el.textContent.trim().length > 0
                    && !el.closest('.table-responsive, .hp-field, svg'))
                .map(el => el.tagName + '.' + el.className)"""
        )
        assert clipped == [], f"{path}: {clipped}"
