"""The directory's shortcuts give the same pages as the long way round (issue 15).

The filter form's checkboxes skip the widget templates, each search-result card is kept
per process (programs.directory.cards), and a page of results brings its total with it.
"""

from __future__ import annotations

import pytest
from django import forms
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from programs.core import caching
from programs.directory import cards
from programs.directory.forms import DirectoryFilterForm
from programs.directory.geo import as_decimal, destination, zip_point
from programs.models import Program, TreatmentLevel
from tests.factories.directory import make_program

pytestmark = pytest.mark.django_db

LIST = reverse("programs:program_list")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    "query", ["", "level=iop&format=hybrid&payment=medicaid&language=es&access=asl"]
)
def test_each_checkbox_is_the_html_the_widget_template_makes(language, query):
    levels = list(TreatmentLevel.objects.order_by("intensity_rank"))
    with translation.override(language):
        form = DirectoryFilterForm(QueryDict(query), levels=levels)
        boxes = [choice for field in form.groups() for choice in field]
        assert len(boxes) > 40
        for box in boxes:
            context = {"widget": {**box.data, "wrap_label": False}}
            by_template = forms.CheckboxSelectMultiple._render(
                box.parent_widget, box.template_name, context, box.renderer
            )
            assert box.tag() == by_template
    html = "".join(box.tag() for box in boxes)
    assert html.count(" checked>") == (5 if query else 0)


@pytest.fixture
def card_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    caching.reset()
    cards.clear()
    yield
    caching.reset()
    cards.clear()


def near_10001(miles: float, **values) -> Program:
    centre = zip_point("10001")
    assert centre is not None
    point = destination(centre, 90, miles)
    return make_program(
        city="New York",
        state="NY",
        zip_code="10001",
        latitude=as_decimal(point.latitude),
        longitude=as_decimal(point.longitude),
        **values,
    )


def test_a_kept_card_gets_each_search_its_own_distance(client, card_cache, settings):
    near_10001(2.44, name="Close", formats=["telehealth"])
    near = client.get(LIST, {"near": "10001", "within": "25"}).content.decode()
    assert "2.4 miles away" in near
    # The same card, kept, in another search: another distance, or none.
    farther = client.get(LIST, {"near": "10004", "within": "25"}).content.decode()
    assert "2.4 miles away" not in farther
    assert "miles away" in farther
    everywhere = client.get(LIST, {"format": "telehealth"}).content.decode()
    assert "miles away" not in everywhere
    assert "\ue000" not in near + farther + everywhere
    # And the cards are those the template makes without keeping them.
    settings.PAGE_CACHE_ENABLED = False
    assert client.get(LIST, {"near": "10001", "within": "25"}).content.decode() == near


def test_an_edited_program_shows_its_new_card(client, card_cache):
    program = near_10001(1, name="Old name")
    assert "Old name" in client.get(LIST, {"near": "10001"}).content.decode()
    program.name = "New name"
    program.save()
    html = client.get(LIST, {"near": "10001", "within": "10"}).content.decode()
    assert "New name" in html
    assert "Old name" not in html
    program.set_features("payment", ["medicaid"])
    html = client.get(LIST, {"near": "10001", "within": "5"}).content.decode()
    assert "Medicaid" in html


def test_cards_are_kept_per_language(client, card_cache):
    near_10001(1, name="Bilingual", formats=["in_person"])
    english = client.get(LIST, {"near": "10001"}).content.decode()
    spanish = client.get(f"/es{LIST}", {"near": "10001"}).content.decode()
    assert "In person" in english
    assert "En persona" in spanish
    assert "In person</dd>" not in spanish


def test_pages_past_the_first_and_past_the_end_count_as_before(client):
    for n in range(45):
        near_10001(1 + n / 10, name=f"Program {n:02}")
    second = client.get(LIST, {"near": "10001", "page": "2"})
    assert second.context["page"].number == 2
    assert second.context["page"].paginator.count == 45
    assert len(second.context["page"].object_list) == 20
    # Past the end: the last page; not a number: the first.
    assert client.get(LIST, {"near": "10001", "page": "9"}).context["page"].number == 3
    assert client.get(LIST, {"near": "10001", "page": "0"}).context["page"].number == 3
    assert client.get(LIST, {"near": "10001", "page": "x"}).context["page"].number == 1
    nothing = client.get(LIST, {"near": "10001", "level": "php"})
    assert nothing.context["page"].paginator.count == 0
