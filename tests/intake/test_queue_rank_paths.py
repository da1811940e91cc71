"""Every supported way of changing a response's contact request or notes keeps the queue's
order right: an unhandled crisis on top, then new contact requests, then the rest.

`Response.queue_rank` is a stored copy of `queue_rank()`, kept by the services
(programs/questionnaire/services.py, programs/intake/services.py), not by the models'
save(). After each path below, every stored rank must equal the rule applied afresh to
what is in the database, and the queue must list the responses in that order.
"""

from __future__ import annotations

import io
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from iopguide import middleware
from programs.intake import services
from programs.intake.models import StaffNote
from programs.questionnaire.models import (
    ContactRequest,
    ContactStatus,
    QueueRank,
    Response,
    queue_due_at,
    queue_rank,
)
from tests.factories.intake import intake_user, make_response, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

WORKSPACE = reverse("admin:intake_workspace")


def live_rank(response: Response) -> int:
    """The rule, applied to what the database holds now."""
    contact = ContactRequest.objects.filter(response=response).first()
    return queue_rank(
        crisis=response.crisis,
        contact_status=contact.status if contact else None,
        has_notes=StaffNote.objects.filter(response=response).exists(),
    )


def assert_queue_is_right(client=None) -> list[int]:
    """Every stored rank is the live one, and the queue lists responses in that order."""
    responses = list(Response.objects.all())
    wrong = {r.reference_code: (r.queue_rank, live_rank(r)) for r in responses}
    wrong = {code: ranks for code, ranks in wrong.items() if ranks[0] != ranks[1]}
    assert not wrong, f"stored rank, live rank: {wrong}"
    # The queue's copy of the due time too: the request's own while nobody reached them.
    for response in responses:
        contact = ContactRequest.objects.filter(response=response).first()
        assert contact is None or contact.due_at is not None
        live_due = queue_due_at(
            contact_status=contact.status if contact else None,
            due_at=contact.due_at if contact else None,
        )
        assert response.due_at == live_due, response.reference_code
    expected = [
        r.pk
        for r in sorted(responses, key=lambda r: (live_rank(r), r.created_at, r.pk), reverse=True)
    ]
    stored = list(
        Response.objects.order_by("-queue_rank", "-created_at", "-id").values_list("pk", flat=True)
    )
    assert stored == expected
    if client is not None:  # and the page staff read shows that order
        page = client.get(WORKSPACE)
        assert page.status_code == HTTPStatus.OK
        assert [row.pk for row in page.context["rows"]] == expected
    return expected


def rank_of(response: Response) -> int:
    response.refresh_from_db()
    return response.queue_rank


@pytest.fixture
def queue():
    """An anonymous crisis, a shared crisis, a new request and a quiet response, oldest first."""
    now = timezone.now()
    made = {
        "anonymous_crisis": make_response(
            danger_now=["harm_others"], created_at=now - timedelta(days=4)
        ),
        "shared_crisis": make_response(
            danger_now=["overdose_signs"], created_at=now - timedelta(days=3)
        ),
        "new_request": make_response(created_at=now - timedelta(days=2)),
        "quiet": make_response(created_at=now - timedelta(days=1)),
    }
    share(made["shared_crisis"])
    share(made["new_request"])
    assert rank_of(made["anonymous_crisis"]) == QueueRank.CRISIS
    assert rank_of(made["shared_crisis"]) == QueueRank.CRISIS
    assert rank_of(made["new_request"]) == QueueRank.NEW_REQUEST
    assert rank_of(made["quiet"]) == QueueRank.ROUTINE
    assert_queue_is_right()
    return made


@pytest.fixture
def staff_client(client, monkeypatch):
    user = intake_user(first_name="Ines", last_name="Intake")
    force_login_verified(client, user)
    monkeypatch.setattr(middleware, "LAST_SEEN_RESOLUTION_SECONDS", 3600)
    client.user = user
    return client


def contact_form(contact: ContactRequest, **changes) -> dict:
    data = {
        "status": contact.status,
        "assigned_to": contact.assigned_to_id or "",
        "expected_status": contact.status,
        "expected_assignee": contact.assigned_to_id or "",
    }
    return data | changes


# --- The public site -------------------------------------------------------------------


def test_recording_a_response_ranks_a_crisis_on_top(client, queue):
    client.post(reverse("programs:questionnaire"), {"danger_now": "suicide_plan"})
    newest = Response.objects.latest("created_at")
    assert newest.crisis
    assert newest.queue_rank == QueueRank.CRISIS
    assert_queue_is_right()


def test_sharing_after_a_note_puts_a_crisis_back_on_top(client, queue):
    crisis = queue["anonymous_crisis"]
    services.add_note(crisis, by=intake_user(), text="Reviewed; anonymous, nobody to call.")
    assert rank_of(crisis) == QueueRank.ROUTINE
    client.post(
        reverse("programs:share", args=[crisis.public_token]),
        {
            "consent": "on",
            "name": "Sam",
            "phone": "(212) 555-0100",
            "best_time": "any",
            "preferred_language": "en",
        },
    )
    assert ContactRequest.objects.filter(response=crisis).exists()
    # Now there is somebody to reach, and nobody has reached them yet.
    assert rank_of(crisis) == QueueRank.CRISIS
    assert_queue_is_right()


# --- The response page's forms ----------------------------------------------------------


