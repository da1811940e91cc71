"""The page cache: hits cost no query, edits clear it, and nothing personal is ever shared."""

import re
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import translation

from programs.core import caching
from programs.models import (
    GuidePage,
    GuideSection,
    Helpline,
    Program,
    ProgramFeature,
    Service,
    SuitabilityCriterion,
    TreatmentLevel,
)
from tests.factories.directory import make_program
from tests.factories.intake import make_response, make_user
from tests.factories.levels import make_criterion, make_service
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    # The rest of the suite runs without the page cache (tests/conftest.py).
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_VERSION_CHECK_SECONDS = 60
    caching.reset()
    yield
    caching.reset()


def get(client, url: str, **extra):
    """The response and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def is_stored(url: str, language: str = "en") -> bool:
    """Whether the cache holds an anonymous visitor's page at this address."""
    request = RequestFactory().get(url)
    version = caching.content_version()
    assert version is not None
    with translation.override(language):
        key = caching.page_key(request, version)
    return caches[caching.PAGES].get(key) is not None


def without_tokens(html: str) -> str:
    return CSRF_INPUT.sub('name="csrfmiddlewaretoken" value=""', html)


def public_urls() -> list[str]:
    a, b = make_program(payments=["medicaid"]), make_program(schedules=["evening"])
    return [
        "/",
        "/levels/",
        "/levels/iop/",
        "/compare/",
        "/compare/?levels=iop&levels=php",
        "/withdrawal-management/",
        "/about/",
        "/privacy/",
        "/programs/",
        "/programs/?level=iop&schedule=evening&payment=medicaid",
        a.get_absolute_url(),
        f"/programs/compare/?ids={a.pk},{b.pk}",
    ]


# -- Hits -----------------------------------------------------------------------------


def test_a_second_visit_is_served_from_the_cache_without_a_query(client):
    for url in public_urls():
        first = client.get(url)
        again, again_queries = get(client, url)
        assert first.status_code == again.status_code == HTTPStatus.OK, url
        assert is_stored(url), url
        assert again_queries == 0, url
        # The very same page (a form's CSRF token aside, which is new for each visit).
        assert without_tokens(again.content.decode()) == without_tokens(first.content.decode())


def test_cached_pages_keep_the_security_headers_of_a_fresh_page(client):
    url = reverse("programs:level_detail", args=["iop"])
    fresh, cached = client.get(url), client.get(url)
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
        assert cached[header] == fresh[header]
    assert cached["Content-Type"] == fresh["Content-Type"]


def test_the_public_content_views_are_wrapped_and_the_personal_ones_are_not():
    program = make_program()
    response = make_response()
    for url in ["/", "/levels/", "/levels/iop/", "/compare/", "/programs/"]:
        assert getattr(resolve(url).func, "cache_public_page", False), url
    assert getattr(resolve(program.get_absolute_url()).func, "cache_public_page", False)
    for url in [
        reverse("programs:questionnaire"),
        response.get_absolute_url(),
        reverse("programs:share", args=[response.public_token]),
        reverse("admin:index"),
        reverse("healthz"),
    ]:
        assert not getattr(resolve(url).func, "cache_public_page", False), url


# -- Invalidation ---------------------------------------------------------------------
# These tests commit for real (transaction=True): the cache is cleared after a commit, and
# the usual test transaction never commits.
committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@committing
def test_saving_a_level_clears_the_cache_once_the_transaction_commits(client):
    url = reverse("programs:level_detail", args=["iop"])
    client.get(url)
    level = TreatmentLevel.objects.get(slug="iop")
    with transaction.atomic():
        level.name = "Renamed intensive outpatient"
        level.save()
        # Until the editor's transaction commits, visitors get the old page, and a page
        # rendered now (from the old data, in another connection) could not be stored
        # under the new version.
        page, queries = get(client, url)
        assert queries == 0
        assert "Renamed intensive outpatient" not in page.content.decode()
    page, queries = get(client, url)
    assert queries > 0
    assert "Renamed intensive outpatient" in page.content.decode()


