"""Tests for programs.triage: acceptance cases, wording, and properties over all answers."""

import re
from dataclasses import FrozenInstanceError
from itertools import pairwise
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from programs.questionnaire.triage import (
    AREA_NAMES,
    CHOICES,
    FLAG_TEXT,
    FLAGS,
    LEVEL_AREAS,
    LEVEL_RANK,
    LEVELS,
    MULTI_KEYS,
    QUESTIONNAIRE_VERSION,
    WITHDRAWAL_CARE,
    CrisisReason,
    Reason,
    Suggestion,
    suggest,
)


@pytest.fixture
def settings():
    """Stand-in for pytest-django's `settings`, used by an autouse fixture in conftest.py.

    The triage module is pure Python, so these tests also run with `-p no:django`.
    """
    return SimpleNamespace(STORAGES={})


PROPERTY = hypothesis_settings(max_examples=300, deadline=None, database=None)

BASE = {
    "for_whom": "self",
    "age_group": "adult",
    "danger_now": [],
    "substances": ["cannabis"],
    "frequency": "weekly",
    "withdrawal": "none",
    "medical": "none",
    "pregnant": "no",
    "mood": "none",
    "self_harm_thoughts": "no",
    "readiness": "ready",
    "control": "can_stop",
    "past_treatment": "none",
    "home": "supportive",
    "support": "several",
    "hours_available": "9_to_19",
    "telehealth": "no",
    "medication_interest": "no",
}

ORDERED = {
    key: CHOICES[key]
    for key in (
        "frequency",
        "withdrawal",
        "medical",
        "mood",
        "self_harm_thoughts",
        "control",
        "home",
        "support",
    )
}
ORDERED["past_treatment"] = (
    "relapse_after_outpatient",
    "relapse_after_intensive",
    "relapse_after_residential",
)
STEPS = [(key, low, high) for key, chain in ORDERED.items() for low, high in pairwise(chain)]

SECOND_PERSON = re.compile(r"\byou(r|rself)?\b", re.IGNORECASE)
THIRD_PERSON = re.compile(r"\b(they|their|them|themselves|the person)\b", re.IGNORECASE)
# The answers belong to whoever answered: "Your answers suggest…" even about someone else.
ANSWERER = re.compile(r"\byour answers\b", re.IGNORECASE)


def about_the_person(text: str) -> str:
    """The text without "your answers", the one phrase that speaks to the person answering."""
    return ANSWERER.sub("", text)


def answers(**changes):
    return {**BASE, **changes}


def multi(key, min_size=0):
    items = st.lists(st.sampled_from(CHOICES[key]), min_size=min_size, max_size=8)
    return st.one_of(items, items.map(tuple))


def answer_sets(danger=None):
    """Every valid combination of answers (lists may repeat items or come as tuples)."""
    fields = {key: st.sampled_from(values) for key, values in CHOICES.items()}
    fields["danger_now"] = multi("danger_now") if danger is None else danger
    fields["substances"] = multi("substances", min_size=1)
    return st.fixed_dictionaries(fields)


CALM = answer_sets(danger=st.just([]))
CRISIS = answer_sets(danger=multi("danger_now", min_size=1))


# Acceptance cases


def test_overdose_signs_is_a_crisis_with_no_level():
    result = suggest(answers(danger_now=["overdose_signs"], substances=["opioids"]))
    assert result.crisis is True
    assert result.level is None
    assert result.also_consider == ()
    assert [r.call for r in result.crisis_reasons] == ["[[emergency]]"]
    assert "naloxone" in result.crisis_reasons[0].text.lower()


def test_weekly_cannabis_with_control_and_support_suggests_outpatient():
    result = suggest(answers(pregnant="not_applicable"))
    assert result.crisis is False
    assert result.level == "outpatient"
    assert result.withdrawal_care == "none"
    assert result.reasons
    assert any("outpatient" in r.text for r in result.reasons)


