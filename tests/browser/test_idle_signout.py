"""The idle sign-out, as a coordinator meets it: a warning a minute ahead, "Stay signed
in", and a typed note that survives the sign-out and comes back after signing in again.

The idle limit is set to 70 seconds for the live server (the `settings` fixture changes
the one process both run in), so the warning comes 10 seconds after a page loads.
"""

from __future__ import annotations

import time

import pytest

from programs.models import ContactRequest, NoteDraft, Response, StaffNote
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, run_axe, screenshot
from tests.browser.helpers import no_horizontal_scroll, second_step
from tests.factories.intake import PASSWORD, intake_user
from tests.factories.questionnaire import answers
from tests.factories.two_factor import app_device

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

IDLE = 70
NOTE = "Caller asked us to ring after 5 p.m.; voicemail is safe."
CALL_NOTE = "No answer, tried twice."


def sign_in(page, user, path: str) -> None:
    app_device(user)  # set up before: tests/browser/test_two_factor.py sets one up by hand
    if "/admin/login/" not in page.url:
        page.goto(page.base + "/admin/login/?next=" + path)
    page.fill("input[name=username]", user.get_username())
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit], button[type=submit]")
    second_step(page, user)


def viewport_shot(page, name: str) -> None:
    """What the screen shows (the dialog sits over the viewport, not the whole page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def wait_for(condition, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.25)
    return condition()


@pytest.fixture
def stored():
    response = Response.objects.record(answers(control="hard_some_days"))
    ContactRequest.objects.create(response=response, consent=True, name="Ana", phone="5550101")
    return response


def test_warning_stay_signed_in_and_a_note_kept_over_the_sign_out(page, settings, stored):
    settings.STAFF_SESSION_IDLE_SECONDS = IDLE
    staff = intake_user()
    detail = f"/admin/programs/response/{stored.pk}/change/"
    sign_in(page, staff, detail)
    assert page.url.endswith(detail)

    warning = page.locator("#staff-session-warning")
    assert warning.is_hidden()
    warning.wait_for(state="visible", timeout=15_000)
    assert warning.get_attribute("role") == "alertdialog"
    assert "You will be signed out in 1 minute because of inactivity" in warning.inner_text()
    # Focus is on "Stay signed in", and the keyboard works it.
    assert page.evaluate("document.activeElement.textContent") == "Stay signed in"
    viewport_shot(page, "idle-warning-desktop")
    page.set_viewport_size(PHONE)
    box = warning.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]
    assert no_horizontal_scroll(page)
    viewport_shot(page, "idle-warning-phone")
    page.set_viewport_size(DESKTOP)
    page.keyboard.press("Enter")
    warning.wait_for(state="hidden", timeout=5_000)
    stayed_at = time.monotonic()
    # The warning stays away: the server recorded activity just now.
    time.sleep(3)
    assert warning.is_hidden()

    # Type in both note boxes; drafts are saved a few seconds after the last key.
    page.fill("#note_text", NOTE)
    page.fill("#call_note", CALL_NOTE)
    assert wait_for(lambda: NoteDraft.objects.count() == 2)
    assert NoteDraft.objects.get(box="note").text == NOTE
    assert NoteDraft.objects.get(box="call").user == staff

    # Nothing more is done (the draft saves are no activity): the warning comes back a
    # minute before the end, then the sign-out and its message; not before the idle time
    # counted from "Stay signed in".
    warning.wait_for(state="visible", timeout=IDLE * 1000)
    page.wait_for_url("**/admin/login/**", timeout=(IDLE + 10) * 1000)
    assert time.monotonic() - stayed_at >= IDLE - 2
    assert "You were signed out after 1 minute 10 seconds without activity." in page.inner_text(
        "#content-start"
    )
    screenshot(page, "idle-signed-out")

    # Signing in again brings the page back with both notes in their boxes.
    sign_in(page, staff, detail)
    assert page.url.endswith(detail)
    assert page.input_value("#note_text") == NOTE
    assert page.input_value("#call_note") == CALL_NOTE
    notices = page.locator(".intake-draft-notice")
    assert notices.count() == 2
    assert "Restored your unsaved note from " in notices.first.inner_text()
    page.locator("#calls").scroll_into_view_if_needed()
    viewport_shot(page, "idle-draft-restored-desktop")
    page.set_viewport_size(PHONE)
    assert no_horizontal_scroll(page)
    page.locator("#draft-notice-call").scroll_into_view_if_needed()
    viewport_shot(page, "idle-draft-restored-phone")
    page.set_viewport_size(DESKTOP)

    # Saving the note deletes its draft; discarding the call's draft deletes that one.
    with page.expect_navigation():
        page.click("text=Add note")
    assert StaffNote.objects.get().text == NOTE
    assert list(NoteDraft.objects.values_list("box", flat=True)) == ["call"]
    with page.expect_navigation():
        page.locator("#draft-notice-call button").click()
    assert not NoteDraft.objects.exists()
    assert page.input_value("#call_note") == ""
    assert "Draft discarded." in page.inner_text("#content-start")


def test_at_the_overall_limit_the_warning_says_it_cannot_be_extended(page, settings, stored):
    settings.STAFF_SESSION_MAX_SECONDS = IDLE
    staff = intake_user()
    sign_in(page, staff, "/admin/")
    warning = page.locator("#staff-session-warning")
    warning.wait_for(state="visible", timeout=15_000)
    text = warning.inner_text()
    assert "limit of 1 minute 10 seconds and cannot be extended" in text
    assert page.locator("[data-staff-session-stay]").is_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Close"
    page.set_viewport_size(PHONE)
    viewport_shot(page, "idle-limit-phone")
    page.keyboard.press("Escape")
    warning.wait_for(state="hidden", timeout=5_000)


def test_the_warning_is_accessible(axe_page, settings, stored):
    settings.STAFF_SESSION_IDLE_SECONDS = 61
    sign_in(axe_page, intake_user(), f"/admin/programs/response/{stored.pk}/change/")
    axe_page.locator("#staff-session-warning").wait_for(state="visible", timeout=15_000)
    assert run_axe(axe_page) == []