@committing
@pytest.mark.parametrize(
    "change",
    [
        "criterion",
        "service_added",
        "service_renamed",
        "program",
        "program_features",
        "program_deleted",
    ],
)
def test_every_kind_of_content_change_clears_the_cache(client, change):
    iop = TreatmentLevel.objects.get(slug="iop")
    program = make_program(name="Old Name Program", payments=["medicaid"])
    urls = ["/levels/iop/", "/programs/", program.get_absolute_url()]
    for url in urls:
        client.get(url)
        assert get(client, url)[1] == 0
    if change == "criterion":
        make_criterion(iop, text="A brand new criterion.")
    elif change == "service_added":
        iop.services.add(make_service(name="Brand New Service"))
    elif change == "service_renamed":
        service = iop.services.first()
        service.name = "Renamed service"
        service.save()
    elif change == "program":
        program.name = "New Name Program"
        program.save()
    elif change == "program_features":
        program.set_features("payment", ["free"])
    else:
        program.delete()
    for url in urls:
        assert get(client, url)[1] > 0, (change, url)


@committing
def test_one_transaction_of_many_changes_clears_the_cache_once(client, monkeypatch):
    bumps = []
    monkeypatch.setattr(caching, "_bump", lambda: bumps.append(1))
    iop = TreatmentLevel.objects.get(slug="iop")
    with transaction.atomic():
        for n in range(5):
            make_criterion(iop, text=f"Criterion {n}")
        assert bumps == []
    assert bumps == [1]


@committing
def test_a_process_without_the_page_cache_still_tells_the_others(settings):
    # e.g. `manage.py load_content` run with PAGE_CACHE_ENABLED=0 on a shared database.
    before = caching.content_version()
    settings.PAGE_CACHE_ENABLED = False
    make_service(name="Added by a command")
    settings.PAGE_CACHE_VERSION_CHECK_SECONDS = 0
    assert caching.content_version() != before


@committing
def test_a_change_in_the_admin_clears_the_cache(client, admin_client):
    iop = TreatmentLevel.objects.get(slug="iop")
    service = iop.services.first()
    url = reverse("programs:level_detail", args=["iop"])
    assert service.name in client.get(url).content.decode()
    change = reverse("admin:programs_service_change", args=[service.pk])
    posted = admin_client.post(
        change,
        {
            "slug": service.slug,
            "name": "Group therapy, renamed",
            "description": service.description,
            "order": service.order,
        },
    )
    assert posted.status_code == HTTPStatus.FOUND
    page, queries = get(client, url)
    assert queries > 0
    assert "Group therapy, renamed" in page.content.decode()


@committing
def test_marking_programs_verified_in_the_admin_clears_the_cache(client, admin_client):
    # The action updates rows in one query, which sends no signals.
    program = make_program()
    Program.objects.filter(pk=program.pk).update(last_verified="2020-01-01")
    url = program.get_absolute_url()
    assert "January 1, 2020" in client.get(url).content.decode()
    admin_client.post(
        reverse("admin:programs_program_changelist"),
        {"action": "mark_verified_today", "_selected_action": [program.pk], "index": 0},
    )
    page, queries = get(client, url)
    assert queries > 0
    assert "January 1, 2020" not in page.content.decode()


def test_each_room_registers_the_models_its_public_pages_show():
    # Filled from ProgramsConfig.ready() by the levels, directory, guides and helplines
    # rooms; core knows none.
    assert set(caching.watched_models()) == {
        Helpline,
        TreatmentLevel,
        Service,
        SuitabilityCriterion,
        TreatmentLevel.services.through,
        Program,
        ProgramFeature,
        GuidePage,
        GuideSection,
        GuidePage.levels.through,
    }