def test_daily_alcohol_with_severe_withdrawal_history_suggests_inpatient():
    result = suggest(
        answers(substances=["alcohol"], frequency="daily", withdrawal="severe_history")
    )
    assert result.level == "inpatient"
    assert result.withdrawal_care == "medically_managed"
    assert "do_not_stop_abruptly" in result.flags
    assert any("seizures can be life-threatening" in r.text for r in result.reasons)


def test_hard_some_days_and_relapse_after_outpatient_suggests_iop():
    result = suggest(answers(control="hard_some_days", past_treatment="relapse_after_outpatient"))
    assert result.level == "iop"


def test_unsafe_home_with_daily_stimulants_suggests_residential():
    result = suggest(answers(home="unsafe", substances=["stimulants"], frequency="daily"))
    assert result.level == "residential"
    assert result.area_score(6) == LEVEL_RANK["residential"]


def test_stepping_down_who_can_stop_suggests_iop_and_mentions_outpatient():
    result = suggest(answers(past_treatment="stepping_down", control="can_stop"))
    assert result.level == "iop"
    assert result.also_consider == ("outpatient",)


# Rules


def test_severe_withdrawal_without_alcohol_or_benzodiazepines_suggests_residential():
    result = suggest(
        answers(substances=["opioids"], frequency="daily", withdrawal="severe_history")
    )
    assert result.level == "residential"
    assert result.withdrawal_care == "medically_managed"
    assert "inpatient" in result.also_consider


def test_severe_withdrawal_with_monthly_alcohol_suggests_residential():
    result = suggest(
        answers(substances=["alcohol"], frequency="monthly", withdrawal="severe_history")
    )
    assert result.level == "residential"


def test_moderate_withdrawal_suggests_iop_with_monitored_withdrawal_care():
    result = suggest(answers(withdrawal="moderate"))
    assert result.level == "iop"
    assert result.withdrawal_care == "monitored"


def test_unstable_medical_suggests_residential_and_inpatient_with_severe_withdrawal():
    assert suggest(answers(medical="unstable")).level == "residential"
    both = suggest(answers(medical="unstable", withdrawal="severe_history"))
    assert both.level == "inpatient"


def test_active_self_harm_thoughts_suggest_php_with_safety_plan_and_988():
    result = suggest(answers(self_harm_thoughts="active"))
    assert result.level == "php"
    assert {"safety_plan", "co_occurring"} <= set(result.flags)
    assert any("[[lifeline]]" in r.text and r.area == 3 for r in result.reasons)


def test_severe_mood_suggests_php():
    assert suggest(answers(mood="severe")).level == "php"


def test_some_mood_is_co_occurring_and_does_not_raise_the_level():
    result = suggest(answers(mood="some"))
    assert result.level == "outpatient"
    assert "co_occurring" in result.flags
    assert not any("not for" in r.text for r in result.reasons)


def test_two_top_answers_together_suggest_residential():
    result = suggest(answers(mood="severe", control="cannot_go_a_day"))
    assert result.level == "residential"
    assert result.area_score(3) == result.area_score(5) == LEVEL_RANK["residential"]


def test_cannot_go_a_day_or_relapse_after_intensive_suggests_php():
    assert suggest(answers(control="cannot_go_a_day")).level == "php"
    assert suggest(answers(past_treatment="relapse_after_intensive")).level == "php"


def test_relapse_after_residential_suggests_residential():
    assert suggest(answers(past_treatment="relapse_after_residential")).level == "residential"


@pytest.mark.parametrize("change", [{"home": "mixed"}, {"support": "none"}])
def test_mixed_home_or_no_support_suggests_iop(change):
    assert suggest(answers(**change)).level == "iop"


def test_pregnancy_with_opioids_flags_and_advises_prompt_care_without_stopping_abruptly():
    result = suggest(answers(pregnant="yes", substances=["opioids"]))
    assert result.level == "iop"
    assert "pregnancy" in result.flags
    assert "pregnancy_moud" in result.flags
    text = " ".join(r.text for r in result.reasons if r.area == 2)
    assert "buprenorphine or methadone" in text
    assert "prenatal or addiction clinician within days" in text


