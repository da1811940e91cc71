"""The result page links each flag that applies to the help-and-facts page that says more."""

from __future__ import annotations

import re

import pytest

from tests.factories.intake import make_response

pytestmark = pytest.mark.django_db


def flag_items(client, response, prefix: str = "") -> dict[str, str]:
    html = client.get(f"{prefix}{response.get_absolute_url()}").content.decode()
    good_to_know = html.split('id="good-to-know"', 1)[-1].split("</section>", 1)[0]
    # Each flag's item runs to the next one (an item may hold a list of its own).
    parts = good_to_know.split('<li class="flag-')[1:]
    return {part.split('"', 1)[0]: part for part in parts}


@pytest.mark.parametrize(
    ("answers", "flag", "slug"),
    [
        ({"substances": ["opioids"]}, "naloxone", "overdose"),
        ({"substances": ["opioids"]}, "medication", "medications"),
        (
            {"substances": ["alcohol"], "frequency": "daily", "medication_interest": "yes"},
            "medication",
            "medications",
        ),
        ({"pregnant": "yes"}, "pregnancy", "pregnancy"),
        ({"pregnant": "yes", "substances": ["opioids"]}, "pregnancy_moud", "pregnancy"),
        ({"pregnant": "yes", "substances": ["opioids"]}, "naloxone", "overdose"),
        ({"home": "unsafe"}, "safety_resources", "safety"),
        ({"age_group": "adolescent"}, "adolescent", "teens"),
        ({"for_whom": "someone_else"}, "families", "families"),
    ],
)
@pytest.mark.parametrize("prefix", ["", "/es"])
def test_each_flag_links_its_page_in_the_page_language(client, answers, flag, slug, prefix):
    response = make_response(**answers)

    items = flag_items(client, response, prefix)

    assert flag in items, items.keys()
    assert f'class="flag-guide" href="{prefix}/{slug}/"' in items[flag]


def test_flags_without_a_page_carry_no_link_and_calm_answers_show_none(client):
    calm = make_response()
    assert not re.search(r"flag-guide", client.get(calm.get_absolute_url()).content.decode())

    telehealth = make_response(telehealth="yes")
    items = flag_items(client, telehealth)
    assert "flag-guide" not in items.get("telehealth", "")


def test_answers_for_oneself_do_not_point_to_the_families_page(client):
    items = flag_items(client, make_response(for_whom="self", substances=["opioids"]))

    assert "families" not in items


def test_a_page_is_linked_once_even_when_two_flags_lead_to_it(client):
    items = flag_items(client, make_response(pregnant="yes", substances=["opioids"]))

    assert "pregnancy_moud" in items
    assert "pregnancy" in items
    assert "/pregnancy/" in items["pregnancy_moud"]  # the more urgent one
    assert "flag-guide" not in items["pregnancy"]
