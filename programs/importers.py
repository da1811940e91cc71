"""Reads FindTreatment.gov exports (the JSON export and the spreadsheet CSV) into plain records.

Parsing and mapping touch no database: `parse_text` turns a whole file into one
`RowResult` per row, each holding a `ProgramRecord` per level of care the facility offers,
or the reason the row cannot be used. A file that cannot be read as either format at all
raises `ImportFileError`; nothing else is raised for any input. `save_rows` then writes
the records, matching each to an existing program by FindTreatment.gov ID and level, else
by name, ZIP code and level, so importing a file again updates instead of duplicating.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils import translation

from .models import (
    FeatureKind,
    Format,
    Language,
    Medication,
    Payment,
    Population,
    Program,
    Source,
    TreatmentLevel,
    USState,
)

# The level slugs of programs.content, least to most intensive.
OUTPATIENT, IOP, PHP = "outpatient", "iop", "php"
RESIDENTIAL, INPATIENT = "residential", "inpatient"
LEVEL_ORDER = (OUTPATIENT, IOP, PHP, RESIDENTIAL, INPATIENT)
# Telehealth only makes sense where people live at home.
_AT_HOME_LEVELS = {OUTPATIENT, IOP, PHP}

MAX_NAME = 200
MAX_CITY = 100
MAX_STREET = 200
MAX_PHONE = 30
MAX_WEBSITE = 300
MAX_FRID = 100
MAX_ROWS = 200_000
PROGRESS_EVERY = 500


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why in plain words."""


class RowError(ValueError):
    """One row cannot be used; the message is the reason, shown in the import report."""


@dataclass(frozen=True)
class ProgramRecord:
    """One program to create or update: a facility at one level of care."""

    level: str
    name: str
    organisation: str
    street: str
    city: str
    state: str
    zip_code: str
    phone: str
    intake_phone: str
    website: str
    latitude: Decimal | None
    longitude: Decimal | None
    frid: str
    co_occurring: bool
    formats: tuple[str, ...]
    payments: tuple[str, ...]
    populations: tuple[str, ...]
    medications: tuple[str, ...]
    languages: tuple[str, ...]

    def match_key(self) -> tuple[str, ...]:
        """What makes two records the same program: the FindTreatment.gov ID, else name and ZIP."""
        if self.frid:
            return ("frid", self.frid, self.level)
        return ("name", self.name.casefold(), self.zip_code, self.level)


@dataclass
class RowResult:
    """What became of one row of the file."""

    number: int
    name: str = ""
    records: list[ProgramRecord] = field(default_factory=list)
    error: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"Row {self.number}" + (f" ({self.name})" if self.name else "")


@dataclass
class ParsedFile:
    format: str
    rows: list[RowResult]
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Facility:
    """A row's facts in one shape, whichever format they came from."""

    name1: str = ""
    name2: str = ""
    street1: str = ""
    street2: str = ""
    city: str = ""
    state: str = ""
    zip_code: str = ""
    phone: str = ""
    intake_phone: str = ""
    website: str = ""
    latitude: Any = None
    longitude: Any = None
    frid: str = ""
    type_facility: str = ""
    levels: set[str] = field(default_factory=set)
    outpatient_umbrella: bool = False
    offers_withdrawal: bool = False
    telehealth: bool = False
    co_occurring: bool = False
    payments: set[str] = field(default_factory=set)
    populations: set[str] = field(default_factory=set)
    accepts_female: bool = False
    accepts_male: bool = False
    medications: set[str] = field(default_factory=set)
    languages: set[str] = field(default_factory=lambda: {Language.ENGLISH.value})
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Reading the file
# ---------------------------------------------------------------------------


