"""Logging a call on the response page in one save, and "Save and next" through the queue.

Outcome, note, next callback and status in one POST, all or nothing; permissions; the
access log; tampered, stale and doubled POSTs; the queue's Attempts and Next callback.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from http import HTTPStatus
from urllib.parse import parse_qs, urlencode, urlparse
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from iopguide import middleware
from programs.intake.filters import queue_state
from programs.intake.services import DuplicateCallAttempt, log_call
from programs.models import (
    AppendOnlyError,
    AuditAction,
    AuditEntry,
    CallAttempt,
    CallOutcome,
    ContactRequest,
    ContactRequestChange,
    ContactStatus,
    Response,
)
from tests.factories.intake import content_user, intake_user, make_response, make_user, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

WORKSPACE = "/admin/intake/"


def detail_url(response: Response, filters: str = "") -> str:
    url = reverse("admin:programs_response_change", args=[response.pk])
    return f"{url}?{urlencode({'_changelist_filters': filters})}" if filters else url


def call_url(response: Response) -> str:
    return reverse("admin:programs_response_call", args=[response.pk])


def tomorrow_at_ten() -> tuple[str, str, datetime]:
    zone = ZoneInfo(settings.TIME_ZONE)
    day = (timezone.now().astimezone(zone) + timedelta(days=1)).date()
    return day.isoformat(), "10:00", datetime(day.year, day.month, day.day, 10, tzinfo=zone)


def call_post(response: Response, contact: ContactRequest, /, **overrides) -> dict:
    data = {
        "outcome": CallOutcome.VOICEMAIL,
        "note": "",
        "next_callback_0": "",
        "next_callback_1": "",
        "status": contact.status,
        "expected_status": contact.status,
        "response": str(response.pk),
        "form_token": str(uuid.uuid4()),
        "changelist_filters": "",
        "_save": "Save",
    }
    data.update(overrides)
    return data


def texts(page) -> list[str]:
    return [str(message) for message in get_messages(page.wsgi_request)]


@pytest.fixture
def intake(client, monkeypatch):
    user = intake_user(first_name="Ines", last_name="Intake")
    force_login_verified(client, user)
    monkeypatch.setattr(middleware, "LAST_SEEN_RESOLUTION_SECONDS", 3600)
    client.get(reverse("admin:index"))
    return user


@pytest.fixture
def shared():
    response = make_response()
    return response, share(response)


def nothing_saved(contact: ContactRequest, status: str = ContactStatus.NEW) -> None:
    contact.refresh_from_db()
    assert contact.status == status
    assert not CallAttempt.objects.exists()
    assert not ContactRequestChange.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditAction.CALL_LOGGED).exists()


# -- One save ---------------------------------------------------------------------------


def test_the_page_offers_the_form_with_the_outcomes_and_both_buttons(client, intake, shared):
    response, _contact = shared
    html = client.get(detail_url(response)).content.decode()
    assert "Log a call" in html
    for label in CallOutcome.labels:
        assert label in html
    assert 'name="_save"' in html
    assert 'name="_save_next"' in html
    assert 'type="date"' in html
    assert 'type="time"' in html
    assert "No calls yet" in html


def test_one_save_logs_outcome_note_callback_and_status(client, intake, shared):
    response, contact = shared
    day, time, expected = tomorrow_at_ten()
    data = call_post(
        response,
        contact,
        note="  Left a message with the callback number.  ",
        next_callback_0=day,
        next_callback_1=time,
        status=ContactStatus.IN_PROGRESS,
    )
    page = client.post(call_url(response), data)
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"] == detail_url(response)
    attempt = CallAttempt.objects.get()
    assert attempt.response == response
    assert attempt.caller == intake
    assert attempt.outcome == CallOutcome.VOICEMAIL
    assert attempt.note == "Left a message with the callback number."
    assert attempt.next_callback_at == expected
    contact.refresh_from_db()
    assert contact.status == ContactStatus.IN_PROGRESS
    change = ContactRequestChange.objects.get()
    assert change.changed_by == intake
    entry = AuditEntry.objects.get(action=AuditAction.CALL_LOGGED)
    assert entry.reference_code_list == [response.reference_code]
    assert "Voicemail left" in entry.detail
    assert "In progress" in entry.detail
    # The access log holds no note text.
    assert "message" not in entry.detail
    # The page shows the count, last outcome, next callback and the call in the timeline.
    html = client.get(detail_url(response)).content.decode()
    assert "Call: Voicemail left" in html
    assert "Left a message with the callback number." in html
    assert expected.isoformat() in html or expected.strftime("%Y-%m-%dT%H:%M") in html
    page = client.get(detail_url(response))
    assert page.context["attempt_count"] == 1
    assert page.context["last_attempt"] == attempt


def test_a_call_without_a_status_change_changes_no_status(client, intake, shared):
    response, contact = shared
    client.post(call_url(response), call_post(response, contact, outcome="no_answer"))
    assert CallAttempt.objects.get().outcome == CallOutcome.NO_ANSWER
    assert not ContactRequestChange.objects.exists()
    contact.refresh_from_db()
    assert contact.status == ContactStatus.NEW


def test_every_read_is_still_audited(client, intake, shared):
    response, _contact = shared
    client.get(detail_url(response))
    assert AuditEntry.objects.filter(action=AuditAction.VIEWED).count() == 1


def test_call_attempts_are_append_only_and_go_with_their_response(intake, shared):
    response, contact = shared
    attempt, _changes = log_call(response, by=intake, outcome=CallOutcome.REACHED, note="x")
    attempt.note = "changed"
    with pytest.raises(AppendOnlyError):
        attempt.save()
    with pytest.raises(AppendOnlyError):
        attempt.delete()
    Response.objects.filter(pk=response.pk).delete()
    assert not CallAttempt.objects.exists()


def test_log_call_refuses_an_unknown_outcome(intake, shared):
    response, _contact = shared
    with pytest.raises(ValueError, match="Unknown call outcome"):
        log_call(response, by=intake, outcome="hung_up")
    assert not CallAttempt.objects.exists()


# -- Who may log calls ----------------------------------------------------------------


def test_anonymous_users_are_sent_to_the_login_page(client, shared):
    response, contact = shared
    page = client.post(call_url(response), call_post(response, contact))
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"].startswith(reverse("admin:login"))
    assert not CallAttempt.objects.exists()


@pytest.mark.parametrize("who", ["content", "viewer"])
def test_others_are_refused(client, shared, who):
    response, contact = shared
    if who == "content":
        user = content_user()
    else:
        # May see responses but not change contact requests.
        from django.contrib.auth.models import Permission

        user = make_user()
        user.user_permissions.add(
            Permission.objects.get(codename="view_response", content_type__app_label="programs")
        )
    force_login_verified(client, user)
    page = client.post(call_url(response), call_post(response, contact))
    assert page.status_code == HTTPStatus.FORBIDDEN
    nothing_saved(contact)
    if who == "viewer":
        html = client.get(detail_url(response)).content.decode()
        assert "Log a call" not in html


def test_superusers_may_log_calls(client, shared):
    response, contact = shared
    force_login_verified(client, make_user(superuser=True))
    page = client.post(call_url(response), call_post(response, contact))
    assert page.status_code == HTTPStatus.FOUND
    assert CallAttempt.objects.count() == 1


def test_no_form_and_403_without_a_contact_request(client, intake):
    response = make_response()
    assert "Log a call" not in client.get(detail_url(response)).content.decode()
    data = {"outcome": "reached", "status": "new", "expected_status": "new"}
    assert client.post(call_url(response), data).status_code == HTTPStatus.FORBIDDEN
    assert not CallAttempt.objects.exists()


def test_no_call_form_for_an_email_only_request(client, intake):
    response = make_response()
    contact = share(response, phone="", email="a@example.org")
    assert "Log a call" not in client.get(detail_url(response)).content.decode()
    page = client.post(call_url(response), call_post(response, contact))
    assert page.status_code == HTTPStatus.FOUND
    assert "This person shared no phone number, so there is no call to log." in texts(page)
    nothing_saved(contact)


def test_a_get_goes_back_to_the_page(client, intake, shared):
    response, _contact = shared
    page = client.get(call_url(response))
    assert page.status_code == HTTPStatus.FOUND
    assert not CallAttempt.objects.exists()


# -- Tampered, stale and doubled POSTs ------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"outcome": "hung_up"}, "Choose one of the outcomes listed."),
        ({"outcome": ""}, "Choose how the call went."),
        ({"status": "lost"}, "Select a valid choice"),
        ({"expected_status": "lost"}, "Select a valid choice"),
        ({"next_callback_0": "2020-01-01", "next_callback_1": "10:00"}, "must be in the future"),
        ({"next_callback_0": "not a date", "next_callback_1": "10:00"}, "callback date"),
        ({"next_callback_0": "2099-01-01", "next_callback_1": "25:99"}, "callback time"),
        ({"next_callback_0": "2099-01-01", "next_callback_1": "10:00"}, "within a year"),
        ({"note": "x" * 2001}, "2000 characters or fewer"),
        ({"form_token": "not-a-uuid"}, "valid UUID"),
        ({"form_token": ""}, "required"),
        ({"response": "999999"}, "belongs to another response"),
        ({"response": "abc"}, "whole number"),
        ({"changelist_filters": "https://evil.example/"}, "link back to the queue"),
        ({"changelist_filters": "//evil.example/x"}, "link back to the queue"),
        ({"changelist_filters": "javascript:alert(1)"}, "link back to the queue"),
        ({"changelist_filters": "status=new\r\nLocation: https://evil"}, "link back"),
        ({"changelist_filters": "q=a%0d%0aSet-Cookie:x"}, None),
        ({"changelist_filters": "next=/admin/"}, "link back to the queue"),
    ],
)
def test_bad_input_is_a_clear_400_and_saves_nothing(client, intake, shared, overrides, message):
    response, contact = shared
    data = call_post(response, contact, **{"status": ContactStatus.CONTACTED, **overrides})
    page = client.post(call_url(response), data)
    if message is None:
        # An encoded line break inside a value is only a search; it is re-encoded safely.
        assert page.status_code == HTTPStatus.FOUND
        assert "\r" not in page["Location"]
        assert "\n" not in page["Location"]
        return
    assert page.status_code == HTTPStatus.BAD_REQUEST
    assert message in page.content.decode()
    nothing_saved(contact)


def test_a_form_for_another_response_saves_nothing(client, intake, shared):
    response, contact = shared
    other = make_response()
    other_contact = share(other)
    data = call_post(other, other_contact, status=ContactStatus.CLOSED)
    page = client.post(call_url(response), data)
    assert page.status_code == HTTPStatus.BAD_REQUEST
    nothing_saved(contact)
    nothing_saved(other_contact)


def test_a_stale_status_saves_nothing_and_says_so(client, intake, shared):
    response, contact = shared
    data = call_post(response, contact, status=ContactStatus.CONTACTED, note="Reached them")
    ContactRequest.objects.filter(pk=contact.pk).update(status=ContactStatus.SCHEDULED)
    page = client.post(call_url(response), data)
    assert page.status_code == HTTPStatus.FOUND
    assert any("Someone else changed this contact request" in text for text in texts(page))
    nothing_saved(contact, ContactStatus.SCHEDULED)


def test_a_stale_status_is_refused_even_without_a_status_change(client, intake, shared):
    response, contact = shared
    data = call_post(response, contact)
    ContactRequest.objects.filter(pk=contact.pk).update(status=ContactStatus.CLOSED)
    client.post(call_url(response), data)
    nothing_saved(contact, ContactStatus.CLOSED)


def test_a_double_submit_logs_one_call(client, intake, shared):
    response, contact = shared
    data = call_post(response, contact, note="Once")
    first = client.post(call_url(response), data)
    second = client.post(call_url(response), data)
    assert first.status_code == second.status_code == HTTPStatus.FOUND
    assert CallAttempt.objects.count() == 1
    assert any("already saved" in text for text in texts(second))
    assert AuditEntry.objects.filter(action=AuditAction.CALL_LOGGED).count() == 1


def test_a_double_submit_with_a_status_change_logs_one_call(client, intake, shared):
    response, contact = shared
    data = call_post(response, contact, status=ContactStatus.CONTACTED)
    client.post(call_url(response), data)
    second = client.post(call_url(response), data)
    assert CallAttempt.objects.count() == 1
    assert ContactRequestChange.objects.count() == 1
    assert any("already saved" in text for text in texts(second))


def test_the_service_refuses_a_used_token(intake, shared):
    response, _contact = shared
    token = uuid.uuid4()
    log_call(response, by=intake, outcome=CallOutcome.REACHED, form_token=token)
    with pytest.raises(DuplicateCallAttempt):
        log_call(
            response,
            by=intake,
            outcome=CallOutcome.REACHED,
            status=ContactStatus.CLOSED,
            form_token=token,
        )
    assert CallAttempt.objects.count() == 1
    assert not ContactRequestChange.objects.exists()


def test_two_loads_of_the_page_get_two_tokens(client, intake, shared):
    response, _contact = shared
    first = client.get(detail_url(response)).context["call_form"]["form_token"].value()
    second = client.get(detail_url(response)).context["call_form"]["form_token"].value()
    assert first != second


@pytest.mark.parametrize(
    "raw",
    ["https://evil.example", "javascript:alert(1)", "a=1\r\nb=2", "//x", "x" * 1001, "foo=1"],
)
def test_queue_state_accepts_only_the_workspaces_query_strings(raw):
    assert queue_state(raw) is None


def test_queue_state_re_encodes_a_good_query_string():
    assert queue_state("status=new&q=robin smith&page=2") == "status=new&q=robin+smith&page=2"
    assert queue_state("") == ""


# -- Save and next -------------------------------------------------------------------


@pytest.fixture
def queue(intake):
    """Four new requests in English (oldest last) and one in Spanish, newest first."""
    now = timezone.now()
    made = []
    for n in range(4):
        response = make_response(created_at=now - timedelta(hours=n + 1))
        share(response)
        made.append(response)
    spanish = make_response(created_at=now - timedelta(minutes=30))
    Response.objects.filter(pk=spanish.pk).update(language="es")
    share(spanish)
    return [Response.objects.get(pk=r.pk) for r in made]


def test_rows_and_the_page_carry_the_filters_to_the_form(client, queue):
    filters = "language=en"
    page = client.get(WORKSPACE, {"language": "en"})
    link = urlparse(page.context["rows"][0].url)
    assert parse_qs(link.query)["_changelist_filters"] == [filters]
    form = client.get(detail_url(queue[0], filters)).context["call_form"]
    assert form["changelist_filters"].value() == filters


def test_a_bad_filters_param_on_the_page_is_dropped(client, queue):
    form = client.get(detail_url(queue[0], "https://evil.example/")).context["call_form"]
    assert form["changelist_filters"].value() == ""


def test_save_keeps_the_filters_on_the_way_back(client, queue):
    response = queue[0]
    contact = response.contact_request
    data = call_post(response, contact, changelist_filters="language=en")
    page = client.post(call_url(response), data)
    assert page["Location"] == detail_url(response, "language=en")


def test_save_and_next_walks_the_filtered_queue_in_its_order(client, queue):
    filters = "language=en"
    # In the queue's order the four English ones come newest first; Spanish is left out.
    order = [row.pk for row in client.get(WORKSPACE, {"language": "en"}).context["rows"]]
    assert order == [r.pk for r in queue]
    for index, response in enumerate(queue):
        contact = ContactRequest.objects.get(response=response)
        data = call_post(
            response,
            contact,
            changelist_filters=filters,
            # The status change moves the response down the queue: the next is still
            # the one after it as the list was shown.
            status=ContactStatus.CONTACTED,
            _save_next="Save and next",
        )
        del data["_save"]
        page = client.post(call_url(response), data)
        assert page.status_code == HTTPStatus.FOUND, page.content
        if index + 1 < len(queue):
            assert page["Location"] == detail_url(queue[index + 1], filters)
        else:
            assert page["Location"] == f"{WORKSPACE}?{filters}"
            assert "That was the last one in this list." in texts(page)
    assert CallAttempt.objects.count() == 4


def test_save_and_next_follows_a_status_filter(client, queue):
    # Filtered on new requests, logging a call that marks one contacted moves on to the
    # next new one, though the one just saved has left the list.
    first, second = queue[0], queue[1]
    data = call_post(
        first,
        first.contact_request,
        changelist_filters="status=new",
        status=ContactStatus.CONTACTED,
        _save_next="1",
    )
    page = client.post(call_url(first), data)
    assert page["Location"] == detail_url(second, "status=new")


def test_save_and_next_without_filters_uses_the_whole_queue(client, queue):
    spanish = Response.objects.get(language="es")
    first = queue[0]
    data = call_post(first, first.contact_request, _save_next="1")
    page = client.post(call_url(first), data)
    # The Spanish one (30 minutes old) comes before the English ones (an hour and more).
    assert spanish.created_at > first.created_at
    assert page["Location"] == detail_url(queue[1])


def test_save_and_next_follows_the_search_and_mine(client, intake, queue):
    mine = queue[2]
    ContactRequest.objects.filter(response=mine).update(assigned_to=intake)
    ContactRequest.objects.filter(response=queue[3]).update(assigned_to=intake)
    data = call_post(mine, mine.contact_request, changelist_filters="mine=yes", _save_next="1")
    page = client.post(call_url(mine), data)
    assert page["Location"] == detail_url(queue[3], "mine=yes")


def test_the_last_one_without_filters_goes_back_to_the_workspace(client, intake, shared):
    response, contact = shared
    page = client.post(call_url(response), call_post(response, contact, _save_next="1"))
    assert page["Location"] == WORKSPACE
    assert "That was the last one in this list." in texts(page)


# -- The queue's columns --------------------------------------------------------------


def test_the_queue_shows_attempts_and_next_callback(client, intake, queue):
    response = queue[0]
    _day, _time, when = tomorrow_at_ten()
    log_call(response, by=intake, outcome=CallOutcome.NO_ANSWER)
    log_call(response, by=intake, outcome=CallOutcome.VOICEMAIL, next_callback_at=when)
    page = client.get(WORKSPACE)
    html = page.content.decode()
    assert "Attempts" in html
    assert "Next callback" in html
    rows = {row.pk: row for row in page.context["rows"]}
    assert rows[response.pk].attempts == 2
    assert rows[response.pk].next_callback == when
    assert rows[queue[1].pk].attempts == 0
    assert rows[queue[1].pk].next_callback is None
    # The latest call sets the next callback: one without a callback clears it.
    log_call(response, by=intake, outcome=CallOutcome.REACHED)
    rows = {row.pk: row for row in client.get(WORKSPACE).context["rows"]}
    assert rows[response.pk].attempts == 3
    assert rows[response.pk].next_callback is None


def test_callback_times_are_read_in_the_teams_time_zone(client, intake, shared):
    response, contact = shared
    day, time, expected = tomorrow_at_ten()
    data = call_post(response, contact, next_callback_0=day, next_callback_1=time)
    client.post(call_url(response), data)
    stored = CallAttempt.objects.get().next_callback_at
    assert stored == expected
    assert stored.astimezone(ZoneInfo(settings.TIME_ZONE)).hour == 10


def test_a_walk_never_offers_one_it_already_did_and_a_queue_read_restarts_it(client, queue):
    # Marked contacted, the first sinks below the others; it is not offered again.
    first, last = queue[0], queue[3]
    filters = "language=en"
    client.post(
        call_url(first),
        call_post(
            first,
            first.contact_request,
            status=ContactStatus.CONTACTED,
            changelist_filters=filters,
            _save_next="1",
        ),
    )
    data = call_post(last, last.contact_request, changelist_filters=filters, _save_next="1")
    page = client.post(call_url(last), data)
    # Only the first comes after the last one now, and it was done in this walk.
    assert page["Location"] == f"{WORKSPACE}?{filters}"
    assert "That was the last one in this list." in texts(page)
    # Reading the queue starts a new walk: the first is offered again after the last.
    client.get(WORKSPACE, {"language": "en"})
    data = call_post(last, last.contact_request, changelist_filters=filters, _save_next="1")
    page = client.post(call_url(last), data)
    assert page["Location"] == detail_url(first, filters)


def test_purge_deletes_call_attempts_with_their_responses(intake, shared):
    from programs.intake.services import purge_responses

    response, _contact = shared
    kept = make_response()
    share(kept)
    log_call(response, by=intake, outcome=CallOutcome.REACHED, note="Gone with it")
    log_call(kept, by=intake, outcome=CallOutcome.NO_ANSWER)
    purged = purge_responses(Response.objects.filter(pk=response.pk))
    assert list(CallAttempt.objects.values_list("response", flat=True)) == [kept.pk]
    assert purged.calls == 1


def test_the_page_query_count_does_not_grow_with_calls(client, intake, shared):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response, _contact = shared
    log_call(response, by=intake, outcome=CallOutcome.NO_ANSWER)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(detail_url(response)).status_code == HTTPStatus.OK
        return len(captured)

    few = count()
    for _ in range(10):
        log_call(response, by=intake, outcome=CallOutcome.VOICEMAIL, note="Again")
    assert count() == few


def test_the_callback_date_and_time_boxes_each_have_a_name():
    from programs.intake.forms import CallbackWidget

    html = CallbackWidget().render("next_callback", None)
    assert 'aria-label="Callback date"' in html
    assert 'aria-label="Callback time"' in html
