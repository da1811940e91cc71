"""The "Pregnancy" page states CONTENT-PAGES.md §4 and none of its myths."""

import re

import pytest

from programs.guides.content.pregnancy import PAGE, PAGE_ES
from tests.guides import readability
from tests.guides.page_checks import fact_and_myth_tests

ENGLISH = readability.main_text(PAGE)
SPANISH = readability.main_text(PAGE_ES)

KEY_FACTS = [
    r"the advised care is medicine: buprenorphine or methadone",
    r"better than going through withdrawal \(“detox”\)",
    r"withdrawal is right for only a few people",
    r"informed choice.*doctor who knows addiction care in pregnancy",
    r"do not stop opioids suddenly while you are pregnant\. this includes buprenorphine and "
    r"methadone",
    r"neonatal opioid withdrawal syndrome \(nows\)",
    r"nows is expected, and it is treatable",
    r"nows is not a reason to stop your medicine",
    r"rooming-in.*breastfeeding.*skin-to-skin contact.*swaddling.*quiet room.*medicine for the "
    r"baby",
    r"no known safe amount of alcohol.*no safe time and no safe kind",
    r"fetal alcohol spectrum disorders",
    r"withdrawal care should be in a hospital or inpatient setting\. it should never be done at "
    r"home",
    r"must give priority to pregnant women",
    r"within 48 hours",
    r"rules about reporting differ by state; a prenatal or addiction clinician can explain them",
]

MYTHS = [
    r"detox is the (safest|best)",
    r"\bstop (your |the )?(methadone|buprenorphine|medicine)\b(?! suddenly)[^.]*so (that )?"
    r"the baby",
    r"(nows|nas) (means|causes) (permanent|lasting)",
    r"(baby|child) (will|may) be taken away",
    r"(?<!no known )safe amount of alcohol",
    r"(little|small|some) (wine|beer|alcohol)[^.]* (is|are) (fine|ok|okay|safe)",
    r"(withdrawal|detox)[^.]* can be (done|managed) at home",
    r"wait in line like everyone",
]

SPANISH_FACTS = [
    r"buprenorfina o metadona",
    r"no deje los opioides de golpe",
    r"esperable.*tiene tratamiento",
    r"no es una razón para dejar su medicamento",
    r"no se conoce ninguna cantidad segura",
    r"en un hospital o con internación\. nunca en casa",
    r"prioridad",
    r"48 horas",
    r"las reglas sobre los reportes cambian según el estado",
]


# What CONTENT-PAGES.md says is wrong, in so many words: each caught by a pattern.
MYTH_EXAMPLES = [
    "Detox is the safest option in pregnancy.",
    "Stop methadone so the baby won't have withdrawal.",
    "NOWS means permanent harm.",
    "It means the baby will be taken away.",
    "There is a safe amount of alcohol in pregnancy.",
    "A little wine in pregnancy is fine.",
    "Alcohol withdrawal in pregnancy can be done at home with check-ins.",
    "You must wait in line like everyone else.",
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
    assert "medicamentos para tratar el consumo de opioides" in SPANISH
    assert not re.search(r"\banuncio", SPANISH, re.IGNORECASE)
    # "abstinencia" alone reads as abstaining: only as "síntomas de abstinencia" or the
    # syndrome's name.
    assert not re.search(r"(?<!síntomas de )(?<!síndrome de )abstinencia", SPANISH)
