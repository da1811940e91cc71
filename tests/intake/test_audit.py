import io
import logging
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse

from programs.intake import audit
from programs.models import AppendOnlyError, AuditAction, AuditEntry, ContactStatus, ExportFormat
from programs.questionnaire.questions import answer_labels
from tests.factories.intake import intake_user, make_response, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

EXPORT_CSV = reverse("admin:intake_workspace_export", args=["csv"])
EXPORT_FHIR = reverse("admin:intake_workspace_export", args=["fhir"])


def detail_url(response) -> str:
    return reverse("admin:programs_response_change", args=[response.pk])


@pytest.fixture
def intake(client):
    user = intake_user()
    force_login_verified(client, user)
    return user


def test_every_detail_view_is_recorded_with_who_what_and_where(client, intake):
    response = make_response()
    client.get(detail_url(response))
    client.get(detail_url(response))
    entries = list(AuditEntry.objects.order_by("pk"))
    assert len(entries) == 2
    entry = entries[0]
    assert entry.action == AuditAction.VIEWED
    assert entry.actor == intake
    assert entry.actor_name == intake.username
    assert entry.reference_code_list == [response.reference_code]
    assert entry.response_count == 1
    assert entry.path == detail_url(response)
    assert entry.at is not None


def test_csv_export_of_the_workspace_list_records_which_responses_and_the_format(client, intake):
    chosen = [make_response(), make_response()]
    for response in chosen:
        share(response)
    make_response()
    page = client.post(f"{EXPORT_CSV}?status=new")
    assert page.status_code == HTTPStatus.OK
    entry = AuditEntry.objects.get()
    assert entry.action == AuditAction.EXPORTED
    assert entry.export_format == ExportFormat.CSV
    assert sorted(entry.reference_code_list) == sorted(r.reference_code for r in chosen)
    assert entry.response_count == 2
    assert entry.path == EXPORT_CSV


def test_fhir_export_from_the_detail_page_is_recorded(client, intake):
    response = make_response()
    url = reverse("admin:programs_response_export", args=[response.pk, "fhir"])
    assert client.post(url).status_code == HTTPStatus.OK
    entry = AuditEntry.objects.get()
    assert entry.export_format == ExportFormat.FHIR
    assert entry.reference_code_list == [response.reference_code]
    assert entry.path == url


def test_fhir_export_of_a_searched_workspace_list_records_one_response(client, intake):
    response = make_response()
    make_response()
    page = client.post(f"{EXPORT_FHIR}?q={response.reference_code}")
    assert page["Content-Type"].startswith("application/fhir+json")
    entry = AuditEntry.objects.get()
    assert entry.export_format == ExportFormat.FHIR
    assert entry.reference_code_list == [response.reference_code]


def test_refused_exports_record_nothing(client, intake):
    responses = [make_response(), make_response()]
    # A filter value nobody offered, a search that cannot be read, an empty list, a GET.
    for url in (
        f"{EXPORT_FHIR}?status=nonsense",
        f"{EXPORT_CSV}?q=%00",
        f"{EXPORT_CSV}?crisis=yes",
    ):
        assert client.post(url).status_code == HTTPStatus.FOUND
    assert client.get(EXPORT_CSV).status_code == HTTPStatus.FOUND
    bad_format = reverse("admin:programs_response_export", args=[responses[0].pk, "xml"])
    assert client.post(bad_format).status_code == HTTPStatus.NOT_FOUND
    assert not AuditEntry.objects.exists()


def test_status_changes_and_notes_are_recorded(client, intake):
    response = make_response()
    contact = share(response)
    client.post(
        reverse("admin:programs_response_contact", args=[response.pk]),
        {
            "status": ContactStatus.SCHEDULED,
            "assigned_to": "",
            "expected_status": contact.status,
            "expected_assignee": "",
        },
    )
    client.post(reverse("admin:programs_response_note", args=[response.pk]), {"text": "Called"})
    changed = AuditEntry.objects.get(action=AuditAction.CONTACT_CHANGED)
    assert changed.detail == "status New → Scheduled"
    assert changed.reference_code_list == [response.reference_code]
    note = AuditEntry.objects.get(action=AuditAction.NOTE_ADDED)
    assert note.reference_code_list == [response.reference_code]
    assert note.detail == ""


def test_audit_entries_and_logs_never_hold_answers_or_contact_details(
    client, admin_client, intake, caplog
):
    caplog.set_level(logging.DEBUG)
    response = make_response(
        substances=["opioids", "stimulants"],
        frequency="daily",
        control="cannot_go_a_day",
        mood="severe",
        self_harm_thoughts="active",
        home="unsafe",
    )
    contact = share(
        response, name="Quintessa Zebulon", phone="555-0147", email="quintessa@example.net"
    )
    secret_note = "Spoke with Quintessa about her fentanyl use"
    client.get(detail_url(response))
    client.post(
        reverse("admin:programs_response_contact", args=[response.pk]),
        {
            "status": ContactStatus.CONTACTED,
            "assigned_to": intake.pk,
            "expected_status": contact.status,
            "expected_assignee": "",
        },
    )
    client.post(reverse("admin:programs_response_note", args=[response.pk]), {"text": secret_note})
    for fmt in ("csv", "fhir"):
        client.post(reverse("admin:programs_response_export", args=[response.pk, fmt]))
    client.post(f"{EXPORT_CSV}?q=Quintessa")
    client.post(f"{EXPORT_FHIR}?q=555-0147")
    admin_client.get(reverse("admin:programs_auditentry_changelist"))
    call_command("purge_responses", "--older-than", "1", stdout=io.StringIO())

    forbidden = ["Quintessa", "Zebulon", "555-0147", "quintessa@example.net", "fentanyl"]
    for key, value in response.answers.items():
        if key == "for_whom" or not value:
            continue
        values = value if isinstance(value, list) else [value]
        # Every stored key and every choice text, except words too short to be telling
        # ("No", "Yes", "none") that appear in any English sentence.
        forbidden += [str(v) for v in values if len(str(v)) > 4]
        forbidden += [label for label in answer_labels(key, value) if len(label) > 4]
    forbidden += [reason["text"][:40] for reason in response.reasons]

    assert AuditEntry.objects.count() >= 6
    stored = "\n".join(
        " ".join(str(getattr(entry, field.attname)) for field in AuditEntry._meta.fields)
        for entry in AuditEntry.objects.all()
    )
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for text in forbidden:
        assert text not in stored, text
        assert text not in logged, text


def test_entries_cannot_be_changed_or_deleted():
    entry = audit.record_command("test", AuditAction.PURGED, ["ABCDEFGH"])
    entry.detail = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEntry.objects.get().detail == ""


def test_entries_outlive_the_responses_and_users_they_mention(client, intake):
    response = make_response()
    client.get(detail_url(response))
    response.delete()
    intake.delete()
    entry = AuditEntry.objects.get()
    assert entry.actor is None
    assert entry.actor_name.startswith("user")
    assert entry.reference_code_list == [response.reference_code]


def test_search_path_query_strings_are_not_recorded(client, intake):
    response = make_response()
    client.get(detail_url(response) + "?_changelist_filters=q%3DRobin%2BExample")
    assert "Robin" not in AuditEntry.objects.get().path
