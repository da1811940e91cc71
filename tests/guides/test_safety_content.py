"""The "Safety at home" page states CONTENT-PAGES.md §7 and none of its myths."""

import re

import markdown

from programs.guides.content.safety import PAGE, PAGE_ES
from tests.guides import readability
from tests.guides.page_checks import fact_and_myth_tests, tokens

ENGLISH = readability.main_text(PAGE)
SPANISH = readability.main_text(PAGE_ES)

KEY_FACTS = [
    r"national domestic violence hotline",
    r"24/7",
    r"free and confidential",
    r"more than 200 languages",
    r"cannot send police or an ambulance",
    r"not for reporting a crime",
    r"loveisrespect helps young people",
    r"childhelp is not a place to report abuse",
    r"contact your local child protective services \(cps\) or the police",
    r"counselor may have to pass that on",
    r"who can see the calls and messages",
    r"free of alcohol and drugs.*four levels of support.*a level is not a rating",
    r"not every home is licensed or inspected.*certified.*patient brokering",
    r"do you accept people who take methadone or buprenorphine",
    r"only helps if someone looks over your shoulder",
    r"does not erase your browser history",
    r"does not stop someone who checks or watches your phone or computer",
    r"do not suddenly delete your whole history",
]

MYTHS = [
    r"sober living is (a )?treatment",
    r"(all|every) (sober|recovery) (homes|home) (are|is) (licensed|inspected)",
    r"\b(hides|erases) (that you|your)",
    r"(hotline|childhelp)[^.]*\bwill send\b",
    r"call the (dv|domestic violence) hotline to report",
    r"report (a crime|abuse) to (the )?(hotline|childhelp)",
    r"higher levels? (is|are) better",
]

SPANISH_FACTS = [
    r"24 horas",
    r"más de 200 idiomas",
    r"no pueden enviar a la policía ni una ambulancia",
    r"childhelp no es un lugar para denunciar el abuso",
    r"cuatro niveles de apoyo",
    r"un nivel no es una calificación",
    r"no borra el historial de su navegador",
]

CONTACT_TOKENS = {
    "[[dv]]",
    "[[dv.tty]]",
    "[[dv.code]]",
    "[[dv.text]]",
    "[[dv.chat]]",
    "[[emergency]]",
    "[[loveisrespect]]",
    "[[loveisrespect.code]]",
    "[[loveisrespect.text]]",
    "[[childhelp]]",
}


globals().update(fact_and_myth_tests(PAGE, PAGE_ES, KEY_FACTS, MYTHS, SPANISH_FACTS))


def test_hotlines_are_given_by_token_in_both_languages():
    assert tokens(PAGE) >= CONTACT_TOKENS
    assert tokens(PAGE_ES) == tokens(PAGE)


def test_loveisrespect_hours_are_never_stated():
    section = next(s for s in PAGE["sections"] if "loveisrespect" in s["body"])
    assert not re.search(r"24/7|hours|day and night", section["body"], re.IGNORECASE)


def test_recovery_home_questions_are_a_numbered_list():
    body = next(s["body"] for s in PAGE["sections"] if "Questions to ask a home" in s["body"])
    assert "<ol>" in markdown.markdown(body)


def test_spanish_uses_site_words():
    assert not re.search(r"\banuncio", SPANISH, re.IGNORECASE)
    assert "usted" in SPANISH
