"""The triage engine's version 2 rules: the crisis path, withdrawal care, opioids, pregnancy."""

import re
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from programs.questionnaire import triage
from programs.questionnaire.triage import (
    CHOICES,
    FLAG_TEXTS,
    FLAGS,
    LANGUAGES,
    LEVEL_RANK,
    WITHDRAWAL_CARE,
    WITHDRAWAL_CARE_TEXTS,
    suggest,
)
from tests.questionnaire.test_triage import BASE, CALM, answer_sets, answers


@pytest.fixture
def settings():
    """Stand-in for pytest-django's `settings` (see test_triage.py): pure Python."""
    return SimpleNamespace(STORAGES={})


PROPERTY = hypothesis_settings(max_examples=300, deadline=None, database=None)
DANGERS = CHOICES["danger_now"]


def flag_text(result, flag):
    return dict(result.flag_texts)[flag]


# 1. A person in danger is never held back by the rest of the form


@pytest.mark.parametrize("danger", DANGERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_danger_alone_is_a_crisis(danger, language):
    result = suggest({"danger_now": [danger]}, language=language)
    assert result.crisis is True
    assert result.level is None
    assert [r.danger for r in result.crisis_reasons] == [danger]
    # In Spanish the Lifeline is named by its Spanish option (the same number, press 2).
    call = result.crisis_reasons[0].call
    spanish_call = "[[lifeline_es]]" if language == "es" and call == "[[lifeline]]" else call
    assert spanish_call in result.crisis_reasons[0].text
    assert result.area_scores == ()
    assert result.reasons == ()
    assert result.notes == ()


def test_suicide_plan_alone_gets_988_and_a_safety_plan():
    result = suggest({"danger_now": ["suicide_plan"]})
    assert result.crisis_reasons[0].call == "[[lifeline]]"
    assert "[[emergency]]" in result.crisis_reasons[0].text
    assert result.flags == ("safety_plan",)


def test_crisis_without_for_whom_uses_neutral_words():
    text = suggest({"danger_now": ["overdose_signs"]}).crisis_reasons[0].text
    assert "Stay with the person" in text
    assert "near you" not in text
    self_text = suggest({"danger_now": ["overdose_signs"], "for_whom": "self"})
    assert "near you" in self_text.crisis_reasons[0].text


def test_partial_crisis_scores_only_the_areas_whose_answers_were_given():
    result = suggest(
        {
            "danger_now": ["withdrawal_emergency"],
            "substances": ["alcohol"],
            "frequency": "daily",
            "withdrawal": "severe_history",
            "home": "unsafe",
            "support": "none",
        }
    )
    assert dict(result.area_scores) == {1: 4, 6: 3}
    assert result.withdrawal_care == "medically_managed"
    assert {"do_not_stop_abruptly", "safety_resources"} <= set(result.flags)


def test_opioid_crisis_with_only_substances_still_flags_naloxone():
    result = suggest({"danger_now": ["overdose_signs"], "substances": ["opioids"]})
    assert {"naloxone", "medication"} <= set(result.flags)


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        ({"danger_now": ["suicide_plan"], "frequency": "hourly"}, "hourly"),
        ({"danger_now": ["suicide_plan"], "substances": []}, "substances"),
        ({"danger_now": ["suicide_plan", "fire"]}, "fire"),
        ({"danger_now": ["suicide_plan"], "colour": "blue"}, "colour"),
    ],
)
def test_a_crisis_still_validates_the_answers_it_has(bad, named):
    with pytest.raises(ValueError, match=named):
        suggest(bad)


@pytest.mark.parametrize("danger", [[], ()])
def test_any_non_crisis_set_still_needs_every_key(danger):
    partial = {k: v for k, v in BASE.items() if k != "home"}
    with pytest.raises(ValueError, match="'home'"):
        suggest({**partial, "danger_now": danger})
    with pytest.raises(ValueError, match="Missing"):
        suggest({"for_whom": "self"})


@st.composite
def partial_crises(draw):
    full = draw(answer_sets(danger=st.lists(st.sampled_from(DANGERS), min_size=1, max_size=4)))
    kept = draw(st.sets(st.sampled_from(sorted(set(CHOICES) - {"danger_now"}))))
    return {k: v for k, v in full.items() if k == "danger_now" or k in kept}


