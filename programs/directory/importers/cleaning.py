"""Cleaning one value at a time: text, field names, state, ZIP code, website, phone, place.

Free text itself is cleaned by `programs.core.text.clean_text`, which the directory's
public forms use too; this module adds what only imported rows need.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from programs.core.text import clean_text
from programs.directory.importers.records import RowError
from programs.directory.models import USState

__all__ = [
    "MAX_CITY",
    "MAX_FRID",
    "MAX_NAME",
    "MAX_PHONE",
    "MAX_STREET",
    "MAX_WEBSITE",
    "clean_coordinates",
    "clean_phone",
    "clean_state",
    "clean_website",
    "clean_zip",
    "column_key",
    "kind_of",
    "limited",
    "normalise_keys",
    "text_value",
]

MAX_NAME = 200
MAX_CITY = 100
MAX_STREET = 200
MAX_PHONE = 30
MAX_WEBSITE = 300
MAX_FRID = 100


def column_key(name: object) -> str:
    """Column and field names compared without case, spaces, dashes or underscores."""
    return re.sub(r"[\s_\-]", "", str(name)).lower()


def normalise_keys(row: Mapping[Any, Any]) -> dict[str, Any]:
    """The row with each key as `column_key` gives it."""
    # `type_facility` and the older `typeFacility` become the same key.
    return {column_key(k): v for k, v in row.items()}


def text_value(values: Mapping[str, Any], key: str, *, numbers_ok: bool = False) -> str:
    """The cleaned text at ``key`` ("" when missing); RowError when it is not text."""
    value = values.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value)
    if numbers_ok and isinstance(value, int | float) and not isinstance(value, bool):
        return clean_text(str(value))
    raise RowError(f"has {key} as {kind_of(value)}, not text")


def kind_of(value: Any) -> str:
    """What a JSON value that is not text is, in words for a row's error."""
    return {dict: "an object", list: "a list", bool: "true/false"}.get(type(value), "a number")


def limited(value: str, what: str, limit: int) -> str:
    """``value`` unchanged; RowError when it is longer than ``limit`` characters."""
    if len(value) > limit:
        raise RowError(f"has a {what} longer than {limit} characters")
    return value


_STATES_BY_NAME = {label.casefold(): code for code, label in USState.choices}


def clean_state(value: str) -> str:
    """A postal code from "oh", "OH" or "Ohio"; RowError when it is no US state or territory."""
    if not value:
        raise RowError("has no state")
    code = value.upper().rstrip(".")
    if code in USState.values:
        return code
    if value.casefold() in _STATES_BY_NAME:
        return _STATES_BY_NAME[value.casefold()]
    raise RowError(f"has an unknown state {value[:40]!r}")


def clean_zip(value: str, notes: list[str]) -> str:
    """Five digits or ZIP+4; spreadsheets drop leading zeros, so short ZIPs are padded."""
    if not value:
        return ""
    digits = value.replace(" ", "")
    if re.fullmatch(r"\d{5}(-\d{4})?", digits):
        return digits
    if re.fullmatch(r"\d{9}", digits):
        return f"{digits[:5]}-{digits[5:]}"
    if re.fullmatch(r"\d{3,5}(\.0)?", digits):
        return digits.split(".")[0].zfill(5)
    notes.append(f"ZIP code {value[:20]!r} is not valid; left out")
    return ""


def clean_website(value: str, notes: list[str]) -> str:
    """An http(s) address; a bare "example.org/x" gets https:// in front."""
    if not value:
        return ""
    url = value if re.match(r"(?i)^https?://", value) else f"https://{value}"
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        notes.append(f"website {value[:60]!r} is not a web address; left out")
        return ""
    if len(url) > MAX_WEBSITE:
        notes.append("website is too long; left out")
        return ""
    return url


def clean_phone(value: str, what: str, notes: list[str]) -> str:
    if len(value) > MAX_PHONE or (value and not re.search(r"\d{3}", value)):
        notes.append(f"{what} {value[:40]!r} is not a phone number; left out")
        return ""
    return value


def clean_coordinates(
    latitude: Any, longitude: Any, notes: list[str]
) -> tuple[Decimal | None, Decimal | None]:
    """Both coordinates as decimals in range, or neither."""

    def number(value: Any) -> Decimal | None:
        if value is None or isinstance(value, bool) or value == "":
            return None
        if not isinstance(value, str | int | float):
            raise InvalidOperation
        result = Decimal(str(value).strip())
        if not result.is_finite():
            raise InvalidOperation
        return result.quantize(Decimal("0.000001"))

    try:
        lat, lon = number(latitude), number(longitude)
    except (InvalidOperation, ValueError):
        notes.append("latitude or longitude is not a number; left out")
        return None, None
    if lat is None and lon is None:
        return None, None
    if lat is None or lon is None:
        notes.append("only one of latitude and longitude is given; left out")
        return None, None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        notes.append("latitude or longitude is out of range; left out")
        return None, None
    return lat, lon
