"""The workspace's exports: the current filtered and searched queue as CSV or FHIR.

Permissions (the export permission on top of the workspace's), CSRF, the filters and
search honoured across every page in the queue's order, the access log, the cap, hostile
parameters, and FHIR read by fhir.resources' R4B models as tests/intake/test_fhir_oracle.py
does for a single response.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from http import HTTPStatus
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from iopguide import middleware
from programs.intake import audit, exports
from programs.models import AuditAction, AuditEntry, ContactStatus, ExportFormat, Response
from tests.factories.intake import content_user, intake_user, make_response, make_user, share
from tests.factories.two_factor import force_login_verified
from tests.intake.test_fhir_oracle import assert_valid_r4b

pytestmark = pytest.mark.django_db

WORKSPACE = reverse("admin:intake_workspace")
EXPORT_CSV = reverse("admin:intake_workspace_export", args=["csv"])
EXPORT_FHIR = reverse("admin:intake_workspace_export", args=["fhir"])


def test_the_urls_are_under_the_workspace():
    assert EXPORT_CSV == "/admin/intake/export/csv/"
    assert EXPORT_FHIR == "/admin/intake/export/fhir/"


@pytest.fixture
def intake(client, monkeypatch):
    user = intake_user(first_name="Ines", last_name="Intake")
    force_login_verified(client, user)
    # The first request records the session's start; later ones do not (query counts).
    monkeypatch.setattr(middleware, "LAST_SEEN_RESOLUTION_SECONDS", 3600)
    client.get(reverse("admin:index"))
    return user


def read_csv(page) -> list[dict[str, str]]:
    assert page.status_code == HTTPStatus.OK, page.content[:300]
    assert page["Content-Type"] == "text/csv; charset=utf-8"
    text = page.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def csv_codes(page) -> list[str]:
    return [row["Reference code"] for row in read_csv(page)]


def fhir_document(page) -> dict:
    assert page.status_code == HTTPStatus.OK
    assert page["Content-Type"].startswith("application/fhir+json")
    body = b"".join(page.streaming_content) if page.streaming else page.content
    return json.loads(body)


def exports_logged() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=AuditAction.EXPORTED).order_by("pk"))


def without_export_permission():
    user = intake_user()
    group = user.groups.get()
    group.permissions.remove(*group.permissions.filter(codename="export_response"))
    return user


# -- Who may export -------------------------------------------------------------------


@pytest.mark.parametrize("url", [EXPORT_CSV, EXPORT_FHIR])
def test_anonymous_users_are_sent_to_the_admin_login(client, url):
    make_response()
    for page in (client.post(url), client.get(url)):
        assert page.status_code == HTTPStatus.FOUND
        assert page["Location"].startswith(reverse("admin:login"))
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    "who", ["non-staff", "content editor", "intake staff without the export permission"]
)
@pytest.mark.parametrize("url", [EXPORT_CSV, EXPORT_FHIR])
def test_others_are_refused(client, who, url):
    make_response()
    user = {
        "non-staff": lambda: make_user(staff=False),
        "content editor": content_user,
        "intake staff without the export permission": without_export_permission,
    }[who]()
    force_login_verified(client, user)
    page = client.post(url)
    if who == "non-staff":  # the admin's own sign-in page
        assert page.status_code == HTTPStatus.FOUND
        assert page["Location"].startswith(reverse("admin:login"))
    else:
        assert page.status_code == HTTPStatus.FORBIDDEN
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORTED).exists()


def test_intake_staff_without_the_permission_see_no_buttons(client):
    response = make_response()
    force_login_verified(client, without_export_permission())
    html = client.get(WORKSPACE).content.decode()
    assert response.reference_code in html
    assert "Download CSV" not in html
    assert "Download FHIR" not in html
    assert EXPORT_CSV not in html


@pytest.mark.parametrize("superuser", [False, True])
def test_intake_staff_and_superusers_export(client, superuser):
    response = make_response()
    force_login_verified(client, make_user(superuser=True) if superuser else intake_user())
    html = client.get(WORKSPACE).content.decode()
    assert "Download CSV" in html
    assert "Download FHIR" in html
    assert csv_codes(client.post(EXPORT_CSV)) == [response.reference_code]
    assert fhir_document(client.post(EXPORT_FHIR))["resourceType"] == "QuestionnaireResponse"


def test_exports_need_a_post_with_the_csrf_token(intake):
    share(make_response())  # status new, name Robin Example
    browser = Client(enforce_csrf_checks=True)
    force_login_verified(browser, intake)
    assert browser.post(EXPORT_CSV).status_code == HTTPStatus.FORBIDDEN
    # A GET (a link, an image) exports nothing: it shows the list it would export.
    page = browser.get(EXPORT_CSV, {"status": "new", "page": "2"})
    assert page.status_code == HTTPStatus.FOUND
    assert page["Location"] == f"{WORKSPACE}?status=new&page=2"
    assert not exports_logged()
    # The workspace's own buttons carry the token and the list's state.
    html = browser.get(WORKSPACE, {"status": "new", "q": "Robin"}).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    action = html.split('class="intake-workspace-exports"')[1].split('action="')[1].split('"')[0]
    assert urlparse(action.replace("&amp;", "&")).path == EXPORT_CSV
    assert parse_qs(urlparse(action.replace("&amp;", "&")).query) == {
        "status": ["new"],
        "q": ["Robin"],
    }
    assert browser.post(EXPORT_CSV, {"csrfmiddlewaretoken": token}).status_code == HTTPStatus.OK


def test_an_unknown_format_is_a_404(client, intake):
    page = client.post(reverse("admin:intake_workspace_export", args=["xml"]))
    assert page.status_code == HTTPStatus.NOT_FOUND
    assert not exports_logged()


# -- Exactly the workspace's list ------------------------------------------------------


def workspace_codes(client, params: dict) -> list[str]:
    """Every row of the workspace with these filters, page after page."""
    codes: list[str] = []
    page = client.get(WORKSPACE, params)
    while True:
        codes += [row.reference_code for row in page.context["rows"]]
        if not page.context["next_url"]:
            return codes
        page = client.get(WORKSPACE + page.context["next_url"])


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"status": "new"},
        {"status": "none"},
        {"crisis": "yes"},
        {"crisis": "no", "language": "en"},
        {"mine": "yes"},
        {"queue": "crisis_recent"},
        {"q": "Robin"},
        {"q": "(212) 555-0199"},
    ],
)
def test_the_export_lists_the_rows_the_filters_select_in_queue_order(client, intake, params):
    for n in range(60):
        response = make_response(danger_now=["overdose_signs"] if n % 7 == 0 else [])
        if n % 3 == 0:
            contact = share(response, name="Robin Example" if n % 2 else "Sam Other")
            if n % 4 == 0:
                contact.assigned_to = intake
                contact.save()
    share(make_response(), name="Maria Lopez", phone="+12125550199")
    expected = workspace_codes(client, params)
    assert expected  # something to export
    assert csv_codes(client.post(EXPORT_CSV + "?" + urlencode(params))) == expected
    entry = exports_logged()[-1]
    assert entry.reference_code_list == expected
    assert entry.export_format == ExportFormat.CSV


def test_the_export_ignores_the_page_number_and_has_every_page(client, intake):
    for _ in range(55):
        make_response()
    assert len(csv_codes(client.post(f"{EXPORT_CSV}?page=2"))) == 55


def test_csv_contents(client, intake):
    calm = make_response(substances=["alcohol"], frequency="daily")
    share(calm, name="=cmd|' /C calc'!A0", phone="+12125550199", voicemail_ok=True)
    make_response(danger_now=["withdrawal_emergency"])
    rows = {row["Reference code"]: row for row in read_csv(client.post(f"{EXPORT_CSV}?crisis=no"))}
    assert list(rows) == [calm.reference_code]
    row = rows[calm.reference_code]
    assert row["Contact name"] == "'=cmd|' /C calc'!A0"  # no formula for a spreadsheet
    assert row["Phone"] == "(212) 555-0199"
    assert row["OK to leave a voicemail"] == "Yes"
    assert row["Contact request status"] == "New"
    assert row["How often is the substance used?"] == "Every day or almost every day"
    assert row["Suggested level to discuss"] == calm.suggested_level.name


# -- The access log -----------------------------------------------------------------------


def test_each_export_is_logged_with_its_format_codes_and_a_hashed_search(client, intake, caplog):
    caplog.set_level(logging.DEBUG)
    maria = make_response()
    share(maria, name="Maria Lopez", phone="+12125550199")
    make_response()
    client.post(f"{EXPORT_CSV}?q=Maria+Lopez")
    client.post(f"{EXPORT_FHIR}?q=(212)+555-0199")
    client.post(EXPORT_FHIR)
    csv_entry, fhir_one, fhir_all = exports_logged()
    assert (csv_entry.export_format, fhir_one.export_format, fhir_all.export_format) == (
        ExportFormat.CSV,
        ExportFormat.FHIR,
        ExportFormat.FHIR,
    )
    assert csv_entry.reference_code_list == fhir_one.reference_code_list == [maria.reference_code]
    assert fhir_all.response_count == 2
    assert csv_entry.actor == intake
    assert csv_entry.path == EXPORT_CSV
    assert fhir_one.path == EXPORT_FHIR
    assert audit.query_digest("maria lopez") in csv_entry.detail
    assert audit.query_digest("(212) 555-0199") in fhir_one.detail
    assert "searched" not in fhir_all.detail
    stored = " ".join(
        str(value)
        for entry in exports_logged()
        for value in AuditEntry.objects.filter(pk=entry.pk).values().get().values()
    )
    for clear in ("Maria", "Lopez", "555", "0199"):
        assert clear not in stored
        assert clear not in caplog.text


# -- FHIR -------------------------------------------------------------------------------


def test_fhir_of_one_response_is_the_same_document_as_its_pages(client, intake):
    response = make_response(substances=["opioids"], frequency="daily")
    make_response()
    document = fhir_document(client.post(f"{EXPORT_FHIR}?q={response.reference_code}"))
    assert_valid_r4b(document, "QuestionnaireResponse")
    own = client.post(reverse("admin:programs_response_export", args=[response.pk, "fhir"]))
    assert document == json.loads(own.content)


def test_fhir_of_several_is_a_valid_bundle_in_queue_order(client, intake):
    calm = make_response(substances=["alcohol"])
    requested = make_response()
    share(requested)
    crisis = make_response(danger_now=["overdose_signs"])
    page = client.post(EXPORT_FHIR)
    assert page["Content-Disposition"].startswith(
        'attachment; filename="iop-guide-questionnaire-responses-'
    )
    document = fhir_document(page)
    bundle = Bundle.model_validate(document)
    assert bundle.type == "collection"
    assert bundle.timestamp is not None
    entries = document["entry"]
    codes = [entry["resource"]["identifier"]["value"] for entry in entries]
    assert codes == [crisis.reference_code, requested.reference_code, calm.reference_code]
    assert codes == workspace_codes(client, {})
    for entry in entries:
        assert_valid_r4b(entry["resource"], "QuestionnaireResponse")
        assert entry["fullUrl"].startswith("urn:uuid:")
        # No contact details in FHIR, as from a response's page.
        assert "Robin" not in json.dumps(entry)
    assert len({entry["fullUrl"] for entry in entries}) == 3
    # The same response keeps the same fullUrl from one export to the next.
    again = fhir_document(client.post(EXPORT_FHIR))
    assert [entry["fullUrl"] for entry in again["entry"]] == [e["fullUrl"] for e in entries]


# -- Refused exports ------------------------------------------------------------------------


@pytest.mark.parametrize("url", [EXPORT_CSV, EXPORT_FHIR])
def test_too_large_a_list_is_refused_with_todays_message(client, intake, monkeypatch, url):
    monkeypatch.setattr(exports, "MAX_EXPORT", 2)
    for _ in range(3):
        share(make_response())
    page = client.post(f"{url}?status=new", follow=True)
    assert page.redirect_chain == [(f"{WORKSPACE}?status=new", HTTPStatus.FOUND)]
    assert "export at most 2 at a time" in page.content.decode()
    assert not exports_logged()
    # At the cap, it goes.
    monkeypatch.setattr(exports, "MAX_EXPORT", 3)
    assert client.post(f"{url}?status=new").status_code == HTTPStatus.OK


def test_an_empty_list_exports_nothing(client, intake):
    make_response()
    page = client.post(f"{EXPORT_CSV}?crisis=yes", follow=True)
    assert "Nothing to export: this list is empty." in page.content.decode()
    assert not exports_logged()


@pytest.mark.parametrize(
    "query",
    [
        "status=nonsense",
        "assignee=999999",
        "assignee=%27%3B+drop+table",
        "level=abc",
        "crisis=maybe",
        "language=xx",
        "mine=1",
        "queue=everything",
        "q=maria%00",
        "q=maria%07lopez",
        "q=" + "x" * 10_000,
        "status=" + "x" * 10_000,
    ],
)
@pytest.mark.parametrize("url", [EXPORT_CSV, EXPORT_FHIR])
def test_unreadable_filters_or_search_export_nothing_and_say_why(client, intake, url, query):
    make_response()
    page = client.post(f"{url}?{query}", follow=True)
    assert page.status_code == HTTPStatus.OK
    assert page.redirect_chain[0][0].startswith(WORKSPACE)
    html = page.content.decode()
    assert "Nothing was exported" in html
    assert "x" * 300 not in html  # what was typed is named, but never at length
    assert not exports_logged()


@pytest.mark.parametrize(
    "query",
    ["page=abc", "page=-3", "page=99999999999999999999", "status=new&status=none"],
)
def test_odd_but_harmless_parameters_export_as_the_workspace_lists(client, intake, query):
    share(make_response())
    alone = make_response()
    page = client.post(f"{EXPORT_CSV}?{query}")
    assert page.status_code == HTTPStatus.OK
    if "status=none" in query:  # the last of a repeated parameter, as Django reads it
        assert csv_codes(page) == [alone.reference_code]


# -- Bounded queries ----------------------------------------------------------------------


@pytest.mark.parametrize("url", [EXPORT_CSV, EXPORT_FHIR])
def test_export_queries_do_not_grow_with_the_rows(client, intake, url):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            page = client.post(url)
            if page.streaming:
                b"".join(page.streaming_content)
        assert page.status_code == HTTPStatus.OK
        return len(captured)

    for n in range(3):
        share(make_response(), status=ContactStatus.IN_PROGRESS if n else ContactStatus.NEW)
    few = queries()
    for n in range(20):
        share(make_response(), status=ContactStatus.IN_PROGRESS if n else ContactStatus.NEW)
    assert queries() == few
    assert Response.objects.count() == 23
