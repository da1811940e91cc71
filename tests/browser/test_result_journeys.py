"""Issue #14 in a real browser: a forgiving questionnaire, and a findable, kind result page."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import run_axe, screenshot
from tests.browser.helpers import CALM_PICKS, answer_questionnaire, no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DRAFT_KEY = "iop-guide-questionnaire-draft"


def checked(page, name: str) -> list[str]:
    return page.eval_on_selector_all(
        f'input[name="{name}"]:checked', "inputs => inputs.map(i => i.value)"
    )


def submit(page) -> None:
    with page.expect_navigation():
        page.click("button[type=submit]")


@pytest.mark.parametrize(
    ("path", "question"),
    [
        ("/questionnaire/", "Who are you answering for?"),
        ("/es/questionnaire/", None),
    ],
)
def test_blank_submit_lists_each_question_once(page, path, question):
    page.goto(page.base + path)
    submit(page)
    # Post/Redirect/Get: the errors come from a GET of the same page.
    assert page.url == page.base + path
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    links = summary.locator("a").all_inner_texts()
    assert len(links) == len(set(links)) >= 10
    first = links[0]
    # One wording, not three run together.
    assert first.count("?") == 1, first
    if question:
        assert first == question
    screenshot(page, f"issue14-errors{'-es' if path.startswith('/es/') else ''}-desktop")
    # Reloading the page after the errors neither resubmits nor fails.
    page.reload()
    assert page.url == page.base + path


def test_error_summary_follows_for_whom_on_a_phone(phone_page):
    page = phone_page
    page.goto(page.base + "/questionnaire/")
    page.check('input[name="for_whom"][value="someone_else"]')
    page.check('input[name="substances"][value="alcohol"]')
    submit(page)
    text = page.inner_text("#error-summary")
    assert "How often do they use?" in text
    assert "How often do you use?" not in text
    # The answers given are ticked again.
    assert checked(page, "for_whom") == ["someone_else"]
    assert checked(page, "substances") == ["alcohol"]
    assert no_horizontal_scroll(page)
    summary_shot, actions_shot = (
        screenshot(page, name) for name in ("issue14-errors-phone", "issue14-actions-phone")
    )
    page.locator("#error-summary").screenshot(path=str(summary_shot))
    page.locator(".questionnaire-actions").screenshot(path=str(actions_shot))


def test_reload_and_back_keep_the_answers_and_start_again_clears_them(page):
    page.goto(page.base + "/questionnaire/")
    page.check('input[name="for_whom"][value="self"]')
    page.check('input[name="substances"][value="opioids"]')
    page.check('input[name="frequency"][value="daily"]')
    page.reload()
    assert checked(page, "for_whom") == ["self"]
    assert checked(page, "substances") == ["opioids"]
    assert checked(page, "frequency") == ["daily"]
    # The "you" wording follows the restored answer.
    assert page.is_visible("text=How often do you use?")
    page.goto(page.base + "/levels/")
    page.go_back()
    assert checked(page, "substances") == ["opioids"]
    # Nothing was sent to the server on the way.
    assert "/questionnaire/" in page.url
    with page.expect_navigation():
        page.click("[data-start-again]")
    assert checked(page, "for_whom") == []
    assert checked(page, "substances") == []
    assert page.evaluate(f"sessionStorage.getItem('{DRAFT_KEY}')") in (None, "{}")
    page.reload()
    assert checked(page, "substances") == []


def test_a_successful_submit_clears_the_draft(page):
    answer_questionnaire(page)
    assert "/results/" in page.url
    assert page.evaluate(f"sessionStorage.getItem('{DRAFT_KEY}')") is None
    page.go_back()
    # Back from the result: no "Confirm Form Resubmission", the questionnaire page again.
    assert page.url.endswith("/questionnaire/")


def test_result_top_offers_talk_to_someone_and_crisis_help_once_on_a_phone(phone_page):
    page = phone_page
    answer_questionnaire(page, control="hard_some_days")
    talk = page.locator(".result-level >> text=Talk to someone")
    assert talk.is_visible()
    # Within the first screen and a half, not five and a half screens down.
    assert talk.bounding_box()["y"] < 844 * 1.5
    assert page.locator(".crisis-help").count() == 1
    assert page.locator("h2", has_text="If things get worse").count() == 0
    assert page.is_visible("text=What an IOP involves")
    assert no_horizontal_scroll(page)
    screenshot(page, "issue14-result-phone")
    # What a person sees first, without scrolling.
    first, keep = (screenshot(page, name) for name in ("issue14-phone-top", "issue14-phone-keep"))
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(first))
    page.locator(".keep-result").screenshot(path=str(keep))


def test_result_page_passes_axe(axe_page):
    page = axe_page
    answer_questionnaire(page, control="hard_some_days", substances=["opioids"])
    assert run_axe(page) == []
    screenshot(page, "issue14-result-desktop")


def test_copy_link_copies_the_private_link(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    answer_questionnaire(page)
    result_url = page.url
    assert page.input_value("#result-link") == result_url
    page.click("[data-copy-link]")
    page.wait_for_function("document.getElementById('copy-status').textContent.length > 0")
    assert page.inner_text("#copy-status") == "Link copied."
    assert page.evaluate("navigator.clipboard.readText()") == result_url


def test_without_javascript_the_link_can_still_be_selected(browser, live_server, settings):
    settings.RATELIMIT_ENABLED = False
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.base = live_server.url
    answer_questionnaire(page)
    assert page.is_visible("#result-link")
    assert not page.is_visible("[data-copy-link]")
    assert page.input_value("#result-link") == page.url
    context.close()


def test_delete_my_answers_confirms_then_deletes_and_the_link_is_gone(axe_page):
    page = axe_page
    answer_questionnaire(page)
    result_url = page.url
    page.click("text=Delete my answers now")
    assert page.inner_text("h1") == "Delete your answers?"
    assert run_axe(page) == []
    screenshot(page, "issue14-delete-confirm-desktop")
    with page.expect_navigation():
        page.click("text=Yes, delete my answers")
    assert page.url.endswith("/results/deleted/")
    assert page.inner_text("h1") == "Your answers were deleted"
    assert run_axe(page) == []
    screenshot(page, "issue14-deleted-desktop")
    gone = page.goto(result_url)
    assert gone.status == 404
    assert page.inner_text("h1") == "These answers are gone"
    assert run_axe(page) == []
    # Back to the confirmation and pressing delete again: the same clear page, no error.
    page.go_back()
    page.go_back()
    if page.is_visible("text=Yes, delete my answers"):
        with page.expect_navigation():
            page.click("text=Yes, delete my answers")
        assert page.inner_text("h1") == "These answers are gone"


def test_delete_pages_on_a_phone(phone_page):
    page = phone_page
    answer_questionnaire(page)
    page.click("text=Delete my answers now")
    assert no_horizontal_scroll(page)
    screenshot(page, "issue14-delete-confirm-phone")
    with page.expect_navigation():
        page.click("text=Yes, delete my answers")
    screenshot(page, "issue14-deleted-phone")


def test_parent_for_a_teen_reads_your_answers_and_school_notes(page):
    answer_questionnaire(
        page,
        for_whom="someone_else",
        age_group="adolescent",
        mood="severe",
        hours_available="under_9",
    )
    main = page.inner_text("main")
    assert "Your answers suggest" in main
    assert "Their answers" not in main
    assert "school" in main
    assert "family sessions" in main
    assert "childcare" not in main
    assert "Each bar shows how much the answers in one area point to more care" in main
    screenshot(page, "issue14-parent-teen-desktop")


def test_result_to_programs_adds_no_filters_the_person_did_not_choose(page):
    answer_questionnaire(
        page, control="hard_some_days", substances=["opioids"], mood="some", telehealth="yes"
    )
    with page.expect_navigation():
        page.click(".result-level >> text=See example programs at this level")
    assert re.search(r"/programs/\?level=iop$", page.url), page.url
    page.go_back()
    suggestions = page.locator(".filter-suggestions a")
    assert suggestions.count() >= 2
    assert all("level=iop" in href for href in suggestions.evaluate_all("a => a.map(x => x.href)"))


@pytest.mark.parametrize("path", ["/questionnaire/", "/es/questionnaire/"])
def test_printed_summary_has_a_header_the_answers_and_at_most_two_pages(page, path):
    answer_questionnaire(
        page,
        path=path,
        frequency="daily",
        substances=["alcohol", "opioids"],
        withdrawal="moderate",
        mood="some",
        telehealth="yes",
    )
    page.emulate_media(media="print")
    meta = page.inner_text(".result-meta")
    assert "IOP Guide" in meta
    assert page.is_visible(".result-meta .reference-code")
    assert page.is_visible(".your-answers")
    assert page.locator(".answers-row").count() >= 15
    assert not page.is_visible(".keep-result")
    assert not page.is_visible(".talk-action")
    # Crisis help prints once.
    visible_crisis = page.eval_on_selector_all(
        ".crisis-help", "els => els.filter(e => e.offsetParent !== null).length"
    )
    assert visible_crisis == 1
    pdf = page.pdf(format="Letter")
    name = f"issue14-print{'-es' if path.startswith('/es/') else ''}"
    screenshot(page, name).with_suffix(".pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"the summary printed on {pages} pages"


def test_every_calm_answer_is_listed_in_the_answers(page):
    answer_questionnaire(page)
    rows = page.locator(".answers-row").count()
    # Every question, including "in danger now" answered by ticking nothing.
    assert rows == len(CALM_PICKS) + 1
    assert page.is_visible(".answers-row >> text=None of these")