def test_opioids_with_benzodiazepines_warn_about_overdose_risk():
    result = suggest(answers(substances=["opioids", "benzodiazepines"]))
    assert any("risk of overdose" in r.text for r in result.reasons)


def test_daily_benzodiazepines_set_do_not_stop_abruptly():
    result = suggest(answers(substances=["benzodiazepines"], frequency="daily"))
    assert "do_not_stop_abruptly" in result.flags


def test_medication_flag_for_alcohol_or_opioids_with_interest():
    assert (
        "medication" in suggest(answers(substances=["alcohol"], medication_interest="yes")).flags
    )
    assert "medication" not in suggest(answers(medication_interest="yes")).flags
    assert "medication" not in suggest(answers(substances=["alcohol"])).flags
    # Any opioid use gets the medication flag, whatever the interest answer.
    no = suggest(answers(substances=["opioids"], medication_interest="no"))
    assert "medication" in no.flags


def test_adolescent_flag_explains_teen_hours():
    result = suggest(answers(age_group="adolescent"))
    assert "adolescent" in result.flags
    assert "6 or more hours" in FLAG_TEXT["adolescent"]


def test_teen_iop_with_few_hours_notes_teen_hours():
    result = suggest(
        answers(age_group="adolescent", control="hard_some_days", hours_available="under_9")
    )
    assert result.level == "iop"
    assert any("6 hours" in n for n in result.notes)


def test_iop_with_under_9_hours_notes_evening_tracks_and_leave():
    result = suggest(answers(control="hard_some_days", hours_available="under_9"))
    assert result.level == "iop"
    assert any("evening" in n and "leave" in n for n in result.notes)
    assert any(n.startswith("The hours available are fewer") for n in result.notes)


def test_adult_php_with_few_hours_says_the_hours_fall_short():
    result = suggest(answers(mood="severe", hours_available="9_to_19"))
    assert result.level == "php"
    assert any("fewer than a day program" in n and "childcare" in n for n in result.notes)


@pytest.mark.parametrize("level_answers", [{"mood": "severe"}, {"home": "unsafe"}])
@pytest.mark.parametrize("hours", ["under_9", "9_to_19"])
def test_teen_notes_speak_of_school_and_family_not_work(level_answers, hours):
    result = suggest(answers(age_group="adolescent", hours_available=hours, **level_answers))
    assert result.level in {"php", "residential", "inpatient"}
    text = " ".join(result.notes)
    assert "school" in text
    assert "family sessions" in text
    assert "childcare" not in text
    assert "leave from work" not in text


def test_teen_notes_in_spanish_speak_of_school():
    result = suggest(
        answers(age_group="adolescent", mood="severe", hours_available="under_9"),
        language="es",
    )
    text = " ".join(result.notes)
    assert "escuela" in text
    assert "sesiones en familia" in text
    assert "niños" not in text


def test_telehealth_yes_with_iop_sets_flag_and_note():
    result = suggest(answers(control="hard_some_days", telehealth="yes"))
    assert "telehealth" in result.flags
    assert "virtual" in FLAG_TEXT["telehealth"]


def test_suicide_plan_crisis_points_to_988():
    result = suggest(answers(danger_now=["suicide_plan"]))
    assert result.crisis_reasons[0].call == "[[lifeline]]"
    assert "[[lifeline]]" in result.crisis_reasons[0].text
    assert "safety_plan" in result.flags


def test_reasons_use_second_person_for_self():
    result = suggest(answers(for_whom="self", control="hard_some_days"))
    assert any(r.text.startswith("Some days it is hard for you") for r in result.reasons)
    assert all(SECOND_PERSON.search(r.text) for r in result.reasons)
    assert not any(THIRD_PERSON.search(r.text) for r in result.reasons)