@PROPERTY
@given(partial_crises(), st.sampled_from(LANGUAGES))
def test_every_partial_crisis_is_a_crisis_with_scores_only_where_answered(a, language):
    result = suggest(a, language=language)
    assert result.crisis is True
    assert result.level is None
    assert {r.danger for r in result.crisis_reasons} == set(a["danger_now"])
    for area, score in result.area_scores:
        assert all(key in a for key in triage._AREA_INPUTS[area])
        assert 0 <= score <= 4
    assert result.withdrawal_care in WITHDRAWAL_CARE
    assert [f for f, _ in result.flag_texts] == list(result.flags)
    full = suggest({**BASE, **a}, language=language)
    assert [r.call for r in result.crisis_reasons] == [r.call for r in full.crisis_reasons]


# 2. Withdrawal care has five intensities


@pytest.mark.parametrize(
    ("changes", "care"),
    [
        ({"withdrawal": "none"}, "none"),
        ({"withdrawal": "mild"}, "ambulatory"),
        ({"withdrawal": "moderate", "home": "supportive"}, "monitored"),
        ({"withdrawal": "moderate", "home": "mixed"}, "monitored"),
        ({"withdrawal": "moderate", "home": "unsafe"}, "residential"),
        ({"withdrawal": "severe_history"}, "medically_managed"),
        ({"withdrawal": "severe_history", "home": "unsafe"}, "medically_managed"),
    ],
)
def test_withdrawal_care_follows_severity_and_home(changes, care):
    assert suggest(answers(**changes)).withdrawal_care == care


def test_moderate_withdrawal_never_reads_as_outpatient_visits_or_home_when_unsafe():
    monitored = suggest(answers(withdrawal="moderate"))
    assert "outpatient visits" not in " ".join(r.text for r in monitored.reasons)
    assert "go home at night" in monitored.reasons[0].text
    unsafe = suggest(answers(withdrawal="moderate", home="unsafe"))
    withdrawal_text = " ".join(r.text for r in unsafe.reasons if r.area == 1)
    assert "residential program" in withdrawal_text
    assert "home at night" not in withdrawal_text
    assert unsafe.level == "residential"


def test_each_withdrawal_care_text_says_what_it_is():
    for language in LANGUAGES:
        texts = WITHDRAWAL_CARE_TEXTS[language]
        assert list(texts) == list(WITHDRAWAL_CARE)
        assert texts["none"] == ""
        assert all(texts[care] for care in WITHDRAWAL_CARE if care != "none")
    en = WITHDRAWAL_CARE_TEXTS["en"]
    assert "outpatient visits" in en["ambulatory"]
    assert "home at night" in en["monitored"]
    assert "outpatient" not in en["monitored"]
    assert "not a safe place" in en["residential"]
    assert "at home" not in en["residential"].replace("not a safe place", "")
    assert "hospital" in en["medically_managed"]
    assert "buprenorphine or methadone" in en["medication"]


@pytest.mark.parametrize("withdrawal", ["moderate", "severe_history"])
def test_alcohol_and_benzodiazepines_together_need_medically_managed_withdrawal(withdrawal):
    result = suggest(answers(substances=["alcohol", "benzodiazepines"], withdrawal=withdrawal))
    assert result.withdrawal_care == "medically_managed"
    assert LEVEL_RANK[result.level] >= LEVEL_RANK["residential"]
    assert any("both alcohol and benzodiazepines" in r.text for r in result.reasons)


def test_alcohol_and_benzodiazepines_with_mild_withdrawal_stay_ambulatory():
    result = suggest(answers(substances=["alcohol", "benzodiazepines"], withdrawal="mild"))
    assert result.withdrawal_care == "ambulatory"


# Pregnancy


@pytest.mark.parametrize("substance", ["alcohol", "benzodiazepines"])
@pytest.mark.parametrize("withdrawal", ["moderate", "severe_history"])
def test_pregnancy_with_sedative_withdrawal_is_medically_managed_at_residential_or_more(
    substance, withdrawal
):
    result = suggest(answers(pregnant="yes", substances=[substance], withdrawal=withdrawal))
    assert result.withdrawal_care == "medically_managed"
    assert LEVEL_RANK[result.level] >= LEVEL_RANK["residential"]
    text = " ".join(r.text for r in result.reasons if r.area == 2)
    assert "never at home" in text


def test_pregnancy_with_mild_alcohol_withdrawal_is_not_raised_to_residential():
    result = suggest(answers(pregnant="yes", substances=["alcohol"], withdrawal="mild"))
    assert result.level == "iop"


