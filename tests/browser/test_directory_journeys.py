"""The program directory, as a family member looking for options would use it."""

import pytest
from django.core.management import call_command

from programs.models import ListingReport, Program
from tests.browser.conftest import run_axe, screenshot
from tests.browser.helpers import no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_programs():
    call_command("load_demo_data", verbosity=0)
    return Program.objects.count()


def test_filter_compare_and_report_a_listing_problem(page, demo_programs):
    assert demo_programs >= 30
    page.goto(page.base + "/programs/")
    page.check('input[name="level"][value="iop"]')
    page.check('input[name="schedule"][value="evening"]')
    page.check('input[name="payment"][value="medicaid"]')
    with page.expect_navigation():
        page.click("text=Show programs")
    assert "level=iop" in page.url
    assert "schedule=evening" in page.url
    assert "payment=medicaid" in page.url
    cards = page.locator('input[name="ids"]')
    assert cards.count() >= 2
    expected = Program.objects.filter(level__slug="iop").count()
    assert cards.count() <= expected
    screenshot(page, "journey5-filtered")

    cards.nth(0).check()
    cards.nth(1).check()
    with page.expect_navigation():
        page.locator("text=Compare selected").first.click()
    assert "/programs/compare/" in page.url
    columns = page.locator("table thead th[scope=col]")
    assert columns.count() == 2
    screenshot(page, "journey5-compare")

    page.locator("table thead th[scope=col] a").first.click()
    page.wait_for_load_state("domcontentloaded")
    program_url = page.url
    page.click("text=Report a problem with this listing")
    page.check('input[name="kind"][value="wrong_phone"]')
    page.fill("textarea[name=details]", "The number rings a fax machine.")
    with page.expect_navigation():
        page.click("text=Send report")
    assert page.url.split("#")[0] == program_url.split("#")[0]
    assert "Thank" in page.inner_text("main")
    report = ListingReport.objects.get()
    assert report.kind == "wrong_phone"
    assert report.details == "The number rings a fax machine."


def test_directory_pages_are_accessible_and_fit_a_phone(axe_page, phone_page, demo_programs):
    program = Program.objects.order_by("pk").first()
    other = Program.objects.order_by("pk").last()
    pages = {
        "directory": "/programs/",
        "directory-filtered": "/programs/?level=iop&schedule=evening&payment=medicaid",
        "directory-empty": "/programs/?level=inpatient&population=adolescents&location=99999",
        "program-detail": program.get_absolute_url(),
        "program-compare": f"/programs/compare/?ids={program.pk}&ids={other.pk}",
        "program-compare-bad": "/programs/compare/?ids=abc",
    }
    failures = {}
    for name, path in pages.items():
        axe_page.goto(axe_page.base + path)
        violations = run_axe(axe_page)
        if violations:
            failures[name] = violations
        phone_page.goto(phone_page.base + path)
        assert no_horizontal_scroll(phone_page), f"{name} scrolls sideways on a phone"
        screenshot(phone_page, f"phone-{name}")
        screenshot(axe_page, f"desktop-{name}")
    assert failures == {}
