"""Reading FindTreatment.gov wordings and codes as levels of care, feature choices, categories."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db.models import Choices
from django.utils import translation

from programs.directory.models import Accessibility, Language, Medication, Payment, Population

__all__ = [
    "AT_HOME_LEVELS",
    "INPATIENT",
    "IOP",
    "LEVEL_ORDER",
    "OUTPATIENT",
    "PHP",
    "RESIDENTIAL",
    "access_value",
    "accepts_moud_wording",
    "category_of",
    "language_value",
    "matches",
    "medication_value",
    "payment_value",
    "population_value",
    "setting_level",
]

# The level slugs of programs/levels/content.py, least to most intensive.
OUTPATIENT, IOP, PHP = "outpatient", "iop", "php"
RESIDENTIAL, INPATIENT = "residential", "inpatient"
LEVEL_ORDER = (OUTPATIENT, IOP, PHP, RESIDENTIAL, INPATIENT)
# Telehealth only makes sense where people live at home.
AT_HOME_LEVELS = frozenset({OUTPATIENT, IOP, PHP})


def matches(pattern: str, text: str) -> bool:
    """Whether the regular expression ``pattern`` occurs anywhere in ``text``."""
    return re.search(pattern, text) is not None


def setting_level(value: str) -> str | None:
    """The level slug of a service setting wording; "outpatient" alone is the umbrella.

    Returns "withdrawal" for withdrawal management (not a level of its own),
    "telehealth", "umbrella" for the bare word "Outpatient", or None when unknown.
    """
    v = value.casefold()
    if matches(r"detox|withdrawal", v):
        return "withdrawal"
    if matches(r"tele(medicine|health)|virtual", v):
        return "telehealth"
    if matches(r"partial hospital|day treatment", v):
        return PHP
    if matches(r"intensive outpatient|\biop\b", v):
        return IOP
    if matches(r"inpatient|hospital", v):
        return INPATIENT
    if matches(r"residential", v):
        return RESIDENTIAL
    if v.strip(" .") == "outpatient":
        return "umbrella"
    if matches(r"outpatient", v):
        return OUTPATIENT
    return None


# Wording patterns for each kind of feature, most specific first: the first that matches wins.
_PAYMENT_RULES = (
    (r"medicaid", Payment.MEDICAID),
    (r"medicare", Payment.MEDICARE),
    (r"military|tricare", Payment.MILITARY),
    (r"private", Payment.PRIVATE),
    (r"cash|self[- ]?pay", Payment.SELF_PAY),
    (r"sliding", Payment.SLIDING_FEE),
    (r"no charge|\bfree\b|no payment accepted", Payment.FREE),
)
_POPULATION_RULES = (
    (r"pregnant|postpartum", Population.PREGNANT_POSTPARTUM),
    (r"\blgbt|lesbian|\bgay\b|transgender", Population.LGBTQ),
    (r"veteran", Population.VETERANS),
    (r"young adult", Population.YOUNG_ADULTS),
    (r"adolescent|\bteen|child|\byouth", Population.ADOLESCENTS),
    (r"senior|older adult", Population.SENIORS),
    (r"\badult", Population.ADULTS),
    (r"\bwomen\b", Population.WOMEN),
    (r"\bmen\b", Population.MEN),
)
_MEDICATION_RULES = (
    (r"methadone", Medication.METHADONE),
    (r"buprenorphine|suboxone|subutex|sublocade", Medication.BUPRENORPHINE),
    (r"naltrexone|vivitrol", Medication.NALTREXONE),
)


def _first_choice(rules: Iterable[tuple[str, Choices]], value: str) -> str | None:
    """The choice of the first rule whose pattern occurs in the wording, or None."""
    v = value.casefold()
    return next((choice.value for pattern, choice in rules if matches(pattern, v)), None)


def payment_value(value: str) -> str | None:
    if matches(r"other than medicaid", value.casefold()):
        return None
    return _first_choice(_PAYMENT_RULES, value)


def population_value(value: str) -> str | None:
    """A population from an age group or special group wording (sex accepted is separate)."""
    return _first_choice(_POPULATION_RULES, value)


def medication_value(value: str) -> str | None:
    return _first_choice(_MEDICATION_RULES, value)


# Only wordings that say the thing itself: "Services for the deaf and hard of hearing"
# (the export's Language Services), "Wheelchair accessible", "Interpreter services".
_ACCESS_RULES = (
    (r"wheel ?chair", Accessibility.WHEELCHAIR),
    (r"sign language|\basl\b|\bdeaf\b|hard of hearing", Accessibility.ASL),
    (r"\binterpret(er|ers|ing)\b|interpretation services", Accessibility.INTERPRETERS),
)


def access_value(value: str) -> str | None:
    """An accessibility feature from a service wording, or None."""
    return _first_choice(_ACCESS_RULES, value)


def accepts_moud_wording(value: str) -> bool:
    """Whether a wording says the facility takes clients on medication for opioid use.

    FindTreatment.gov writes "Accepts clients on opioid medication" (…"but prescribed
    elsewhere"), which covers methadone and buprenorphine. The same wording about
    medication for alcohol use says nothing about opioids.
    """
    v = value.casefold()
    if matches(r"alcohol", v):
        return False
    drug = r"(opioid|methadone|buprenorphine|moud)"
    return matches(
        rf"\baccepts? (clients|patients|people) (on|using|taking|who (use|take))\b.*\b{drug}", v
    ) or matches(rf"\b{drug}\b.*\bprescribed elsewhere", v)


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
    if matches(r"sign language|\basl\b|deaf", v):
        return Language.ASL.value
    for name, code in _LANGUAGE_NAMES.items():
        if matches(rf"\b{re.escape(name)}\b", v):
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
    "OT": "opioid_treatment",
    "AS": "ancillary",
}
_CATEGORY_LABELS = [
    (r"setting", "setting"),
    (r"payment|insurance|funding", "payment"),
    (r"age group|special (program|group)", "population"),
    (r"\bsex\b|gender", "sex"),
    (r"opioid medication|medications? used", "medication"),
    (r"language", "language"),
    (r"type of care", "care"),
    (r"type of opioid treatment", "opioid_treatment"),
    (r"ancillary|accessib", "ancillary"),
]


def category_of(code: str, label: str) -> str | None:
    """The kind of a JSON service category ("setting", "payment"…), None if not listed."""
    if code.upper() in _CATEGORY_CODES:
        return _CATEGORY_CODES[code.upper()]
    label = label.casefold()
    return next((cat for pattern, cat in _CATEGORY_LABELS if matches(pattern, label)), None)