@pytest.mark.parametrize("withdrawal", ["never_stopped", "mild", "moderate", "severe_history"])
def test_opioid_only_withdrawal_in_pregnancy_is_treated_with_medication(withdrawal):
    result = suggest(answers(pregnant="yes", substances=["opioids"], withdrawal=withdrawal))
    assert result.withdrawal_care == "medication"
    assert "pregnancy_moud" in result.flags
    text = " ".join(r.text for r in result.reasons)
    assert "withdrawal care with monitoring" not in text
    assert "withdrawal is medically managed" not in text
    assert "buprenorphine or methadone" in text


def test_pregnancy_with_opioids_and_no_withdrawal_keeps_no_withdrawal_care():
    result = suggest(answers(pregnant="yes", substances=["opioids", "cannabis"]))
    assert result.withdrawal_care == "none"
    assert "pregnancy_moud" in result.flags


def test_pregnancy_moud_text_says_medicine_soon_and_the_emergency_room():
    result = suggest(answers(pregnant="yes", substances=["opioids"]))
    text = flag_text(result, "pregnancy_moud")
    assert "buprenorphine or methadone" in text
    assert "rather" in text or "safer" in text
    assert "within the next few days" in text
    assert "emergency room" in text


# Opioids


@pytest.mark.parametrize("interest", CHOICES["medication_interest"])
def test_any_opioid_use_flags_naloxone_and_medication(interest):
    result = suggest(answers(substances=["opioids"], medication_interest=interest))
    assert {"naloxone", "medication"} <= set(result.flags)
    medication = flag_text(result, "medication")
    for medicine in ("buprenorphine", "methadone", "naltrexone"):
        assert medicine in medication
    assert "opioid treatment programs" in medication
    assert "faster" in medication
    naloxone = flag_text(result, "naloxone")
    assert "without a prescription" in naloxone
    for setting in ("detox", "residential", "hospital", "jail"):
        assert setting in naloxone
    assert "Don't use alone" in naloxone


def test_alcohol_only_medication_text_does_not_name_opioid_medicines():
    result = suggest(answers(substances=["alcohol"], medication_interest="yes"))
    text = flag_text(result, "medication")
    assert "methadone" not in text
    assert "naltrexone" in text


# "Never stopped"


@pytest.mark.parametrize("substance", ["alcohol", "benzodiazepines"])
@pytest.mark.parametrize("frequency", ["daily", "weekly"])
def test_never_stopped_with_regular_sedative_use_needs_a_withdrawal_check(substance, frequency):
    result = suggest(
        answers(withdrawal="never_stopped", substances=[substance], frequency=frequency)
    )
    assert {"do_not_stop_abruptly", "withdrawal_assessment"} <= set(result.flags)
    assert result.withdrawal_care == "ambulatory"
    assert "check the risk of withdrawal" in flag_text(result, "withdrawal_assessment")


@pytest.mark.parametrize(
    "changes",
    [
        {"substances": ["alcohol"], "frequency": "monthly"},
        {"substances": ["cannabis"], "frequency": "daily"},
    ],
)
def test_never_stopped_without_regular_sedative_use_is_like_nothing_much(changes):
    never = suggest(answers(withdrawal="never_stopped", **changes))
    nothing = suggest(answers(withdrawal="none", **changes))
    assert "withdrawal_assessment" not in never.flags
    assert never.withdrawal_care == nothing.withdrawal_care == "none"
    assert never.level == nothing.level


def test_benzodiazepine_warnings_say_dependence_can_follow_prescribed_use():
    result = suggest(answers(substances=["benzodiazepines"], frequency="daily"))
    text = flag_text(result, "do_not_stop_abruptly")
    assert "weeks" in text
    assert "even as prescribed" in text


# Suicidal thoughts, home, health


def test_active_suicidal_thoughts_with_severe_mood_need_a_same_day_evaluation():
    result = suggest(answers(self_harm_thoughts="active", mood="severe"))
    assert "same_day_evaluation" in result.flags
    assert result.flags[0] == "same_day_evaluation"
    assert "[[lifeline]]" in flag_text(result, "same_day_evaluation")
    assert "today" in flag_text(result, "same_day_evaluation")
    # Both count as serious concerns together.
    assert result.level == "residential"
    assert any("thoughts of suicide" in r.text for r in result.reasons if r.area == 3)


def test_active_suicidal_thoughts_alone_say_suicide_and_suggest_php():
    result = suggest(answers(self_harm_thoughts="active"))
    assert result.level == "php"
    assert "same_day_evaluation" not in result.flags
    text = " ".join(r.text for r in result.reasons if r.area == 3)
    assert "thoughts of suicide" in text
    assert "harming" not in text