def read_file(path: Path | str) -> str:
    """The file's text; UTF-8 (with or without a byte-order mark) or ImportFileError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{path} is not UTF-8 text (a byte at position {exc.start} cannot be read). "
            "Save it as UTF-8 and try again."
        ) from None


def guess_format(path: Path | str, text: str) -> str:
    """ "json" or "csv", from the file name's extension, else from the first character."""
    suffix = Path(path).suffix.lower()
    if suffix in {".json", ".csv"}:
        return suffix[1:]
    return "json" if text.lstrip()[:1] in {"{", "["} else "csv"


def parse_text(text: str, file_format: str) -> ParsedFile:
    """Every row of a file in one of the two formats, mapped to records or skipped."""
    if file_format == "json":
        return parse_json(text)
    if file_format == "csv":
        return parse_csv(text)
    raise ImportFileError(f"Unknown format {file_format!r}: use json or csv.")


def parse_json(text: str) -> ParsedFile:
    """The JSON export: an object with a `rows` list (a bare list of rows is accepted too)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"This is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    except (RecursionError, ValueError) as exc:
        # Too deeply nested, or a number too long to read.
        raise ImportFileError(f"This JSON cannot be read: {str(exc)[:200]}.") from None
    warnings = []
    if isinstance(data, dict):
        rows = data.get("rows")
        if not isinstance(rows, list):
            raise ImportFileError(
                'This JSON is not a FindTreatment.gov export: it has no "rows" list.'
            )
        pages = data.get("totalPages")
        if isinstance(pages, int) and not isinstance(pages, bool) and pages > 1:
            warnings.append(
                f"This file is page {data.get('page', '?')} of {pages} of the search; "
                "import the other pages too."
            )
    elif isinstance(data, list):
        rows = data
    else:
        raise ImportFileError(
            'This JSON is not a FindTreatment.gov export: expected an object with a "rows" list.'
        )
    _check_size(len(rows))
    results = []
    for number, row in enumerate(rows, start=1):
        result = RowResult(number=number)
        try:
            if not isinstance(row, dict):
                raise RowError("is not an object with facility fields")
            row = _normalise_keys(row)
            result.name = _label_name(row.get("name1"))
            facility = _facility_from_json(row)
            result.records = _records(facility)
            result.notes = facility.notes
        except RowError as exc:
            result.error = str(exc)
        results.append(result)
    return ParsedFile(format="json", rows=_mark_duplicates(results), warnings=warnings)


def parse_csv(text: str) -> ParsedFile:
    """The spreadsheet download: address columns, then a 1-or-blank column per service code."""
    if "\x00" in text:
        raise ImportFileError("This is not a CSV file: it contains binary data.")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise ImportFileError("This CSV file is empty.")
        columns = [_key(cell) for cell in header]
        if "name1" not in columns:
            raise ImportFileError(
                "This CSV is not a FindTreatment.gov spreadsheet: it has no name1 column."
            )
        results = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            number = reader.line_num
            _check_size(len(results) + 1)
            result = RowResult(number=number)
            try:
                values = dict(zip(columns, row, strict=False))
                result.name = _label_name(values.get("name1"))
                if any(cell.strip() for cell in row[len(columns) :]):
                    raise RowError(f"has {len(row)} cells but the header has {len(columns)}")
                facility = _facility_from_csv(values)
                result.records = _records(facility)
                result.notes = facility.notes
            except RowError as exc:
                result.error = str(exc)
            results.append(result)
    except csv.Error as exc:
        message = f"This CSV cannot be read (line {reader.line_num}: {exc})."
        raise ImportFileError(message) from None
    return ParsedFile(format="csv", rows=_mark_duplicates(results))


def _label_name(value: Any) -> str:
    """The facility's name for the report line, when it has a usable one."""
    return clean_text(value)[:80] if isinstance(value, str) else ""


def _check_size(count: int) -> None:
    if count > MAX_ROWS:
        raise ImportFileError(f"This file has more than {MAX_ROWS:,} rows; split it up.")


