"""The overdose and naloxone page states CONTENT-PAGES.md §1's facts, none of its myths, in
plain words, in English and Spanish."""

import re

import pytest

from programs.guides import readability
from programs.guides.content.overdose import PAGE, PAGE_ES

TEXT = readability.main_text(PAGE)
TEXT_ES = readability.main_text(PAGE_ES)

KEY_FACTS = [
    r"cannot be woken",
    r"breathing is slow or shallow, or it has stopped",
    r"lips or nails look blue, gray or pale",
    r"if you are not sure, treat it as an overdose",
    r"after 2 to 3 minutes, give another dose",
    r"30 to 90 minutes",
    r"does not work on alcohol, benzos like xanax, cocaine, meth or xylazine",
    r"will not hurt someone who has not taken opioids",
    r"since 2023, you can buy narcan nasal spray without a prescription",
    r"ask the pharmacist",
    r"local health department",
    r"loses its tolerance",
    r"detox, rehab, a hospital stay or time in jail",
    r"about 5 times\s+higher",
    r"8 to 40 times",
    r"don't use alone",
    r"fentanyl is mixed into heroin, cocaine and meth",
    r"fake pills",
    r"a negative result does not mean the drug is safe",
    r"laws on test strips vary by state",
    r"good samaritan[^.]*\. .*these laws vary by state",
]

# Each "Do not say" myth of §1 (and §9's "stimulant users don't need naloxone").
MYTHS = [
    r"need a prescription (for|to (buy|get)) (narcan|naloxone)",
    r"naloxone (is|can be) (dangerous|harmful)",
    r"sleep it off",
    r"(they are|they're) fine",
    r"(can|may) go back to (your|their) old (amount|dose)",
    r"negative (test|result|strip)[^.]*\bmeans\b[^.]*safe",
    r"protect you from (everything|all charges)|same in every state",
    r"only in heroin",
    r"(don't|do not) need naloxone",
]

SPANISH_KEY_FACTS = [
    r"sin receta",
    r"2 a 3\s+minutos",
    r"30 a 90 minutos",
    r"acuéstela de lado",
    r"pierde la tolerancia",
    r"un resultado negativo no quiere decir que la droga sea segura",
    r"buen samaritano",
    r"varían según el estado",
]

KNOWN_TOKENS = {
    "emergency",
    "lifeline",
    "veterans",
    "lifeline_es",
    "samhsa",
    "poison",
    "dv",
    "loveisrespect",
    "childhelp",
    "alanon",
}
PARTS = {"phone", "tty", "text", "code", "chat", "name"}
TOKEN = re.compile(r"\[\[([a-z_]+)(?:\.([a-z]+))?\]\]")


def raw_texts(page):
    """Every string a visitor can see, as written (tokens and links unreplaced)."""
    yield page["title"]
    yield page["summary"]
    yield page["menu_title"]
    for section in page["sections"]:
        yield section["heading"]
        yield section["body"]


def section(page, heading):
    (body,) = [s["body"] for s in page["sections"] if s["heading"] == heading]
    return body


@pytest.mark.parametrize("fact", KEY_FACTS)
def test_english_page_states_each_key_fact(fact):
    assert re.search(fact, TEXT, re.IGNORECASE), fact


@pytest.mark.parametrize("myth", MYTHS)
def test_english_page_repeats_no_myth(myth):
    assert not re.search(myth, TEXT, re.IGNORECASE), myth


@pytest.mark.parametrize("fact", SPANISH_KEY_FACTS)
def test_spanish_page_states_the_main_facts(fact):
    assert re.search(fact, TEXT_ES, re.IGNORECASE), fact


def test_steps_come_in_the_cdc_order_with_the_emergency_number_first():
    steps = section(PAGE, "What to do, step by step")
    order = ["1. Give naloxone", "[[emergency]]", "2. Try to keep", "3. Lay", "4. Stay"]
    positions = [steps.index(step) for step in order]
    assert positions == sorted(positions)
    assert "rescue" in steps
    assert "Watch how they respond" in steps


def test_spanish_steps_keep_the_same_order():
    steps = section(PAGE_ES, "Qué hacer, paso a paso")
    order = ["1. Dele naloxona", "[[emergency]]", "2. Trate", "3. Acuéstela", "4. Quédese"]
    positions = [steps.index(step) for step in order]
    assert positions == sorted(positions)


def test_page_links_to_the_medicines_page():
    assert "](/medications/)" in section(PAGE, "Risk is higher after a break")


def test_reading_level_is_grade_8_or_easier():
    assert readability.grade(TEXT) <= 8.5


def test_page_has_five_to_nine_sections_with_sources_and_a_review_date():
    assert 5 <= len(PAGE["sections"]) <= 9
    assert PAGE["sources"]
    assert PAGE["reviewed_on"] == "2026-12-03"
    assert PAGE["slug"] == "overdose"
    assert PAGE["menu_title"] == "Overdose"
    assert PAGE["levels"]


def test_spanish_page_has_the_same_shape():
    assert PAGE_ES.keys() == PAGE.keys()
    assert PAGE_ES["slug"] == PAGE["slug"]
    assert PAGE_ES["reviewed_on"] == PAGE["reviewed_on"]
    assert len(PAGE_ES["sections"]) == len(PAGE["sections"])
    for en, es in zip(PAGE["sections"], PAGE_ES["sections"], strict=True):
        assert es["heading"]
        assert es["heading"] != en["heading"]
        assert TOKEN.findall(es["body"]) == TOKEN.findall(en["body"])
        assert re.findall(r"\]\((/[^)]*)\)", es["body"]) == re.findall(
            r"\]\((/[^)]*)\)", en["body"]
        )


def test_spanish_speaks_to_the_reader_as_usted():
    tu = re.compile(r"\b(tú|tu|tus|te|ti|tienes|puedes|eres|estás|necesitas)\b", re.IGNORECASE)
    assert not any(tu.search(text) for text in raw_texts(PAGE_ES))


@pytest.mark.parametrize("page", [PAGE, PAGE_ES], ids=["en", "es"])
def test_no_helpline_number_is_typed(page):
    for text in raw_texts(page):
        assert not re.search(r"\b(911|988)\b", text)
        assert not re.search(r"\d{3}-\d{3}-\d{4}", text)


@pytest.mark.parametrize("page", [PAGE, PAGE_ES], ids=["en", "es"])
def test_every_token_is_a_known_helpline(page):
    tokens = [token for text in raw_texts(page) for token in TOKEN.findall(text)]
    assert tokens
    for key, part in tokens:
        assert key in KNOWN_TOKENS
        assert not part or part in PARTS
    # Nothing that looks like a token but is malformed.
    for text in raw_texts(page):
        assert text.count("[[") == len(TOKEN.findall(text))
