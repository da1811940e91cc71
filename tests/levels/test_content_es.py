"""The Spanish content (programs.content_es) matches the English content record by record."""

import ast
import re
from pathlib import Path

import pytest

from programs.levels import content, content_es
from programs.models import Service, SuitabilityCriterion, TreatmentLevel
from programs.questionnaire import triage_es

LEVEL_FIELDS = TreatmentLevel.TRANSLATED_FIELDS
# Acronyms the glossary keeps as they are; any other text must differ from the English.
SAME_IN_BOTH = {"IOP", "PHP"}
PROPER_NAMES = ("SAMHSA", "NIDA", "ASAM", "Medicare", "Medicaid", "Hazelden Betty Ford", "FDA")
TU = re.compile(r"\b(tú|tu|tus|te|ti|tienes|puedes|eres|estás|necesitas)\b")


def pairs():
    """Every (where, English text, Spanish text) pair of the content."""
    for service in content.SERVICES:
        es = content_es.SERVICES_ES[service["slug"]]
        for field in ("name", "description"):
            yield f"service {service['slug']} {field}", service[field], es[field]
    for level in content.LEVELS:
        es = content_es.LEVELS_ES[level["slug"]]
        for field in LEVEL_FIELDS:
            yield f"level {level['slug']} {field}", level[field], es[field]
        for i, ((_, _, text), text_es) in enumerate(
            zip(level["criteria"], es["criteria"], strict=True)
        ):
            yield f"level {level['slug']} criterion {i}", text, text_es
    for i, (question, question_es) in enumerate(
        zip(content.QUESTIONS_TO_ASK, content_es.QUESTIONS_TO_ASK_ES, strict=True)
    ):
        yield f"question {i}", question, question_es
    wm, wm_es = content.WITHDRAWAL_MANAGEMENT, content_es.WITHDRAWAL_MANAGEMENT_ES
    for field in ("title", "intro"):
        yield f"withdrawal {field}", wm[field], wm_es[field]
    for i, (item, item_es) in enumerate(zip(wm["intensities"], wm_es["intensities"], strict=True)):
        for field in item:
            yield f"withdrawal intensity {i} {field}", item[field], item_es[field]
    for i, (warning, warning_es) in enumerate(zip(wm["warnings"], wm_es["warnings"], strict=True)):
        yield f"withdrawal warning {i}", warning, warning_es
    for i, (source, source_es) in enumerate(
        zip(content.SOURCES, content_es.SOURCES_ES, strict=True)
    ):
        for field in source:
            yield f"source {i} {field}", source[field], source_es[field]
    for key, fact in content.FACTS.items():
        yield f"fact {key}", fact, content_es.FACTS_ES[key]
    for area, name in content.AREAS.items():
        yield f"area {area}", name, content_es.AREAS_ES[area]


PAIRS = list(pairs())


def test_every_english_record_has_a_spanish_one():
    assert set(content_es.SERVICES_ES) == {s["slug"] for s in content.SERVICES}
    assert all(set(v) == {"name", "description"} for v in content_es.SERVICES_ES.values())
    assert set(content_es.LEVELS_ES) == {level["slug"] for level in content.LEVELS}
    for level in content.LEVELS:
        es = content_es.LEVELS_ES[level["slug"]]
        assert set(es) == {*LEVEL_FIELDS, "criteria"}, level["slug"]
        assert len(es["criteria"]) == len(level["criteria"]), level["slug"]
    assert len(content_es.QUESTIONS_TO_ASK_ES) == len(content.QUESTIONS_TO_ASK)
    wm, wm_es = content.WITHDRAWAL_MANAGEMENT, content_es.WITHDRAWAL_MANAGEMENT_ES
    assert set(wm_es) == set(wm)
    assert len(wm_es["intensities"]) == len(wm["intensities"])
    assert all(
        set(a) == set(b) for a, b in zip(wm["intensities"], wm_es["intensities"], strict=True)
    )
    assert len(wm_es["warnings"]) == len(wm["warnings"])
    assert len(content_es.SOURCES_ES) == len(content.SOURCES)
    assert all(
        set(a) == set(b) for a, b in zip(content.SOURCES, content_es.SOURCES_ES, strict=True)
    )
    assert set(content_es.FACTS_ES) == set(content.FACTS)
    assert content_es.AREAS_ES == triage_es.AREA_NAMES_ES
    assert set(content_es.AREAS_ES) == set(content.AREAS)


