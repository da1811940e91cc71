"""Note drafts on the response page: saved for the signed-in user only, restored in
their box with a notice, discarded, deleted when the note or call is saved, purged when
old; tampered posts; no access-log entry per keystroke and never the text in a log."""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from iopguide import middleware
from programs.intake import drafts
from programs.models import (
    AuditAction,
    AuditEntry,
    CallAttempt,
    CallOutcome,
    NoteDraft,
    Response,
    StaffNote,
)
from tests.factories.intake import content_user, intake_user, make_response, make_user, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

SECRET = "Caller said the back door is safest, not the front"


def draft_url(response: Response | int) -> str:
    pk = response if isinstance(response, int) else response.pk
    return reverse("admin:programs_response_draft", args=[pk])


def detail_url(response: Response) -> str:
    return reverse("admin:programs_response_change", args=[response.pk])


@pytest.fixture
def intake(client, monkeypatch):
    user = intake_user(first_name="Ines", last_name="Intake")
    force_login_verified(client, user)
    # The first request records the session's start; later ones do not (query counts).
    monkeypatch.setattr(middleware, "LAST_SEEN_RESOLUTION_SECONDS", 3600)
    client.get(reverse("admin:index"))
    return user


@pytest.fixture
def shared():
    response = make_response()
    return response, share(response)


def save(client, response, box="note", text=SECRET, headers=None, **extra):
    return client.post(draft_url(response), {"box": box, "text": text, **extra}, headers=headers)


# -- Saving ------------------------------------------------------------------------------


def test_a_draft_is_saved_for_the_signed_in_user_and_answers_json(client, intake, shared):
    response, _ = shared
    page = save(client, response)
    assert page.status_code == HTTPStatus.OK
    data = page.json()
    assert data["box"] == "note"
    assert data["saved"] is True
    assert set(data["session"]) == {"idle_seconds_left", "max_seconds_left"}
    draft = NoteDraft.objects.get()
    assert (draft.user, draft.response, draft.box, draft.text) == (
        intake,
        response,
        "note",
        SECRET,
    )


def test_saving_again_updates_the_one_draft_per_box(client, intake, shared):
    response, _ = shared
    save(client, response, text="first")
    save(client, response, text="second")
    save(client, response, box="call", text="on the call")
    assert NoteDraft.objects.count() == 2
    assert NoteDraft.objects.get(box="note").text == "second"
    assert NoteDraft.objects.get(box="call").text == "on the call"


def test_newlines_and_tabs_are_kept_and_crlf_counts_once(client, intake, shared):
    response, _ = shared
    text = "line one\r\n\tline two\r\n" + "x" * (2000 - 20)
    assert save(client, response, text=text).status_code == HTTPStatus.OK
    assert NoteDraft.objects.get().text == text.replace("\r\n", "\n")


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text_deletes_the_draft(client, intake, shared, text):
    response, _ = shared
    save(client, response)
    page = save(client, response, text=text)
    assert page.status_code == HTTPStatus.OK
    assert page.json()["saved"] is False
    assert not NoteDraft.objects.exists()


def test_saving_a_draft_writes_no_access_log_entry_and_logs_no_text(
    client, intake, shared, caplog
):
    response, _ = shared
    with caplog.at_level(logging.DEBUG):
        save(client, response)
        save(client, response, text=SECRET + " and more")
    assert not AuditEntry.objects.exists()
    assert SECRET not in caplog.text
    assert SECRET not in str(NoteDraft.objects.get())


def test_a_draft_save_does_not_count_as_activity(client, intake, shared, monkeypatch):
    """The page's background saves send the passive header: idle time keeps running."""
    response, _ = shared
    monkeypatch.setattr(middleware, "LAST_SEEN_RESOLUTION_SECONDS", 60)
    session = client.session
    session[middleware.SESSION_LAST_SEEN] -= 10 * 60
    session.save()
    before = client.session[middleware.SESSION_LAST_SEEN]
    page = save(client, response, headers={"X-Staff-Session-Passive": "1"})
    assert page.status_code == HTTPStatus.OK
    assert client.session[middleware.SESSION_LAST_SEEN] == before
    assert 19 * 60 < page.json()["session"]["idle_seconds_left"] <= 20 * 60
    # Without the header (a plain request) it is activity as before.
    save(client, response)
    assert client.session[middleware.SESSION_LAST_SEEN] > before


