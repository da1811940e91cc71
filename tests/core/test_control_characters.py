"""Control characters in any URL parameter never give a 500 (issue #18, hole 8).

A NUL byte in a result token (/results/%00/) and in admin filters (?status=%00) reached
PostgreSQL, which refuses NUL in text, and the page failed with a traceback. This walks
every URL pattern of the site, public and admin, and sends each of its path parameters and
each query parameter the page reads (its form fields and the parameters its own links
carry) with control characters and very long values, as a visitor, intake staff and a
superuser. Run it on PostgreSQL too: SQLite takes NUL without complaint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from http import HTTPStatus
from urllib.parse import parse_qsl, quote

import pytest
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from programs.intake import services
from programs.models import (
    ContactRequest,
    ListingReport,
    Program,
    Response,
    TreatmentLevel,
)
from tests.factories.directory import make_program, make_report
from tests.factories.intake import intake_user, make_response, make_user, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

HOSTILE = ["\x00", "a\x00b", "\x1f\x7f", "\r\nX-Injected: 1", "9" * 40, "x" * 5000]
# Parameters every admin changelist, and many public pages, read whether linked or not.
COMMON_PARAMETERS = ["q", "o", "p", "e", "all", "_changelist_filters", "_to_field", "_popup"]
COMMON_PARAMETERS += ["near", "page", "level", "levels", "sort", "next", "lang"]
# Views a GET must not run in a loop: signing out ends the session the test uses.
SKIPPED = {"admin:logout"}
MARKER = "zq9marker"


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    parameters: tuple[str, ...]
    model: type[models.Model] | None
    i18n: bool


def routes(patterns=None, prefix: str = "", namespace: str = "", i18n=False) -> Iterator[Route]:
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            name = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            localized = i18n or type(entry.pattern).__name__ == "LocalePrefixPattern"
            yield from routes(entry.url_patterns, prefix + str(entry.pattern), name, localized)
        elif isinstance(entry, URLPattern) and entry.name:
            # path() names its parameters by converter, re_path() by regex group.
            parameters = getattr(entry.pattern, "converters", {}) or entry.pattern.regex.groupindex
            model_admin = getattr(entry.callback, "model_admin", None)
            yield Route(
                name=f"{namespace}{entry.name}",
                route=prefix + str(entry.pattern),
                parameters=tuple(parameters),
                model=model_admin.model if model_admin else None,
                i18n=i18n,
            )


ROUTES = [route for route in routes() if route.name not in SKIPPED]


@pytest.fixture
def content():
    response = make_response()
    contact = share(response)
    staff = intake_user()
    services.add_note(response, by=staff, text="Called, no answer.")
    crisis = make_response(danger_now=["overdose_signs"])
    program = make_program()
    make_report(program)
    return {"response": response, "crisis": crisis, "contact": contact, "program": program}


def sample(route: Route, parameter: str, content) -> str:
    """A real value for a path parameter, so the page behind it renders."""
    response: Response = content["response"]
    if parameter == "token":
        return response.public_token
    if parameter == "slug":
        name = route.name.split(":")[-1]
        if name == "guide":
            return "overdose"
        return content["program"].slug if name.startswith("program") else "iop"
    if parameter == "code":
        return "es"
    if parameter == "resource_id":
        return "iop-guide-triage" if "questionnaire" in route.name else "x"
    if parameter == "export_format":
        return "csv"
    if parameter == "content_type_id":
        from django.contrib.contenttypes.models import ContentType

        return str(ContentType.objects.get_for_model(Program).pk)
    if parameter == "app_label":
        return "programs"
    if parameter == "object_id":
        if route.model is None:
            return str(content["program"].pk)
        obj = route.model._default_manager.order_by("pk").first()
        return str(obj.pk) if obj is not None else "1"
    if parameter == "model_name":
        return "program"
    return "1"


def paths(route: Route, content) -> Iterator[tuple[str, str]]:
    """(kind, path): the route with real values, then with each parameter made hostile."""
    values = {p: sample(route, p, content) for p in route.parameters}
    languages = ["en", "es"] if route.i18n else ["en"]
    for language in languages:
        with translation.override(language):
            yield "valid", reverse(route.name, kwargs=values)
            for parameter in route.parameters:
                marked = {**values, parameter: MARKER}
                if parameter in {"content_type_id", "object_id"} and not route.model:
                    marked[parameter] = "987654321"
                try:
                    template = reverse(route.name, kwargs=marked)
                except Exception:  # an int converter: replace the real value instead
                    template = reverse(route.name, kwargs=values)
                    template = template.replace(f"/{values[parameter]}/", f"/{MARKER}/", 1)
                marker = MARKER if MARKER in template else "987654321"
                for hostile in HOSTILE:
                    yield (
                        f"path {parameter}={hostile!r}",
                        template.replace(marker, quote(hostile, safe=""), 1),
                    )


def parameters_read(html: str) -> set[str]:
    """Query parameters a page reads: the fields of its GET forms and its own links'
    parameters (a POST form's fields arrive in the body, not the address)."""
    names: set[str] = set()
    for attributes, body in re.findall(r"<form\b([^>]*)>(.*?)</form>", html, re.DOTALL):
        if 'method="post"' not in attributes.lower():
            names.update(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', body))
    for href in re.findall(r'href="(\?[^"]*)"', html):
        names.update(key for key, _ in parse_qsl(unescape(href)[1:], keep_blank_values=True))
    return names


def reads_queries(route: Route) -> bool:
    """Pages that read query parameters: every public page, and the admin's lists."""
    if not route.name.startswith("admin:"):
        return True
    return route.name.endswith(("_changelist", ":index", ":intake_workspace", ":app_list"))


def server_errors(client: Client, routes_: list[Route], content, *, queries: bool) -> list[str]:
    """Every route with hostile path parameters; with `queries`, each page that renders
    also with each parameter it reads made hostile in turn (English only: the Spanish
    copy of a page runs the same view)."""
    failures: list[str] = []
    for route in routes_:
        for kind, path in paths(route, content):
            page = client.get(path)
            if page.status_code >= HTTPStatus.INTERNAL_SERVER_ERROR:
                failures.append(f"{page.status_code} {route.name} {kind}: {path[:120]!r}")
            if (
                not (queries and reads_queries(route))
                or kind != "valid"
                or path.startswith("/es/")
            ):
                continue
            if page.status_code != HTTPStatus.OK:
                continue
            names = parameters_read(page.content.decode(errors="replace"))
            for name in sorted(names | set(COMMON_PARAMETERS)):
                for hostile in HOSTILE:
                    page = client.get(path, {name: hostile})
                    if page.status_code >= HTTPStatus.INTERNAL_SERVER_ERROR:
                        failures.append(f"{page.status_code} {route.name} ?{name}={hostile!r}")
    return failures


def assert_nothing_changed() -> None:
    # Nothing was half-saved or deleted by a hostile GET.
    assert Response.objects.count() == 2
    assert ContactRequest.objects.count() == 1
    assert ListingReport.objects.count() == 1
    assert TreatmentLevel.objects.filter(slug="iop").exists()


PUBLIC = [route for route in ROUTES if not route.name.startswith("admin:")]
ADMIN = [route for route in ROUTES if route.name.startswith("admin:")]


def test_the_walk_covers_the_site():
    names = {route.name for route in ROUTES}
    assert {"programs:result", "programs:program_list", "admin:intake_workspace"} <= names
    assert {"admin:programs_response_changelist", "admin:programs_auditentry_changelist"} <= names
    assert len(PUBLIC) >= 15
    assert len(ADMIN) >= 80


def test_public_pages_as_a_visitor(content):
    client = Client(raise_request_exception=False)
    failures = server_errors(client, PUBLIC, content, queries=True)
    failures += server_errors(client, ADMIN, content, queries=False)
    assert_nothing_changed()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ["intake staff", "superuser"])
def test_admin_pages_as_staff(content, role):
    client = Client(raise_request_exception=False)
    force_login_verified(
        client, intake_user() if role == "intake staff" else make_user(superuser=True)
    )
    failures = server_errors(client, ADMIN, content, queries=True)
    failures += server_errors(client, PUBLIC, content, queries=False)
    assert_nothing_changed()
    assert not failures, "\n".join(failures)


# -- What the walk found, pinned one by one ------------------------------------------


@pytest.mark.parametrize("path", ["/results/%00/", "/es/results/%00/share/", "/levels/%00/"])
def test_nul_in_a_path_is_refused_plainly(client, path):
    page = client.get(path)
    assert page.status_code in {HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND}
    assert "988" in page.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "kind__exact=%00",
        "status__exact=new&kind__exact=a%00b",
        "%00=1",
        "o=%00",
        "p=%00",
        "created_at__year=99999999999999999999",
        "created_at__year=2026&created_at__month=99999999999999999999",
    ],
)
def test_hostile_admin_filters_are_a_plain_400(admin_client, query):
    # The listing-report list: date drill-down and choice filters, like the old response list.
    page = admin_client.get(f"{reverse('admin:programs_listingreport_changelist')}?{query}")
    assert page.status_code == HTTPStatus.BAD_REQUEST
    assert page["Content-Type"].startswith("text/plain")
    assert "Go back and choose" in page.content.decode()


