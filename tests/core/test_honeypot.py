"""One rule for the hidden field on all three public forms (programs/core/honeypot.py)."""

import pytest
from django.http import QueryDict

from programs.core.honeypot import HONEYPOT_FIELD, honeypot_filled
from programs.core.text import clean_text, shorten
from programs.directory.forms import ListingReportForm
from programs.questionnaire.forms import ContactRequestForm


@pytest.mark.parametrize(
    ("value", "bot"),
    [("", False), ("   ", False), ("\t\n", False), ("x", True), (" http://spam ", True)],
)
def test_the_three_forms_read_the_hidden_field_alike(value, bot):
    questionnaire = QueryDict(mutable=True)
    questionnaire[HONEYPOT_FIELD] = value
    assert honeypot_filled(questionnaire) is bot
    assert ContactRequestForm({HONEYPOT_FIELD: value}).is_bot() is bot
    assert ListingReportForm({"homepage": value}).is_spam() is bot


def test_a_missing_hidden_field_is_a_person():
    assert honeypot_filled(QueryDict()) is False
    assert honeypot_filled({}, "homepage") is False


def test_shared_text_cleaning():
    assert clean_text("  Dayton,\u00a0OH\x00 45402 ") == "Dayton, OH 45402"
    assert clean_text("Cafe\u0301") == "Café"
    assert shorten("a" * 50, 10) == "a" * 9 + "…"
    assert shorten(" short ") == "short"
