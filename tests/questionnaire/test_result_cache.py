"""A result page is rendered once and reused, for its own token and language only (#20)."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from programs.core import caching
from programs.questionnaire import result_cache
from tests.factories.intake import make_response, share

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_VERSION_CHECK_SECONDS = 60
    caching.reset()
    yield
    caching.reset()


def visit(client, url: str) -> tuple[int, str, int]:
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url)
    return page.status_code, page.content.decode(), len(captured)


def test_a_second_visit_is_the_same_page_for_one_query(client):
    response = make_response(substances=["opioids"])
    url = response.get_absolute_url()

    first = visit(client, url)
    second = visit(client, url)

    assert first[0] == second[0] == HTTPStatus.OK
    assert second[1] == first[1]
    assert second[2] == 1 < first[2]


def test_a_page_is_never_served_for_another_token(client):
    one = make_response(substances=["opioids"])
    other = make_response(substances=["alcohol"], frequency="daily")
    visit(client, one.get_absolute_url())

    _, html, _ = visit(client, other.get_absolute_url())

    assert other.reference_code in html
    assert one.reference_code not in html


def test_a_page_is_never_served_in_another_language(client):
    response = make_response()
    url = response.get_absolute_url()
    _, english, _ = visit(client, url)

    _, spanish, _ = visit(client, f"/es{url}")

    assert 'lang="es"' in spanish
    assert 'lang="en"' in english
    assert spanish != english
    assert visit(client, url)[1] == english


def test_the_page_says_shared_once_the_person_shared(client):
    response = make_response()
    url = response.get_absolute_url()
    _, before, _ = visit(client, url)
    share(response)

    _, after, _ = visit(client, url)

    assert after != before
    assert after == visit(client, url)[1]


def test_deleting_the_answers_removes_the_stored_page_at_once(client):
    response = make_response(substances=["opioids"])
    url = response.get_absolute_url()
    visit(client, url)
    key = result_cache._key(response.public_token)
    assert caches[result_cache.RESULTS].get(key)

    deleted = client.post(f"{url}delete/")

    assert deleted.status_code == HTTPStatus.SEE_OTHER
    assert caches[result_cache.RESULTS].get(key) is None
    status, html, _ = visit(client, url)
    assert status == HTTPStatus.NOT_FOUND
    assert response.reference_code not in html


def test_answers_removed_behind_its_back_are_never_served_from_memory(client):
    # The purge job deletes in bulk, and another process may hold a copy: the one query
    # before every reuse finds nothing, so the page is gone.
    response = make_response()
    url = response.get_absolute_url()
    visit(client, url)
    type(response).objects.filter(pk=response.pk).delete()

    status, html, _ = visit(client, url)

    assert status == HTTPStatus.NOT_FOUND
    assert response.reference_code not in html


@pytest.mark.parametrize(
    "make_page",
    [
        lambda: HttpResponse(
            '<input type="hidden" name="csrfmiddlewaretoken" value="' + "a" * 64 + '">'
        ),
        lambda: HttpResponse("a" * 64),
        lambda: HttpResponse("Not found", status=404),
    ],
)
def test_a_page_with_a_token_or_a_cookie_or_an_error_is_never_kept(make_page):
    response = make_response()
    request = RequestFactory().get(response.get_absolute_url())
    with_cookie = HttpResponse("plain")
    with_cookie.set_cookie("csrftoken", "x")

    for page in (make_page(), with_cookie):
        result_cache.remember(request, response.public_token, False, page)

    assert result_cache.page(request, response.public_token, False) is None
    plain = HttpResponse("plain")
    result_cache.remember(request, response.public_token, False, plain)
    assert result_cache.page(request, response.public_token, False) == b"plain"


def test_a_visitor_with_a_session_gets_a_fresh_page(client):
    response = make_response()
    url = response.get_absolute_url()
    visit(client, url)
    client.cookies["sessionid"] = "anything"

    assert visit(client, url)[2] > 1


def test_without_the_page_cache_every_visit_is_rendered(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    response = make_response()
    url = response.get_absolute_url()
    visit(client, url)

    assert visit(client, url)[2] == 2