@pytest.mark.parametrize("query", ["q=%00", "q=maria%00", "q=%00&p=2"])
def test_nul_in_the_admin_search_box_gets_djangos_own_message(client, query):
    force_login_verified(client, intake_user())
    page = client.get(f"{reverse('admin:programs_response_changelist')}?{query}")
    assert page.status_code in {HTTPStatus.OK, HTTPStatus.FOUND}


def test_nul_in_a_workspace_filter_or_search_is_ignored_in_words(client):
    # The workspace reads its own parameters and names what it ignored.
    force_login_verified(client, intake_user())
    page = client.get("/admin/intake/?status=%00")
    assert page.status_code == HTTPStatus.OK
    assert "ignored" in page.content.decode().lower()
    page = client.get("/admin/intake/?q=maria%00")
    assert page.status_code == HTTPStatus.OK
    assert "nothing was searched" in page.content.decode().lower()


@pytest.mark.parametrize("url", ["/programs/?near=%00", "/programs/?level=%00&page=%00"])
def test_nul_in_public_filters_is_ignored(client, url):
    assert client.get(url).status_code == HTTPStatus.OK


def test_intake_staff_can_open_a_program_read_only(client):
    # View-only users get a form without the editable fields; setting their help text
    # in the form's __init__ was a KeyError (a 500).
    force_login_verified(client, intake_user())
    program = make_program()
    page = client.get(reverse("admin:programs_program_change", args=[program.pk]))
    assert page.status_code == HTTPStatus.OK
    assert "centre of the ZIP code" in page.content.decode()


@pytest.mark.parametrize("number", ["9" * 40, "100001", "-1", "0", "abc"])
def test_any_directory_page_number_shows_a_page(client, number):
    make_program()
    assert client.get("/programs/", {"page": number}).status_code == HTTPStatus.OK
