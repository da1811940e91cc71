"""The one-click "Acknowledged" on crisis responses: who saw it first and when, once.

From the response page and from the crisis row of the workspace queue; back where the
click came from with the queue's filters; permissions, the access log, doubled and
tampered POSTs; the crisis stays first in the queue until the person is reached.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from iopguide import middleware
from programs.intake import services
from programs.models import AuditAction, AuditEntry, ContactStatus, Response
from tests.factories.intake import content_user, intake_user, make_response, make_user, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

WORKSPACE = "/admin/intake/"


def acknowledge_url(response: Response) -> str:
    return reverse("admin:programs_response_acknowledge", args=[response.pk])


def detail_url(response: Response, filters: str = "") -> str:
    url = reverse("admin:programs_response_change", args=[response.pk])
    return f"{url}?{urlencode({'_changelist_filters': filters})}" if filters else url


def texts(page) -> list[str]:
    return [str(message) for message in get_messages(page.wsgi_request)]


def login(client, user, monkeypatch) -> None:
    force_login_verified(client, user)
    monkeypatch.setattr(middleware, "LAST_SEEN_RESOLUTION_SECONDS", 3600)


@pytest.fixture
def intake(client, monkeypatch):
    user = intake_user(first_name="Ines", last_name="Intake")
    login(client, user, monkeypatch)
    return user


@pytest.fixture
def crisis():
    return make_response(danger_now=["overdose_signs"])


def nothing_acknowledged(response: Response) -> None:
    response.refresh_from_db()
    assert response.crisis_acknowledged_at is None
    assert response.crisis_acknowledged_by is None
    assert not AuditEntry.objects.filter(action=AuditAction.CRISIS_ACKNOWLEDGED).exists()


# -- One click, once -----------------------------------------------------------------------


def test_acknowledging_records_who_and_when_and_the_access_log(client, intake, crisis):
    before = timezone.now()
    page = client.post(acknowledge_url(crisis), {"return_to": "response"})
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"] == detail_url(crisis)
    crisis.refresh_from_db()
    assert crisis.crisis_acknowledged_by == intake
    assert before <= crisis.crisis_acknowledged_at <= timezone.now()
    entry = AuditEntry.objects.get(action=AuditAction.CRISIS_ACKNOWLEDGED)
    assert entry.actor == intake
    assert entry.reference_code_list == [crisis.reference_code]
    [message] = texts(page)
    assert f"Crisis response {crisis.reference_code} acknowledged at" in message


def test_a_second_click_changes_nothing_and_says_who_was_first(
    client, intake, crisis, monkeypatch
):
    client.post(acknowledge_url(crisis))
    crisis.refresh_from_db()
    first = crisis.crisis_acknowledged_at
    # A colleague clicks too, a minute later.
    colleague = intake_user(first_name="Sam", last_name="Second")
    login(client, colleague, monkeypatch)
    page = client.post(acknowledge_url(crisis))
    assert page.status_code == HTTPStatus.FOUND
    crisis.refresh_from_db()
    assert crisis.crisis_acknowledged_by == intake
    assert crisis.crisis_acknowledged_at == first
    hhmm = timezone.localtime(first).strftime("%H:%M")
    assert (
        texts(page)[-1] == f"Already acknowledged by Ines Intake at {hhmm}. Nothing was changed."
    )
    assert AuditEntry.objects.filter(action=AuditAction.CRISIS_ACKNOWLEDGED).count() == 1


# serialized_rollback: puts back the migrated content (levels, groups) for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_clicks_at_the_same_moment_record_one_acknowledgement():
    if connection.vendor != "postgresql":
        pytest.skip("Two connections at once need PostgreSQL.")
    crisis = make_response(danger_now=["overdose_signs"])
    staff = [intake_user(first_name=name) for name in ("Ana", "Bo", "Cy", "Di")]
    barrier = threading.Barrier(len(staff))
    results = []

    def click(user) -> None:
        try:
            barrier.wait()
            copy = Response.objects.get(pk=crisis.pk)
            results.append(services.acknowledge_crisis(copy, by=user))
        finally:
            connection.close()

    threads = [threading.Thread(target=click, args=(user,)) for user in staff]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(result.now for result in results) == 1
    winner = next(result for result in results if result.now)
    assert {result.by for result in results} == {winner.by}
    crisis.refresh_from_db()
    assert crisis.crisis_acknowledged_at == winner.at


def test_a_former_staff_members_acknowledgement_still_counts(client, intake, crisis):
    gone = intake_user(first_name="Gone")
    services.acknowledge_crisis(crisis, by=gone)
    gone.delete()
    page = client.post(acknowledge_url(crisis))
    assert texts(page)[-1].startswith("Already acknowledged by a former staff member at ")
    crisis.refresh_from_db()
    assert crisis.crisis_acknowledged_at is not None


def test_a_response_that_is_no_crisis_is_a_clear_error(client, intake):
    calm = make_response()
    page = client.post(acknowledge_url(calm))
    assert page.status_code == HTTPStatus.FOUND
    assert texts(page) == [
        f"Response {calm.reference_code} is not a crisis response, so there is nothing to "
        "acknowledge. Nothing was changed."
    ]
    nothing_acknowledged(calm)


# -- Where it goes back to ---------------------------------------------------------------------


def test_from_the_queue_back_to_the_queue_with_its_filters(client, intake, crisis):
    filters = "crisis=yes&sort=due&q=robin"
    page = client.post(
        acknowledge_url(crisis), {"return_to": "queue", "_changelist_filters": filters}
    )
    assert page["Location"] == f"{WORKSPACE}?{filters}"


def test_from_the_response_page_back_to_it_with_the_queues_filters(client, intake, crisis):
    page = client.post(
        acknowledge_url(crisis), {"return_to": "response", "_changelist_filters": "crisis=yes"}
    )
    assert page["Location"] == detail_url(crisis, "crisis=yes")


@pytest.mark.parametrize(
    "filters",
    [
        "https://evil.example/",
        "//evil.example",
        "javascript:alert(1)",
        "crisis=yes\r\nSet-Cookie: x=1",
        "crisis=yes\x00",
        "next=https://evil.example",
        "x" * 5000,
    ],
)
@pytest.mark.parametrize("return_to", ["queue", "response", "https://evil.example/", ""])
def test_a_tampered_return_target_is_dropped(client, intake, crisis, filters, return_to):
    page = client.post(
        acknowledge_url(crisis), {"return_to": return_to, "_changelist_filters": filters}
    )
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"] in (WORKSPACE, detail_url(crisis))
    crisis.refresh_from_db()
    assert crisis.crisis_acknowledged_by == intake


# -- Who may, and what else is refused -------------------------------------------------------


def test_anonymous_users_are_sent_to_the_login_page(client, crisis):
    page = client.post(acknowledge_url(crisis))
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"].startswith(reverse("admin:login"))
    nothing_acknowledged(crisis)


def test_content_editors_are_refused(client, crisis, monkeypatch):
    login(client, content_user(), monkeypatch)
    assert client.post(acknowledge_url(crisis)).status_code == HTTPStatus.FORBIDDEN
    nothing_acknowledged(crisis)


def test_staff_who_may_only_read_responses_are_refused(client, crisis, monkeypatch):
    reader = make_user()
    reader.user_permissions.add(Permission.objects.get(codename="view_response"))
    login(client, reader, monkeypatch)
    assert client.get(detail_url(crisis)).status_code == HTTPStatus.OK
    assert b"Acknowledged</button>" not in client.get(detail_url(crisis)).content
    assert client.post(acknowledge_url(crisis)).status_code == HTTPStatus.FORBIDDEN
    nothing_acknowledged(crisis)


def test_superusers_may_acknowledge(client, crisis, monkeypatch):
    boss = make_user(superuser=True)
    login(client, boss, monkeypatch)
    assert client.post(acknowledge_url(crisis)).status_code == HTTPStatus.FOUND
    crisis.refresh_from_db()
    assert crisis.crisis_acknowledged_by == boss


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_only_post(client, intake, crisis, method):
    page = getattr(client, method)(acknowledge_url(crisis))
    assert page.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    nothing_acknowledged(crisis)


@pytest.mark.parametrize("object_id", ["999999", "abc", "1%00", "99999999999999999999999"])
def test_an_unknown_response_is_404(client, intake, crisis, object_id):
    url = acknowledge_url(crisis).replace(f"/{crisis.pk}/", f"/{object_id}/")
    assert client.post(url).status_code == HTTPStatus.NOT_FOUND
    nothing_acknowledged(crisis)


# -- What the queue and the page show --------------------------------------------------------


def test_the_crisis_row_offers_the_button_and_then_says_who(client, intake, crisis):
    calm = make_response()
    html = client.get(WORKSPACE, {"crisis": "yes"}).content.decode()
    assert f'action="{acknowledge_url(crisis)}"' in html
    assert f'action="{acknowledge_url(calm)}"' not in html
    assert 'name="_changelist_filters" value="crisis=yes"' in html
    client.post(acknowledge_url(crisis), {"return_to": "queue"})
    page = client.get(WORKSPACE)
    crisis.refresh_from_db()
    hhmm = timezone.localtime(crisis.crisis_acknowledged_at).strftime("%H:%M")
    [row] = [row for row in page.context["rows"] if row.pk == crisis.pk]
    assert row.acknowledged_by == "Ines Intake"
    assert row.acknowledged_when == hhmm
    html = page.content.decode()
    assert "Acknowledged by Ines Intake &middot; <time" in html
    assert f">{hhmm}</time>" in html
    assert f'action="{acknowledge_url(crisis)}"' not in html


def test_an_older_acknowledgement_names_its_day(client, intake, crisis):
    services.acknowledge_crisis(crisis, by=intake)
    Response.objects.filter(pk=crisis.pk).update(
        crisis_acknowledged_at=timezone.now() - timedelta(days=3)
    )
    [row] = [r for r in client.get(WORKSPACE).context["rows"] if r.pk == crisis.pk]
    assert len(row.acknowledged_when.split()) == 4  # "Sat 29 Nov 10:02"


def test_the_response_page_offers_the_button_and_then_says_who(client, intake, crisis):
    html = client.get(detail_url(crisis, "crisis=yes")).content.decode()
    assert f'action="{acknowledge_url(crisis)}"' in html
    assert 'name="_changelist_filters" value="crisis=yes"' in html
    assert 'name="return_to" value="response"' in html
    client.post(acknowledge_url(crisis), {"return_to": "response"})
    html = client.get(detail_url(crisis)).content.decode()
    assert "Acknowledged by Ines Intake &middot;" in html
    assert f'action="{acknowledge_url(crisis)}"' not in html
    # A calm response has nothing to acknowledge.
    calm = make_response()
    assert "Crisis seen" not in client.get(detail_url(calm)).content.decode()


def test_acknowledged_crises_stay_first_until_the_person_is_reached(client, intake):
    request = make_response()
    share(request, created_at=timezone.now() - timedelta(days=10))  # overdue
    crisis = make_response(danger_now=["overdose_signs"])
    contact = share(crisis)
    client.post(acknowledge_url(crisis))
    rows = [row.pk for row in client.get(WORKSPACE).context["rows"]]
    assert rows == [crisis.pk, request.pk]
    services.update_contact_request(contact.pk, by=intake, status=ContactStatus.CONTACTED)
    rows = [row.pk for row in client.get(WORKSPACE).context["rows"]]
    assert rows == [request.pk, crisis.pk]
