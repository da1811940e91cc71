"""Journeys through the questionnaire, as the people who use it would take them."""

import re

import pytest

from programs.models import ContactRequest, Response
from tests.browser.conftest import screenshot
from tests.browser.helpers import CALM_PICKS, answer_questionnaire

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_parent_answers_for_a_teenager_compares_and_shares(page):
    page.goto(page.base + "/questionnaire/")
    page.check('input[name="for_whom"][value="someone_else"]')
    # Once "someone else" is chosen, the questions speak about "them".
    assert page.is_visible("text=How often do they use?")
    assert not page.is_visible("text=How often do you use?")
    answer_questionnaire(
        page,
        for_whom="someone_else",
        age_group="adolescent",
        control="hard_some_days",
        past_treatment="relapse_after_outpatient",
        frequency="daily",
    )
    assert "/results/" in page.url
    heading = page.inner_text("h1")
    assert "A level of care to discuss with a clinician" in heading
    assert "Intensive outpatient" in heading
    why = page.inner_text("section[aria-labelledby=why]")
    assert re.search(r"\b(They|Their|they|their)\b", why)
    assert not re.search(r"\bYou\b", why)
    screenshot(page, "journey1-result")

    # Compare the suggested level with its neighbours.
    page.click("text=What an IOP involves")
    page.click("text=Compare with neighbouring levels")
    headers = page.locator("table.compare-table thead th").all_inner_texts()
    assert len(headers) == 3
    assert "Intensive outpatient" in " ".join(headers)
    page.go_back()
    page.go_back()

    # Share contact details with consent.
    page.click(".result-level >> text=Talk to someone")
    page.fill("input[name=name]", "Dana")
    page.fill("input[name=phone]", "212 555 4477")
    page.check('input[name="best_time"][value="evening"]')
    page.check("input[name=consent]")
    page.click("text=Share my details")
    assert "Thank you" in page.inner_text("h1")
    code = Response.objects.get().reference_code
    assert code in page.inner_text("main")
    assert ContactRequest.objects.get().name == "Dana"
    screenshot(page, "journey1-shared")


def test_sharing_without_consent_is_refused_and_focus_goes_to_the_errors(page):
    answer_questionnaire(page)
    page.click(".result-level >> text=Talk to someone")
    page.fill("input[name=name]", "Dana")
    page.fill("input[name=phone]", "212 555 4477")
    page.click("text=Share my details")
    assert page.is_visible("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert ContactRequest.objects.count() == 0


def test_adult_prints_a_discussion_summary(page):
    answer_questionnaire(page, frequency="daily", substances=["alcohol"], withdrawal="moderate")
    assert "/results/" in page.url
    page.emulate_media(media="print")
    # Navigation, buttons and the sharing box are not printed; the summary is.
    assert not page.is_visible("header.site-header")
    assert not page.is_visible(".result-actions")
    assert not page.is_visible(".talk-action")
    assert page.is_visible("section[aria-labelledby=why]")
    assert page.is_visible("text=Questions to ask a clinician")
    assert page.is_visible(".reference-code")
    pdf = page.pdf(format="Letter")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"the summary printed on {pages} pages"
    screenshot(page, "journey2-print")


def test_person_in_danger_sees_emergency_steps_first_and_no_level(page):
    answer_questionnaire(page, danger=["overdose_signs"], substances=["opioids"])
    main = page.inner_text("main")
    assert page.inner_text("h1") == "Get help right now"
    assert "911" in main
    assert "naloxone" in main.lower()
    assert "A level of care to discuss" not in main
    first_link = page.locator("main a[href^='tel:']").first.get_attribute("href")
    assert first_link == "tel:911"
    stored = Response.objects.get()
    assert stored.crisis
    assert stored.suggested_level is None
    screenshot(page, "journey3-crisis")


def test_questionnaire_can_be_completed_with_the_keyboard_alone(page):
    page.goto(page.base + "/questionnaire/")
    page.focus("input[name=danger_now]")
    # Tab past the four danger checkboxes without ticking any.
    for _ in range(4):
        page.keyboard.press("Tab")
    # Radio groups: Tab enters a group, arrow keys pick, Space selects.
    order = [k for k in CALM_PICKS if k != "substances"]
    answered = set()
    for _ in range(200):
        name = page.evaluate("document.activeElement.name")
        if name == "substances":
            page.keyboard.press("Space")
            answered.add(name)
            # leave the rest of the checkboxes unticked
            while page.evaluate("document.activeElement.name") == "substances":
                page.keyboard.press("Tab")
            continue
        if name in order and name not in answered:
            page.keyboard.press("Space")
            answered.add(name)
        if page.evaluate("document.activeElement.type") == "submit":
            break
        page.keyboard.press("Tab")
    focused_outline = page.evaluate(
        "getComputedStyle(document.activeElement, ':focus-visible').outlineStyle"
    )
    assert focused_outline != "none"
    assert page.evaluate("document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/results/" in page.url, page.inner_text("#error-summary")
    assert Response.objects.count() == 1


def test_failed_submit_moves_focus_to_the_error_summary(page):
    page.goto(page.base + "/questionnaire/")
    page.check('input[name="for_whom"][value="self"]')
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    summary = page.inner_text("#error-summary")
    assert "Please check" in summary
    # Each error links to its question.
    page.click("#error-summary a >> nth=0")
    assert Response.objects.count() == 0
