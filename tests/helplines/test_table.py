"""The helpline table: valid numbers, the right tel:/sms: links, no query in steady state."""

from __future__ import annotations

import logging

import phonenumbers
import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from programs.core import caching
from programs.helplines import content, table, tokens
from programs.helplines.models import SHORT_CODE, Helpline

pytestmark = pytest.mark.django_db

EXPECTED_LINKS = {
    "[[emergency]]": '<a href="tel:911">911</a>',
    "[[lifeline]]": '<a href="tel:988">988</a>',
    "[[lifeline.text]]": '<a href="sms:988">988</a>',
    "[[veterans]]": '<a href="tel:988">988</a> then press 1',
    "[[veterans.text]]": '<a href="sms:838255">838255</a>',
    "[[lifeline_es]]": '<a href="tel:988">988</a> then press 2',
    "[[lifeline_es.code]]": "AYUDA",
    "[[samhsa]]": '<a href="tel:+18006624357">1-800-662-4357</a>',
    "[[samhsa.tty]]": '<a href="tel:+18004874889">1-800-487-4889</a>',
    "[[poison]]": '<a href="tel:+18002221222">1-800-222-1222</a>',
    "[[dv]]": '<a href="tel:+18007997233">1-800-799-7233</a>',
    "[[dv.tty]]": '<a href="tel:+18007873224">1-800-787-3224</a>',
    "[[dv.text]]": '<a href="sms:88788">88788</a>',
    "[[dv.code]]": "START",
    "[[dv.chat]]": "thehotline.org",
    "[[loveisrespect]]": '<a href="tel:+18663319474">1-866-331-9474</a>',
    "[[loveisrespect.text]]": '<a href="sms:22522">22522</a>',
    "[[loveisrespect.code]]": "LOVEIS",
    "[[childhelp]]": '<a href="tel:+18004224453">1-800-422-4453</a>',
    "[[childhelp.text]]": '<a href="sms:+18004224453">1-800-422-4453</a>',
    "[[alanon]]": '<a href="tel:+18884252666">1-888-425-2666</a>',
    "[[lifeline.chat]]": "988lifeline.org",
}


def is_valid_us_number(number: str) -> bool:
    if SHORT_CODE.match(number):
        return True
    parsed = phonenumbers.parse(number, "US")
    return phonenumbers.is_valid_number(parsed) and parsed.country_code == 1


def test_every_row_is_in_the_database_as_shipped():
    stored = {row.key: row for row in Helpline.objects.all()}
    assert set(stored) == {item["key"] for item in content.HELPLINES}
    for item in content.HELPLINES:
        row = stored[item["key"]]
        for field, value in item.items():
            assert getattr(row, field) == value, (item["key"], field)
        row.full_clean()


@pytest.mark.parametrize("row", content.HELPLINES, ids=lambda r: r["key"])
def test_each_number_is_a_valid_us_number_or_short_code(row):
    for field in ("phone", "tty", "text_number"):
        if row.get(field):
            assert is_valid_us_number(row[field]), (row["key"], field)
    assert row["source"]
    assert row["last_verified"]


@pytest.mark.parametrize(("token", "html"), EXPECTED_LINKS.items())
def test_each_token_is_the_right_link(token, html):
    assert tokens.render(token) == html


def test_each_link_dials_the_e164_form_or_the_short_code():
    for row in table.rows().values():
        for uri, number in (
            (row.tel, row.phone),
            (row.tty_tel, row.tty),
            (row.sms, row.text_number),
        ):
            if not number:
                assert uri == ""
                continue
            target = uri.split(":", 1)[1]
            if SHORT_CODE.match(number):
                assert target == number
            else:
                parsed = phonenumbers.parse(number, "US")
                assert target == phonenumbers.format_number(
                    parsed, phonenumbers.PhoneNumberFormat.E164
                )


def test_a_page_reads_the_table_without_a_query_in_steady_state(django_assert_num_queries):
    table.rows()
    with django_assert_num_queries(0):
        for _ in range(3):
            assert table.rows()["dv"].phone == "1-800-799-7233"