def test_draft_save_query_count(client, intake, shared, django_assert_num_queries):
    response, _ = shared
    save(client, response, text="warm up")
    # Session, user, the two-factor device that verified the session, the response, the
    # user's and group permissions (may they view it?), then update_or_create: savepoint,
    # select for update, update, release.
    with django_assert_num_queries(10):
        assert save(client, response).status_code == HTTPStatus.OK


# -- Who may save and what is refused ------------------------------------------------------


def test_anonymous_users_are_sent_to_the_login_page(client, shared):
    response, _ = shared
    page = save(client, response)
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"].startswith(reverse("admin:login"))
    assert not NoteDraft.objects.exists()


def test_content_editors_are_refused(client, shared):
    response, _ = shared
    client.force_login(content_user())
    assert save(client, response).status_code == HTTPStatus.FORBIDDEN
    assert not NoteDraft.objects.exists()


def test_non_staff_users_are_sent_to_the_login_page(client, shared):
    response, _ = shared
    client.force_login(make_user(staff=False))
    assert save(client, response).status_code == HTTPStatus.FOUND
    assert not NoteDraft.objects.exists()


def test_superusers_may_keep_drafts(client, shared):
    response, _ = shared
    user = make_user(superuser=True)
    force_login_verified(client, user)
    assert save(client, response).status_code == HTTPStatus.OK
    assert NoteDraft.objects.get().user == user


def test_get_is_not_allowed(client, intake, shared):
    response, _ = shared
    assert client.get(draft_url(response)).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_missing_csrf_token_is_refused(intake, shared):
    response, _ = shared
    strict = Client(enforce_csrf_checks=True)
    force_login_verified(strict, intake)
    assert save(strict, response).status_code == HTTPStatus.FORBIDDEN
    assert not NoteDraft.objects.exists()


@pytest.mark.parametrize("pk", ["999999", "not-a-number", "0"])
def test_unknown_response_is_404(client, intake, pk):
    page = client.post(f"/admin/programs/response/{pk}/draft/", {"box": "note", "text": "x"})
    assert page.status_code == HTTPStatus.NOT_FOUND
    assert not NoteDraft.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"box": "other", "text": "x"}, "no such note box"),
        ({"box": "", "text": "x"}, "which note box"),
        ({"text": "x"}, "which note box"),
        ({"box": "note", "text": "x" * 2001}, "at most 2000 characters"),
        ({"box": "note", "text": "nul \x00 here"}, ""),
        ({"box": "note", "text": "bell \x07 here"}, "cannot be saved"),
        ({"box": "note", "text": "escape \x1b[31m"}, "cannot be saved"),
    ],
)
def test_tampered_posts_get_a_clear_error_and_save_nothing(client, intake, shared, data, message):
    response, _ = shared
    page = client.post(draft_url(response), data)
    assert page.status_code == HTTPStatus.BAD_REQUEST
    assert message in page.json()["error"]
    assert not NoteDraft.objects.exists()


def test_repeated_parameters_take_one_value(client, intake, shared):
    response, _ = shared
    page = client.post(draft_url(response), {"box": ["call", "note"], "text": ["a", "b"]})
    assert page.status_code == HTTPStatus.OK
    assert NoteDraft.objects.count() == 1