def test_active_suicidal_thoughts_count_in_the_combined_concerns():
    result = suggest(answers(self_harm_thoughts="active", control="cannot_go_a_day"))
    assert result.level == "residential"
    assert any("thoughts of suicide" in r.text and "several" in r.text for r in result.reasons)


def test_unsafe_home_shows_the_hotlines_and_a_safe_contact_reminder():
    result = suggest(answers(home="unsafe"))
    text = flag_text(result, "safety_resources")
    for token in ("[[dv]]", "[[dv.tty]]", "[[dv.code]] to [[dv.text]]", "[[childhelp]]"):
        assert token in text
    assert "[[emergency]]" in text
    assert "a phone and at a time that are safe" in text
    assert "who can see your calls" in text


def test_unstable_health_problem_says_see_a_doctor_soon():
    result = suggest(answers(medical="unstable"))
    assert "see_doctor" in result.flags
    assert "urgent care" in flag_text(result, "see_doctor")
    assert "see_doctor" not in suggest(answers(medical="stable")).flags


# Every flag in both languages


def test_every_flag_has_english_and_spanish_text():
    for language in LANGUAGES:
        assert list(FLAG_TEXTS[language]) == list(FLAGS)
        assert all(FLAG_TEXTS[language][flag].strip() for flag in FLAGS)
    for flag in FLAGS:
        assert FLAG_TEXTS["es"][flag] != FLAG_TEXTS["en"][flag]
        numbers = re.findall(r"\d[\d-]{2,}", FLAG_TEXTS["en"][flag])
        assert all(n in FLAG_TEXTS["es"][flag] for n in numbers), flag


def test_new_flags_come_in_spanish_for_the_same_answers():
    cases = [
        answers(self_harm_thoughts="active", mood="severe"),
        answers(home="unsafe", medical="unstable"),
        answers(pregnant="yes", substances=["opioids"], withdrawal="moderate"),
        answers(withdrawal="never_stopped", substances=["alcohol"], frequency="daily"),
    ]
    seen = set()
    for case in cases:
        en, es = suggest(case), suggest(case, language="es")
        assert en.flags == es.flags
        assert [f for f, _ in es.flag_texts] == list(es.flags)
        for (flag, en_text), (_, es_text) in zip(en.flag_texts, es.flag_texts, strict=True):
            assert es_text == (
                triage.MEDICATION_OPIOIDS_ES
                if flag == "medication" and "opioids" in case["substances"]
                else FLAG_TEXTS["es"][flag]
            )
            assert es_text != en_text
        seen |= set(en.flags)
    new = {
        "same_day_evaluation",
        "safety_resources",
        "see_doctor",
        "pregnancy_moud",
        "naloxone",
        "withdrawal_assessment",
    }
    assert new <= seen


# Properties over every calm answer set


@PROPERTY
@given(CALM)
def test_flag_rules_hold_for_every_answer_set(a):
    result = suggest(a)
    flags = set(result.flags)
    opioids = "opioids" in a["substances"]
    sedatives = {"alcohol", "benzodiazepines"} & set(a["substances"])
    assert ("naloxone" in flags) == opioids
    if opioids:
        assert "medication" in flags
    assert ("safety_resources" in flags) == (a["home"] == "unsafe")
    assert ("see_doctor" in flags) == (a["medical"] == "unstable")
    assert ("same_day_evaluation" in flags) == (
        a["self_harm_thoughts"] == "active" and a["mood"] == "severe"
    )
    assert ("pregnancy_moud" in flags) == (a["pregnant"] == "yes" and opioids)
    assert [f for f, _ in result.flag_texts] == list(result.flags)
    if a["withdrawal"] == "moderate" and result.withdrawal_care != "medication":
        assert result.withdrawal_care in ("monitored", "residential", "medically_managed")
    if a["home"] == "unsafe":
        assert result.withdrawal_care != "monitored"
    if a["pregnant"] == "yes" and opioids and not sedatives and a["withdrawal"] != "none":
        assert result.withdrawal_care == "medication"
    if a["pregnant"] == "yes" and sedatives and a["withdrawal"] in ("moderate", "severe_history"):
        assert result.withdrawal_care == "medically_managed"
        assert LEVEL_RANK[result.level] >= LEVEL_RANK["residential"]


@PROPERTY
@given(CALM)
def test_the_language_never_changes_the_new_parts_of_the_suggestion(a):
    en, es = suggest(a), suggest(a, language="es")
    assert (en.level, en.withdrawal_care, en.flags, en.area_scores) == (
        es.level,
        es.withdrawal_care,
        es.flags,
        es.area_scores,
    )
