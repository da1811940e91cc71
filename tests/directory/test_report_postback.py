"""The listing-report form after a failed submit: Post/Redirect/Get beside the page cache."""

import re
from http import HTTPStatus

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from programs.core import caching
from programs.models import ListingReport
from tests.factories.directory import make_program

pytestmark = pytest.mark.django_db

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.RATELIMIT_ENABLED = False
    caching.reset()
    yield
    caching.reset()


def test_a_failed_report_redirects_then_shows_its_errors_once(client):
    program = make_program()
    url = program.get_absolute_url()
    client.get(url)  # a cached, anonymous page first
    response = client.post(url, {"kind": "fire", "details": "The number rings a bakery."})
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == f"{url}#report"
    shown = client.get(url).content.decode()
    assert "Choose what is wrong with this listing." in shown
    assert "The number rings a bakery." in shown
    assert 'id="report" open' in shown
    again = client.get(url).content.decode()
    assert "Choose what is wrong with this listing." not in again
    assert "The number rings a bakery." not in again
    assert not Session.objects.exists()
    assert not ListingReport.objects.exists()


def test_the_page_with_errors_is_never_served_to_someone_else(client):
    program = make_program()
    url = program.get_absolute_url()
    client.post(url, {"kind": "other", "details": "Private words"})
    client.get(url)
    stranger = Client().get(url).content.decode()
    assert "Private words" not in stranger
    assert "Tell us what is wrong" not in stranger


def test_the_form_shown_again_carries_the_visitors_own_csrf_token(client):
    program = make_program()
    url = program.get_absolute_url()
    Client().get(url)  # someone else's visit fills the cache
    client = Client(enforce_csrf_checks=True)
    token = CSRF_INPUT.search(client.get(url).content.decode()).group(1)
    client.post(url, {"kind": "", "csrfmiddlewaretoken": token})
    shown = client.get(url).content.decode()
    again_token = CSRF_INPUT.search(shown).group(1)
    response = client.post(
        url, {"kind": "closed", "details": "", "csrfmiddlewaretoken": again_token}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert ListingReport.objects.count() == 1


def test_a_huge_report_is_refused_and_not_kept_whole(client):
    program = make_program()
    url = program.get_absolute_url()
    client.post(url, {"kind": "other", "details": "d" * 100_000})
    kept = Session.objects.get().get_decoded()[f"listing-report:{program.pk}"]
    assert len(kept["details"][0]) == 10_000
    assert "under 1,000 characters" in client.get(url).content.decode()