def _key(name: object) -> str:
    """Column and field names compared without case, spaces, dashes or underscores."""
    return re.sub(r"[\s_\-]", "", str(name)).lower()


def _normalise_keys(row: Mapping[Any, Any]) -> dict[str, Any]:
    # `type_facility` and the older `typeFacility` become the same key.
    return {_key(k): v for k, v in row.items()}


def _mark_duplicates(results: list[RowResult]) -> list[RowResult]:
    """Skip a row whose programs an earlier row of the same file already gave."""
    seen: dict[tuple[str, ...], int] = {}
    for result in results:
        if result.error:
            continue
        first = next((seen[r.match_key()] for r in result.records if r.match_key() in seen), 0)
        if first:
            result.error = f"repeats row {first} (same facility and level)"
            result.records = []
            continue
        for record in result.records:
            seen[record.match_key()] = result.number
    return results


# ---------------------------------------------------------------------------
# Cleaning single values
# ---------------------------------------------------------------------------


def clean_text(value: str) -> str:
    """Text in NFC form without control characters, with spaces collapsed."""
    value = unicodedata.normalize("NFC", value)
    value = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in value)
    return " ".join(value.split())


def _text(values: Mapping[str, Any], key: str, *, numbers_ok: bool = False) -> str:
    value = values.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value)
    if numbers_ok and isinstance(value, int | float) and not isinstance(value, bool):
        return clean_text(str(value))
    raise RowError(f"has {key} as {_kind(value)}, not text")


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false"}.get(type(value), "a number")


def _limited(value: str, what: str, limit: int) -> str:
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


# ---------------------------------------------------------------------------
# Mapping the wordings and codes
# ---------------------------------------------------------------------------


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


def setting_level(value: str) -> str | None:
    """The level slug of a service setting wording; "outpatient" alone is the umbrella.

    Returns "withdrawal" for withdrawal management (not a level of its own),
    "telehealth", "umbrella" for the bare word "Outpatient", or None when unknown.
    """
    v = value.casefold()
    if _has(r"detox|withdrawal", v):
        return "withdrawal"
    if _has(r"tele(medicine|health)|virtual", v):
        return "telehealth"
    if _has(r"partial hospital|day treatment", v):
        return PHP
    if _has(r"intensive outpatient|\biop\b", v):
        return IOP
    if _has(r"inpatient|hospital", v):
        return INPATIENT
    if _has(r"residential", v):
        return RESIDENTIAL
    if v.strip(" .") == "outpatient":
        return "umbrella"
    if _has(r"outpatient", v):
        return OUTPATIENT
    return None


def payment_value(value: str) -> str | None:
    v = value.casefold()
    if _has(r"other than medicaid", v):
        return None
    rules = [
        (r"medicaid", Payment.MEDICAID),
        (r"medicare", Payment.MEDICARE),
        (r"military|tricare", Payment.MILITARY),
        (r"private", Payment.PRIVATE),
        (r"cash|self[- ]?pay", Payment.SELF_PAY),
        (r"sliding", Payment.SLIDING_FEE),
        (r"no charge|\bfree\b|no payment accepted", Payment.FREE),
    ]
    return next((choice.value for pattern, choice in rules if _has(pattern, v)), None)


def population_value(value: str) -> str | None:
    """A population from an age group or special group wording (sex accepted is separate)."""
    v = value.casefold()
    rules = [
        (r"pregnant|postpartum", Population.PREGNANT_POSTPARTUM),
        (r"\blgbt|lesbian|\bgay\b|transgender", Population.LGBTQ),
        (r"veteran", Population.VETERANS),
        (r"young adult", Population.YOUNG_ADULTS),
        (r"adolescent|\bteen|child|\byouth", Population.ADOLESCENTS),
        (r"senior|older adult", Population.SENIORS),
        (r"\badult", Population.ADULTS),
        (r"\bwomen\b", Population.WOMEN),
        (r"\bmen\b", Population.MEN),
    ]
    return next((choice.value for pattern, choice in rules if _has(pattern, v)), None)