@committing
def test_adding_features_alone_clears_the_cache(client):
    # No row is deleted and the program is not saved: only bulk_create, which sends no
    # signals, so replace_features tells the page cache itself.
    program = make_program(payments=["medicaid"])
    url = program.get_absolute_url()
    assert "Free or no-cost care" not in client.get(url).content.decode()
    program.set_features("payment", ["medicaid", "free"])
    page, queries = get(client, url)
    assert queries > 0
    assert "Free or no-cost care" in page.content.decode()


@committing
@pytest.mark.parametrize("command", [["load_content"], ["load_demo_data"], ["remove_demo_data"]])
def test_bulk_writers_clear_the_cache_once(monkeypatch, command):
    bumps = []
    monkeypatch.setattr(caching, "_bump", lambda: bumps.append(1))
    call_command(*command, stdout=StringIO())
    assert bumps == [1]


@committing
def test_a_dry_run_leaves_the_cache_alone(monkeypatch):
    bumps = []
    monkeypatch.setattr(caching, "_bump", lambda: bumps.append(1))
    call_command("load_content", "--dry-run", stdout=StringIO())
    call_command("load_demo_data", "--dry-run", stdout=StringIO())
    assert bumps == []


def test_other_processes_see_a_change_within_the_check_interval(client, settings):
    url = reverse("programs:home")
    client.get(url)
    # Another app server saved a level: it wrote a new version to the shared cache.
    caches[caching.SHARED].set(caching.VERSION_KEY, "changed-elsewhere", timeout=None)
    assert get(client, url)[1] == 0  # within the interval, this process keeps its pages
    settings.PAGE_CACHE_VERSION_CHECK_SECONDS = 0
    page, queries = get(client, url)
    assert queries > 0
    assert caching.content_version() == "changed-elsewhere"


def test_a_lost_version_never_brings_old_pages_back(client, settings):
    settings.PAGE_CACHE_VERSION_CHECK_SECONDS = 0
    first = caching.content_version()
    caches[caching.SHARED].delete(caching.VERSION_KEY)
    assert caching.content_version() not in (None, first)


def test_without_the_shared_cache_pages_are_served_fresh(client, settings, monkeypatch):
    settings.PAGE_CACHE_VERSION_CHECK_SECONDS = 0

    def broken(*args, **kwargs):
        raise DatabaseError("no such table: iopguide_shared")

    monkeypatch.setattr(caches[caching.SHARED], "get", broken)
    for _ in range(2):
        page, queries = get(client, "/levels/iop/")
        assert page.status_code == HTTPStatus.OK
        assert queries > 0


# -- What is never cached -------------------------------------------------------------


def test_the_same_page_in_two_languages_has_two_entries():
    request = RequestFactory().get("/levels/iop/")
    with translation.override("en"):
        english = caching.page_key(request, "v1")
    with translation.override("es"):
        spanish = caching.page_key(request, "v1")
    assert english != spanish


def test_spanish_and_english_pages_are_cached_apart(client):
    english, _ = get(client, "/levels/iop/")
    spanish, queries = get(client, "/es/levels/iop/")
    assert spanish.status_code == HTTPStatus.OK
    assert queries > 0  # not the English page from the cache
    assert get(client, "/es/levels/iop/")[1] == 0
    again, queries = get(client, "/levels/iop/")
    assert queries == 0
    assert again.content == english.content
    assert is_stored("/levels/iop/", "en")
    assert not is_stored("/levels/iop/", "es")


