"""The clinical review's fixes (#19): the medication card, PHP telehealth, three more
questions to ask a program, and the Spanish words the site uses."""

from __future__ import annotations

import html
import importlib
import re
from http import HTTPStatus

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.translation import gettext

from programs.directory.demo.listings import SPANISH_DESCRIPTIONS
from programs.directory.models import Population
from programs.levels import content, content_es
from programs.levels.loading import refresh_unedited, shipped_texts
from programs.levels.models import Telehealth
from programs.models import Service, SuitabilityCriterion, TreatmentLevel
from programs.questionnaire import triage_es
from programs.questionnaire.questions import QUESTIONS_BY_KEY
from tests.core.test_i18n import MESSAGES
from tests.levels.test_content_es import PAIRS

MEDICATION = "medication-for-addiction"
NEW_QUESTIONS = [
    "Do you accept people on methadone or buprenorphine, and keep them on it?",
    "What happens if someone returns to use?",
    "Do you offer contingency management (for stimulants)?",
]
NEW_QUESTIONS_ES = [
    "¿Aceptan a personas que toman metadona o buprenorfina, y les dejan seguir tomándola?",
    "¿Qué pasa si alguien vuelve a consumir?",
    "¿Ofrecen manejo de contingencias (para el consumo de estimulantes)?",
]
MEDICINES = {
    "methadone": "metadona",
    "buprenorphine": "buprenorfina",
    "naltrexone": "naltrexona",
    "acamprosate": "acamprosato",
    "disulfiram": "disulfiram",
}
# "Withdrawal" in Spanish: "síntomas de abstinencia" in sentences, or the name of the
# service, "manejo (ambulatorio, residencial, …) de la abstinencia". "Abstinencia" alone
# reads as abstaining.
ABSTINENCIA_OK = re.compile(r"síntomas de abstinencia|manejo (?:\w+ )?de la abstinencia", re.I)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.:;])\s+", text) if s]


