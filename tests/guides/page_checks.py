"""Checks every help-and-facts page shares: its shape, its Spanish, its helpline tokens,
and no number typed where a token belongs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest

from programs.helplines.content import HELPLINES
from tests.guides import readability

# What each helpline holds, from the shipped table: a token may only ask for a part its
# helpline has.
_FIELD_OF_PART = {"tty": "tty", "text": "text_number", "code": "text_code", "chat": "chat"}
HELPLINE_PARTS: dict[str, set[str]] = {
    row["key"]: {"phone", "name"}
    | {part for part, field in _FIELD_OF_PART.items() if row.get(field)}
    for row in HELPLINES
}

TOKEN = re.compile(r"\[\[([a-z_]+)(?:\.([a-z]+))?\]\]")

# Numbers and text codes a text must never type: they come from the helpline table.
TYPED_NUMBERS = (
    re.compile(r"\b(911|988)\b"),
    re.compile(r"\d{3}-\d{3}-\d{4}"),
    re.compile(r"\b1-8\d\d-"),
    re.compile(r"\b(838255|88788|22522|435748)\b"),
    re.compile(r"\b(START|LOVEIS|AYUDA)\b"),
)


def texts(page: dict[str, Any]) -> Iterator[str]:
    """Every string a visitor may see on the page."""
    yield from headline_texts(page)
    yield from page["sources"]


def tokens(page: dict[str, Any]) -> set[str]:
    """The helpline tokens the page uses, as written (``[[dv.tty]]``)."""
    return {m.group(0) for text in texts(page) for m in TOKEN.finditer(text)}


def unknown_tokens(page: dict[str, Any]) -> list[str]:
    """Tokens naming a helpline or part the table does not hold, and stray brackets."""
    bad = []
    for text in texts(page):
        for m in TOKEN.finditer(text):
            key, part = m.group(1), m.group(2) or "phone"
            if part not in HELPLINE_PARTS.get(key, set()):
                bad.append(m.group(0))
        if text.count("[[") != len(TOKEN.findall(text)):
            bad.append(f"malformed token in: {text[:60]}")
    return bad


def typed_numbers(page: dict[str, Any]) -> list[str]:
    """Phone numbers or text codes typed into the page's text instead of tokens."""
    return [m.group(0) for text in texts(page) for rx in TYPED_NUMBERS for m in rx.finditer(text)]


# -------------------- shape and Spanish --------------------
LINK = re.compile(r"\]\((/[^)]*)\)")
TU = re.compile(r"\b(tú|tu|tus|te|ti|tienes|puedes|eres|estás|necesitas)\b", re.IGNORECASE)
LEVELS = {"outpatient", "iop", "php", "residential", "inpatient"}


def headline_texts(page: dict[str, Any]) -> Iterator[str]:
    """What the page says in its own words: title, summary, headings and bodies (its
    sources are other people's titles)."""
    yield page["title"]
    yield page["summary"]
    for section in page["sections"]:
        yield section["heading"]
        yield section["body"]


def section(page: dict[str, Any], heading: str) -> str:
    """The body of the section with this heading."""
    (body,) = [s["body"] for s in page["sections"] if s["heading"] == heading]
    return body


def assert_page_shape(page: dict[str, Any], slug: str) -> None:
    assert page["slug"] == slug
    assert 5 <= len(page["sections"]) <= 9
    assert all(s["heading"].strip() and s["body"].strip() for s in page["sections"])
    assert page["sources"]
    assert page["reviewed_on"] == "2026-12-03"
    assert page["levels"]
    assert set(page["levels"]) <= LEVELS


def assert_same_shape_in_spanish(page: dict[str, Any], page_es: dict[str, Any]) -> None:
    assert page_es.keys() == page.keys()
    assert page_es["slug"] == page["slug"]
    assert page_es["reviewed_on"] == page["reviewed_on"]
    assert page_es["levels"] == page["levels"]
    assert page_es["sources"]
    assert len(page_es["sections"]) == len(page["sections"])
    for en, es in zip(page["sections"], page_es["sections"], strict=True):
        assert es["heading"].strip()
        assert es["body"].strip()
        assert es["body"] != en["body"]  # translated (a heading may be a name: "Medicaid")
        # The same helplines and the same links, section by section.
        assert TOKEN.findall(es["body"]) == TOKEN.findall(en["body"])
        assert LINK.findall(es["body"]) == LINK.findall(en["body"])


def assert_usted(page_es: dict[str, Any]) -> None:
    assert not [text for text in headline_texts(page_es) if TU.search(text)]


# -------------------- facts and myths --------------------
def fact_and_myth_tests(
    page: dict[str, Any],
    page_es: dict[str, Any],
    facts: Sequence[str],
    myths: Sequence[str | tuple[str, str]],
    spanish_facts: Sequence[str],
    myth_examples: Sequence[str] = (),
) -> dict[str, Callable[..., None]]:
    """A page's fact and myth tests, for its module to take in with
    ``globals().update(fact_and_myth_tests(...))``: each fact (a pattern, any case) is in
    the English or Spanish text, no myth's pattern is in the English; a myth given with the
    wording CONTENT-PAGES.md quotes, and each of ``myth_examples``, is caught by a pattern
    (so a pattern that matches nothing cannot pass for a guard)."""
    english = readability.main_text(page)
    spanish = readability.main_text(page_es)
    patterns = [myth if isinstance(myth, str) else myth[0] for myth in myths]
    quoted = [myth for myth in myths if not isinstance(myth, str)]
    tests: dict[str, Callable[..., None]] = {}

    @pytest.mark.parametrize("fact", facts)
    def test_english_states_each_fact(fact: str) -> None:
        assert re.search(fact, english, re.IGNORECASE), fact

    @pytest.mark.parametrize("myth", patterns)
    def test_english_repeats_no_myth(myth: str) -> None:
        assert not re.search(myth, english, re.IGNORECASE), myth

    @pytest.mark.parametrize("fact", spanish_facts)
    def test_spanish_states_each_fact(fact: str) -> None:
        assert re.search(fact, spanish, re.IGNORECASE), fact

    tests.update(
        test_english_states_each_fact=test_english_states_each_fact,
        test_english_repeats_no_myth=test_english_repeats_no_myth,
        test_spanish_states_each_fact=test_spanish_states_each_fact,
    )
    if quoted:

        @pytest.mark.parametrize(("myth", "wording"), quoted)
        def test_each_myth_pattern_catches_its_wording(myth: str, wording: str) -> None:
            assert re.search(myth, wording, re.IGNORECASE)

        tests["test_each_myth_pattern_catches_its_wording"] = (
            test_each_myth_pattern_catches_its_wording
        )
    if myth_examples:

        @pytest.mark.parametrize("example", myth_examples)
        def test_each_myth_example_is_caught(example: str) -> None:
            assert any(re.search(myth, example, re.IGNORECASE) for myth in patterns), example

        tests["test_each_myth_example_is_caught"] = test_each_myth_example_is_caught
    return tests