def medication_value(value: str) -> str | None:
    v = value.casefold()
    rules = [
        (r"methadone", Medication.METHADONE),
        (r"buprenorphine|suboxone|subutex|sublocade", Medication.BUPRENORPHINE),
        (r"naltrexone|vivitrol", Medication.NALTREXONE),
    ]
    return next((choice.value for pattern, choice in rules if _has(pattern, v)), None)


# The export names languages in English; the choices' labels are translated, so read them
# in English whatever language is active when this module is imported.
with translation.override("en"):
    _LANGUAGE_NAMES = {str(label).casefold(): code for code, label in Language.choices}
_LANGUAGE_NAMES.update(
    {
        "mandarin": Language.CHINESE,
        "cantonese": Language.CHINESE,
        "haitian": Language.HAITIAN_CREOLE,
        "creole": Language.HAITIAN_CREOLE,
        "filipino": Language.TAGALOG,
        "diné": Language.NAVAJO,
        "asl": Language.ASL,
    }
)


def language_value(value: str) -> str | None:
    v = value.casefold()
    if _has(r"sign language|\basl\b|deaf", v):
        return Language.ASL.value
    for name, code in _LANGUAGE_NAMES.items():
        if _has(rf"\b{re.escape(name)}\b", v):
            return str(code)
    return None


# JSON service categories by code; a category with an unknown code is recognised by its label.
_CATEGORY_CODES = {
    "TC": "care",
    "SET": "setting",
    "PAY": "payment",
    "PYAS": "payment",
    "AGE": "population",
    "SG": "population",
    "SN": "sex",
    "GN": "sex",
    "OM": "medication",
    "OL": "language",
    "SL": "language",
    "AIL": "language",
}
_CATEGORY_LABELS = [
    (r"setting", "setting"),
    (r"payment|insurance|funding", "payment"),
    (r"age group|special (program|group)", "population"),
    (r"\bsex\b|gender", "sex"),
    (r"opioid medication|medications? used", "medication"),
    (r"language", "language"),
    (r"type of care", "care"),
]


def _category(code: str, label: str) -> str | None:
    if code.upper() in _CATEGORY_CODES:
        return _CATEGORY_CODES[code.upper()]
    label = label.casefold()
    return next((cat for pattern, cat in _CATEGORY_LABELS if _has(pattern, label)), None)


def _service_values(raw: Any, where: str) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        parts: Iterable[Any] = raw.split(";")
    elif isinstance(raw, list):
        parts = raw
    else:
        raise RowError(f"has {where} as {_kind(raw)}, not text")
    values = []
    for part in parts:
        if not isinstance(part, str):
            raise RowError(f"has {where} holding {_kind(part)}, not text")
        cleaned = clean_text(part)
        if cleaned:
            values.append(cleaned)
    return values


def _apply(facility: _Facility, category: str, value: str) -> None:
    """Record one service value of a known category on the facility."""
    unknown = f"{category} {value[:60]!r} not recognised; ignored"
    if category == "care":
        if _has(r"co-?occurring", value.casefold()):
            facility.co_occurring = True
    elif category == "setting":
        level = setting_level(value)
        if level == "telehealth":
            facility.telehealth = True
        elif level == "umbrella":
            facility.outpatient_umbrella = True
        elif level == "withdrawal":
            facility.offers_withdrawal = True
        elif level:
            facility.levels.add(level)
        else:
            facility.notes.append(unknown)
    elif category == "sex":
        v = value.casefold()
        if _has(r"female|\bwomen\b", v):
            facility.accepts_female = True
        elif _has(r"\bmale\b|\bmen\b", v):
            facility.accepts_male = True
        else:
            facility.notes.append(unknown)
    else:
        mapper, target = {
            "payment": (payment_value, facility.payments),
            "population": (population_value, facility.populations),
            "medication": (medication_value, facility.medications),
            "language": (language_value, facility.languages),
        }[category]
        mapped = mapper(value)
        if mapped:
            target.add(mapped)
        elif not _has(r"payment assistance", value.casefold()):
            # Payment assistance is "ask the facility": nothing to list, nothing to report.
            facility.notes.append(unknown)


