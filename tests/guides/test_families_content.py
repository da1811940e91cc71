"""The "For families" page states CONTENT-PAGES.md §5 and none of its myths."""

import re

import pytest

from programs.guides.content.families import PAGE, PAGE_ES
from tests.guides import readability
from tests.guides.page_checks import (
    fact_and_myth_tests,
    tokens,
)

ENGLISH = readability.main_text(PAGE)
SPANISH = readability.main_text(PAGE_ES)

KEY_FACTS = [
    r"al-anon is for family and friends of someone with a drinking problem",
    r"alateen is for young people",
    r"nar-anon .*narateen is for teens\. find meetings at nar-anon\.org",
    r"smart recovery family & friends .*not the 12 steps.*crafts? skills",
    r"you do not have to wait until your loved one is ready",
    r"crafts? stands for community reinforcement and family training",
    r"64% with craft.*30% with a surprise confrontation.*13% with help to go to al-anon",
    r"about twice as many people",
    r"74% of craft families got their loved one into treatment within 6 months",
    r"family members felt better in all three groups",
    r"use “i” words",
    r"a person with a substance use disorder.*do not say “addict” or “abuser",
    r"call or text number.*the lifeline is for family members too",
    r"42 cfr part 2",
    r"without your loved one’s written consent, the program usually cannot tell you anything",
    r"it cannot even say whether they are a patient there",
    r"medical emergency.*court order.*child abuse.*crime at the program.*audits and research",
    r"sign a consent form that names you\. they can also take it back",
    r"hipaa\. it lets a clinician share what matters with family who help with care, unless the "
    r"patient says no",
    r"you can always give information",
    r"february 16, 2026.*one consent.*cannot be used against the patient",
]

MYTHS = [
    r"rock bottom",
    r"tough love",
    r"confrontation (is|works) (the )?best",
    r"(can't|can’t|cannot) do anything until",
    r"program will (tell|update|keep) you",
    r"(can't|can’t|cannot|not allowed to) tell (the|a|their|your loved one’s) (doctor|clinician)",
    r"(al-anon|nar-anon)[^.]* will get (your loved one|them|him|her) into treatment",
]

SPANISH_FACTS = [
    r"al-anon.*alateen",
    r"nar-anon.*narateen",
    r"no tiene que esperar a que su ser querido esté listo",
    r"64 %.*30 %.*13 %",
    r"74 %",
    r"también es para familiares",
    r"42 cfr parte 2",
    r"consentimiento por escrito",
    r"puede retirarlo en cualquier momento",
    r"usted siempre puede dar información",
]


# What CONTENT-PAGES.md says is wrong, in so many words: each caught by a pattern.
MYTH_EXAMPLES = [
    "Let them hit rock bottom.",
    "Tough love is the best way.",
    "Confrontation is the best way.",
    "You can't do anything until they're ready.",
    "The program will tell you how they're doing.",
    "HIPAA means you can't tell the doctor what you've seen.",
    "Al-Anon will get your loved one into treatment.",
]

globals().update(
    fact_and_myth_tests(PAGE, PAGE_ES, KEY_FACTS, MYTHS, SPANISH_FACTS, MYTH_EXAMPLES)
)


@pytest.mark.parametrize("page", [PAGE, PAGE_ES], ids=["en", "es"])
def test_helplines_are_given_by_token(page):
    assert {"[[alanon]]", "[[lifeline]]", "[[samhsa]]"} <= tokens(page)


def test_lifeline_in_spanish_is_given_in_both_languages():
    assert {"[[lifeline_es]]", "[[lifeline_es.code]]", "[[lifeline_es.text]]"} <= tokens(
        PAGE
    ) & tokens(PAGE_ES)


def test_nar_anon_has_no_phone_number():
    # Its number is unverified: the page gives the website only.
    for page in (PAGE, PAGE_ES):
        bodies = "\n".join(section["body"] for section in page["sections"])
        item = next(item for item in bodies.split("\n- ") if item.startswith("**Nar-Anon**"))
        assert "nar-anon.org" in item
        assert "[[" not in item


@pytest.mark.parametrize("page", [PAGE, PAGE_ES], ids=["en", "es"])
def test_links_to_teens_medicines_and_overdose(page):
    bodies = " ".join(section["body"] for section in page["sections"])
    for address in ("(/teens/)", "(/medications/)", "(/overdose/)"):
        assert address in bodies


def test_spanish_uses_site_words():
    assert "medicamentos para tratar el consumo de" in SPANISH
    assert "usted" in SPANISH
    assert not re.search(r"\banuncio", SPANISH, re.IGNORECASE)
