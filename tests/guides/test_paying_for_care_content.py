"""The "Paying for care" page states CONTENT-PAGES.md §8 and CONTENT.md's insurance facts,
and none of the myths or unverified wording."""

import re

import markdown
import pytest

from programs.guides.content.paying_for_care import PAGE, PAGE_ES
from tests.guides import readability
from tests.guides.page_checks import fact_and_myth_tests, tokens

ENGLISH = readability.main_text(PAGE)
SPANISH = readability.main_text(PAGE_ES)

KEY_FACTS = [
    r"medicaid in every state pays for some addiction treatment",
    r"all medicines the fda has approved for opioid use disorder\. that includes methadone",
    r"this rule is now permanent",
    r"check your state.s medicaid plan for iop, php and residential",
    r"essential health benefits",
    r"cannot turn you down, or charge you more.*pre-existing condition",
    r"yearly or lifetime dollar limit",
    r"parity does not force a plan to cover",
    r"since january 1, 2024, medicare part b has covered intensive outpatient",
    r"9 to 19 hours.*doctor must certify",
    r"findtreatment\.gov.*sliding fee",
    r"cannot turn you away because you cannot pay.*some offer addiction care, so ask",
    r"program usually handles this",
    r"in writing and say why.*72 hours if the care is urgent",
    r"internal appeal.*within 180 days.*external review",
    r"date printed on your letter",
    r"keep copies",
    r"consumer assistance program",
]

MYTHS = [
    r"if you have insurance, (rehab|treatment|care) is covered",
    r"medicaid (does not|doesn.t|won.t) (pay|cover)",
    r"medicaid (pays|covers) (for )?(any|all) (rehab|treatment)",
    r"denial is final",
    r"parity (means|requires)[^.]*must cover",
    r"no insurance means no (treatment|care)",
    # Unverified in CONTENT-PAGES.md §8: not published.
    r"large[- ]employer",
    r"payment assistance",
    r"(always|usually) requires? prior (approval|authorization)",
]

SPANISH_FACTS = [
    r"medicaid paga parte del tratamiento de adicciones en todos los estados",
    r"incluye la metadona",
    r"la paridad no obliga",
    r"la parte b de medicare cubre",
    r"180 días",
    r"72 horas",
    r"revisión externa",
    r"programa de asistencia al consumidor",
]


globals().update(fact_and_myth_tests(PAGE, PAGE_ES, KEY_FACTS, MYTHS, SPANISH_FACTS))


def test_spanish_leaves_out_large_employer_wording():
    assert not re.search(r"grandes? (empresas?|empleador)", SPANISH, re.IGNORECASE)


def test_samhsa_helpline_is_given_by_token_in_both_languages():
    assert tokens(PAGE) >= {"[[samhsa]]", "[[samhsa.tty]]"}
    assert tokens(PAGE_ES) == tokens(PAGE)


@pytest.mark.parametrize("page", [PAGE, PAGE_ES], ids=["en", "es"])
def test_appeal_is_numbered_steps(page):
    appeal = page["sections"][-1]["body"]
    assert "180" in appeal
    assert markdown.markdown(appeal).count("<li>") >= 5
    assert "<ol>" in markdown.markdown(appeal)


def test_spanish_uses_site_words():
    assert not re.search(r"\banuncio", SPANISH, re.IGNORECASE)
    assert "usted" in SPANISH
