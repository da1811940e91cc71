"""Spanish output of the triage engine: the same suggestion, with every text in Spanish."""

import re
import string
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from programs.questionnaire import triage, triage_es
from programs.questionnaire.triage import (
    AREA_NAMES,
    AREA_NAMES_BY_LANGUAGE,
    FLAG_TEXT,
    FLAG_TEXTS,
    FLAGS,
    LANGUAGES,
    LEVEL_NAMES,
    LEVEL_NAMES_BY_LANGUAGE,
    LEVELS,
    QUESTIONNAIRE_VERSION,
    suggest,
)
from tests.questionnaire.test_triage import BASE, answer_sets, answers


@pytest.fixture
def settings():
    """Stand-in for pytest-django's `settings` (see test_triage.py): pure Python."""
    return SimpleNamespace(STORAGES={})


PROPERTY = hypothesis_settings(max_examples=400, deadline=None, database=None)
WHOM = ("self", "someone_else")

# Words that would show English left in a Spanish text.
ENGLISH = re.compile(
    r"\b(the|you|your|yourself|they|their|them|themselves|and|with|answers|suggest|should|"
    r"care|because|outpatient|withdrawal|level|program|call|text|now)\b",
    re.IGNORECASE,
)
# Informal "tú" forms: the site speaks to people as "usted".
TU = re.compile(r"\b(tú|tu|tus|te|ti|tienes|puedes|eres|estás|llama|habla|necesitas)\b")
USTED = re.compile(r"\b(usted|su|sus|le)\b", re.IGNORECASE)
LA_PERSONA = re.compile(r"\bla persona\b", re.IGNORECASE)
# "y"/"o" must become "e"/"u" before an "i"/"o" sound; the fragments are chosen to avoid it.
CONJUNCTION = re.compile(r"\b(y h?i[^aeouáéó]|o h?o)", re.IGNORECASE)


def texts_of(result):
    return (
        [r.text for r in result.reasons]
        + list(result.notes)
        + [c.text for c in result.crisis_reasons]
    )


def check_spanish(text):
    assert isinstance(text, str)
    text = re.sub(r"\[\[[a-z_.]+\]\]", "", text)  # helpline tokens: names of table rows
    assert text.strip()
    assert "{" not in text
    assert "}" not in text
    assert not ENGLISH.search(text), text
    assert not TU.search(text), text
    assert not CONJUNCTION.search(text), text
    assert "usted necesita" not in text.lower()


def fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# The tables


def test_public_names_by_language():
    assert LANGUAGES == ("en", "es")
    assert FLAG_TEXTS["en"] is FLAG_TEXT
    assert AREA_NAMES_BY_LANGUAGE["en"] is AREA_NAMES
    assert LEVEL_NAMES_BY_LANGUAGE["en"] is LEVEL_NAMES
    assert FLAG_TEXTS["es"] is triage.FLAG_TEXT_ES is triage_es.FLAG_TEXT_ES
    assert AREA_NAMES_BY_LANGUAGE["es"] is triage_es.AREA_NAMES_ES
    assert LEVEL_NAMES_BY_LANGUAGE["es"] is triage_es.LEVEL_NAMES_ES
    for language in LANGUAGES:
        assert list(FLAG_TEXTS[language]) == list(FLAGS)
        assert sorted(AREA_NAMES_BY_LANGUAGE[language]) == [1, 2, 3, 4, 5, 6]
        assert list(LEVEL_NAMES_BY_LANGUAGE[language]) == list(LEVELS)
    assert QUESTIONNAIRE_VERSION == "2026-12"
    assert triage.WITHDRAWAL_CARE_TEXTS["es"] is triage_es.WITHDRAWAL_CARE_TEXT_ES
    assert list(triage_es.WITHDRAWAL_CARE_TEXT_ES) == list(triage.WITHDRAWAL_CARE)


