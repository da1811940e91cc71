"""Content editors correct a help-and-facts page in the admin, in both languages."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.urls import reverse

from programs.core import caching
from programs.guides.models import GuidePage
from tests.factories.admin import form_data
from tests.factories.intake import content_user, intake_user
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db


def change_url(page: GuidePage) -> str:
    return reverse("admin:programs_guidepage_change", args=[page.pk])


@pytest.fixture
def editor(client):
    client.force_login(content_user())
    return client


@pytest.fixture
def teens():
    return GuidePage.objects.get(slug="teens")


def test_an_editor_corrects_a_section_in_both_languages(editor, client, teens):
    url = change_url(teens)
    data = form_data(editor.get(url))
    data["sections-0-body"] = "Teen programs include the family. Call [[samhsa]] for help."
    data["sections-0-body_es"] = "Los programas para adolescentes incluyen a la familia."

    saved = editor.post(url, data)

    assert saved.status_code == HTTPStatus.FOUND
    assert "Teen programs include the family." in client.get("/teens/").content.decode()
    spanish = client.get("/es/teens/").content.decode()
    assert "Los programas para adolescentes incluyen a la familia." in spanish


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_correction_reaches_a_cached_page_at_once(editor, client, settings):
    settings.PAGE_CACHE_ENABLED = True
    caching.reset()
    teens = GuidePage.objects.get(slug="teens")
    assert teens.summary in client.get("/teens/").content.decode()
    url = change_url(teens)
    data = form_data(editor.get(url))
    data["summary"] = "A corrected summary for the teens page."

    assert editor.post(url, data).status_code == HTTPStatus.FOUND

    assert "A corrected summary for the teens page." in client.get("/teens/").content.decode()
    caching.reset()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Call [[nosuchline]] now.", "Unknown helpline code"),
        ("Read [this](/no-such-page/).", "goes to no page of this site"),
        ("See [x]( //evil.example/a).", "leaves this site"),
        ("See [x][1].\n\n[1]: //evil.example/", "leaves this site"),
        ("See [x](https://evil.example/).", "leaves this site"),
        ("Read [x](//[x).", "leaves this site"),
        ("Call [the line]([[dv]]).", "cannot be part of a link"),
        ("Call [[[dv]]](/safety/).", "cannot be part of a link"),
    ],
)
def test_unknown_helplines_and_dead_links_are_refused_and_nothing_is_saved(
    editor, teens, body, message
):
    url = change_url(teens)
    data = form_data(editor.get(url))
    before = teens.sections.first().body
    data["sections-0-body"] = body
    data["summary"] = "Changed at the same time."

    page = editor.post(url, data)

    assert page.status_code == HTTPStatus.OK
    assert message in page.content.decode()
    teens.refresh_from_db()
    assert teens.sections.first().body == before
    assert teens.summary != "Changed at the same time."


def test_script_typed_into_a_body_is_never_served(editor, client, teens):
    url = change_url(teens)
    data = form_data(editor.get(url))
    data["sections-0-body"] = "<script>alert(1)</script><img src=x onerror=alert(2)> Plain words."

    assert editor.post(url, data).status_code == HTTPStatus.FOUND

    html = client.get("/teens/").content.decode()
    assert "Plain words." in html
    assert "alert(1)" not in html
    assert "onerror" not in html


def test_pages_can_be_neither_added_nor_deleted(editor, teens, admin_client):
    for client in (editor, admin_client):
        add = client.get(reverse("admin:programs_guidepage_add"))
        assert add.status_code == HTTPStatus.FORBIDDEN
        delete = client.post(
            reverse("admin:programs_guidepage_delete", args=[teens.pk]), {"post": "yes"}
        )
        assert delete.status_code == HTTPStatus.FORBIDDEN
    assert GuidePage.objects.filter(pk=teens.pk).exists()


def test_the_slug_cannot_be_changed(editor, teens):
    url = change_url(teens)
    data = form_data(editor.get(url))
    data["slug"] = "renamed"

    assert editor.post(url, data).status_code == HTTPStatus.FOUND
    teens.refresh_from_db()
    assert teens.slug == "teens"


def test_intake_staff_and_visitors_cannot_change_pages(client, teens):
    url = change_url(teens)
    anonymous = client.get(url)
    assert anonymous.status_code == HTTPStatus.FOUND
    assert reverse("admin:login") in anonymous["Location"]

    force_login_verified(client, intake_user())
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert client.post(url, {"summary": "x"}).status_code == HTTPStatus.FORBIDDEN
    teens.refresh_from_db()
    assert teens.summary != "x"