def test_the_response_pages_status_form(staff_client, queue):
    crisis = queue["shared_crisis"]
    url = reverse("admin:programs_response_contact", args=[crisis.pk])
    contact = crisis.contact_request
    post = staff_client.post(url, contact_form(contact, status=ContactStatus.CONTACTED))
    assert post.status_code == HTTPStatus.FOUND
    assert rank_of(crisis) == QueueRank.ROUTINE
    assert_queue_is_right(staff_client)
    # Reopened: nobody has reached them after all, so the crisis is back on top.
    contact.refresh_from_db()
    post = staff_client.post(url, contact_form(contact, status=ContactStatus.IN_PROGRESS))
    assert post.status_code == HTTPStatus.FOUND
    assert rank_of(crisis) == QueueRank.CRISIS
    assert_queue_is_right(staff_client)


def test_the_response_pages_assignment_form_leaves_the_rank(staff_client, queue):
    crisis = queue["shared_crisis"]
    url = reverse("admin:programs_response_contact", args=[crisis.pk])
    form = contact_form(crisis.contact_request, assigned_to=staff_client.user.pk)
    assert staff_client.post(url, form).status_code == HTTPStatus.FOUND
    assert rank_of(crisis) == QueueRank.CRISIS
    assert_queue_is_right(staff_client)


def test_the_response_pages_note_form(staff_client, queue):
    crisis = queue["anonymous_crisis"]
    url = reverse("admin:programs_response_note", args=[crisis.pk])
    post = staff_client.post(url, {"text": "Anonymous; passed to the crisis line."})
    assert post.status_code == HTTPStatus.FOUND
    assert rank_of(crisis) == QueueRank.ROUTINE
    # A note does not handle a crisis whose person nobody has reached yet.
    shared = queue["shared_crisis"]
    url = reverse("admin:programs_response_note", args=[shared.pk])
    assert (
        staff_client.post(url, {"text": "Tried once, no answer."}).status_code == HTTPStatus.FOUND
    )
    assert rank_of(shared) == QueueRank.CRISIS
    assert_queue_is_right(staff_client)


# --- The admin ------------------------------------------------------------------------


def test_the_admin_offers_no_other_way_to_edit():
    """No list editing, actions, inlines or change forms that would write around the
    services; contact requests have no admin of their own (the response page and the
    workspace show them)."""
    model_admin = admin.site._registry[Response]
    assert not model_admin.list_editable
    assert not model_admin.actions
    assert not model_admin.inlines
    assert not model_admin.has_add_permission(None)
    assert not model_admin.has_change_permission(None)
    assert ContactRequest not in admin.site._registry


# --- The services themselves ------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "rank"),
    [
        (ContactStatus.NEW, QueueRank.CRISIS),
        (ContactStatus.IN_PROGRESS, QueueRank.CRISIS),
        (ContactStatus.CONTACTED, QueueRank.ROUTINE),
        (ContactStatus.SCHEDULED, QueueRank.ROUTINE),
        (ContactStatus.REFERRED_ELSEWHERE, QueueRank.ROUTINE),
        (ContactStatus.CLOSED, QueueRank.ROUTINE),
    ],
)
def test_every_status_through_the_service(queue, status, rank):
    staff = intake_user()
    crisis = queue["shared_crisis"]
    # From a status other than the target, so each one is a change.
    start = ContactStatus.SCHEDULED if status == ContactStatus.NEW else ContactStatus.NEW
    services.update_contact_request(crisis.contact_request.pk, by=staff, status=start)
    services.update_contact_request(crisis.contact_request.pk, by=staff, status=status)
    assert rank_of(crisis) == rank
    assert_queue_is_right()


def test_a_stale_form_changes_nothing(queue):
    crisis = queue["shared_crisis"]
    with pytest.raises(services.StaleContactRequest):
        services.update_contact_request(
            crisis.contact_request.pk,
            by=intake_user(),
            status=ContactStatus.CONTACTED,
            expected_status=ContactStatus.SCHEDULED,
        )
    assert rank_of(crisis) == QueueRank.CRISIS
    assert_queue_is_right()


# --- Deleting a contact request ---------------------------------------------------------


def test_deleting_through_the_service_with_a_note_kept(queue):
    crisis = queue["shared_crisis"]
    services.add_note(crisis, by=intake_user(), text="Spoke to them; they will call back.")
    services.delete_contact_request(crisis.contact_request)
    # Anonymous again, but somebody has looked at it: handled.
    assert rank_of(crisis) == QueueRank.ROUTINE
    assert_queue_is_right()


# --- The purge -------------------------------------------------------------------------


def test_the_purge_leaves_the_rest_of_the_queue_in_order(queue, settings):
    settings.RESPONSE_RETENTION_DAYS = 180
    old = timezone.now() - timedelta(days=200)
    gone_crisis = make_response(danger_now=["harm_others"], created_at=old)
    closed = make_response(created_at=old)
    kept_open = make_response(danger_now=["overdose_signs"], created_at=old)
    staff = intake_user()
    services.update_contact_request(share(closed).pk, by=staff, status=ContactStatus.CLOSED)
    share(kept_open)
    assert_queue_is_right()
    call_command("purge_responses", stdout=io.StringIO())
    remaining = set(Response.objects.values_list("pk", flat=True))
    assert gone_crisis.pk not in remaining
    assert closed.pk not in remaining
    # An open request keeps its response, and its crisis stays on top.
    assert rank_of(kept_open) == QueueRank.CRISIS
    order = assert_queue_is_right()
    # Unhandled crises first, newest first, whatever their age.
    assert order[:3] == [queue["shared_crisis"].pk, queue["anonymous_crisis"].pk, kept_open.pk]


def test_purging_through_the_service(queue):
    cutoff = timezone.now() - timedelta(days=3, hours=12)
    purged = services.purge_responses(Response.objects.expired(cutoff))
    # The anonymous crisis is older than the cutoff and has no open request.
    assert purged.codes == [queue["anonymous_crisis"].reference_code]
    assert (purged.contacts, purged.notes) == (0, 0)
    assert_queue_is_right()
