"""An intake coordinator's morning: find a response, read it, update it, leave a note."""

import pytest

from programs.models import AuditEntry, ContactRequest, Response, StaffNote
from tests.browser.conftest import run_axe, screenshot
from tests.browser.helpers import second_step
from tests.factories.intake import PASSWORD, intake_user, make_user
from tests.factories.questionnaire import answers
from tests.factories.two_factor import app_device

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, user) -> None:
    app_device(user)  # set up before: tests/browser/test_two_factor.py sets one up by hand
    page.goto(page.base + "/admin/login/?next=/admin/")
    page.fill("input[name=username]", user.get_username())
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit], button[type=submit]")
    second_step(page, user)


def test_intake_staff_find_view_update_and_note_a_response(page, browser, live_server):
    stored = Response.objects.record(
        answers(for_whom="someone_else", control="hard_some_days", substances=["alcohol"])
    )
    Response.objects.record(answers())  # another response in the queue
    ContactRequest.objects.create(response=stored, consent=True, name="Rosa", phone="555 010 3344")
    staff = intake_user()
    sign_in(page, staff)
    assert "/admin/" in page.url

    page.goto(page.base + "/admin/intake/")
    page.fill("input[name=q]", stored.reference_code)
    with page.expect_navigation():
        page.press("input[name=q]", "Enter")
    rows = page.locator("#content-main table tbody tr")
    assert rows.count() == 1
    with page.expect_navigation():
        page.click(f"text={stored.reference_code}")
    detail = page.inner_text("#content")
    # Answers as the person saw them, not raw keys.
    assert "How often do they use?" in detail or "How often is the substance used?" in detail
    assert "Every day or almost every day" in detail or "Every week" in detail
    assert "Rosa" in detail
    screenshot(page, "journey4-detail")

    page.select_option("select[name=status]", "contacted")
    with page.expect_navigation():
        page.click("text=Save")
    assert ContactRequest.objects.get().status == "contacted"

    page.fill("textarea[name=text]", "Left a voicemail; will try again at 5 p.m.")
    with page.expect_navigation():
        page.click("text=Add note")
    assert StaffNote.objects.get().text.startswith("Left a voicemail")
    assert "Left a voicemail" in page.inner_text("#timeline")

    viewed = AuditEntry.objects.filter(
        action="viewed", reference_codes__contains=stored.reference_code
    )
    assert viewed.exists()
    assert viewed.first().actor_name == staff.get_username()

    # A superuser reads the access log and sees the view.
    admin_context = browser.new_context()
    admin_page = admin_context.new_page()
    admin_page.base = live_server.url
    sign_in(admin_page, make_user(superuser=True))
    admin_page.goto(admin_page.base + "/admin/programs/auditentry/")
    log = admin_page.inner_text("#content")
    assert stored.reference_code in log
    assert staff.get_username() in log
    screenshot(admin_page, "journey4-access-log")
    admin_context.close()


def test_admin_pages_intake_staff_use_are_accessible(axe_page):
    stored = Response.objects.record(answers(control="hard_some_days"))
    ContactRequest.objects.create(response=stored, consent=True, name="Ana", phone="5550101")
    sign_in(axe_page, intake_user())
    findings = {}
    for name, path in {
        "admin-index": "/admin/",
        "admin-workspace": "/admin/intake/",
        "admin-response-detail": f"/admin/programs/response/{stored.pk}/change/",
    }.items():
        axe_page.goto(axe_page.base + path)
        violations = run_axe(axe_page)
        screenshot(axe_page, f"desktop-{name}")
        if violations:
            findings[name] = violations
    # The intake pages (Django's admin plus our templates) pass the same WCAG 2.1 A/AA
    # rules as the public site.
    assert findings == {}