def strings(value: object) -> list[str]:
    """Every string inside nested dicts, lists and tuples."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in strings(item)]
    return []


def spanish_texts() -> list[str]:
    """The Spanish the site ships: the catalogue, the clinical content, the engine's texts
    and the example listings."""
    module_data = [
        getattr(module, name)
        for module in (content_es, triage_es)
        for name in dir(module)
        if name.isupper() and not name.startswith("_")
    ]
    return [
        *(text for message in MESSAGES for text in message["msgstr"]),
        *strings(module_data),
        *SPANISH_DESCRIPTIONS.values(),
    ]


def catalogue(english: str) -> list[tuple[str, list[str]]]:
    pattern = re.compile(english, re.I)
    found = [(m["msgid"], m["msgstr"]) for m in MESSAGES if pattern.search(m["msgid"])]
    assert found, english
    return found


# -- The medication card ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "craving", "negation", "overdose", "lang"),
    [
        (content.SERVICES, "craving", "does not", "overdose", "en"),
        (content_es.SERVICES_ES, "ansias", "no calma", "sobredosis", "es"),
    ],
)
def test_medication_card_never_says_disulfiram_lowers_craving(
    description, craving, negation, overdose, lang
):
    if lang == "en":
        text = next(s for s in description if s["slug"] == MEDICATION)["description"]
        names = list(MEDICINES)
    else:
        text = description[MEDICATION]["description"]
        names = list(MEDICINES.values())
    said = sentences(text.lower())
    for sentence in said:
        if craving in sentence and "disulfiram" in sentence:
            assert negation in sentence, sentence
    # Every medicine is named, and only methadone and buprenorphine are said to lower overdose.
    assert all(name in text.lower() for name in names)
    overdose_sentences = [s for s in said if overdose in s]
    assert overdose_sentences
    for sentence in overdose_sentences:
        named = {name for name in names if name in sentence}
        assert named == set(names[:2]), sentence


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/es"])
def test_level_pages_show_the_corrected_medication_card(client, prefix):
    page = html.unescape(client.get(f"{prefix}/levels/iop/").content.decode())
    if prefix:
        assert content_es.SERVICES_ES[MEDICATION]["description"] in page
        assert "pueden reducir las ansias de consumir y bajar el riesgo" not in page
    else:
        card = next(s for s in content.SERVICES if s["slug"] == MEDICATION)
        assert card["description"] in page
        assert "can lower cravings and cut the risk of overdose" not in page


# -- PHP telehealth ---------------------------------------------------------------------------


def test_each_levels_telehealth_answer_matches_its_description():
    spanish = content_es.LEVELS_ES
    for level in content.LEVELS:
        english = level["description"].lower()
        es = spanish[level["slug"]]["description"].lower()
        in_person = "most care is in person" in english
        assert ("la mayor parte de la atención es en persona" in es) == in_person, level["slug"]
        assert (level["telehealth"] == Telehealth.SOME_PROGRAMS) == in_person, level["slug"]
    php = next(level for level in content.LEVELS if level["slug"] == "php")
    assert php["telehealth"] == Telehealth.SOME_PROGRAMS
    assert "most care is in person" in str(Telehealth.SOME_PROGRAMS.label).lower()


def telehealth_row(page: str) -> list[str]:
    row = re.search(r'<th scope="row">Online \(telehealth\)</th>(.*?)</tr>', page, re.S)
    if row is None:
        row = re.search(r'<th scope="row">En línea \(telesalud\)</th>(.*?)</tr>', page, re.S)
    assert row is not None
    return [html.unescape(cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row.group(1))]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "php_cell", "php_text"),
    [
        ("", "In some programs; most care is in person", "Most care is in person"),
        (
            "/es",
            "En algunos programas; la mayor parte de la atención es en persona",
            "La mayor parte de la atención es en persona",
        ),
    ],
)
def test_compare_table_and_php_page_agree_on_telehealth(client, prefix, php_cell, php_text):
    response = client.get(f"{prefix}/compare/")
    assert response.status_code == HTTPStatus.OK
    slugs = [level.slug for level in response.context["levels"]]
    cells = dict(zip(slugs, telehealth_row(response.content.decode()), strict=True))
    assert cells["php"] == php_cell
    assert cells["iop"] != php_cell
    php_page = html.unescape(client.get(f"{prefix}/levels/php/").content.decode())
    assert php_cell in php_page
    assert php_text in php_page


@pytest.mark.django_db
def test_migrated_database_gives_php_the_middle_answer():
    telehealth = dict(TreatmentLevel.objects.values_list("slug", "telehealth"))
    assert telehealth == {
        "outpatient": Telehealth.OFTEN,
        "iop": Telehealth.OFTEN,
        "php": Telehealth.SOME_PROGRAMS,
        "residential": Telehealth.RARELY,
        "inpatient": Telehealth.RARELY,
    }


# -- Questions to ask a program ------------------------------------------------------------


def test_the_three_new_questions_are_in_both_languages_in_the_same_place():
    for question, question_es in zip(NEW_QUESTIONS, NEW_QUESTIONS_ES, strict=True):
        index = content.QUESTIONS_TO_ASK.index(question)
        assert content_es.QUESTIONS_TO_ASK_ES[index] == question_es


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "questions"), [("", NEW_QUESTIONS), ("/es", NEW_QUESTIONS_ES)])
def test_level_page_shows_the_new_questions(client, prefix, questions):
    page = html.unescape(client.get(f"{prefix}/levels/iop/").content.decode())
    for question in questions:
        assert question in page


# -- Existing databases ----------------------------------------------------------------------


@pytest.mark.django_db
def test_review_migration_brings_unedited_text_up_to_date_and_keeps_edits():
    migration = importlib.import_module("programs.migrations.0023_review_content_corrections")
    previous = migration.PREVIOUS
    card = Service.objects.get(slug=MEDICATION)
    Service.objects.filter(pk=card.pk).update(
        description=previous[f"service|{MEDICATION}|description"],
        description_es=previous[f"service|{MEDICATION}|description_es"],
        name_es="Un nombre de un editor",
    )
    php_night = SuitabilityCriterion.objects.get(level__slug="php", order=9)
    SuitabilityCriterion.objects.filter(pk=php_night.pk).update(
        text_es=previous["criterion|php|9|text_es"]
    )
    migration.refresh(apps, None)
    card.refresh_from_db()
    php_night.refresh_from_db()
    shipped = shipped_texts()
    assert card.description == shipped[f"service|{MEDICATION}|description"]
    assert card.description_es == shipped[f"service|{MEDICATION}|description_es"]
    assert card.name_es == "Un nombre de un editor"
    assert php_night.text_es == shipped["criterion|php|9|text_es"]
    assert refresh_unedited(TreatmentLevel, Service, SuitabilityCriterion, previous) == 0


# -- Spanish words ---------------------------------------------------------------------------


def test_spanish_calls_a_listing_a_ficha_never_an_anuncio():
    texts = spanish_texts()
    assert not [t for t in texts if "anuncio" in t.lower()]
    for _, msgstr in catalogue(r"\blisting\b"):
        assert all("ficha" in text.lower() for text in msgstr), msgstr
    # The site promises no ads: that is "publicidad".
    for _, msgstr in catalogue(r"\bno ads\b"):
        assert all("publicidad" in text.lower() for text in msgstr), msgstr


def test_spanish_says_sintomas_de_abstinencia_not_abstinencia_alone():
    bare = [t for t in spanish_texts() if "abstinencia" in ABSTINENCIA_OK.sub("", t).lower()]
    assert bare == []


def test_spanish_uses_noche_for_evening_programs():
    for english, msgstr in catalogue(r"\bevening\b"):
        assert all("noche" in t and "tarde" not in t for t in msgstr), english
    for where, english, spanish in PAIRS:
        if "evening" in english.lower():
            assert "tarde" not in spanish, where
    assert all("tarde" not in text for text in SPANISH_DESCRIPTIONS.values())
    assert not [t for t in spanish_texts() if re.search(r"nocturn|vespertin", t, re.I)]


def test_spanish_words_for_teens_sleep_and_suicide_thoughts():
    with translation.override("es"):
        assert str(Population.ADOLESCENTS.label) == "Adolescentes"
    texts = spanish_texts()
    assert not [t for t in texts if "Jóvenes (adolescentes)" in t]
    assert not [t for t in texts if "mal sueño" in t]
    for _, msgstr in catalogue(r"poor sleep"):
        assert all("dormir mal" in t for t in msgstr)
    for english, msgstr in catalogue(r"thoughts of .*suicide|suicide thoughts"):
        assert all("pensamientos de suicidio" in t.lower() for t in msgstr), english
    for where, english, spanish in PAIRS:
        if "thoughts of suicide" in english:
            assert "pensamientos de suicidio" in spanish.lower(), where


def test_spanish_says_medicamentos_para_tratar_el_consumo():
    texts = spanish_texts()
    assert not [t for t in texts if re.search(r"medicamentos para (el|la) consumo", t, re.I)]
    for english, msgstr in catalogue(r"medic(ine|ation)s? for (opioid|alcohol)"):
        assert all("medicamentos para tratar el consumo de" in t.lower() for t in msgstr), english
    for where, english, spanish in PAIRS:
        if re.search(r"medic(ine|ation)s? for (opioid|alcohol)", english, re.I):
            assert "medicamentos para tratar el consumo de" in spanish.lower(), where


def test_readiness_answers_are_everyday_spanish():
    readiness = QUESTIONS_BY_KEY["readiness"]
    with translation.override("es"):
        labels = [gettext(label) for _, label in readiness.choices]
    assert labels == ["Con ganas de cambiar", "Con dudas", "Todavía no"]
