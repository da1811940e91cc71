"""No template and no module types a helpline's number: they all come from the one table.

Scans every file under templates/ and every .py under programs/, except the shipped table
itself (programs/helplines/content.py) and the migrations (history, kept as it ran).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {ROOT / "programs" / "helplines" / "content.py"}
# Ten digits as people write them, with an optional leading 1: 1-800-799-7233, (212) 555-0199.
US_PHONE = re.compile(r"(?<![\w-])(?:1[-. ]?)?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?![\w-])")
DIAL_URL = re.compile(r"\b(?:tel|sms):\+?\d", re.IGNORECASE)
SHORT_CODES = re.compile(r"\b(?:911|988|838255|88788|22522|435748)\b")


def scanned_files() -> list[Path]:
    templates = [p for p in (ROOT / "templates").rglob("*") if p.is_file()]
    modules = [
        p
        for p in (ROOT / "programs").rglob("*.py")
        if p not in ALLOWED and "migrations" not in p.relative_to(ROOT).parts
    ]
    return sorted(templates + modules)


# 555-0100 to 555-0199 are reserved for examples and fiction: form hints use them.
FICTIONAL = re.compile(r"555[-. ]01\d\d$")


def typed_numbers(text: str) -> list[str]:
    return [
        match.group(0)
        for pattern in (US_PHONE, DIAL_URL, SHORT_CODES)
        for match in pattern.finditer(text)
        if not FICTIONAL.search(match.group(0))
    ]


def test_the_scan_sees_the_templates_and_modules():
    files = scanned_files()
    assert ROOT / "templates" / "includes" / "crisis_bar.html" in files
    assert ROOT / "programs" / "questionnaire" / "triage.py" in files
    assert not any("migrations" in p.parts for p in files)


@pytest.mark.parametrize(
    "text",
    [
        "call 1-800-799-7233 now",
        "(212) 413-0199",
        '<a href="tel:911">',
        "sms:+18004224453",
        "text START to 88788",
        "call or text 988.",
        "Veterans: text 838255",
    ],
)
def test_the_patterns_catch_a_typed_number(text):
    assert typed_numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "call [[dv]]",
        "988lifeline.org",
        "LINE_988_ES",
        "hours 9 to 5",
        "2026-12-03",
        "id 19110",
        "like (212) 555-0199",
    ],
)
def test_the_patterns_leave_other_text_alone(text):
    assert not typed_numbers(text)


def test_no_template_or_module_types_a_helpline_number():
    found = {
        str(path.relative_to(ROOT)): hits
        for path in scanned_files()
        if (hits := typed_numbers(path.read_text(encoding="utf-8", errors="replace")))
    }
    assert found == {}
