"""A coordinator's morning in the intake workspace, end to end in Chromium (issue #16).

Sign in, see the crisis first, acknowledge it, find a caller by the phone number as they
said it, log "voicemail left" with a callback tomorrow at 10:00 in one save, "Save and
next" to the next item of the same list; then the access log holds the reads and the
search, the search only as a digest.
"""

from datetime import datetime, time, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from programs.intake.audit import query_digest
from programs.models import AuditEntry, CallAttempt, ContactRequest, Response
from tests.browser.conftest import screenshot
from tests.browser.test_intake_journey import sign_in
from tests.factories.intake import intake_user, make_response, share

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_AS_SAID = "(212) 555-0199"


def test_a_coordinator_works_the_queue_from_crisis_to_save_and_next(page):
    # Maria answered twice from the same phone (once for herself, once for her son); a
    # crisis response arrived overnight; other requests wait in the queue.
    older = make_response()
    share(older, name="Maria Lopez", phone="+12125550199", email="")
    newer = make_response(for_whom="someone_else")
    share(newer, name="Maria Lopez", phone="+12125550199", email="maria@example.org")
    for name in ("Sam Reyes", "Dee Park"):
        share(make_response(), name=name, phone="+17185550123")
    crisis = make_response(danger_now=["suicide_plan"])
    share(crisis, name="Alex Kim", phone="+13475550111")
    staff = intake_user(first_name="Ines", last_name="Ruiz")

    sign_in(page, staff)
    with page.expect_navigation():
        page.click("text=Open the intake workspace")
    assert page.url.endswith("/admin/intake/")
    first_row = page.locator("#result_list tbody tr").first
    assert crisis.reference_code in first_row.inner_text()
    assert "crisis" in first_row.inner_text().lower()
    screenshot(page, "coordinator-1-queue")
    # The whole queue fits a 1280-pixel screen: no sideways scrolling to reach a column.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # One click: acknowledged, by whom and when; the crisis stays first.
    with page.expect_navigation():
        first_row.get_by_role("button", name="Acknowledged").click()
    crisis.refresh_from_db()
    assert crisis.crisis_acknowledged_by == staff
    assert crisis.crisis_acknowledged_at is not None
    first_row = page.locator("#result_list tbody tr").first
    assert crisis.reference_code in first_row.inner_text()
    assert "Acknowledged by Ines Ruiz" in first_row.inner_text()

    # The caller lost her code; she gives her number the way people say it.
    page.fill("input[name=q]", PHONE_AS_SAID)
    with page.expect_navigation():
        page.press("input[name=q]", "Enter")
    found = page.locator("#result_list tbody tr")
    assert found.count() == 2
    text = page.inner_text("#result_list tbody")
    assert older.reference_code in text
    assert newer.reference_code in text
    assert "Sam Reyes" not in text
    screenshot(page, "coordinator-2-search")

    # Open the first of the two, in the list's order.
    first_code = found.first.locator("a").first.inner_text().strip()
    second = older if first_code == newer.reference_code else newer
    with page.expect_navigation():
        found.first.locator("a").first.click()
    assert "_changelist_filters" in page.url
    assert first_code in page.inner_text("#content")

    # Voicemail left, call back tomorrow at 10:00, in one save that also moves on.
    tomorrow = (datetime.now(ZoneInfo(settings.TIME_ZONE)) + timedelta(days=1)).date()
    page.check("input[name=outcome][value=voicemail]")
    page.fill("textarea[name=note]", "Left a voicemail with the helpline number.")
    page.fill("input[name=next_callback_0]", tomorrow.isoformat())
    page.fill("input[name=next_callback_1]", "10:00")
    screenshot(page, "coordinator-3-call")
    with page.expect_navigation():
        page.click("button[name=_save_next]")

    call = CallAttempt.objects.get()
    assert call.caller == staff
    assert call.outcome == "voicemail"
    assert call.response.reference_code == first_code
    expected = datetime.combine(tomorrow, time(10, 0), tzinfo=ZoneInfo(settings.TIME_ZONE))
    assert call.next_callback_at == expected
    # The next item of the same search, with the search still on.
    assert second.reference_code in page.inner_text("#content")
    kept = parse_qs(parse_qs(urlsplit(page.url).query)["_changelist_filters"][0])
    assert kept["q"] == [PHONE_AS_SAID]
    screenshot(page, "coordinator-4-next")

    # Back in the list, the same search is still applied.
    with page.expect_navigation():
        page.locator(".breadcrumbs a").last.click()
    assert page.input_value("input[name=q]") == PHONE_AS_SAID
    assert page.locator("#result_list tbody tr").count() == 2

    # The access log: the queue reads, the search as a digest only, the response reads,
    # the acknowledgement and the call.
    entries = AuditEntry.objects.filter(actor=staff)
    digest = query_digest(PHONE_AS_SAID)
    searches = entries.filter(action="viewed", detail__contains=digest)
    assert searches.exists()
    assert set(searches.first().reference_code_list) == {
        older.reference_code,
        newer.reference_code,
    }
    for entry in entries:
        assert PHONE_AS_SAID not in entry.detail
        # Not even part of the number, outside what may hold "555" by chance (the hex
        # digest, reference codes of digits 2-9).
        rest = entry.detail.replace(digest, "")
        for code in entry.reference_code_list:
            rest = rest.replace(code, "")
        assert "555" not in rest, entry.detail
    viewed = {code for e in entries.filter(action="viewed") for code in e.reference_code_list}
    assert {crisis.reference_code, older.reference_code, newer.reference_code} <= viewed
    assert entries.filter(action="crisis_acknowledged").count() == 1
    assert entries.filter(action="call_logged").count() == 1
    assert ContactRequest.objects.count() == 5
    assert Response.objects.count() == 5
