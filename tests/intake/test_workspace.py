"""The intake workspace at /admin/intake/: permissions, queue order, filters, search,
the hashed access log of searches, hostile input and a query count flat in the rows."""

from __future__ import annotations

import logging
from http import HTTPStatus
from urllib.parse import parse_qs, urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from iopguide import middleware
from programs.intake import audit
from programs.models import AuditAction, AuditEntry, ContactStatus, Response, TreatmentLevel
from tests.factories.intake import content_user, intake_user, make_response, make_user, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

WORKSPACE = "/admin/intake/"
# Session, user, the two-factor device that verified the session, permissions, count,
# page, assignee and level choices, the audit insert.
WORKSPACE_QUERIES = 10


def codes(page) -> list[str]:
    return [row.reference_code for row in page.context["rows"]]


@pytest.fixture
def intake(client, monkeypatch):
    user = intake_user(first_name="Ines", last_name="Intake")
    force_login_verified(client, user)
    # The first request records the session's start; later ones do not (query counts).
    monkeypatch.setattr(middleware, "LAST_SEEN_RESOLUTION_SECONDS", 3600)
    client.get(reverse("admin:index"))
    return user


def test_the_url_is_the_admins():
    assert reverse("admin:intake_workspace") == WORKSPACE


# -- Who may use it -------------------------------------------------------------------


def test_anonymous_users_are_sent_to_the_admin_login(client):
    page = client.get(WORKSPACE)
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"].startswith(reverse("admin:login"))
    assert not AuditEntry.objects.exists()


def test_non_staff_users_are_sent_to_the_admin_login(client):
    client.force_login(make_user(staff=False))
    page = client.get(WORKSPACE)
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"].startswith(reverse("admin:login"))


def test_content_editors_are_refused_and_not_linked(client):
    make_response()
    client.force_login(content_user())
    assert client.get(WORKSPACE).status_code == HTTPStatus.FORBIDDEN
    assert WORKSPACE not in client.get(reverse("admin:index")).content.decode()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("superuser", [False, True])
def test_intake_staff_and_superusers_see_it_from_the_admin_home(client, superuser):
    user = make_user(superuser=True) if superuser else intake_user()
    force_login_verified(client, user)
    home = client.get(reverse("admin:index")).content.decode()
    assert f'href="{WORKSPACE}"' in home
    page = client.get(WORKSPACE)
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    # The admin's own frame: header, breadcrumbs and sign-out.
    assert "IOP Guide intake" in html
    assert 'class="breadcrumbs"' in html
    assert reverse("admin:logout") in html


# -- The queue --------------------------------------------------------------------------


def test_crisis_first_then_new_requests_then_newest(client, intake):
    old = make_response()
    requested = make_response()
    share(requested)
    crisis = make_response(danger_now=["overdose_signs"])
    newest = make_response()
    page = client.get(WORKSPACE)
    assert codes(page) == [
        crisis.reference_code,
        requested.reference_code,
        newest.reference_code,
        old.reference_code,
    ]


def test_rows_show_contact_details_preferences_and_link_to_the_response(client, intake):
    response = make_response(age_group="adolescent")
    share(
        response,
        name="Maria Lopez",
        phone="+12125550199",
        email="maria@example.org",
        voicemail_ok=True,
        safe_times="After 6pm",
    )
    response.contact_request.assigned_to = intake
    response.contact_request.save()
    crisis = make_response(danger_now=["overdose_signs"])
    page = client.get(WORKSPACE)
    html = page.content.decode()
    assert "Maria Lopez" in html
    assert "(212) 555-0199" in html
    assert "maria@example.org" in html
    assert "After 6pm" in html
    assert "Voicemail OK" in html
    assert "Ines Intake" in html
    assert "English" in html
    rows = {row.reference_code: row for row in page.context["rows"]}
    assert rows[response.reference_code].teen
    assert not rows[crisis.reference_code].teen
    assert rows[crisis.reference_code].crisis
    assert reverse("admin:programs_response_change", args=[response.pk]) in html
    assert "Crisis" in html