def test_an_edit_is_read_at_once_in_this_process():
    table.rows()
    Helpline.objects.filter(key="poison").update(phone="1-800-222-0000")
    assert table.get("poison").phone == "1-800-222-1222"  # update() sends no signal
    row = Helpline.objects.get(key="poison")
    row.save()  # a save does
    assert table.get("poison").phone == "1-800-222-0000"


def test_a_new_content_version_reloads_the_table(django_capture_on_commit_callbacks):
    table.rows()
    Helpline.objects.filter(key="poison").update(phone="1-800-222-0000")
    with django_capture_on_commit_callbacks(execute=True):
        caching.content_changed()  # what every bulk writer calls: a new version on commit
    assert table.get("poison").phone == "1-800-222-0000"


def test_the_shipped_rows_fill_in_a_missing_key_and_a_database_that_is_down():
    Helpline.objects.filter(key="emergency").delete()
    assert table.get("emergency").phone == "911"
    with caching.database_unavailable():
        table.forget()
        assert table.get("dv").phone == "1-800-799-7233"


def test_spanish_pages_get_the_spanish_names_and_options():
    with translation.override("es"):
        assert tokens.render("[[lifeline_es]]") == '<a href="tel:988">988</a> y luego oprima 2'
        assert tokens.render("[[dv.name]]") == "Línea Nacional sobre la Violencia Doméstica"
    assert tokens.render("[[veterans]]", "es").endswith("y luego oprima 1")


def test_render_escapes_the_text_around_the_tokens():
    assert tokens.render("<b>call</b> [[emergency]] & go") == (
        '&lt;b&gt;call&lt;/b&gt; <a href="tel:911">911</a> &amp; go'
    )
    # Old stored texts hold digits as plain text: shown as they were, escaped.
    assert tokens.render("Call 911 now <script>") == "Call 911 now &lt;script&gt;"


def test_expand_html_keeps_the_markup_it_is_given():
    html = "<p>Call <strong>[[dv]]</strong></p>"
    assert tokens.expand_html(html) == (
        '<p>Call <strong><a href="tel:+18007997233">1-800-799-7233</a></strong></p>'
    )


@pytest.mark.parametrize(
    "token", ["[[nope]]", "[[dv.fax]]", "[[poison.text]]", "[[ dv ]]", "[[DV]]", "[[]]"]
)
def test_an_unknown_token_is_shown_as_nothing_and_logged(token, caplog):
    caplog.set_level(logging.WARNING, logger="programs.helplines.tokens")
    assert tokens.render(f"Call {token} now") == "Call  now"
    assert tokens.unknown_tokens(f"Call {token} and [[dv]]") == [token]
    assert "Unknown helpline token" in caplog.text


def test_the_warning_never_carries_the_text_around_a_token(caplog):
    caplog.set_level(logging.WARNING, logger="programs.helplines.tokens")
    tokens.render("Robin Example 212 [[Robin Example]] secret")
    assert "Robin" not in caplog.text
    assert "secret" not in caplog.text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "1-800-555-12"),
        ("phone", "call us"),
        ("phone", "44 20 7946 0958"),
        ("tty", "12"),
        ("text_number", "1234567"),
        ("text_code", "start now"),
        ("chat", "https://thehotline.org"),
        ("phone_words", "1-800-799-safe"),
        ("phone", "\u0669\u0661\u0661"),  # 911 in Arabic-Indic digits
        ("key", "DV-2"),
        ("key", "2dv"),
    ],
)
def test_the_model_refuses_a_number_that_is_not_us_or_a_short_code(field, value):
    row = Helpline.objects.get(key="dv")
    setattr(row, field, value)
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert field in error.value.message_dict


def test_a_word_to_text_needs_a_number_to_text():
    row = Helpline.objects.get(key="dv")
    row.text_number = ""
    with pytest.raises(ValidationError):
        row.full_clean()
