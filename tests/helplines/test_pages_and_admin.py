"""Pages show the table's numbers; content editors correct a line in the admin, and every
page, cached or not, shows the correction at once."""

from __future__ import annotations

import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from programs.core import caching
from programs.helplines import table
from programs.models import Helpline, Response, SuitabilityCriterion, TreatmentLevel
from tests.factories.intake import content_user, make_response
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

DV_LINK = '<a href="tel:+18007997233">1-800-799-7233</a>'


def admin_form(row: Helpline, **changes) -> dict:
    """The Helpline change form as the admin posts it (the key is read-only)."""
    fields = [f.name for f in Helpline._meta.fields if f.name not in {"id", "key"}]
    data = {name: getattr(row, name) for name in fields}
    data["last_verified"] = row.last_verified.isoformat()
    return {**data, **changes}


def test_the_crisis_bar_and_crisis_help_show_the_tables_links(client):
    html = client.get("/").content.decode()
    bar = html[html.index('class="crisis-bar"') :]
    bar = bar[: bar.index("</aside>")]
    assert 'Call <a href="tel:911">911</a>.' in bar
    assert 'call or text <a href="tel:988">988</a>' in bar
    assert '<a href="tel:+18006624357">1-800-662-4357</a> (free, 24/7)' in bar
    help_list = html[html.index('class="crisis-help"') :]
    assert 'TTY <a href="tel:+18004874889">1-800-487-4889</a>' in help_list
    assert (
        'dial <a href="tel:988">988</a> then press 1, or text <a href="sms:838255">' in help_list
    )
    assert 'or text AYUDA to <a href="sms:988">988</a>' in help_list
    assert '<a href="tel:+18002221222">1-800-222-1222</a>' in help_list


def test_the_spanish_crisis_help_says_press_2_on_a_call_and_ayuda_by_text(client):
    html = client.get("/es/").content.decode()
    assert 'en una llamada, marque el <a href="tel:988">988</a> y luego oprima 2' in html
    assert 'por mensaje de texto, envíe AYUDA al <a href="sms:988">988</a>' in html
    assert "Línea de Prevención del Suicidio y Crisis 988" in html


def test_the_result_flags_show_the_hotlines_as_links(client):
    response = make_response(home="unsafe")
    html = client.get(response.get_absolute_url()).content.decode()
    flag = re.search(r'<li class="flag-safety_resources">(.*?)</li>', html, re.S).group(1)
    assert f"call {DV_LINK} (TTY" in flag
    assert 'text START to <a href="sms:88788">88788</a>' in flag
    assert '<a href="tel:+18004224453">1-800-422-4453</a>' in flag
    assert "[[" not in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_unsafe_home_hotlines_are_given_once(client, language):
    """The flag's own text carries every number as a link; no second list repeats them
    (a frightened reader should not have to work out whether two lists differ)."""
    response = make_response(home="unsafe")
    with translation.override(language):
        html = client.get(response.get_absolute_url()).content.decode()
    assert f'lang="{language}"' in html
    flag = re.search(r'<li class="flag-safety_resources">(.*?)</li>', html, re.S).group(1)
    for link in ('href="tel:+18007997233"', 'href="sms:88788"', 'href="tel:+18004224453"'):
        assert flag.count(link) == 1, (link, flag)
    assert "<ul" not in flag


def test_a_crisis_result_links_each_step_and_keeps_old_texts_as_they_were(client):
    response = make_response(danger_now=["overdose_signs"])
    html = client.get(response.get_absolute_url()).content.decode()
    assert 'Call <a href="tel:911">911</a> now' in html
    # A response stored before the table holds the digits as text: shown as it was.
    old = "Call 911 now, <b>or</b> ask someone near you to call."
    Response.objects.filter(pk=response.pk).update(
        crisis_reasons=[{"danger": "overdose_signs", "call": "911", "text": old}]
    )
    html = client.get(response.get_absolute_url()).content.decode()
    assert "Call 911 now, &lt;b&gt;or&lt;/b&gt; ask someone near you to call." in html


def test_a_content_editor_can_open_and_change_the_helplines(client):
    force_login_verified(client, content_user())
    page = client.get(reverse("admin:programs_helpline_changelist"))
    assert page.status_code == HTTPStatus.OK
    assert "National Domestic Violence Hotline" in page.content.decode()
    dv = Helpline.objects.get(key="dv")
    page = client.get(reverse("admin:programs_helpline_change", args=[dv.pk]))
    assert page.status_code == HTTPStatus.OK
    assert 'name="notes_es"' in page.content.decode()


def test_the_admin_refuses_a_number_that_is_not_a_us_number(client):
    force_login_verified(client, content_user())
    dv = Helpline.objects.get(key="dv")
    page = client.post(
        reverse("admin:programs_helpline_change", args=[dv.pk]),
        admin_form(dv, phone="1-800-799-72", text_number="88788x"),
    )
    assert page.status_code == HTTPStatus.OK
    assert "Enter a US phone number" in page.content.decode()
    assert Helpline.objects.get(key="dv").phone == "1-800-799-7233"


def test_the_level_admin_refuses_an_unknown_helpline_token(client):
    force_login_verified(client, content_user())
    criterion = SuitabilityCriterion.objects.filter(text__contains="[[emergency]]").first()
    assert criterion is not None
    url = reverse("admin:programs_suitabilitycriterion_change", args=[criterion.pk])
    data = {
        "level": criterion.level_id,
        "kind": criterion.kind,
        "area": criterion.area,
        "text": "Call [[emergncy]] now",
        "text_es": criterion.text_es,
        "order": criterion.order,
    }
    page = client.post(url, data)
    assert page.status_code == HTTPStatus.OK
    assert "Unknown helpline token [[emergncy]]" in page.content.decode()
    page = client.post(url, {**data, "text": "Call [[emergency]] right away"})
    assert page.status_code == HTTPStatus.FOUND
    level_page = client.get(TreatmentLevel.objects.get(pk=criterion.level_id).get_absolute_url())
    assert 'Call <a href="tel:911">911</a> right away' in level_page.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_admin_edit_changes_the_number_on_a_cached_page_at_once(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_VERSION_CHECK_SECONDS = 60
    caching.reset()
    table.forget()
    visitor = Client()
    url = reverse("programs:level_detail", args=["iop"])
    first = visitor.get(url).content.decode()
    assert "1-800-662-4357" in first
    assert visitor.get(url).content.decode() == first  # served from the page cache

    editor = Client()
    force_login_verified(editor, content_user())
    samhsa = Helpline.objects.get(key="samhsa")
    posted = editor.post(
        reverse("admin:programs_helpline_change", args=[samhsa.pk]),
        admin_form(samhsa, phone="1-800-662-4358"),
    )
    assert posted.status_code == HTTPStatus.FOUND

    again = visitor.get(url).content.decode()
    assert '<a href="tel:+18006624358">1-800-662-4358</a>' in again
    assert "1-800-662-4357" not in again
    caching.reset()