def _address(facility: _Facility, values: Mapping[str, Any], *, json_row: bool) -> None:
    numbers = json_row  # JSON exports sometimes give ZIPs and phones as numbers.
    facility.name1 = _text(values, "name1")
    facility.name2 = _text(values, "name2")
    facility.street1 = _text(values, "street1", numbers_ok=numbers)
    facility.street2 = _text(values, "street2", numbers_ok=numbers)
    facility.city = _text(values, "city")
    facility.state = _text(values, "state")
    facility.zip_code = _text(values, "zip", numbers_ok=numbers) or _text(
        values, "zipcode", numbers_ok=numbers
    )
    facility.phone = _text(values, "phone", numbers_ok=numbers)
    facility.intake_phone = _text(values, "intake1", numbers_ok=numbers)
    facility.website = _text(values, "website")
    facility.latitude = values.get("latitude")
    facility.longitude = values.get("longitude")
    facility.type_facility = _text(values, "typefacility")


def _facility_from_json(row: Mapping[str, Any]) -> _Facility:
    facility = _Facility()
    _address(facility, row, json_row=True)
    facility.frid = _text(row, "frid", numbers_ok=True)
    services = row.get("services")
    if services is None:
        services = []
    if not isinstance(services, list):
        raise RowError(f"has services as {_kind(services)}, not a list")
    for index, service in enumerate(services, start=1):
        where = f"services item {index}"
        if not isinstance(service, dict):
            raise RowError(f"has {where} that is not an object")
        service = _normalise_keys(service)
        code = _text(service, "f2")
        category = _category(code, _text(service, "f1"))
        if category is None:
            continue  # categories the directory does not show (licensing, therapies…)
        for value in _service_values(service.get("f3"), where):
            _apply(facility, category, value)
    return facility


_CSV_FLAGS: dict[str, tuple[str, str]] = {
    "oit": ("setting", "Intensive outpatient treatment"),
    "odt": ("setting", "Partial hospitalization/day treatment"),
    "ort": ("setting", "Regular outpatient treatment"),
    "op": ("setting", "Outpatient"),
    "res": ("setting", "Residential"),
    "rs": ("setting", "Short-term residential"),
    "rl": ("setting", "Long-term residential"),
    "hi": ("setting", "Hospital inpatient"),
    "hit": ("setting", "Hospital inpatient treatment"),
    "rd": ("setting", "Residential detoxification"),
    "hid": ("setting", "Hospital inpatient detoxification"),
    "od": ("setting", "Outpatient detoxification"),
    "tele": ("setting", "Telemedicine/telehealth therapy"),
    "md": ("payment", "Medicaid"),
    "mc": ("payment", "Medicare"),
    "pi": ("payment", "Private health insurance"),
    "sf": ("payment", "Cash or self-payment"),
    "mi": ("payment", "Military insurance"),
    "ss": ("payment", "Sliding fee scale"),
    "adlt": ("population", "Adults"),
    "chld": ("population", "Adolescents"),
    "yad": ("population", "Young adults"),
    "snr": ("population", "Seniors"),
    "fem": ("sex", "Female"),
    "male": ("sex", "Male"),
    "vet": ("population", "Veterans"),
    "gl": ("population", "LGBT clients"),
    "pw": ("population", "Pregnant/postpartum women"),
    "bu": ("medication", "Buprenorphine"),
    "meth": ("medication", "Methadone"),
    "nu": ("medication", "Naltrexone"),
    "sp": ("language", "Spanish"),
    "co": ("care", "Co-occurring"),
}
_TRUE = {"1", "1.0", "y", "yes", "x", "true"}
_FALSE = {"", "0", "0.0", "n", "no", "false"}