def test_every_english_text_has_a_spanish_pair_with_the_same_placeholders():
    assert set(triage_es.TEXT_ES) == set(triage._TEXT)
    for key, english in triage._TEXT.items():
        pair = triage_es.TEXT_ES[key]
        assert set(pair) == set(WHOM), key
        wanted = fields(english) - set(triage._PRONOUNS)
        for whom in WHOM:
            assert fields(pair[whom]) == wanted, (key, whom)


def test_spanish_fragments_cover_the_english_ones():
    assert set(triage_es.RELAPSE_ES) == set(triage._RELAPSE)
    assert set(triage_es.COMBINED_ES) == set(triage._COMBINED)
    assert all(set(pair) == set(WHOM) for pair in triage_es.COMBINED_ES.values())
    assert set(triage_es.WHY_ES) == set(triage._WHY["en"])
    assert fields(triage_es.WHY_ES["hours_fit"]) == {"mild"}
    assert set(triage_es.OFTEN_ES) == set(triage._OFTEN["en"])
    assert set(triage_es.SUBSTANCE_NAMES_ES) == set(triage._SUBSTANCE_NAMES["en"])
    assert set(triage_es.JOIN_WORDS_ES) == {"and", "or"}


def test_spanish_crisis_texts_match_the_english_calls():
    assert set(triage_es.CRISIS_ES) == set(triage._CRISIS)
    for danger, (call, *texts) in triage_es.CRISIS_ES.items():
        assert call == triage._CRISIS[danger][0]
        assert len(texts) == len(triage._CRISIS[danger]) - 1 == 3
        # The Lifeline's Spanish option is the same number, then press 2 (or AYUDA by text).
        spanish_call = "[[lifeline_es]]" if call == "[[lifeline]]" else call
        for text in texts:
            check_spanish(text)
            assert spanish_call in text
    suicide = triage_es.CRISIS_ES["suicide_plan"]
    # In Spanish: press 2 on a call, the word AYUDA by text (pressing 2 works only on a call).
    assert all(
        "llame al [[lifeline_es]]" in t
        and "envíe [[lifeline_es.code]] por mensaje de texto al [[lifeline_es.text]]" in t
        and "[[emergency]]" in t
        for t in suicide[1:]
    )
    assert all("naloxona" in t for t in triage_es.CRISIS_ES["overdose_signs"][1:])


def test_every_spanish_table_text_is_plain_spanish():
    tables = [
        *(t for pair in triage_es.TEXT_ES.values() for t in pair.values()),
        *(t for pair in triage_es.COMBINED_ES.values() for t in pair.values()),
        *(t for pair in triage_es.RELAPSE_ES.values() for t in pair),
        *triage_es.WHY_ES.values(),
        *triage_es.FLAG_TEXT_ES.values(),
        triage_es.MEDICATION_OPIOIDS_ES,
        *filter(None, triage_es.WITHDRAWAL_CARE_TEXT_ES.values()),
        *triage_es.AREA_NAMES_ES.values(),
        *triage_es.LEVEL_NAMES_ES.values(),
        *triage_es.OFTEN_ES.values(),
    ]
    for text in tables:
        check_spanish(re.sub(r"\{\w+\}", "", text))
    assert "[[lifeline.name]]" in triage_es.FLAG_TEXT_ES["safety_plan"]
    assert "[[lifeline_es]]" in triage_es.FLAG_TEXT_ES["safety_plan"]


