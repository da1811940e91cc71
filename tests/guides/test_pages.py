"""The help-and-facts pages: each in both languages, as shipped, linked from everywhere."""

from __future__ import annotations

import re
from html import unescape
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import translation

from programs.guides import content
from programs.guides.menu import MENU, NAMES
from programs.guides.models import GuidePage, GuideSection
from programs.guides.rendering import render_body
from tests.guides import readability

pytestmark = pytest.mark.django_db

SLUGS = content.SLUGS


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("prefix", ["", "/es"])
def test_each_page_shows_its_shipped_text_sources_date_and_ways_on(client, slug, prefix):
    page = client.get(f"{prefix}/{slug}/")

    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    shown = text_of(html)
    shipped = (
        content.spanish(slug) if prefix else next(p for p in content.pages() if p["slug"] == slug)
    )
    assert text_of(shipped["title"]) in shown
    for section in shipped["sections"]:
        assert text_of(section["heading"]) in shown
        for block in readability.blocks(section["body"]):
            if "number" not in block:  # helpline tokens are shown as numbers
                assert block in shown, block
    english = next(p for p in content.pages() if p["slug"] == slug)
    for source in english["sources"]:
        assert text_of(source) in shown
    assert "Facts last reviewed on" in shown or "Datos revisados por última vez el" in shown
    assert f'href="{prefix}/questionnaire/"' in html
    assert f'href="{prefix}/programs/"' in html
    # Crisis help as on every page.
    assert 'href="tel:911"' in html
    assert 'href="tel:988"' in html


@pytest.mark.parametrize("slug", SLUGS)
def test_each_page_reads_at_grade_eight_and_a_half_or_below(slug):
    page = GuidePage.objects.get(slug=slug)
    text = readability.main_text(
        {
            "title": page.title,
            "summary": page.summary,
            "sections": [{"heading": s.heading, "body": s.body} for s in page.sections.all()],
        }
    )

    assert readability.grade(text) <= 8.5


def test_the_reading_level_measure_tells_hard_text_from_plain():
    plain = "Call for help. Stay with them. Give naloxone if you have it."
    hard = (
        "Pharmacological interventions notwithstanding, comprehensive multidisciplinary "
        "rehabilitation necessitates individualized longitudinal coordination."
    )

    assert readability.grade(plain) < 5 < 8.5 < readability.grade(hard)


def test_every_page_of_the_menu_exists_in_both_languages(client):
    assert [slug for slug, _name in MENU] == list(SLUGS)
    assert NAMES.keys() == set(SLUGS)  # no name for a page that is not there
    assert set(GuidePage.objects.values_list("slug", flat=True)) == set(SLUGS)
    for prefix in ("", "/es"):
        home = client.get(f"{prefix}/").content.decode()
        for slug in SLUGS:
            assert f'href="{prefix}/{slug}/"' in home


def test_the_menu_names_are_translated(client):
    spanish = client.get("/es/levels/").content.decode()

    assert "Ayuda e información" in spanish
    assert "Embarazo" in spanish


def test_the_list_of_pages_shows_each_title_and_summary(client):
    page = client.get(reverse("programs:guide_list"))

    html = page.content.decode()
    for guide in GuidePage.objects.all():
        assert guide.title in html
        assert guide.summary in html


def test_an_unknown_page_is_a_404_and_the_list_is_not_a_guide(client):
    assert client.get("/naloxone/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/es/overdose-x/").status_code == HTTPStatus.NOT_FOUND


def test_pages_answer_only_gets(client):
    assert client.post("/overdose/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_level_pages_link_the_pages_that_name_them(client):
    for page in GuidePage.objects.prefetch_related("levels"):
        for level in page.levels.all():
            html = client.get(level.get_absolute_url()).content.decode()
            assert f'href="{page.get_absolute_url()}"' in html


def test_every_page_is_linked_from_some_level_page():
    assert all(page.levels.exists() for page in GuidePage.objects.all())


def test_a_level_page_with_its_pages_costs_one_query_more_whatever_their_number(
    client, django_assert_max_num_queries
):
    client.get("/levels/iop/")  # warm the URL resolver and templates
    with django_assert_max_num_queries(5):
        assert client.get("/levels/iop/").status_code == HTTPStatus.OK


def test_spanish_pages_fall_back_to_english_where_a_translation_is_missing(client):
    section = GuideSection.objects.filter(page__slug="teens").first()
    section.heading_es = ""
    section.save()

    assert section.heading in client.get("/es/teens/").content.decode()


def test_body_markdown_is_sanitised_and_site_links_follow_the_language():
    body = (
        "See [medicines](/medications/) and [x](javascript:alert(1)).\n\n"
        "<script>alert(1)</script><img src=x onerror=alert(1)> **bold**"
    )

    english = str(render_body(body))
    with translation.override("es"):
        spanish = str(render_body(body))

    assert '<a href="/medications/"' in english
    assert '<a href="/es/medications/"' in spanish
    for html in (english, spanish):
        assert "<script" not in html
        assert "onerror" not in html
        assert "javascript:" not in html
        assert "<strong>bold</strong>" in html


def test_helpline_tokens_become_tap_to_call_links():
    html = str(render_body("Call [[dv]] or text [[dv.code]] to [[dv.text]]."))

    assert 'href="tel:+18007997233"' in html
    assert 'href="sms:88788"' in html
    assert "START" in html
    assert "[[" not in html


@pytest.mark.parametrize(
    "body",
    [
        "See [x]( //evil.example/a).",
        "See [x][1].\n\n[1]: //evil.example/",
        "See [x](https://evil.example/) and [y](mailto:a@b.example).",
        "Read [x](//[x).",
        '<a href="//evil.example/">x</a>',
    ],
)
def test_a_body_never_links_off_the_site_and_never_breaks_the_page(body):
    html = str(render_body(body))

    assert "evil.example" not in re.sub(r">[^<]*<", "><", html)  # in no attribute
    assert re.findall(r'href="([^"]*)"', html) == []