def _facility_from_csv(values: Mapping[str, str]) -> _Facility:
    facility = _Facility()
    _address(facility, values, json_row=False)
    facility.frid = _text(values, "frid")
    for code, (category, wording) in _CSV_FLAGS.items():
        raw = clean_text(values.get(code) or "").casefold()
        if raw in _TRUE:
            _apply(facility, category, wording)
        elif raw not in _FALSE:
            facility.notes.append(f"column {code} has {raw[:20]!r}, not 1 or blank; read as no")
    return facility


def _records(facility: _Facility) -> list[ProgramRecord]:
    """One record per level the facility offers; RowError when the row is unusable."""
    if not facility.name1:
        raise RowError("has no name (name1)")
    if facility.type_facility.upper() == "MH":
        raise RowError("is a mental-health-only facility (type MH), not substance use care")
    name = facility.name1 if not facility.name2 else f"{facility.name1} – {facility.name2}"
    name = _limited(name, "name", MAX_NAME)
    organisation = _limited(facility.name1, "name1", MAX_NAME)
    city = _limited(facility.city, "city", MAX_CITY)
    if not city:
        raise RowError("has no city")
    state = clean_state(facility.state)
    notes = facility.notes
    street = ", ".join(part for part in (facility.street1, facility.street2) if part)
    street = _limited(street, "street", MAX_STREET)
    frid = _limited(facility.frid, "frid", MAX_FRID)
    zip_code = clean_zip(facility.zip_code, notes)
    phone = clean_phone(facility.phone, "phone", notes)
    intake = clean_phone(facility.intake_phone, "intake phone", notes)
    website = clean_website(facility.website, notes)
    if not (phone or intake or website):
        raise RowError("has no phone number or website")
    latitude, longitude = clean_coordinates(facility.latitude, facility.longitude, notes)

    levels = set(facility.levels)
    if facility.outpatient_umbrella and not levels & _AT_HOME_LEVELS:
        levels.add(OUTPATIENT)
    if not levels:
        if facility.offers_withdrawal:
            raise RowError("offers only withdrawal management, which is not a level we list")
        raise RowError("has no level of care we list (no usable service setting)")

    populations = set(facility.populations)
    # Accepting only one sex marks a women's or men's program; accepting both says nothing.
    if facility.accepts_female and not facility.accepts_male:
        populations.add(Population.WOMEN.value)
    if facility.accepts_male and not facility.accepts_female:
        populations.add(Population.MEN.value)

    def ordered(values: set[str], choices: Any) -> tuple[str, ...]:
        return tuple(v for v in choices.values if v in values)

    records = []
    for level in LEVEL_ORDER:
        if level not in levels:
            continue
        if level not in _AT_HOME_LEVELS:
            formats: tuple[str, ...] = (Format.IN_PERSON.value,)
        elif facility.telehealth and not street:
            formats = (Format.TELEHEALTH.value,)
        elif facility.telehealth:
            formats = (Format.IN_PERSON.value, Format.TELEHEALTH.value)
        else:
            formats = (Format.IN_PERSON.value,)
        records.append(
            ProgramRecord(
                level=level,
                name=name,
                organisation=organisation,
                street=street,
                city=city,
                state=state,
                zip_code=zip_code,
                phone=phone,
                intake_phone=intake,
                website=website,
                latitude=latitude,
                longitude=longitude,
                frid=frid,
                co_occurring=facility.co_occurring,
                formats=formats,
                payments=ordered(facility.payments, Payment),
                populations=ordered(populations, Population),
                medications=ordered(facility.medications, Medication),
                languages=ordered(facility.languages, Language),
            )
        )
    return records


# ---------------------------------------------------------------------------
# Saving
# ---------------------------------------------------------------------------