def test_nobody_reads_or_overwrites_another_users_draft(client, intake, shared):
    response, _ = shared
    colleague = intake_user()
    theirs = NoteDraft.objects.create(user=colleague, response=response, box="note", text=SECRET)
    # A posted "user" (or "user_id") is ignored: the draft is always the requester's own.
    page = save(client, response, text="mine", user=str(colleague.pk), user_id=str(colleague.pk))
    assert page.status_code == HTTPStatus.OK
    theirs.refresh_from_db()
    assert theirs.text == SECRET
    assert NoteDraft.objects.get(user=intake).text == "mine"
    # Emptying "my" box leaves theirs alone.
    save(client, response, text="", user=str(colleague.pk))
    assert NoteDraft.objects.filter(pk=theirs.pk).exists()
    # Discarding as well.
    client.post(draft_url(response), {"box": "note", "discard": "1", "user": str(colleague.pk)})
    assert NoteDraft.objects.filter(pk=theirs.pk).exists()
    # Their draft never shows on my page.
    html = client.get(detail_url(response)).content.decode()
    assert SECRET not in html
    assert "Restored your unsaved note" not in html


# -- Restoring and discarding --------------------------------------------------------------


def test_the_page_puts_the_draft_back_with_a_notice(client, intake, shared):
    response, _ = shared
    save(client, response, text="typed before the sign-out")
    save(client, response, box="call", text="call note typed before")
    draft = NoteDraft.objects.get(box="note")
    NoteDraft.objects.filter(pk=draft.pk).update(
        updated_at=timezone.localtime().replace(hour=10, minute=42)
    )
    page = client.get(detail_url(response))
    html = page.content.decode()
    assert page.context["note_form"]["text"].value() == "typed before the sign-out"
    assert page.context["call_form"]["note"].value() == "call note typed before"
    assert "Restored your unsaved note from 10:42." in html
    assert html.count("Restored your unsaved note") == 2
    assert html.count("Discard draft") == 2
    assert 'form="draft-discard-note"' in html
    assert 'id="draft-discard-call"' in html
    # The page read is audited as before, once; the restore adds nothing.
    assert AuditEntry.objects.filter(action=AuditAction.VIEWED).count() == 1
    assert AuditEntry.objects.count() == 1


def test_an_older_draft_names_its_day(client, intake, shared):
    response, _ = shared
    save(client, response)
    two_days_ago = timezone.localtime() - timedelta(days=2)
    NoteDraft.objects.update(updated_at=two_days_ago.replace(hour=9, minute=5))
    html = client.get(detail_url(response)).content.decode()
    assert f"Restored your unsaved note from {two_days_ago.day} " in html
    assert ", 09:05." in html


def test_no_notice_without_a_draft_and_the_boxes_carry_the_draft_address(client, intake, shared):
    response, _ = shared
    html = client.get(detail_url(response)).content.decode()
    assert "Restored your unsaved note" not in html
    assert f'data-draft-url="{draft_url(response)}"' in html
    assert 'data-draft-box="note"' in html
    assert 'data-draft-box="call"' in html


def test_discard_deletes_the_draft_and_returns_to_the_page(client, intake, shared):
    response, _ = shared
    save(client, response)
    page = client.post(draft_url(response), {"box": "note", "discard": "1"}, follow=True)
    assert page.redirect_chain[0][0] == detail_url(response) + "#timeline"
    assert "Draft discarded." in page.content.decode()
    assert not NoteDraft.objects.exists()
    assert "Restored your unsaved note" not in page.content.decode()


def test_discard_with_a_bad_box_says_so_and_keeps_the_draft(client, intake, shared):
    response, _ = shared
    save(client, response)
    page = client.post(draft_url(response), {"box": "nope", "discard": "1"}, follow=True)
    assert "There is no such note box." in page.content.decode()
    assert NoteDraft.objects.count() == 1


# -- Saving the note or the call deletes its draft; a failed save keeps it ---------------


def test_adding_the_note_deletes_its_draft_only(client, intake, shared):
    response, _ = shared
    save(client, response)
    save(client, response, box="call", text="call draft")
    page = client.post(
        reverse("admin:programs_response_note", args=[response.pk]), {"text": SECRET}
    )
    assert page.status_code == HTTPStatus.FOUND
    assert StaffNote.objects.get().text == SECRET
    assert list(NoteDraft.objects.values_list("box", flat=True)) == ["call"]


