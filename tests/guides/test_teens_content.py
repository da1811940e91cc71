"""The "Teens" page states CONTENT-PAGES.md §6 and none of its myths."""

import re

import pytest

from programs.guides.content.teens import PAGE, PAGE_ES
from tests.guides import readability
from tests.guides.page_checks import fact_and_myth_tests

ENGLISH = readability.main_text(PAGE)
SPANISH = readability.main_text(PAGE_ES)

KEY_FACTS = [
    r"family-based care is the most studied kind of treatment for teens",
    r"school, friends and mental health\. a good program works on all of these at the same time",
    r"recovery high school",
    r"6 or more hours of care a week",
    r"adolescent community reinforcement approach \(a-cra\)",
    r"\(mdft\).*\(fft\).*\(bsft\).*\(mst\).*family behavior therapy",
    r"mdft, fft and group cbt .*“well-established”.*no one approach was clearly the best",
    r"groups need trained leaders",
    r"american academy of pediatrics says doctors should think about offering medicine",
    r"society for adolescent health and medicine says medicine should be offered",
    r"buprenorphine is approved for ages 16 and up",
    r"extended-release naltrexone .*approved for ages 18 and up",
    r"methadone clinics that take teens under 18 are rare",
    r"fail treatment twice before starting methadone\. that rule was removed in 2024",
    r"fake pills are sold on social media.*fentanyl",
    r"should learn how to spot an overdose and how to use naloxone",
    r"rules about parents’ consent and what parents are told differ by state\. ask the program "
    r"how it works where you live",
    r"only the teen can agree to share their records\. that includes sharing with parents",
]

MYTHS = [
    r"teens? (can ?not|can't|can’t) (get|take|use) (buprenorphine|medicine)",
    r"just (need|needs) (to )?detox",
    r"(it'?s|it’s|just) a phase",
    r"parents (will )?always (be told|hear|learn)",
    r"told everything",
    r"any (kind of )?family therapy (will do|works)",
    r"group(s| therapy)? (is|are) always (good|helpful|safe)",
]

SPANISH_FACTS = [
    r"la atención basada en la familia es el tipo de tratamiento más estudiado",
    r"6 horas o más",
    r"los grupos necesitan líderes capacitados",
    r"buprenorfina está aprobada desde los 16 años",
    r"esa regla se eliminó en 2024",
    r"pastillas falsas",
    r"cambian según el estado",
    r"solo el adolescente",
]


# What CONTENT-PAGES.md says is wrong, in so many words: each caught by a pattern.
MYTH_EXAMPLES = [
    "Teens can't get buprenorphine.",
    "Teens just need to detox.",
    "It's a phase.",
    "Parents will always be told everything.",
    "Any family therapy will do.",
    "Group therapy is always good for teens.",
]

globals().update(
    fact_and_myth_tests(PAGE, PAGE_ES, KEY_FACTS, MYTHS, SPANISH_FACTS, MYTH_EXAMPLES)
)


@pytest.mark.parametrize("page", [PAGE, PAGE_ES], ids=["en", "es"])
def test_links_to_medicines_and_overdose(page):
    bodies = " ".join(section["body"] for section in page["sections"])
    assert "(/medications/)" in bodies
    assert "(/overdose/)" in bodies


def test_spanish_uses_site_words():
    assert "Adolescentes" in PAGE_ES["title"]
    assert not re.search(r"jóvenes \(adolescentes\)", SPANISH, re.IGNORECASE)
    assert "medicamentos para tratar el consumo de opioides" in SPANISH
    assert "usted" in SPANISH
