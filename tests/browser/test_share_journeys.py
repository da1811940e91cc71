"""Sharing a result safely: clear phone errors, message choices, staff read them first."""

import pytest

from programs.models import ContactRequest, ListingReport, Response
from tests.browser.conftest import DESKTOP, PHONE, run_axe, screenshot
from tests.browser.helpers import no_horizontal_scroll
from tests.browser.test_intake_journey import sign_in
from tests.factories.directory import make_program
from tests.factories.intake import intake_user
from tests.factories.questionnaire import answers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def share_url(page, stored: Response, language: str = "") -> str:
    prefix = "/es" if language == "es" else ""
    return f"{page.base}{prefix}/results/{stored.public_token}/share/"


def fill_share(page, *, phone: str, consent: bool = True) -> None:
    page.fill("input[name=name]", "Sam")
    page.fill("input[name=phone]", phone)
    if consent:
        page.check("input[name=consent]")


def submit(page) -> None:
    with page.expect_navigation():
        page.click("button[type=submit].btn-primary")


@pytest.mark.parametrize("language", ["", "es"])
def test_a_phone_number_without_area_code_is_refused_clearly(phone_page, language):
    page = phone_page
    stored = Response.objects.record(answers())
    page.goto(share_url(page, stored, language))
    fill_share(page, phone="555-0199")
    submit(page)
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert "(212) 555-0199" in summary.inner_text()  # the example says what to type
    assert "contact_phone_or_email" not in page.content()
    # Post/Redirect/Get: the page is a GET, so reloading never asks to resubmit.
    assert page.url == share_url(page, stored, language)
    assert page.input_value("input[name=phone]") == "555-0199"
    assert no_horizontal_scroll(page)
    screenshot(page, f"share-phone-error-{language or 'en'}-phone")
    page.reload()
    assert page.locator("#error-summary").count() == 0
    assert not ContactRequest.objects.exists()


def test_a_share_with_voicemail_and_text_preferences(page):
    stored = Response.objects.record(answers())
    page.goto(share_url(page, stored))
    screenshot(page, "share-form-desktop")
    fill_share(page, phone="1-212-555-0199")
    page.check("input[name=voicemail_ok]")
    page.fill("input[name=safe_times]", "Weekdays after 6 p.m.")
    submit(page)
    assert "/shared/" in page.url
    text = page.inner_text("main")
    assert "(212) 555-0199" in text
    assert "OK to leave a voicemail" in text
    assert "We won't send a text" in text
    assert page.get_attribute(".share-summary a[href^='tel:']", "href") == "tel:+1-212-555-0199"
    screenshot(page, "share-done-desktop")
    page.set_viewport_size(PHONE)
    assert no_horizontal_scroll(page)
    screenshot(page, "share-done-phone")
    contact = ContactRequest.objects.get()
    assert (contact.phone, contact.voicemail_ok, contact.text_ok) == ("+12125550199", True, False)
    assert contact.safe_times == "Weekdays after 6 p.m."
    # A second press of Back and submit does not share twice.
    page.go_back()
    if "/share/" in page.url:
        page.reload()
    assert "/shared/" in page.url
    assert ContactRequest.objects.count() == 1


def test_staff_see_the_safe_contact_preferences_first(page):
    stored = Response.objects.record(answers())
    page.goto(share_url(page, stored))
    fill_share(page, phone="(212) 555-0199")
    page.check("input[name=text_ok]")
    page.fill("input[name=safe_times]", "Not at weekends")
    submit(page)
    page.context.clear_cookies()
    sign_in(page, intake_user())
    page.goto(f"{page.base}/admin/programs/response/{stored.pk}/change/")
    side = page.inner_text(".intake-side")
    assert side.index("Before you contact them") < side.index("Sam")
    assert "Do not leave a voicemail" in side
    assert "OK to send a text" in side
    assert "Not at weekends" in side
    assert page.get_attribute(".intake-side a[href^='tel:']", "href") == "tel:+1-212-555-0199"
    screenshot(page, "share-staff-detail-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, "share-staff-detail-phone")
    page.set_viewport_size(DESKTOP)
    page.goto(f"{page.base}/admin/intake/")
    assert "texts OK" in page.inner_text("#content-main table")
    screenshot(page, "share-staff-workspace-desktop")


@pytest.mark.parametrize("language", ["", "es"])
def test_share_form_with_errors_and_share_done_are_accessible(axe_page, language):
    page = axe_page
    stored = Response.objects.record(answers())
    page.goto(share_url(page, stored, language))
    fill_share(page, phone="212 555", consent=False)
    submit(page)
    assert page.locator("#error-summary").is_visible()
    assert run_axe(page) == []
    screenshot(page, f"share-errors-{language or 'en'}-desktop")
    page.fill("input[name=phone]", "(212) 555-0199")
    page.check("input[name=consent]")
    submit(page)
    assert "/shared/" in page.url
    assert run_axe(page) == []
    sign_in(page, intake_user())
    page.goto(f"{page.base}/admin/programs/response/{stored.pk}/change/")
    assert run_axe(page) == []


@pytest.mark.parametrize(("viewport", "name"), [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_a_failed_listing_report_comes_back_by_get_with_its_errors(axe_page, viewport, name):
    page = axe_page
    page.set_viewport_size(viewport)
    program = make_program()
    page.goto(page.base + program.get_absolute_url())
    page.click("text=Report a problem with this listing")
    page.check("input[name=kind][value=other]")
    page.fill("textarea[name=details]", "   ")
    with page.expect_navigation():
        page.click("text=Send report")
    assert page.url.endswith(f"{program.get_absolute_url()}#report")
    assert "Tell us what is wrong" in page.inner_text("#report")
    assert page.is_checked("input[name=kind][value=other]")
    assert run_axe(page) == []
    page.locator("#report").scroll_into_view_if_needed()
    screenshot(page, f"report-errors-{name}")
    page.reload()  # a GET: no "resubmit the form?" question, and the errors are gone
    assert "Tell us what is wrong" not in page.inner_text("#report")
    assert not ListingReport.objects.exists()