def test_a_failed_note_save_keeps_the_draft(client, intake, shared):
    response, _ = shared
    save(client, response)
    page = client.post(
        reverse("admin:programs_response_note", args=[response.pk]), {"text": "x" * 2001}
    )
    assert page.status_code == HTTPStatus.BAD_REQUEST
    assert NoteDraft.objects.get().text == SECRET
    # The form shows what was posted, not the stored draft, and no restore notice.
    assert page.context["note_form"]["text"].value() == "x" * 2001
    assert "Restored your unsaved note" not in page.content.decode()


def call_post(response, contact, **overrides) -> dict:
    return {
        "outcome": CallOutcome.VOICEMAIL,
        "note": "Left a message",
        "next_callback_0": "",
        "next_callback_1": "",
        "status": contact.status,
        "expected_status": contact.status,
        "response": str(response.pk),
        "form_token": str(uuid.uuid4()),
        "changelist_filters": "",
        "_save": "Save",
        **overrides,
    }


def test_logging_the_call_deletes_its_draft_only(client, intake, shared):
    response, contact = shared
    save(client, response)
    save(client, response, box="call", text="call draft")
    page = client.post(
        reverse("admin:programs_response_call", args=[response.pk]), call_post(response, contact)
    )
    assert page.status_code == HTTPStatus.FOUND
    assert CallAttempt.objects.count() == 1
    assert list(NoteDraft.objects.values_list("box", flat=True)) == ["note"]


def test_a_refused_call_keeps_its_draft(client, intake, shared):
    response, contact = shared
    save(client, response, box="call", text="call draft")
    page = client.post(
        reverse("admin:programs_response_call", args=[response.pk]),
        call_post(response, contact, expected_status="closed"),
    )
    assert page.status_code in (HTTPStatus.FOUND, HTTPStatus.BAD_REQUEST)
    assert not CallAttempt.objects.exists()
    assert NoteDraft.objects.get().text == "call draft"


def test_a_colleagues_note_leaves_my_draft(client, intake, shared):
    response, _ = shared
    save(client, response)
    from programs.intake import services

    services.add_note(response, by=intake_user(), text="their note")
    assert NoteDraft.objects.get().text == SECRET


# -- Drafts go with their response, their user, and with age ---------------------------------


def test_drafts_go_with_their_response_and_their_user(client, intake, shared):
    response, _ = shared
    save(client, response)
    other = make_response()
    colleague = intake_user()
    NoteDraft.objects.create(user=colleague, response=other, box="note", text="x")
    response.delete()
    assert list(NoteDraft.objects.values_list("user", flat=True)) == [colleague.pk]
    colleague.delete()
    assert not NoteDraft.objects.exists()


def test_the_purge_deletes_drafts_older_than_the_setting(settings):
    settings.NOTE_DRAFT_MAX_AGE_DAYS = 7
    user = intake_user()
    now = timezone.now()
    for age in (1, 6, 8, 30):
        NoteDraft.objects.create(
            user=user,
            response=make_response(),
            box="note",
            text=f"{age} days",
            updated_at=now - timedelta(days=age),
        )
    out = StringIO()
    call_command("purge_responses", "--dry-run", stdout=out)
    assert "Would delete 2 note drafts untouched for 7 days." in out.getvalue()
    assert NoteDraft.objects.count() == 4
    out = StringIO()
    call_command("purge_responses", stdout=out)
    assert "Deleted 2 note drafts untouched for 7 days." in out.getvalue()
    assert sorted(NoteDraft.objects.values_list("text", flat=True)) == ["1 days", "6 days"]
    settings.NOTE_DRAFT_MAX_AGE_DAYS = 3
    assert drafts.purge() == 1
    assert list(NoteDraft.objects.values_list("text", flat=True)) == ["1 days"]