def test_reasons_use_third_person_for_someone_else():
    result = suggest(answers(for_whom="someone_else", control="hard_some_days"))
    assert any(r.text.startswith("Some days it is hard for them") for r in result.reasons)
    assert any("Your answers suggest" in r.text for r in result.reasons)
    assert not any("Their answers" in r.text for r in result.reasons)
    assert not any(SECOND_PERSON.search(about_the_person(r.text)) for r in result.reasons)


def test_public_constants_are_consistent():
    assert LEVELS == ("outpatient", "iop", "php", "residential", "inpatient")
    assert [LEVEL_RANK[level] for level in LEVELS] == [0, 1, 2, 3, 4]
    assert set(MULTI_KEYS) == {"danger_now", "substances"}
    assert set(FLAG_TEXT) == set(FLAGS)
    assert sorted(AREA_NAMES) == [1, 2, 3, 4, 5, 6]
    assert QUESTIONNAIRE_VERSION


def test_suggestion_is_frozen():
    result = suggest(BASE)
    with pytest.raises(FrozenInstanceError):
        result.level = "iop"


# Invalid input


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        ({k: v for k, v in BASE.items() if k != "mood"}, "mood"),
        (answers(colour="blue"), "colour"),
        (answers(frequency=3), "frequency"),
        (answers(frequency="hourly"), "hourly"),
        (answers(substances="alcohol"), "substances"),
        (answers(substances=["alcohol", 1]), "substances"),
        (answers(danger_now=["fire"]), "fire"),
        (answers(substances=[]), "substances"),
        (answers(readiness=None), "readiness"),
    ],
)
def test_invalid_answers_raise_value_error_naming_the_problem(bad, named):
    with pytest.raises(ValueError, match=re.escape(named)):
        suggest(bad)


@pytest.mark.parametrize("bad", [None, 3, "self", [("for_whom", "self")], BASE.items()])
def test_non_mapping_raises_value_error(bad):
    with pytest.raises(ValueError, match="mapping"):
        suggest(bad)


def test_duplicates_in_lists_are_accepted_and_ignored():
    plain = suggest(answers(substances=["alcohol", "opioids"]))
    repeated = suggest(answers(substances=("opioids", "alcohol", "opioids")))
    assert plain == repeated


# Properties over the whole answer space


def check_valid(result):
    assert isinstance(result, Suggestion)
    assert result.questionnaire_version == QUESTIONNAIRE_VERSION
    assert result.withdrawal_care in WITHDRAWAL_CARE
    assert [area for area, _ in result.area_scores] == [1, 2, 3, 4, 5, 6]
    assert all(0 <= score <= 4 for _, score in result.area_scores)
    assert list(result.flags) == [f for f in FLAGS if f in result.flags]
    assert all(isinstance(r, Reason) and 1 <= r.area <= 6 and r.text for r in result.reasons)
    assert all(isinstance(note, str) and note for note in result.notes)
    hash(result)


@PROPERTY
@given(CALM)
def test_every_calm_answer_set_gets_a_level_and_a_reason(a):
    result = suggest(a)
    check_valid(result)
    assert result.crisis is False
    assert result.crisis_reasons == ()
    assert result.level in LEVELS
    assert result.reasons
    top = max(result.area_score(area) for area in LEVEL_AREAS)
    assert LEVEL_RANK[result.level] == top
    assert result.level not in result.also_consider
    assert all(abs(LEVEL_RANK[x] - LEVEL_RANK[result.level]) == 1 for x in result.also_consider)


@PROPERTY
@given(CRISIS)
def test_crisis_wins_over_everything(a):
    result = suggest(a)
    check_valid(result)
    assert result.crisis is True
    assert result.level is None
    assert result.also_consider == ()
    assert result.crisis_reasons
    assert all(
        isinstance(r, CrisisReason) and r.call in ("[[emergency]]", "[[lifeline]]")
        for r in result.crisis_reasons
    )
    assert {r.danger for r in result.crisis_reasons} == set(a["danger_now"])
    calls = [r.call for r in result.crisis_reasons]
    assert calls == sorted(calls, key=lambda call: call != "[[emergency]]")


