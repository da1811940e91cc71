import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from programs.intake.services import add_note, log_call, purge_responses, update_contact_request
from programs.management.commands import purge_responses as purge_command
from programs.models import (
    AuditAction,
    AuditEntry,
    CallAttempt,
    CallOutcome,
    ContactRequest,
    ContactRequestChange,
    ContactStatus,
    Response,
    StaffNote,
)
from tests.factories.intake import intake_user, make_response, share

pytestmark = pytest.mark.django_db


def purge(*args: str) -> str:
    out = io.StringIO()
    call_command("purge_responses", *args, stdout=out)
    return out.getvalue()


def days_ago(days: float):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def responses(settings):
    """A response for each case around a 180-day retention period."""
    settings.RESPONSE_RETENTION_DAYS = 180
    staff = intake_user()
    made = {
        "recent_anonymous": make_response(created_at=days_ago(179)),
        "old_anonymous": make_response(created_at=days_ago(181)),
        "old_crisis": make_response(danger_now=["harm_others"], created_at=days_ago(400)),
    }
    for status in ContactStatus.values:
        response = make_response(created_at=days_ago(200))
        contact = share(response)
        update_contact_request(contact.pk, by=staff, status=status)
        add_note(response, by=staff, text=f"Note while {status}")
        # Two calls on each: a missed one, then one that got through.
        log_call(response, by=staff, outcome=CallOutcome.NO_ANSWER)
        log_call(response, by=staff, outcome=CallOutcome.REACHED, note=f"Call while {status}")
        made[f"old_{status}"] = response
    recent_closed = make_response(created_at=days_ago(10))
    share(recent_closed, status=ContactStatus.CLOSED)
    made["recent_closed"] = recent_closed
    return made


EXPIRED = {"old_anonymous", "old_crisis", "old_closed", "old_referred_elsewhere"}


def test_purge_deletes_exactly_the_expired_closed_ones_with_their_requests_notes_and_calls(
    responses,
):
    output = purge()
    left = set(Response.objects.values_list("reference_code", flat=True))
    expected_left = {responses[k].reference_code for k in responses if k not in EXPIRED}
    assert left == expected_left
    gone = [responses[k] for k in EXPIRED]
    assert not ContactRequest.objects.filter(response__in=[r.pk for r in gone]).exists()
    assert not StaffNote.objects.filter(response__in=[r.pk for r in gone]).exists()
    assert not CallAttempt.objects.filter(response__in=[r.pk for r in gone]).exists()
    assert CallAttempt.objects.count() == 8  # those of the four open old ones
    assert ContactRequest.objects.count() == 5  # four open old ones, one recent closed
    # The changes that made the requests in progress, contacted and scheduled remain.
    assert ContactRequestChange.objects.count() == 3
    assert "Deleted 4 responses" in output
    assert "with 2 contact requests, 2 staff notes and 4 call attempts;" in output
    assert "kept 4 older responses whose contact request is still open" in output


def test_purge_leaves_an_audit_entry_that_outlives_the_responses(responses):
    purge()
    entry = AuditEntry.objects.get(action=AuditAction.PURGED)
    assert sorted(entry.reference_code_list) == sorted(
        responses[k].reference_code for k in EXPIRED
    )
    assert entry.response_count == 4
    assert entry.actor is None
    assert entry.actor_name == "manage.py purge_responses"
    assert entry.detail == (
        "older than 180 days, with 2 contact requests, 2 notes and 4 call attempts; "
        "kept 4 with an open contact request"
    )


def test_dry_run_deletes_nothing_and_records_nothing(responses):
    before = Response.objects.count()
    output = purge("--dry-run")
    assert Response.objects.count() == before
    assert not AuditEntry.objects.exists()
    assert output.startswith("Would delete 4 responses")
    assert "with 2 contact requests, 2 staff notes and 4 call attempts;" in output
    assert CallAttempt.objects.count() == 12


def test_older_than_overrides_the_setting(responses):
    output = purge("--older-than", "5")
    # Also the anonymous one from 179 days ago and the request closed 10 days ago.
    assert "Deleted 6 responses" in output
    assert not Response.objects.filter(pk=responses["recent_closed"].pk).exists()
    assert Response.objects.filter(pk=responses["old_new"].pk).exists()


def test_purge_in_several_batches(responses, monkeypatch):
    monkeypatch.setattr(purge_command, "BATCH", 1)
    output = purge()
    assert not Response.objects.filter(pk__in=[responses[k].pk for k in EXPIRED]).exists()
    assert AuditEntry.objects.get().response_count == 4
    # The counts add up over the batches.
    assert "with 2 contact requests, 2 staff notes and 4 call attempts;" in output


def test_the_service_counts_what_went_with_the_responses(responses, settings):
    expired = Response.objects.filter(pk__in=[responses[k].pk for k in EXPIRED])
    codes = sorted(expired.values_list("reference_code", flat=True))
    result = purge_responses(expired, batch=3)
    assert sorted(result.codes) == codes
    assert (result.contacts, result.notes, result.calls) == (2, 2, 4)
    assert CallAttempt.objects.count() == 8


def test_singular_counts_read_right(settings):
    settings.RESPONSE_RETENTION_DAYS = 180
    staff = intake_user()
    response = make_response(created_at=days_ago(200))
    share(response, status=ContactStatus.CLOSED)
    add_note(response, by=staff, text="Closed")
    log_call(response, by=staff, outcome=CallOutcome.WRONG_NUMBER)
    output = purge()
    assert "Deleted 1 response " in output
    assert "with 1 contact request, 1 staff note and 1 call attempt;" in output


def test_nothing_to_purge_still_leaves_a_record_of_the_run():
    make_response()
    assert "Deleted 0 responses" in purge()
    assert AuditEntry.objects.get().response_count == 0


@pytest.mark.parametrize("days", ["0", "-3", "abc", "1.5"])
def test_bad_older_than_is_a_clear_error(days):
    make_response(created_at=days_ago(400))
    with pytest.raises(CommandError, match="--older-than"):
        purge("--older-than", days)
    assert Response.objects.count() == 1


def test_a_zero_retention_setting_is_refused(settings):
    settings.RESPONSE_RETENTION_DAYS = 0
    with pytest.raises(CommandError, match="RESPONSE_RETENTION_DAYS"):
        purge()
