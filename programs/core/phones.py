"""US phone numbers: read the ways people type them, store E.164, show them as dialled.

Pure helpers on top of the `phonenumbers` library. Errors carry a code, not words: the
form that calls `normalise_us_phone` says what is wrong in the visitor's language.
"""

from __future__ import annotations

import enum
import re

import phonenumbers

# The United States and the territories that share its +1 numbering and its services.
US_REGIONS = frozenset({"US", "PR", "VI", "GU", "AS", "MP"})
# What people type around the digits: spaces, brackets, dashes, dots and a leading +
# (tabs and line breaks are no part of a number typed in one line).
_TYPED = re.compile(r"^\+?[\d ().\-]+$")


class PhoneProblem(enum.StrEnum):
    LETTERS = "letters"
    CHARACTERS = "characters"  # anything else but digits and the separators above
    NO_AREA_CODE = "no_area_code"  # seven digits: a local number without its area code
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    NOT_US = "not_us"  # a valid number, but not a US one
    INVALID = "invalid"  # ten digits that no US number has (area code 099, say)


class PhoneError(ValueError):
    def __init__(self, problem: PhoneProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def normalise_us_phone(text: str) -> str:
    """A US phone number as typed ("(212) 555-0199", "1-212-555-0199") in E.164 form."""
    text = text.strip()
    if any(c.isalpha() for c in text):
        raise PhoneError(PhoneProblem.LETTERS)
    if not _TYPED.match(text):
        raise PhoneError(PhoneProblem.CHARACTERS)
    digits = "".join(c for c in text if c.isdigit())
    international = text.startswith("+")
    if not international:
        if len(digits) == 7:
            raise PhoneError(PhoneProblem.NO_AREA_CODE)
        if len(digits) < 10:
            raise PhoneError(PhoneProblem.TOO_SHORT)
        if len(digits) > 11 or (len(digits) == 11 and not digits.startswith("1")):
            raise PhoneError(PhoneProblem.TOO_LONG)
    try:
        number = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException as error:
        raise PhoneError(PhoneProblem.INVALID) from error
    if number.country_code != 1:
        raise PhoneError(PhoneProblem.NOT_US)
    national = len(str(number.national_number))
    if national != 10:
        # Ten digits typed that are no ten-digit number ("(099) 555-0199") are invalid.
        if not international:
            raise PhoneError(PhoneProblem.INVALID)
        raise PhoneError(PhoneProblem.TOO_SHORT if national < 10 else PhoneProblem.TOO_LONG)
    if not phonenumbers.is_valid_number(number):
        raise PhoneError(PhoneProblem.INVALID)
    if phonenumbers.region_code_for_number(number) not in US_REGIONS:
        raise PhoneError(PhoneProblem.NOT_US)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _parsed(stored: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(stored, "US")
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


# What normalise_us_phone stores: E.164 of a valid number of the North American plan.
_STORED_NANP = re.compile(r"\+1([2-9][0-9]{2})([2-9][0-9]{2})([0-9]{4})")


def display_phone(stored: str) -> str:
    """A stored number as people read it, "(212) 555-0199"; text that is no number, as is."""
    # A number saved by normalise_us_phone was checked then: written as phonenumbers
    # writes it (NATIONAL), without parsing it again (a tenth of a millisecond a row).
    if match := _STORED_NANP.fullmatch(stored):
        area, exchange, line = match.groups()
        return f"({area}) {exchange}-{line}"
    number = _parsed(stored) if stored else None
    if number is None:
        return stored
    if number.country_code == 1:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def tel_uri(stored: str) -> str:
    """A `tel:` link for a stored number, or for old free text its dialable part ("" if none)."""
    number = _parsed(stored) if stored else None
    if number is not None:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)
    # Free text from before numbers were checked: its digits and visual separators.
    kept = "".join(c for c in stored if c.isascii() and (c.isdigit() or c in "+-.()"))
    return f"tel:{kept}" if any(c.isdigit() for c in kept) else ""
