"""Two-factor sign-in as a new coordinator meets it: password, set up an authenticator app
from the page (the key read off the screen, codes computed as an app would), the
recovery codes, sign out, and back in with a code to the workspace."""

from __future__ import annotations

import time
from base64 import b32decode

import pytest

from tests.browser.conftest import DESKTOP, PHONE, run_axe, screenshot
from tests.browser.helpers import no_horizontal_scroll
from tests.factories.intake import PASSWORD, intake_user
from tests.factories.two_factor import app_device, code_at

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STEP = 30


def now_step() -> int:
    return int(time.time()) // STEP


def password(page, user, next_path: str) -> None:
    page.goto(page.base + f"/admin/login/?next={next_path}")
    page.fill("input[name=username]", user.get_username())
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")


def key_on_the_page(page) -> bytes:
    text = page.inner_text("#two-factor-secret").replace(" ", "")
    return b32decode(text + "=" * (-len(text) % 8))


def both_sizes(page, name: str) -> None:
    page.set_viewport_size(PHONE)
    assert no_horizontal_scroll(page)
    screenshot(page, f"{name}-phone")
    page.set_viewport_size(DESKTOP)
    screenshot(page, f"{name}-desktop")


def test_set_up_an_app_then_sign_in_with_a_code(page):
    staff = intake_user()
    password(page, staff, "/admin/intake/")
    assert "/admin/two-factor/set-up/" in page.url
    assert page.locator("h1").inner_text() == "Set up two-factor sign-in"
    qr = page.locator("svg.two-factor-qr")
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box is not None
    assert box["width"] >= 150
    # Nothing on the page came from another host.
    sources = page.evaluate(
        "[...document.querySelectorAll('[src],[href]')].map(e => e.src || e.href)"
    )
    assert all(s.startswith(page.base) or not s.startswith("http") for s in sources)
    both_sizes(page, "two-factor-set-up")

    # The key as the page shows it, typed into "an app": its code finishes the set-up.
    key = key_on_the_page(page)
    used = now_step()
    page.fill("input[name=code]", code_at(key, used))
    with page.expect_navigation():
        page.click("input[type=submit][value='Check the code and finish']")
    assert page.locator("h1").inner_text() == "Your recovery codes"
    codes = page.locator("#recovery-codes li").all_inner_texts()
    assert len(codes) == 10
    assert "They are shown only this once." in page.inner_text("#content")
    both_sizes(page, "two-factor-recovery-codes")
    with page.expect_navigation():
        page.click("text=I have saved them: continue")
    assert page.url.endswith("/admin/intake/")

    # Sign out, and in again: the password, then a code.
    with page.expect_navigation():
        page.click("#logout-form button")
    password(page, staff, "/admin/intake/")
    assert "/admin/two-factor/code/" in page.url
    assert "Enter the 6-digit code from your authenticator app" in page.inner_text("#content")
    both_sizes(page, "two-factor-code")
    # A code works once: the next one the app shows (the next 30 seconds' is accepted too).
    page.fill("input[name=code]", code_at(key, max(now_step(), used + 1)))
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    assert page.url.endswith("/admin/intake/")
    assert page.locator("h1").inner_text() == "Intake workspace"
    assert page.locator("#user-tools >> text=Recovery codes").is_visible()


def test_the_code_page_with_an_error_is_accessible(axe_page):
    staff = intake_user()
    app_device(staff)
    password(axe_page, staff, "/admin/")
    assert "/admin/two-factor/code/" in axe_page.url
    axe_page.fill("input[name=code]", "12")
    with axe_page.expect_navigation():
        axe_page.get_by_role("button", name="Sign in").click()
    assert "Enter the 6 digits your app shows" in axe_page.inner_text("#content")
    assert run_axe(axe_page) == []