def test_pages_of_fifty_keep_the_filters_and_search(client, intake):
    for _ in range(55):
        share(make_response(), name="Robin Example")
    page = client.get(WORKSPACE, {"q": "robin", "language": "en"})
    assert len(page.context["rows"]) == 50
    next_url = page.context["next_url"]
    assert parse_qs(next_url[1:]) == {"q": ["robin"], "language": ["en"], "page": ["2"]}
    second = client.get(WORKSPACE + next_url)
    assert len(second.context["rows"]) == 5
    # Each row links back with the state, the admin's _changelist_filters way.
    link = urlparse(second.context["rows"][0].url)
    state = parse_qs(parse_qs(link.query)["_changelist_filters"][0])
    assert state == {"q": ["robin"], "language": ["en"]}


@pytest.mark.parametrize("rows", [5, 50])
def test_query_count_is_flat_in_the_rows(client, intake, django_assert_num_queries, rows):
    responses = [make_response() for _ in range(rows)]
    for response in responses[::2]:
        contact = share(response, phone="+12125550199")
        contact.assigned_to = intake
        contact.save()
    with CaptureQueriesContext(connection) as baseline:
        client.get(WORKSPACE)
    with django_assert_num_queries(len(baseline.captured_queries)):
        page = client.get(WORKSPACE, {"q": "Robin"})
    assert page.status_code == HTTPStatus.OK
    # The same number at 5 and at 50 rows: nothing is loaded row by row.
    assert len(baseline.captured_queries) == WORKSPACE_QUERIES, [
        q["sql"] for q in baseline.captured_queries
    ]


# -- Filters ----------------------------------------------------------------------------


def test_filter_by_status_and_no_request(client, intake):
    new = make_response()
    share(new)
    closed = make_response()
    share(closed).__class__.objects.filter(response=closed).update(status=ContactStatus.CLOSED)
    alone = make_response()
    assert codes(client.get(WORKSPACE, {"status": "new"})) == [new.reference_code]
    assert codes(client.get(WORKSPACE, {"status": "closed"})) == [closed.reference_code]
    assert codes(client.get(WORKSPACE, {"status": "none"})) == [alone.reference_code]


def test_filter_by_assignee_and_mine(client, intake):
    colleague = intake_user()
    mine = make_response()
    theirs = make_response()
    for response, user in ((mine, intake), (theirs, colleague)):
        contact = share(response)
        contact.assigned_to = user
        contact.save()
    make_response()
    assert codes(client.get(WORKSPACE, {"mine": "yes"})) == [mine.reference_code]
    assert codes(client.get(WORKSPACE, {"assignee": colleague.pk})) == [theirs.reference_code]


def test_filter_by_level_crisis_and_language(client, intake):
    calm = make_response()
    crisis = make_response(danger_now=["overdose_signs"])
    spanish = make_response()
    Response.objects.filter(pk=spanish.pk).update(language="es")
    assert codes(client.get(WORKSPACE, {"crisis": "yes"})) == [crisis.reference_code]
    assert crisis.reference_code not in codes(client.get(WORKSPACE, {"crisis": "no"}))
    assert codes(client.get(WORKSPACE, {"language": "es"})) == [spanish.reference_code]
    assert codes(client.get(WORKSPACE, {"level": "null"})) == [crisis.reference_code]
    level = TreatmentLevel.objects.get(pk=calm.suggested_level_id)
    assert calm.reference_code in codes(client.get(WORKSPACE, {"level": level.pk}))
    assert crisis.reference_code not in codes(client.get(WORKSPACE, {"level": level.pk}))


# -- Search -----------------------------------------------------------------------------


@pytest.fixture
def maria(intake):
    make_response()
    response = make_response()
    share(response, name="Maria Lopez", phone="+12125550199", email="Maria@Example.org")
    other = make_response()
    share(other, name="Sam Other", phone="+13125550100", email="sam@example.org")
    return response