@pytest.mark.parametrize(("where", "english", "spanish"), PAIRS, ids=[p[0] for p in PAIRS])
def test_each_text_is_a_spanish_version_of_the_english(where, english, spanish):
    assert isinstance(spanish, str)
    assert spanish
    assert spanish.strip() == spanish
    if english in SAME_IN_BOTH:
        assert spanish == english
    else:
        assert spanish != english
    assert not TU.search(spanish), spanish
    assert "usted necesita" not in spanish.lower()
    # Numbers and proper names carry over (thousands written without a separator).
    numbers = set(re.findall(r"\d+(?:\.\d+)?", english.replace("3,642", "3642")))
    assert numbers <= set(re.findall(r"\d+(?:\.\d+)?", spanish)), where
    for name in PROPER_NAMES:
        if name in english:
            assert name in spanish, (where, name)
    assert spanish.count("\n\n") == english.count("\n\n"), where
    assert spanish.count("(") == spanish.count(")"), where
    if spanish.endswith("?"):
        assert "¿" in spanish, where


def test_spanish_texts_fit_the_model_fields():
    def limit(model, field):
        return model._meta.get_field(field).max_length

    for slug, level in content_es.LEVELS_ES.items():
        for field in LEVEL_FIELDS:
            max_length = limit(TreatmentLevel, field)
            if max_length:
                assert len(level[field]) <= max_length, (slug, field, len(level[field]))
        text_max = limit(SuitabilityCriterion, "text")
        assert all(len(text) <= text_max for text in level["criteria"]), slug
    for slug, service in content_es.SERVICES_ES.items():
        assert len(service["name"]) <= limit(Service, "name"), slug


def test_short_names_fit_the_compare_chart():
    # The comparison chart leaves about 170 pixels for a level's short name.
    assert all(len(level["short_name"]) <= 22 for level in content_es.LEVELS_ES.values())


def test_glossary_terms():
    levels = content_es.LEVELS_ES
    assert levels["outpatient"]["name"] == "Tratamiento ambulatorio estándar"
    assert levels["iop"]["name"] == "Tratamiento ambulatorio intensivo (IOP)"
    assert levels["php"]["name"] == "Hospitalización parcial (PHP)"
    assert levels["residential"]["name"] == "Tratamiento residencial"
    assert levels["inpatient"]["name"] == "Hospitalización (tratamiento hospitalario)"
    services = content_es.SERVICES_ES
    assert services["withdrawal-management"]["name"] == (
        "Manejo de la abstinencia (desintoxicación)"
    )
    assert services["medication-for-addiction"]["name"] == (
        "Medicamentos para tratar el consumo de opioides o alcohol"
    )
    assert "grupos de ayuda mutua" in services["mutual-help-linkage"]["name"]
    assert content_es.WITHDRAWAL_MANAGEMENT_ES["title"] == (
        "Manejo de la abstinencia (desintoxicación)"
    )
    every = " ".join(spanish for _, _, spanish in PAIRS)
    assert "profesional de la salud" in every
    assert "nivel de atención" in every
    assert "telesalud (en línea)" in every
    # A clinician is a "profesional de la salud" ("clínica", a clinic, is fine).
    assert not re.search(r"\b(un|el|los|al|del|su) clínicos?\b", every, re.IGNORECASE)


def test_content_es_is_pure_data():
    tree = ast.parse(Path(content_es.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= {"__future__"}