@PROPERTY
@given(CALM, st.sampled_from(STEPS))
def test_raising_one_ordered_answer_never_lowers_the_level(a, step):
    key, low, high = step
    lower = suggest({**a, key: low})
    higher = suggest({**a, key: high})
    assert LEVEL_RANK[higher.level] >= LEVEL_RANK[lower.level]


@PROPERTY
@given(answer_sets())
def test_same_answers_give_equal_suggestions(a):
    copy = {key: list(value) if isinstance(value, tuple) else value for key, value in a.items()}
    first, second = suggest(a), suggest(copy)
    assert first == second
    assert hash(first) == hash(second)


@PROPERTY
@given(CALM)
def test_readiness_never_changes_the_level(a):
    levels = {suggest({**a, "readiness": r}).level for r in CHOICES["readiness"]}
    assert len(levels) == 1


@PROPERTY
@given(CALM)
def test_hours_and_telehealth_never_change_the_level(a):
    levels = {
        suggest({**a, "hours_available": hours, "telehealth": tele}).level
        for hours in CHOICES["hours_available"]
        for tele in CHOICES["telehealth"]
    }
    assert len(levels) == 1


@PROPERTY
@given(CALM)
def test_reason_wording_follows_for_whom(a):
    result = suggest(a)
    for reason in result.reasons:
        if a["for_whom"] == "self":
            assert SECOND_PERSON.search(reason.text)
            assert not THIRD_PERSON.search(reason.text)
        else:
            assert THIRD_PERSON.search(reason.text)
            assert not SECOND_PERSON.search(about_the_person(reason.text))


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.binary(max_size=5),
    st.text(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@PROPERTY
@given(st.dictionaries(st.one_of(st.text(max_size=20), st.integers()), JUNK, max_size=20))
def test_random_dicts_raise_value_error(bad):
    with pytest.raises(ValueError, match="(?i)answer"):
        suggest(bad)


@PROPERTY
@given(JUNK.filter(lambda x: not isinstance(x, dict)))
def test_non_mappings_raise_value_error(bad):
    with pytest.raises(ValueError, match="mapping"):
        suggest(bad)


@st.composite
def broken_answers(draw):
    """A valid answer set with exactly one thing wrong, and the key that names it."""
    a = draw(answer_sets())
    key = draw(st.sampled_from(sorted(CHOICES)))
    how = draw(st.sampled_from(["missing", "unknown_key", "wrong_type", "unknown_value"]))
    if how == "missing":
        # A crisis needs no other answer, so only a calm set (or danger_now itself) can miss.
        if key != "danger_now":
            a["danger_now"] = []
        del a[key]
    elif how == "unknown_key":
        key = draw(st.text(min_size=1, max_size=12).filter(lambda k: k not in CHOICES))
        a[key] = draw(JUNK)
    elif how == "wrong_type" and key in MULTI_KEYS:
        a[key] = draw(st.one_of(JUNK.filter(lambda x: not isinstance(x, list)), st.just([7])))
    elif how == "wrong_type":
        a[key] = draw(JUNK.filter(lambda x: not isinstance(x, str)))
    elif key in MULTI_KEYS:
        a[key] = [*a[key], draw(st.text(max_size=12).filter(lambda v: v not in CHOICES[key]))]
    else:
        a[key] = draw(st.text(max_size=12).filter(lambda v: v not in CHOICES[key]))
    return a, key


@PROPERTY
@given(broken_answers())
def test_one_bad_answer_raises_value_error_naming_the_key(case):
    bad, key = case
    with pytest.raises(ValueError, match=re.escape(repr(key))):
        suggest(bad)


@PROPERTY
@given(answer_sets(), st.sampled_from(["empty_substances", "non_str_key"]))
def test_empty_substances_or_non_string_keys_raise_value_error(a, how):
    if how == "empty_substances":
        a["substances"] = []
    else:
        a[1] = "self"
    with pytest.raises(ValueError, match="(?i)answer"):
        suggest(a)