def test_glossary_terms_are_used():
    names = triage_es.LEVEL_NAMES_ES
    assert names["outpatient"] == "tratamiento ambulatorio estándar"
    assert names["iop"] == "tratamiento ambulatorio intensivo (IOP)"
    assert names["php"] == "hospitalización parcial (PHP)"
    assert names["residential"] == "tratamiento residencial"
    assert names["inpatient"] == "hospitalización (tratamiento hospitalario)"
    assert triage_es.LINE_988_ES == (
        "[[lifeline.name]] (llame al [[lifeline_es]] para hablar en español, o envíe "
        "[[lifeline_es.code]] por mensaje de texto al [[lifeline_es.text]])"
    )
    every = " ".join(t for pair in triage_es.TEXT_ES.values() for t in pair.values())
    assert "profesional de la salud" in every
    # "abstinencia" alone can read as "abstaining": sentences say "síntomas de abstinencia".
    assert "manejo de los síntomas de abstinencia" in every
    assert not re.search(r"\bclínic[oa]s?\b|\bdesintoxicación\b(?!\))", every)


# Language argument


@pytest.mark.parametrize("bad", ["", "EN", "Es", "fr", "es-MX", "spanish", None, 1, ["es"]])
def test_unknown_language_raises_value_error(bad):
    with pytest.raises(ValueError, match="language"):
        suggest(BASE, language=bad)


def test_english_is_the_default_and_can_be_named():
    assert suggest(BASE) == suggest(BASE, language="en") == suggest(BASE, "en")


# Acceptance cases from tests/questionnaire/test_triage.py, in Spanish


@pytest.mark.parametrize("whom", WHOM)
def test_overdose_signs_crisis_in_spanish(whom):
    result = suggest(
        answers(for_whom=whom, danger_now=["overdose_signs"], substances=["opioids"]),
        language="es",
    )
    assert result.crisis is True
    assert result.level is None
    assert [r.call for r in result.crisis_reasons] == ["[[emergency]]"]
    text = result.crisis_reasons[0].text
    assert "Llame al [[emergency]]" in text
    assert "naloxona" in text.lower()


@pytest.mark.parametrize("whom", WHOM)
def test_outpatient_case_in_spanish(whom):
    result = suggest(answers(for_whom=whom, pregnant="not_applicable"), language="es")
    assert result.level == "outpatient"
    assert any("tratamiento ambulatorio estándar" in r.text for r in result.reasons)


@pytest.mark.parametrize("whom", WHOM)
def test_inpatient_case_in_spanish(whom):
    result = suggest(
        answers(
            for_whom=whom, substances=["alcohol"], frequency="daily", withdrawal="severe_history"
        ),
        language="es",
    )
    assert result.level == "inpatient"
    assert "do_not_stop_abruptly" in result.flags
    text = " ".join(r.text for r in result.reasons)
    assert "pueden incluir convulsiones que ponen en peligro la vida" in text
    assert "consume alcohol todos los días" in text
    assert "hospitalización (tratamiento hospitalario)" in text


@pytest.mark.parametrize("whom", WHOM)
def test_iop_after_relapse_case_in_spanish(whom):
    result = suggest(
        answers(
            for_whom=whom, control="hard_some_days", past_treatment="relapse_after_outpatient"
        ),
        language="es",
    )
    assert result.level == "iop"
    area5 = [r.text for r in result.reasons if r.area == 5]
    assert any(t.startswith("Algunos días a ") and "le cuesta no consumir" in t for t in area5)
    assert any("después del tratamiento ambulatorio estándar" in t for t in area5)
    assert any("Una recaída es común y no es un fracaso" in t for t in area5)


@pytest.mark.parametrize("whom", WHOM)
def test_residential_case_in_spanish(whom):
    result = suggest(
        answers(for_whom=whom, home="unsafe", substances=["stimulants"], frequency="daily"),
        language="es",
    )
    assert result.level == "residential"
    assert any("tratamiento residencial" in r.text for r in result.reasons if r.area == 6)
    assert any("quedarse en el programa" in n for n in result.notes)


@pytest.mark.parametrize("whom", WHOM)
def test_stepping_down_case_in_spanish(whom):
    result = suggest(
        answers(for_whom=whom, past_treatment="stepping_down", control="can_stop"),
        language="es",
    )
    assert result.level == "iop"
    assert result.also_consider == ("outpatient",)
    assert any("tratamiento ambulatorio estándar" in n for n in result.notes)


