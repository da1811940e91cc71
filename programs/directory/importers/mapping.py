"""Mapping one row of either format to a facility, then to a `ProgramRecord` per level of care.

Besides the service codes, the spreadsheet may carry optional columns that staff add by
hand (FindTreatment.gov's own download has none of them): `session_times` and
`intake_hours` (text, up to 200 characters), `accepts_moud` (1 = takes people who take
methadone or buprenorphine, 0 = does not, blank = unknown), and `wheelchair`, `asl` and
`interpreters` (1 or blank). The JSON export says some of the same in its services:
"Accepts clients on opioid medication" (Type of Opioid Treatment), "Services for the deaf
and hard of hearing" (Language Services); wheelchair and interpreter wordings are read
from the language and ancillary services too.

A row without usable coordinates is placed at its ZIP code's centre (`PointFrom.ZIP`,
approximate), or nowhere when the ZIP code is missing or unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from programs.core.text import clean_text
from programs.directory.geo import as_decimal, zip_point
from programs.directory.importers.cleaning import (
    MAX_CITY,
    MAX_FRID,
    MAX_NAME,
    MAX_STREET,
    clean_coordinates,
    clean_phone,
    clean_state,
    clean_website,
    clean_zip,
    kind_of,
    limited,
    normalise_keys,
    text_value,
)
from programs.directory.importers.records import PointFrom, ProgramRecord, RowError
from programs.directory.importers.wordings import (
    AT_HOME_LEVELS,
    LEVEL_ORDER,
    OUTPATIENT,
    accepts_moud_wording,
    access_value,
    category_of,
    language_value,
    matches,
    medication_value,
    payment_value,
    population_value,
    setting_level,
)
from programs.directory.models import (
    Accessibility,
    Format,
    Language,
    Medication,
    Payment,
    Population,
)

__all__ = ["MAX_TIMES", "Facility", "facility_from_csv", "facility_from_json", "records_for"]

MAX_TIMES = 200  # session times and intake hours, as the Program columns hold them


@dataclass
class Facility:
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
    accessibility: set[str] = field(default_factory=set)
    accepts_moud: bool | None = None
    session_times: str = ""
    intake_hours: str = ""
    notes: list[str] = field(default_factory=list)


def _service_values(raw: Any, where: str) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        parts: Iterable[Any] = raw.split(";")
    elif isinstance(raw, list):
        parts = raw
    else:
        raise RowError(f"has {where} as {kind_of(raw)}, not text")
    values = []
    for part in parts:
        if not isinstance(part, str):
            raise RowError(f"has {where} holding {kind_of(part)}, not text")
        cleaned = clean_text(part)
        if cleaned:
            values.append(cleaned)
    return values


# Long lists of services the directory does not show, read only for a wording or two.
_SCANNED_ONLY = frozenset({"opioid_treatment", "ancillary"})


def _apply(facility: Facility, category: str, value: str) -> None:
    """Record one service value of a known category on the facility."""
    unknown = f"{category} {value[:60]!r} not recognised; ignored"
    if category == "care":
        if matches(r"co-?occurring", value.casefold()):
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
        if matches(r"female|\bwomen\b", v):
            facility.accepts_female = True
        elif matches(r"\bmale\b|\bmen\b", v):
            facility.accepts_male = True
        else:
            facility.notes.append(unknown)
    elif category in _SCANNED_ONLY:
        # Only these wordings count; the rest is no news worth a note.
        if accepts_moud_wording(value):
            facility.accepts_moud = True
        elif category == "ancillary" and (access := access_value(value)):
            facility.accessibility.add(access)
    elif category == "language":
        # "Services for the deaf and hard of hearing" is both a language and an access need.
        access, language = access_value(value), language_value(value)
        if access:
            facility.accessibility.add(access)
        if language:
            facility.languages.add(language)
        if not (access or language):
            facility.notes.append(unknown)
    elif category == "medication" and accepts_moud_wording(value):
        facility.accepts_moud = True
    else:
        mapper, target = {
            "payment": (payment_value, facility.payments),
            "population": (population_value, facility.populations),
            "medication": (medication_value, facility.medications),
        }[category]
        mapped = mapper(value)
        if mapped:
            target.add(mapped)
        elif not matches(r"payment assistance", value.casefold()):
            # Payment assistance is "ask the facility": nothing to list, nothing to report.
            facility.notes.append(unknown)


def _address(facility: Facility, values: Mapping[str, Any], *, json_row: bool) -> None:
    numbers = json_row  # JSON exports sometimes give ZIPs and phones as numbers.
    facility.name1 = text_value(values, "name1")
    facility.name2 = text_value(values, "name2")
    facility.street1 = text_value(values, "street1", numbers_ok=numbers)
    facility.street2 = text_value(values, "street2", numbers_ok=numbers)
    facility.city = text_value(values, "city")
    facility.state = text_value(values, "state")
    facility.zip_code = text_value(values, "zip", numbers_ok=numbers) or text_value(
        values, "zipcode", numbers_ok=numbers
    )
    facility.phone = text_value(values, "phone", numbers_ok=numbers)
    facility.intake_phone = text_value(values, "intake1", numbers_ok=numbers)
    facility.website = text_value(values, "website")
    facility.latitude = values.get("latitude")
    facility.longitude = values.get("longitude")
    facility.type_facility = text_value(values, "typefacility")


def facility_from_json(row: Mapping[str, Any]) -> Facility:
    """A JSON export row (keys already `normalise_keys`-ed) as a facility; RowError if unusable."""
    facility = Facility()
    _address(facility, row, json_row=True)
    facility.frid = text_value(row, "frid", numbers_ok=True)
    services = row.get("services")
    if services is None:
        services = []
    if not isinstance(services, list):
        raise RowError(f"has services as {kind_of(services)}, not a list")
    for index, service in enumerate(services, start=1):
        where = f"services item {index}"
        if not isinstance(service, dict):
            raise RowError(f"has {where} that is not an object")
        service = normalise_keys(service)
        code = text_value(service, "f2")
        category = category_of(code, text_value(service, "f1"))
        if category is None:
            continue  # categories the directory does not show (licensing, therapies…)
        try:
            values = _service_values(service.get("f3"), where)
        except RowError as exc:
            if category not in _SCANNED_ONLY:
                raise
            # A category read only for a wording or two never makes a row unusable.
            facility.notes.append(f"{exc}; ignored")
            continue
        for value in values:
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
_CSV_ACCESS = {
    "wheelchair": Accessibility.WHEELCHAIR,
    "asl": Accessibility.ASL,
    "interpreters": Accessibility.INTERPRETERS,
}
_TRUE = {"1", "1.0", "y", "yes", "x", "true"}
_FALSE = {"", "0", "0.0", "n", "no", "false"}


def facility_from_csv(values: Mapping[str, str]) -> Facility:
    """A spreadsheet row (keyed by `column_key`) as a facility; RowError if unusable."""
    facility = Facility()
    _address(facility, values, json_row=False)
    facility.frid = text_value(values, "frid")
    for code, (category, wording) in _CSV_FLAGS.items():
        raw = clean_text(values.get(code) or "").casefold()
        if raw in _TRUE:
            _apply(facility, category, wording)
        elif raw not in _FALSE:
            facility.notes.append(f"column {code} has {raw[:20]!r}, not 1 or blank; read as no")
    for column, access in _CSV_ACCESS.items():
        raw = clean_text(values.get(column) or "").casefold()
        if raw in _TRUE:
            facility.accessibility.add(access.value)
        elif raw not in _FALSE:
            facility.notes.append(f"column {column} has {raw[:20]!r}, not 1 or blank; read as no")
    raw = clean_text(values.get("acceptsmoud") or "").casefold()
    if raw in _TRUE:
        facility.accepts_moud = True
    elif raw and raw in _FALSE:
        facility.accepts_moud = False
    elif raw:
        facility.notes.append(
            f"column accepts_moud has {raw[:20]!r}, not 1, 0 or blank; read as unknown"
        )
    facility.session_times = _optional_text(values, "sessiontimes", "session times", facility)
    facility.intake_hours = _optional_text(values, "intakehours", "intake hours", facility)
    return facility


def _optional_text(values: Mapping[str, str], key: str, what: str, facility: Facility) -> str:
    """A short text column staff may add; too long is a note, not a lost row."""
    text = clean_text(values.get(key) or "")
    if len(text) > MAX_TIMES:
        facility.notes.append(f"{what} is longer than {MAX_TIMES} characters; left out")
        return ""
    return text


def records_for(facility: Facility) -> list[ProgramRecord]:
    """One record per level the facility offers; RowError when the row is unusable."""
    if not facility.name1:
        raise RowError("has no name (name1)")
    if facility.type_facility.upper() == "MH":
        raise RowError("is a mental-health-only facility (type MH), not substance use care")
    name = facility.name1 if not facility.name2 else f"{facility.name1} – {facility.name2}"
    name = limited(name, "name", MAX_NAME)
    organisation = limited(facility.name1, "name1", MAX_NAME)
    city = limited(facility.city, "city", MAX_CITY)
    if not city:
        raise RowError("has no city")
    state = clean_state(facility.state)
    notes = facility.notes
    street = ", ".join(part for part in (facility.street1, facility.street2) if part)
    street = limited(street, "street", MAX_STREET)
    frid = limited(facility.frid, "frid", MAX_FRID)
    zip_code = clean_zip(facility.zip_code, notes)
    phone = clean_phone(facility.phone, "phone", notes)
    intake = clean_phone(facility.intake_phone, "intake phone", notes)
    website = clean_website(facility.website, notes)
    if not (phone or intake or website):
        raise RowError("has no phone number or website")
    latitude, longitude = clean_coordinates(facility.latitude, facility.longitude, notes)
    point_from = PointFrom.FILE
    if latitude is None or longitude is None:
        centre = zip_point(zip_code)
        point_from = PointFrom.NONE if centre is None else PointFrom.ZIP
        if centre is not None:
            latitude, longitude = as_decimal(centre.latitude), as_decimal(centre.longitude)

    levels = set(facility.levels)
    if facility.outpatient_umbrella and not levels & AT_HOME_LEVELS:
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
        if level not in AT_HOME_LEVELS:
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
                point_from=point_from,
                accessibility=ordered(facility.accessibility, Accessibility),
                accepts_moud=facility.accepts_moud,
                session_times=facility.session_times,
                intake_hours=facility.intake_hours,
            )
        )
    return records
