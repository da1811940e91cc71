"""The workspace's filtered queue is read from its covering indexes on PostgreSQL.

A filtered page's keys walk the queue's own order (response_queue_order); the filters
(language, level, crisis) are tested on the index entries, never on the table's wide rows
(answers, reasons, texts: about 1.6 kB a row). The capped counts of those filters, and the
contact-request filters (status, assignee, "mine") joined to them, come from
response_queue_filters and contact_queue_filters alone. At 200,000 responses this took a
"not crisis, Spanish" page from 19 ms to 1.4 ms and a "Spanish, new request" count from
132 ms to 12 ms (`make bench`, the intake rows).

PostgreSQL only (SQLite has no INCLUDE and plans differently). Each test leaves the planner
only the index under test (tests/intake/plans.py). PostgreSQL plans an index-only scan of
an index exactly when the index holds every column the query reads, which is what these
tests pin.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import RequestFactory

from programs.intake.admin.workspace import PER_PAGE, QUICK_COUNT_CAP
from programs.intake.filters import QueueFilter
from programs.intake.queue_order import SORTS
from programs.questionnaire.models import ContactRequest, ContactStatus, Response
from tests.factories.intake import intake_user, make_response, share
from tests.intake.plans import droppable_indexes, plan_of

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="covering indexes are PostgreSQL's"
    ),
]


@pytest.fixture
def queue():
    user = intake_user()
    for n in range(12):
        response = make_response(danger_now=["overdose_signs"] if n % 5 == 0 else [])
        if n % 2:
            Response.objects.filter(pk=response.pk).update(language="es")
        if n % 3:
            share(response, name=f"Person {n}")
    return user


def filtered(user, **params: str):
    request = RequestFactory().get("/admin/intake/", params)
    request.user = user
    return QueueFilter(request.GET, queryset=Response.objects.all(), request=request).qs


@pytest.mark.parametrize(
    "params",
    [
        {"language": "es"},
        {"crisis": "no", "language": "es"},
        {"level": "3"},
        {"crisis": "yes"},
    ],
)
def test_a_filtered_page_reads_its_keys_off_the_queue_index_alone(queue, params):
    keys = filtered(queue, **params).order_by(*SORTS["queue"].order_by).values("pk")
    plan = plan_of(keys[PER_PAGE : 2 * PER_PAGE], keeping="response_queue_order")
    assert "Index Only Scan using response_queue_order" in plan, plan


def test_the_due_soonest_order_reads_its_keys_off_its_index_alone(queue):
    keys = filtered(queue, language="en").order_by(*SORTS["due"].order_by).values("pk")
    plan = plan_of(keys[:PER_PAGE], keeping="response_due")
    assert "Index Only Scan using response_due" in plan, plan


def test_a_filters_count_reads_the_filter_index_alone(queue):
    counted = filtered(queue, language="es", crisis="no").order_by().values("pk")
    plan = plan_of(counted[: QUICK_COUNT_CAP + 1], keeping="response_queue_filters")
    assert "Index Only Scan using response_queue_filters" in plan, plan


def test_the_contact_filters_read_the_contact_index_alone(queue):
    """What the status, assignee and "mine" filters join to the responses: the requests'
    response ids, by status (and assignee)."""
    requests = ContactRequest.objects.order_by()
    for matching in (
        requests.filter(status=ContactStatus.NEW, assigned_to=queue),
        requests.filter(status=ContactStatus.CONTACTED),
    ):
        plan = plan_of(matching.values("response_id"), keeping="contact_queue_filters")
        assert "Index Only Scan using contact_queue_filters" in plan, plan


def test_the_planner_is_left_the_index_under_test(queue):
    """The single-column index on assignee that CI's planner once took is gone for the test,
    and back once the test's transaction is rolled back (the other tests see it)."""
    table = ContactRequest._meta.db_table
    before = droppable_indexes(table)
    assert len(before) > 1
    assert "contact_queue_filters" in before
    plan_of(ContactRequest.objects.values("response_id"), keeping="contact_queue_filters")
    assert droppable_indexes(table) == ["contact_queue_filters"]


def test_the_dropped_indexes_are_back_after_a_test():
    names = droppable_indexes(ContactRequest._meta.db_table)
    assert "contact_queue_filters" in names
    assert any("assigned_to" in name for name in names), names
