"""US phone numbers as people type them: read, refused with a reason, shown as dialled."""

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from programs.core.phones import (
    PhoneError,
    PhoneProblem,
    display_phone,
    normalise_us_phone,
    tel_uri,
)


@pytest.mark.parametrize(
    "typed",
    [
        "212 555 0199",
        "(212) 555-0199",
        "+1 212-555-0199",
        "1-212-555-0199",
        "212.555.0199",
        "2125550199",
        "  (212)555-0199  ",
        "1 (212) 555 0199",
        "+12125550199",
    ],
)
def test_common_ways_of_typing_a_number_are_stored_as_e164(typed):
    assert normalise_us_phone(typed) == "+12125550199"


def test_puerto_rico_shares_the_us_numbering_and_is_accepted():
    assert normalise_us_phone("(787) 555-0134") == "+17875550134"


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("555-0199", PhoneProblem.NO_AREA_CODE),
        ("5550199", PhoneProblem.NO_AREA_CODE),
        ("212 555 019", PhoneProblem.TOO_SHORT),
        ("12", PhoneProblem.TOO_SHORT),
        ("212-555-01999", PhoneProblem.TOO_LONG),
        ("2-212-555-0199", PhoneProblem.TOO_LONG),
        ("call me", PhoneProblem.LETTERS),
        ("212-555-CALL", PhoneProblem.LETTERS),
        ("(212) 555-0199 ext 5", PhoneProblem.LETTERS),
        ("212\x00555\x000199", PhoneProblem.CHARACTERS),
        ("212/555/0199", PhoneProblem.CHARACTERS),
        ("212\n555-0199", PhoneProblem.CHARACTERS),
        ("<script>", PhoneProblem.LETTERS),
        ("+44 20 7946 0958", PhoneProblem.NOT_US),
        ("+1 416 555 0199", PhoneProblem.NOT_US),  # Canada: +1, but not the US
        ("(099) 555-0199", PhoneProblem.INVALID),
        ("999 555 0199", PhoneProblem.INVALID),
        ("++1 212 555 0199", PhoneProblem.CHARACTERS),
    ],
)
def test_numbers_that_cannot_be_called_are_refused_with_the_reason(typed, problem):
    with pytest.raises(PhoneError) as caught:
        normalise_us_phone(typed)
    assert caught.value.problem == problem


@given(st.text(max_size=40))
def test_any_text_is_either_an_e164_us_number_or_a_phone_error(text):
    try:
        stored = normalise_us_phone(text)
    except PhoneError:
        return
    assert stored.startswith("+1")
    assert len(stored) == 12
    assert stored[1:].isdigit()
    assert normalise_us_phone(stored) == stored


def test_stored_numbers_show_as_dialled_with_a_tel_link():
    assert display_phone("+12125550199") == "(212) 555-0199"
    assert tel_uri("+12125550199") == "tel:+1-212-555-0199"


@pytest.mark.parametrize(
    ("stored", "shown", "tel"),
    [
        ("212 555 0199", "(212) 555-0199", "tel:+1-212-555-0199"),  # old free text that parses
        ("555-0100", "555-0100", "tel:555-0100"),  # old, no area code: as stored
        ("evenings only", "evenings only", ""),
        ("", "", ""),
    ],
)
def test_old_free_text_numbers_still_show(stored, shown, tel):
    assert display_phone(stored) == shown
    assert tel_uri(stored) == tel


@given(st.from_regex(r"[2-9][0-9]{2}[2-9][0-9]{6}", fullmatch=True))
def test_stored_numbers_show_as_phonenumbers_writes_them(digits):
    """display_phone's shortcut for stored numbers writes what phonenumbers would."""
    try:
        stored = normalise_us_phone(digits)
    except PhoneError:
        return
    number = phonenumbers.parse(stored, "US")
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    assert display_phone(stored) == national