@dataclass
class ImportSummary:
    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: list[RowResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def line(self, file_format: str, *, dry_run: bool = False) -> str:
        """The one-line summary, e.g. "JSON file: created 10, updated 0, skipped 1 of 9 rows."."""
        rows = "row" if self.rows == 1 else "rows"
        if dry_run:
            return (
                f"{file_format.upper()} file, dry run (nothing saved): would create "
                f"{self.created}, update {self.updated} and skip {len(self.skipped)} "
                f"of {self.rows} {rows}."
            )
        return (
            f"{file_format.upper()} file: created {self.created}, updated {self.updated}, "
            f"skipped {len(self.skipped)} of {self.rows} {rows}."
        )


def save_rows(
    rows: list[RowResult],
    *,
    today: date,
    progress: Callable[[int, int], None] | None = None,
    progress_every: int = PROGRESS_EVERY,
) -> ImportSummary:
    """Create or update the programs of every usable row; call inside a transaction.

    Each row is saved in a savepoint, so a row that fails in the database is skipped
    whole and never half-saved.
    """
    levels = {level.slug: level for level in TreatmentLevel.objects.all()}
    summary = ImportSummary(rows=len(rows))
    for index, row in enumerate(rows, start=1):
        if progress and index % progress_every == 0:
            progress(index, len(rows))
        if row.error:
            summary.skipped.append(row)
            continue
        try:
            with transaction.atomic():
                outcomes = [_save_record(levels, record, today) for record in row.records]
        except RowError as exc:
            row.error = str(exc)
        except DatabaseError as exc:
            row.error = f"could not be saved ({str(exc).splitlines()[0][:120]})"
        if row.error:
            summary.skipped.append(row)
            continue
        summary.created += outcomes.count(True)
        summary.updated += outcomes.count(False)
        summary.notes.extend(f"{row.label}: {note}" for note in row.notes)
    return summary


def _save_record(levels: Mapping[str, TreatmentLevel], record: ProgramRecord, today: date) -> bool:
    """Create or update one program; True when it was created."""
    level = levels.get(record.level)
    if level is None:
        raise RowError(f"needs the level {record.level!r}, which is not in the database")
    program = None
    if record.frid:
        program = Program.objects.filter(frid=record.frid, level=level).first()
    if program is None:
        # Same name (any case) and ZIP at the same level: a facility listed without its
        # FindTreatment.gov ID, e.g. by the spreadsheet, or a program entered by hand.
        same = Program.objects.alias(lower_name=Lower("name")).filter(
            lower_name=Lower(Value(record.name)), zip_code=record.zip_code, level=level
        )
        if record.frid:
            same = same.filter(frid="")
        candidates = sorted(same[:5], key=lambda p: (p.frid != "", p.pk))
        if len(candidates) > 1 and candidates[0].frid:
            raise RowError(
                f"matches {len(candidates)} listed programs with the same name, ZIP code and "
                "level; add its frid to tell them apart"
            )
        program = candidates[0] if candidates else None
    created = program is None
    if created:
        program = Program(level=level)
    program.name = record.name
    program.organisation = record.organisation
    program.street = record.street
    program.city = record.city
    program.state = record.state
    program.zip_code = record.zip_code
    program.phone = record.phone
    program.intake_phone = record.intake_phone
    program.website = record.website
    program.latitude = record.latitude
    program.longitude = record.longitude
    program.co_occurring = record.co_occurring
    program.source = Source.IMPORTED
    program.is_demo = False
    program.last_verified = today
    if record.frid:
        program.frid = record.frid
    program.save()
    program.replace_features(
        {
            FeatureKind.FORMAT: record.formats,
            FeatureKind.PAYMENT: record.payments,
            FeatureKind.POPULATION: record.populations,
            FeatureKind.MEDICATION: record.medications,
            FeatureKind.LANGUAGE: record.languages,
        }
    )
    return created