def test_self_and_someone_else_wording():
    mine = suggest(answers(control="hard_some_days"), language="es")
    theirs = suggest(answers(for_whom="someone_else", control="hard_some_days"), language="es")
    assert any(r.text.startswith("Algunos días a usted le cuesta") for r in mine.reasons)
    assert any("Sus respuestas sugieren" in r.text for r in mine.reasons)
    assert any(r.text.startswith("Algunos días a la persona le cuesta") for r in theirs.reasons)
    # The answers belong to whoever answered, so "Sus respuestas" about someone else too.
    assert any("Sus respuestas sugieren" in r.text for r in theirs.reasons)
    assert not any("Las respuestas" in r.text for r in theirs.reasons)


def test_neighbouring_level_note_in_spanish():
    result = suggest(answers(self_harm_thoughts="passive", control="hard_some_days"), "es")
    assert result.also_consider == ("php",)
    assert (
        "Otro nivel de atención para hablar con un profesional de la salud: hospitalización "
        "parcial (PHP), por los pensamientos de hacerse daño que se mencionaron."
    ) in result.notes
    assert any("[[lifeline_es]]" in r.text and r.area == 3 for r in result.reasons)


def test_mild_sign_with_room_note_in_spanish():
    result = suggest(answers(frequency="daily", hours_available="9_to_19"), language="es")
    assert result.level == "outpatient"
    assert result.also_consider == ("iop",)
    assert any("y las horas disponibles encajan con ese nivel" in n for n in result.notes)


def test_combined_concerns_are_listed_in_spanish():
    result = suggest(answers(mood="severe", control="cannot_go_a_day"), language="es")
    assert result.level == "residential"
    assert any(
        "un estado de ánimo que le impide cuidarse y no poder pasar un día sin consumir" in r.text
        for r in result.reasons
    )


def test_two_sedatives_are_joined_with_o():
    result = suggest(
        answers(substances=["opioids", "alcohol", "benzodiazepines"], frequency="daily"), "es"
    )
    assert any("junto con alcohol o benzodiacepinas" in r.text for r in result.reasons)


# Properties over the whole answer space


@PROPERTY
@given(answer_sets())
def test_spanish_never_changes_the_suggestion(a):
    en = suggest(a)
    es = suggest(a, language="es")
    assert es.crisis == en.crisis
    assert es.level == en.level
    assert es.also_consider == en.also_consider
    assert es.flags == en.flags
    assert es.area_scores == en.area_scores
    assert es.withdrawal_care == en.withdrawal_care
    assert es.questionnaire_version == en.questionnaire_version
    assert [r.area for r in es.reasons] == [r.area for r in en.reasons]
    assert len(es.notes) == len(en.notes)
    assert [(c.danger, c.call) for c in es.crisis_reasons] == [
        (c.danger, c.call) for c in en.crisis_reasons
    ]
    hash(es)


@PROPERTY
@given(answer_sets())
def test_every_spanish_text_is_filled_in_and_spanish(a):
    result = suggest(a, language="es")
    for text in texts_of(result):
        check_spanish(text)
    for crisis in result.crisis_reasons:
        # The Lifeline in Spanish: its Spanish option (the same number, then press 2).
        call = "[[lifeline_es]]" if crisis.call == "[[lifeline]]" else crisis.call
        assert call in crisis.text


@PROPERTY
@given(answer_sets(danger=st.just([])))
def test_spanish_reasons_follow_for_whom(a):
    result = suggest(a, language="es")
    assert result.reasons
    for reason in result.reasons:
        if a["for_whom"] == "self":
            assert USTED.search(reason.text), reason.text
            assert not LA_PERSONA.search(reason.text), reason.text
        else:
            assert LA_PERSONA.search(reason.text), reason.text
            assert not re.search(r"\busted\b", reason.text, re.IGNORECASE), reason.text
