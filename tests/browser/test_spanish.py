"""A Spanish-speaking family member's visit, in a real browser: the site comes up in
Spanish, the questionnaire ends with Spanish reasons, and English is one link away."""

from __future__ import annotations

import pytest

from programs.models import Response
from tests.browser.conftest import PHONE, _open, run_axe, screenshot
from tests.browser.helpers import answer_questionnaire, no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SPANISH_PAGES = {
    "es-home": "/es/",
    "es-level-iop": "/es/levels/iop/",
    "es-compare": "/es/compare/",
    "es-questionnaire": "/es/questionnaire/",
    "es-withdrawal": "/es/withdrawal-management/",
    "es-programs": "/es/programs/",
}


@pytest.fixture
def spanish_phone(browser, live_server, settings):
    """A phone whose browser prefers Spanish (it sends Accept-Language: es-US)."""
    settings.RATELIMIT_ENABLED = False
    context, page = _open(
        browser, live_server, viewport=PHONE, is_mobile=True, has_touch=True, locale="es-US"
    )
    yield page
    assert page.csp_errors == [], "the page broke its own Content-Security-Policy"
    context.close()


def test_a_spanish_browser_gets_the_site_and_the_questionnaire_in_spanish(spanish_phone):
    page = spanish_phone
    page.goto(page.base + "/")
    assert page.url == page.base + "/es/"
    assert page.get_attribute("html", "lang") == "es"
    assert "Encuentre el nivel de atención" in page.inner_text("h1")
    page.click("text=Empezar las preguntas")
    assert page.url.endswith("/es/questionnaire/")
    page.check('input[name="for_whom"][value="someone_else"]')
    # The questions switch to "la persona" once the reader answers for someone else.
    assert page.is_visible("text=¿Con qué frecuencia consume la persona?")
    answer_questionnaire(
        page,
        path="/es/questionnaire/",
        for_whom="someone_else",
        control="hard_some_days",
        substances=["alcohol"],
        frequency="daily",
        withdrawal="mild",
    )
    stored = Response.objects.get()
    assert stored.language == "es"
    assert page.url == page.base + f"/es/results/{stored.public_token}/"
    heading = page.inner_text("h1")
    assert "Un nivel de atención para hablar con un profesional de la salud" in heading
    why = page.inner_text("section[aria-labelledby=why]")
    assert "La persona" in why
    assert no_horizontal_scroll(page)
    screenshot(page, "phone-es-result")

    # One tap to English: same result page, English reasons, and the choice sticks.
    page.click("a.lang-switch-link")
    assert page.url == page.base + f"/results/{stored.public_token}/"
    assert page.get_attribute("html", "lang") == "en"
    assert "A level of care to discuss with a clinician" in page.inner_text("h1")
    assert "They" in page.inner_text("section[aria-labelledby=why]")
    page.goto(page.base + "/")
    assert page.url == page.base + "/"


def test_spanish_pages_fit_a_phone(spanish_phone):
    for name, path in SPANISH_PAGES.items():
        spanish_phone.goto(spanish_phone.base + path)
        assert no_horizontal_scroll(spanish_phone), f"{name} scrolls sideways on a phone"
        assert spanish_phone.is_visible("a.lang-switch-link"), name
        screenshot(spanish_phone, f"phone-{name}")


def test_spanish_pages_have_no_wcag_a_or_aa_violations(axe_page):
    failures = {}
    for name, path in SPANISH_PAGES.items():
        axe_page.goto(axe_page.base + path)
        violations = run_axe(axe_page)
        if violations:
            failures[name] = violations
    assert failures == {}