def test_forms_get_a_token_of_their_own_visitor_never_a_cached_one():
    program = make_program()
    url = program.get_absolute_url()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(url)
    with CaptureQueriesContext(connection) as queries:
        second_page = second.get(url)
    assert len(queries) == 0  # served from the cache...
    first_token = CSRF_INPUT.search(first_page.content.decode()).group(1)
    second_token = CSRF_INPUT.search(second_page.content.decode()).group(1)
    assert first_token != second_token
    assert first_token not in second_page.content.decode()
    # ...with a token that goes with the cookie this visitor was just given.
    assert second_page.cookies["csrftoken"].value != first_page.cookies["csrftoken"].value
    assert "Cookie" in second_page["Vary"]
    report = {"kind": "wrong_phone", "details": "", "csrfmiddlewaretoken": second_token}
    assert second.post(url, report).status_code == HTTPStatus.FOUND
    # Someone else's token is refused, as on an uncached page.
    report["csrfmiddlewaretoken"] = first_token
    assert Client(enforce_csrf_checks=True).post(url, report).status_code == 403


def test_a_page_where_a_token_shows_outside_a_form_field_is_not_stored(rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    @caching.cache_public_page
    def leaky(request):
        return HttpResponse(f"<p data-token={get_token(request)}>")

    leaky(rf.get("/leaky/"))
    assert not is_stored("/leaky/")


def test_results_sharing_and_admin_are_never_in_the_page_cache(client, admin_client):
    # A result page has its own store, per token (programs/questionnaire/result_cache.py).
    response = make_response()
    personal = [
        response.get_absolute_url(),
        reverse("programs:share", args=[response.public_token]),
    ]
    for url in personal:
        assert client.get(url).status_code == HTTPStatus.OK
        assert not is_stored(url)
    assert admin_client.get(reverse("admin:index")).status_code == HTTPStatus.OK
    assert not is_stored(reverse("admin:index"))


def test_the_blank_questionnaire_is_stored_and_each_visitor_gets_their_own_token(client):
    url = reverse("programs:questionnaire")
    first = client.get(url)
    assert is_stored(url)
    other = Client()
    page, queries = get(other, url)
    assert queries == 0
    tokens = {CSRF_INPUT.search(p.content.decode()).group(1) for p in (first, page)}
    assert len(tokens) == 2
    assert "no-cache" in page["Cache-Control"]  # never kept by the browser or a proxy


def test_a_questionnaire_with_a_draft_shows_the_draft_not_the_stored_page(client):
    url = reverse("programs:questionnaire")
    client.get(url)  # stores the blank page
    sent = client.post(url, {"for_whom": "someone_else", "age_group": "adult"})
    assert sent.status_code == HTTPStatus.SEE_OTHER
    page = client.get(url).content.decode()
    assert 'data-for="someone_else"' in page
    assert 'id="error-summary"' in page


def test_errors_and_other_methods_are_not_cached(client):
    for url in ["/levels/no-such-level/", "/programs/compare/?ids=1"]:
        assert client.get(url).status_code in (HTTPStatus.NOT_FOUND, HTTPStatus.BAD_REQUEST)
        assert not is_stored(url)
    client.head("/levels/iop/")
    assert not is_stored("/levels/iop/")


def test_a_page_with_a_message_is_neither_stored_nor_answered_from_the_cache(client):
    program = make_program()
    url = program.get_absolute_url()
    client.get(url)  # cached without a message
    posted = client.post(url, {"kind": "wrong_phone", "details": ""})
    thanks = client.get(posted["Location"])
    assert "Thank you. Staff will check this listing" in thanks.content.decode()
    # The thank-you went to this visitor only: the next one gets the plain page.
    page, queries = get(Client(), url)
    assert queries == 0
    assert "Thank you" not in page.content.decode()


def test_staff_and_visitors_never_share_a_page(client):
    staff = Client()
    force_login_verified(staff, make_user(superuser=True))
    url = reverse("programs:home")
    staff_page, staff_queries = get(staff, url)
    assert staff_queries > 0
    assert not is_stored(url)  # what staff see is never stored...
    visitor_page, _ = get(client, url)
    assert is_stored(url)
    again, queries = get(staff, url)
    assert queries > 0  # ...and staff never get the visitors' page from the cache
    assert get(client, url)[1] == 0