@pytest.mark.parametrize(
    "query",
    [
        "maria",
        "LOPEZ",
        "(212) 555-0199",
        "212.555.0199",
        "+1 212 555 0199",
        "2125550199",
        "maria@example.org",
        " MARIA@EXAMPLE.ORG ",
    ],
)
def test_search_by_name_phone_or_email(client, maria, query):
    assert codes(client.get(WORKSPACE, {"q": query})) == [maria.reference_code]


def test_email_matches_whole_addresses_only(client, maria):
    assert codes(client.get(WORKSPACE, {"q": "example.org@"})) == []


def test_search_by_reference_code_in_any_case_spaces_and_dashes(client, maria):
    code = maria.reference_code
    for typed in (code, code.lower(), f"{code[:4]} {code[4:]}", f"{code[:4]}-{code[4:]}"):
        assert codes(client.get(WORKSPACE, {"q": typed})) == [code]


def test_searches_are_logged_hashed_never_in_clear(client, maria, caplog):
    caplog.set_level(logging.DEBUG)
    client.get(WORKSPACE, {"q": "(212) 555-0199"})
    client.get(WORKSPACE, {"q": "Maria Lopez"})
    entries = list(AuditEntry.objects.order_by("pk"))
    assert [entry.action for entry in entries] == [AuditAction.VIEWED, AuditAction.VIEWED]
    assert entries[0].reference_code_list == [maria.reference_code]
    assert audit.query_digest("(212) 555-0199") in entries[0].detail
    assert audit.query_digest("maria  LOPEZ") in entries[1].detail
    for entry in entries:
        assert entry.path == WORKSPACE
        stored = " ".join(
            str(value) for value in AuditEntry.objects.filter(pk=entry.pk).values().get().values()
        )
        for clear in ("555", "0199", "Maria", "maria", "Lopez"):
            assert clear not in stored
    for clear in ("555-0199", "Maria", "Lopez"):
        assert clear not in caplog.text


def test_every_queue_read_is_logged_with_its_rows(client, intake):
    responses = [make_response() for _ in range(3)]
    client.get(WORKSPACE)
    entry = AuditEntry.objects.get()
    assert entry.action == AuditAction.VIEWED
    assert entry.actor == intake
    assert sorted(entry.reference_code_list) == sorted(r.reference_code for r in responses)
    assert "searched" not in entry.detail


def test_the_digest_is_keyed_with_the_secret_key(settings):
    first = audit.query_digest("Maria")
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert audit.query_digest("Maria") != first
    assert len(first) == 64


# -- Hostile input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"q": "maria\x00"},
        {"q": "maria\x07lopez"},
        {"q": "x" * 10_000},
        {"status": "nonsense"},
        {"assignee": "999999"},
        {"assignee": "'; drop table"},
        {"level": "abc"},
        {"crisis": "maybe"},
        {"language": "xx"},
        {"mine": "1"},
        {"page": "abc"},
        {"page": "-3"},
        {"page": "99999999999999999999"},
        {"page": "0"},
    ],
)
def test_hostile_input_never_fails(client, maria, params):
    page = client.get(WORKSPACE, params)
    assert page.status_code == HTTPStatus.OK
    # Nothing was narrowed by what could not be read: the whole queue shows.
    assert len(page.context["rows"]) == 3
    html = page.content.decode()
    if "q" in params:
        assert "nothing was searched" in html.lower()
        assert "searched (query" not in AuditEntry.objects.get().detail
    elif "page" not in params and params != {"mine": "1"}:
        assert "Ignored filter values" in html


def test_a_page_past_the_end_shows_the_last_page(client, intake):
    for _ in range(51):
        make_response()
    page = client.get(WORKSPACE, {"page": "7"})
    assert page.context["page"].number == 2
    assert len(page.context["rows"]) == 1
