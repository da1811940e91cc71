"""The workspace queue counts only as far as the page asked for needs, and old page links work.

Small numbers stand in for the real ones (50 a page, a quick count of 1,000, at most
10,000): 2 a page, a quick count of 4, at most 10, with 12 responses.
"""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from iopguide import middleware
from programs.intake.admin import workspace
from programs.intake.services import update_contact_request
from programs.models import ContactStatus, Response
from tests.factories.intake import intake_user, make_response, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

WORKSPACE = "/admin/intake/"


@pytest.fixture
def intake(client, monkeypatch):
    user = intake_user()
    force_login_verified(client, user)
    monkeypatch.setattr(middleware, "LAST_SEEN_RESOLUTION_SECONDS", 3600)
    client.get(reverse("admin:index"))
    monkeypatch.setattr(workspace, "PER_PAGE", 2)
    monkeypatch.setattr(workspace, "QUICK_COUNT_CAP", 4)
    monkeypatch.setattr(workspace, "COUNT_CAP", 10)
    return user


def page(client, query: str):
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(WORKSPACE + query)
    assert answer.status_code == HTTPStatus.OK
    counts = [q["sql"] for q in captured if q["sql"].upper().startswith("SELECT COUNT(")]
    return answer, counts


def test_the_first_pages_count_only_a_few_rows_and_later_pages_still_open(client, intake):
    for _ in range(12):
        make_response()
    first, counts = page(client, "")
    assert all("LIMIT 5" in sql.upper() for sql in counts)
    assert counts
    assert "More than 4 responses" in first.content.decode()
    assert first.context["page"].number == 1
    assert first.context["next_url"] == "?page=2"
    # The last page counted links on to the next, which exists.
    second, _ = page(client, "?page=2")
    assert second.context["next_url"] == "?page=3"
    # An old link to a later page shows that page, counted further.
    third, counts = page(client, "?page=3")
    assert third.context["page"].number == 3
    assert all("LIMIT 9" in sql.upper() for sql in counts)
    assert counts
    assert len(third.context["rows"]) == 2
    shown = [row.pk for n in (1, 2, 3) for row in page(client, f"?page={n}")[0].context["rows"]]
    assert len(set(shown)) == 6  # no row twice, none skipped
    # Past the most ever counted, the nearest page that exists (as before).
    far, _ = page(client, "?page=60")
    assert far.context["page"].number == 5
    assert far.context["next_url"] == ""


def test_a_small_list_is_counted_exactly_with_no_next_page(client, intake):
    for _ in range(3):
        make_response()
    answer, _ = page(client, "?page=2")
    assert "3 responses" in answer.content.decode()
    assert answer.context["page"].number == 2
    assert answer.context["next_url"] == ""


def test_a_reached_status_is_sorted_by_the_database_in_the_same_order(client, intake):
    """Filtered on a reached status, the queue's keys are sorted, not walked off the index
    (workspace._not_walked): the SQL says so and the rows come in the same order."""
    staff = intake_user()
    responses = []
    for _ in range(5):
        response = make_response()
        contact = share(response)
        update_contact_request(contact.pk, by=staff, status=ContactStatus.CONTACTED)
        responses.append(response)
    expected = list(
        Response.objects.filter(contact_request__status=ContactStatus.CONTACTED)
        .order_by(*workspace.ORDERING)
        .values_list("pk", flat=True)
    )
    with CaptureQueriesContext(connection) as captured:
        rows = [
            row.pk
            for n in (1, 2, 3)
            for row in client.get(WORKSPACE, {"status": "contacted", "page": n}).context["rows"]
        ]
    assert rows == expected
    assert any("* 0" in q["sql"] for q in captured)
    with CaptureQueriesContext(connection) as captured:
        client.get(WORKSPACE, {"status": "new"})
    assert not any("* 0" in q["sql"] for q in captured)
