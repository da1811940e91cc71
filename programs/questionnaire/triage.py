"""Suggest a level of care to discuss with a clinician, from the questionnaire's answers.

Pure Python, no Django. The site informs and never diagnoses: a result is "a level of care
to discuss with a clinician". This questionnaire is not an ASAM assessment and is not
affiliated with ASAM; it paraphrases public facts about the continuum of care.

Version 2 ("2026-12"; version 1 was "2026-11"). How it works:

* Any ``danger_now`` answer is a crisis: ``level`` is None, ``crisis_reasons`` say what to do
  now (call the emergency number for overdose signs, a withdrawal emergency or harm to
  others; call or text the Suicide & Crisis Lifeline for a suicide plan or intent; give
  naloxone for an overdose), emergency ones first. A crisis
  needs no other answer, so a person in danger is never held back by the rest of the
  form; answers that are given are still validated, and each area whose answers are all
  there is still scored, with its flags, for the clinician. Any other answer set needs
  every key.
* Each of the six areas gets a score from 0 to 4. A score is the index in ``LEVELS`` of the
  least intensive level that can safely meet that area's risk on its own (0 = standard
  outpatient, 1 = IOP, 2 = PHP, 3 = residential, 4 = hospital). The level follows the
  highest-need area, never an average: ``LEVELS[max(score of areas 1, 2, 3, 5, 6)]``.
  Area 4 (readiness: ready 0, unsure 1, not ready 2) is shown but never raises the level.
* Level rules: severe withdrawal history with daily or weekly alcohol or benzodiazepine
  use -> hospital; any other severe history -> residential; alcohol and benzodiazepines
  together with moderate or worse withdrawal -> residential; moderate withdrawal -> IOP.
  Unstable medical problem -> residential (hospital with severe withdrawal history).
  Pregnancy -> IOP; pregnancy with alcohol or benzodiazepine use and moderate or worse
  withdrawal -> residential. Severe mood or active thoughts of suicide -> PHP. Cannot go a
  day, or relapse after IOP/PHP -> PHP; relapse after residential -> residential. Hard some
  days, relapse after outpatient, stepping down, a mixed home or no support -> IOP. Unsafe
  home -> residential. Two or more serious concerns at once (unstable medical, severe
  mood, active thoughts of suicide, cannot go a day, relapse after residential) ->
  residential, and every area involved is raised to 3.
* Withdrawal care (``withdrawal_care``, one of ``WITHDRAWAL_CARE``) has five intensities and
  one alternative: ``none``; ``ambulatory`` (mild withdrawal, outpatient visits; also
  "never stopped" with daily or weekly alcohol or benzodiazepine use, to be checked before
  stopping); ``monitored`` (moderate withdrawal with a supportive or mixed home: all-day
  monitoring, home at night); ``residential`` (moderate withdrawal with an unsafe home);
  ``medically_managed`` (severe history; alcohol and benzodiazepines together with
  moderate or worse withdrawal; pregnancy with alcohol or benzodiazepine use and moderate
  or worse withdrawal); ``medication`` (pregnancy with opioid use, no alcohol or
  benzodiazepines, and any withdrawal or never stopped: buprenorphine or methadone is the
  recommended treatment, not withdrawal). ``WITHDRAWAL_CARE_TEXTS`` says what each means, so
  a page never says "outpatient visits" for moderate withdrawal or "at home" for an
  unsafe home.
* ``hours_available`` and ``telehealth`` never change the level; they add notes, the
  ``telehealth`` flag and may add a neighbouring level to ``also_consider``.
* ``also_consider`` holds neighbouring levels only, never ``level``. The next level up is
  listed for a clear borderline sign (two areas at the suggested IOP or PHP level; passive
  self-harm thoughts at outpatient or IOP; moderate withdrawal at IOP, for all-day
  monitored withdrawal care; a mixed home or no support at PHP, since PHP means going home
  each night; severe withdrawal history or an unstable health problem at residential), or
  for a milder sign (daily use, some mood concerns) only when the hours available fit that
  level. Outpatient is listed below IOP for someone stepping down who can stop and has no
  other IOP-level need (after IOP the usual next step is standard outpatient care).

Flags (``FLAGS``, most urgent first; ``Suggestion.flag_texts`` holds the text of each, in
the answer's language, chosen for the answers where a flag has more than one):

* ``same_day_evaluation``: active thoughts of suicide with severe mood (a mental-health
  evaluation today; the Lifeline can help arrange it).
* ``safety_resources``: an unsafe home (domestic-violence and child-abuse hotlines, and a
  reminder to reach out from a safe phone at a safe time).
* ``see_doctor``: an unstable health problem (a doctor or urgent care soon).
* ``pregnancy_moud``: pregnancy with opioid use (buprenorphine or methadone rather than
  withdrawal; a prenatal or addiction clinician within days; an emergency room if
  withdrawal starts).
* ``naloxone``: any opioid use (carry naloxone, sold without a prescription; tolerance is
  lost after any break, including detox, residential care, hospital or jail; don't use
  alone).
* ``withdrawal_assessment``: never stopped, with daily or weekly alcohol or benzodiazepine
  use (a clinician checks withdrawal risk before stopping).
* ``do_not_stop_abruptly``: alcohol or benzodiazepines used daily, with moderate or severe
  withdrawal, or never stopped with daily or weekly use (withdrawal seizures can be
  life-threatening, FDA 2020; benzodiazepine dependence can follow steady use for weeks,
  even as prescribed).
* ``pregnancy``; ``safety_plan`` (any thoughts of self-harm or suicide, or a suicide plan);
  ``medication`` (any opioid use whatever ``medication_interest`` says, with a text naming
  buprenorphine, methadone and naltrexone; alcohol use unless the person said no);
  ``co_occurring``; ``telehealth``; ``adolescent``.

Kept from version 1: mild withdrawal is managed with outpatient visits; passive self-harm
thoughts add ``co_occurring``, ``safety_plan`` and a Lifeline reason but do not raise the level
(only unstable psychiatric conditions or active suicide risk call for more than IOP).

Language: ``suggest(answers, language="es")`` writes every text (reasons, notes, flag and
crisis texts) in Spanish, from ``programs.triage_es``; ``FLAG_TEXTS``,
``WITHDRAWAL_CARE_TEXTS``, ``AREA_NAMES_BY_LANGUAGE`` and ``LEVEL_NAMES_BY_LANGUAGE`` hold
the texts by language. The language never changes the suggestion: levels, scores, flags,
``also_consider`` and ``withdrawal_care`` are the same.

Phone numbers: texts never type one. They name a line with a helpline token such as
``[[lifeline]]`` or ``[[dv.text]]`` (programs/helplines), which pages turn into a link
from the one table of helplines (the ``helplines`` template filter). Responses store the
texts as written, tokens included; those stored before the table hold the digits.

In a crisis, ``reasons``, ``notes`` and ``also_consider`` are empty; ``area_scores``,
``flags`` and ``withdrawal_care`` are still filled from the answers given. Crisis texts
come in three wordings: to the person, about someone else, and a neutral one when "who
is this for" was not answered.

Input: a mapping with the keys of ``CHOICES`` (all of them unless ``danger_now`` names a
danger). Single answers are str; the keys in ``MULTI_KEYS`` take a list or tuple of str.
Duplicates in a list are accepted and ignored. Anything else raises ``ValueError`` naming
the key or value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from programs.questionnaire.triage_es import (
    AREA_NAMES_ES,
    COMBINED_ES,
    CRISIS_ES,
    FLAG_TEXT_ES,
    JOIN_WORDS_ES,
    LEVEL_NAMES_ES,
    MEDICATION_OPIOIDS_ES,
    OFTEN_ES,
    RELAPSE_ES,
    SUBSTANCE_NAMES_ES,
    TEXT_ES,
    WHY_ES,
    WITHDRAWAL_CARE_TEXT_ES,
)

QUESTIONNAIRE_VERSION = "2026-12"
# Earlier versions whose stored responses are still shown and exported as they were made.
PREVIOUS_VERSIONS: tuple[str, ...] = ("2026-11",)
LANGUAGES: tuple[str, ...] = ("en", "es")

LEVELS: tuple[str, ...] = ("outpatient", "iop", "php", "residential", "inpatient")
LEVEL_RANK: dict[str, int] = {slug: rank for rank, slug in enumerate(LEVELS)}
LEVEL_NAMES: dict[str, str] = {
    "outpatient": "standard outpatient care",
    "iop": "an intensive outpatient program (IOP)",
    "php": "partial hospitalization (PHP)",
    "residential": "residential care",
    "inpatient": "hospital (inpatient) care",
}
LEVEL_NAMES_BY_LANGUAGE: dict[str, dict[str, str]] = {"en": LEVEL_NAMES, "es": LEVEL_NAMES_ES}

CHOICES: dict[str, tuple[str, ...]] = {
    "for_whom": ("self", "someone_else"),
    "age_group": ("adult", "adolescent"),
    "danger_now": ("suicide_plan", "overdose_signs", "withdrawal_emergency", "harm_others"),
    "substances": (
        "alcohol",
        "opioids",
        "benzodiazepines",
        "stimulants",
        "cannabis",
        "other",
        "not_sure",
    ),
    "frequency": ("less_than_monthly", "monthly", "weekly", "daily"),
    "withdrawal": ("none", "never_stopped", "mild", "moderate", "severe_history"),
    "medical": ("none", "stable", "unstable"),
    "pregnant": ("no", "yes", "not_applicable"),
    "mood": ("none", "some", "severe"),
    "self_harm_thoughts": ("no", "passive", "active"),
    "readiness": ("ready", "unsure", "not_ready"),
    "control": ("can_stop", "hard_some_days", "cannot_go_a_day"),
    "past_treatment": (
        "none",
        "stepping_down",
        "relapse_after_outpatient",
        "relapse_after_intensive",
        "relapse_after_residential",
    ),
    "home": ("supportive", "mixed", "unsafe"),
    "support": ("several", "one", "none"),
    "hours_available": ("under_9", "9_to_19", "20_plus"),
    "telehealth": ("yes", "no", "not_sure"),
    "medication_interest": ("yes", "already_taking", "no", "not_sure"),
}
MULTI_KEYS: tuple[str, ...] = ("danger_now", "substances")

AREA_NAMES: dict[int, str] = {
    1: "Intoxication and withdrawal",
    2: "Physical health",
    3: "Emotional and mental health",
    4: "Readiness to change",
    5: "Relapse and continued-use risk",
    6: "Recovery and living environment",
}
AREA_NAMES_BY_LANGUAGE: dict[str, dict[int, str]] = {"en": AREA_NAMES, "es": AREA_NAMES_ES}
LEVEL_AREAS: tuple[int, ...] = (1, 2, 3, 5, 6)  # area 4 (readiness) never sets the level
WITHDRAWAL_CARE: tuple[str, ...] = (
    "none",
    "ambulatory",
    "monitored",
    "residential",
    "medically_managed",
    "medication",
)
# What each kind of withdrawal care means, for the result page: never "outpatient visits"
# for moderate withdrawal, never "at home" for someone whose home is unsafe.
WITHDRAWAL_CARE_TEXT: dict[str, str] = {
    "none": "",
    "ambulatory": (
        "Withdrawal may be managed with outpatient visits, where a clinician checks how it "
        "is going."
    ),
    "monitored": (
        "Withdrawal care with monitoring most of the day, going home at night. A clinic "
        "checks symptoms and gives medicine during the day."
    ),
    "residential": (
        "Withdrawal care in a residential program, with staff around the clock, because home "
        "is not a safe place to go through withdrawal right now."
    ),
    "medically_managed": (
        "Withdrawal care with doctors and nurses watching closely, in a hospital or inpatient "
        "unit. Do not go through this withdrawal at home."
    ),
    "medication": (
        "In pregnancy, medicine (buprenorphine or methadone) is the recommended treatment for "
        "opioid use, rather than going through withdrawal."
    ),
}
WITHDRAWAL_CARE_TEXTS: dict[str, dict[str, str]] = {
    "en": WITHDRAWAL_CARE_TEXT,
    "es": WITHDRAWAL_CARE_TEXT_ES,
}

# Most urgent first: the result page lists flags in this order.
FLAGS: tuple[str, ...] = (
    "same_day_evaluation",
    "safety_resources",
    "see_doctor",
    "pregnancy_moud",
    "naloxone",
    "withdrawal_assessment",
    "do_not_stop_abruptly",
    "pregnancy",
    "safety_plan",
    "medication",
    "co_occurring",
    "telehealth",
    "adolescent",
)
_BENZODIAZEPINE_DEPENDENCE = (
    "Dependence on benzodiazepines can follow steady use for a few weeks, even as prescribed."
)
FLAG_TEXT: dict[str, str] = {
    "same_day_evaluation": (
        "Thoughts of suicide with mood this hard call for a mental health evaluation today. "
        "Call or text [[lifeline]] now: they can talk with you and help arrange an "
        "evaluation. If there is a plan or intent to act, call [[emergency]]."
    ),
    "safety_resources": (
        "Home is not safe right now. If someone is hurting or threatening you, the National "
        "Domestic Violence Hotline is free and open 24/7: call [[dv]] (TTY [[dv.tty]]) or "
        "text [[dv.code]] to [[dv.text]]. If a child is being hurt, call or text the "
        "Childhelp National Child Abuse Hotline at [[childhelp]], 24/7. These lines are not "
        "emergency services: in danger, call [[emergency]]. Reach out from a phone and at a "
        "time that "
        "are safe, and think about who can see your calls and messages."
    ),
    "see_doctor": (
        "A health problem that is not under control needs a doctor soon. See a doctor or go "
        "to urgent care in the next day or two. If it gets worse fast, call [[emergency]]."
    ),
    "pregnancy_moud": (
        "During pregnancy, medicine (buprenorphine or methadone) is the recommended treatment "
        "for opioid use. It is safer for the pregnancy than stopping through withdrawal "
        "(detox). Contact a prenatal or addiction clinician within the next few days. If "
        "withdrawal starts, go to an emergency room."
    ),
    "naloxone": (
        "Carry naloxone (Narcan), which reverses an opioid overdose. It is sold without a "
        "prescription. After any break from opioids, even a few days (detox, residential "
        "care, a hospital stay or jail), the body loses its tolerance, and an old dose can "
        "stop breathing. Don't use alone: someone nearby can give naloxone and call "
        "[[emergency]]."
    ),
    "withdrawal_assessment": (
        "Before stopping or cutting down, have a clinician check the risk of withdrawal. "
        "After regular use of alcohol or benzodiazepines, stopping can cause dangerous "
        "withdrawal, and medicine can make it safer. " + _BENZODIAZEPINE_DEPENDENCE
    ),
    "do_not_stop_abruptly": (
        "Stopping alcohol or benzodiazepines suddenly after regular use can cause dangerous "
        "withdrawal, including seizures. Get medical advice before stopping. "
        + _BENZODIAZEPINE_DEPENDENCE
    ),
    "pregnancy": (
        "During pregnancy, substance use care should be closely linked with prenatal care. "
        "Opioids should not be stopped suddenly without medical advice."
    ),
    "safety_plan": (
        "Thoughts of self-harm or suicide were mentioned. A safety plan, made with a "
        "clinician, helps in hard moments. The [[lifeline.name]] is open 24/7: call or text "
        "[[lifeline]]."
    ),
    "medication": (
        "Medicine for alcohol use (naltrexone, acamprosate or disulfiram) can help recovery. "
        "Ask each program if it offers this medicine or works with a prescriber."
    ),
    "co_occurring": (
        "Mental health concerns were mentioned. This is common. Stable mental health "
        "conditions are treated together with substance use, including in IOP. Ask each "
        "program how it provides mental health care."
    ),
    "telehealth": (
        "Online (virtual) care is an option to ask about. A large study found similar "
        "results for virtual, hybrid and in-person IOP."
    ),
    "adolescent": (
        "Teen programs are different from adult programs. Teen IOP is usually 6 or more "
        "hours a week, and families take part in care."
    ),
}
# The medication flag's text when opioids are used: it names the three medicines.
MEDICATION_OPIOIDS: str = (
    "Medicine is the most effective treatment for opioid use: buprenorphine, methadone or "
    "naltrexone. Methadone is given only through opioid treatment programs. Medicine can "
    "start quickly, often faster than a place in a program opens up. Ask each program if it "
    "offers medicine or works with a prescriber, and if it keeps people on it."
)
MEDICATION_OPIOIDS_BY_LANGUAGE: dict[str, str] = {
    "en": MEDICATION_OPIOIDS,
    "es": MEDICATION_OPIOIDS_ES,
}
FLAG_TEXTS: dict[str, dict[str, str]] = {"en": FLAG_TEXT, "es": FLAG_TEXT_ES}


@dataclass(frozen=True)
class Reason:
    """One plain-language reason, tied to one of the six areas (1-6)."""

    area: int
    text: str


@dataclass(frozen=True)
class CrisisReason:
    """What to do right now for one ``danger_now`` answer; ``call`` is the helpline token to
    call (``EMERGENCY`` or ``LIFELINE``; responses stored before the table hold digits)."""

    danger: str
    call: str
    text: str


@dataclass(frozen=True)
class Suggestion:
    """A level of care to discuss with a clinician (or, in a crisis, what to do now).

    ``area_scores`` is ``((1, score), ..., (6, score))``, leaving out any area whose answers
    a crisis response did not give; ``flags`` follow ``FLAGS`` order and ``flag_texts``
    pairs each with its text; ``reasons`` are sorted by area. Everything is immutable and
    hashable.
    """

    crisis: bool
    crisis_reasons: tuple[CrisisReason, ...]
    level: str | None
    also_consider: tuple[str, ...]
    withdrawal_care: str
    area_scores: tuple[tuple[int, int], ...]
    reasons: tuple[Reason, ...]
    flags: tuple[str, ...]
    notes: tuple[str, ...]
    flag_texts: tuple[tuple[str, str], ...] = ()
    questionnaire_version: str = QUESTIONNAIRE_VERSION

    def area_score(self, area: int) -> int:
        """The 0-4 score of one area (1-6)."""
        return dict(self.area_scores)[area]

    @property
    def driving_areas(self) -> tuple[int, ...]:
        """The areas whose score set the level (empty in a crisis)."""
        if self.level is None:
            return ()
        rank = LEVEL_RANK[self.level]
        return tuple(a for a, s in self.area_scores if a in LEVEL_AREAS and s == rank)


def validate_answers(answers: object) -> dict[str, str | tuple[str, ...]]:
    """Check the answers and return them cleaned (lists as tuples in CHOICES order).

    Every key is needed, except when ``danger_now`` names a danger: then only the answers
    given are checked and returned.
    """
    if not isinstance(answers, Mapping):
        raise ValueError(f"answers must be a mapping, not {type(answers).__name__}")
    unknown = [k for k in answers if not isinstance(k, str) or k not in CHOICES]
    if unknown:
        shown = ", ".join(
            sorted(repr(k) if isinstance(k, str) else type(k).__name__ for k in unknown)
        )
        raise ValueError(f"Unknown answer key(s): {shown}")
    clean: dict[str, str | tuple[str, ...]] = {}
    for key in CHOICES:
        if key in answers:
            clean[key] = _clean_answer(key, answers[key])
    missing = [k for k in CHOICES if k not in clean]
    if missing and not clean.get("danger_now"):
        raise ValueError(f"Missing answer(s): {', '.join(repr(k) for k in missing)}")
    return clean


def _clean_answer(key: str, value: object) -> str | tuple[str, ...]:
    allowed = CHOICES[key]
    if key not in MULTI_KEYS:
        if not isinstance(value, str):
            raise ValueError(f"Answer {key!r} must be a string, not {type(value).__name__}")
        if value not in allowed:
            raise ValueError(f"Answer {key!r} has unknown value {str(value)!r}")
        return allowed[allowed.index(value)]
    if not isinstance(value, list | tuple):
        raise ValueError(f"Answer {key!r} must be a list of strings, not {type(value).__name__}")
    for item in value:
        if not isinstance(item, str):
            raise ValueError(f"Answer {key!r} must hold strings, not {type(item).__name__}")
        if item not in allowed:
            raise ValueError(f"Answer {key!r} has unknown value {str(item)!r}")
    items = tuple(v for v in allowed if v in value)
    if key == "substances" and not items:
        raise ValueError("Answer 'substances' must name at least one (or 'not_sure')")
    return items


def suggest(answers: Mapping[str, object], language: str = "en") -> Suggestion:
    """Suggest a level of care to discuss with a clinician. Raises ValueError on bad input.

    ``language`` ("en" or "es") is the language of every text in the result; it never
    changes the suggestion itself.
    """
    if not isinstance(language, str) or language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
    return _Assessment(validate_answers(answers), language).result()


def _join(words: list[str], last: str = "and") -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


# Plain-language texts. {You}/{you} -> You/They, {your} -> your/their, {them} -> you/them,
# {yourself} -> yourself/themselves, so one text serves both "self" and "someone_else".
# "Your answers" stays as it is: the answers belong to whoever answered, even for someone else.
_TEXT = {
    "severe_sedative": "{You} have had seizures, hallucinations or DTs when stopping, and {you} "
    "use {sedatives} {often}. Your answers suggest hospital care, where doctors manage "
    "withdrawal safely.",
    "severe_other": "{You} have had seizures, hallucinations or DTs when stopping. Your "
    "answers suggest 24-hour care where withdrawal is medically managed.",
    "moderate": "{Your} withdrawal has been moderate. Your answers suggest withdrawal care "
    "with monitoring most of the day while {you} go home at night, and at least an IOP.",
    "moderate_unsafe": "{Your} withdrawal has been moderate, and {your} home is not a safe "
    "place to go through it. Withdrawal care is then usually given in a residential program.",
    "moderate_pregnant_opioids": "{Your} withdrawal has been moderate. In pregnancy, medicine "
    "(buprenorphine or methadone) is recommended rather than going through opioid "
    "withdrawal. Your answers suggest at least an IOP, with medicine and prenatal care.",
    "mild_pregnant_opioids": "{Your} withdrawal has been mild. In pregnancy, medicine "
    "(buprenorphine or methadone) is recommended rather than going through opioid withdrawal.",
    "severe_pregnant_opioids": "{You} have had seizures, hallucinations or DTs when stopping. "
    "In pregnancy, withdrawal is not the plan for opioid use: your answers suggest 24-hour "
    "care, where medicine (buprenorphine or methadone) can be started safely.",
    "never_stopped": "{You} have never stopped or cut down, and {you} use {sedatives} {often}. "
    "Before stopping, a clinician should check the risk of withdrawal.",
    "sedatives_together": "{You} use both alcohol and benzodiazepines, and {your} withdrawal "
    "has been moderate or worse. Withdrawal from the two together can be dangerous. Your "
    "answers suggest withdrawal care with doctors and nurses, and at least residential care.",
    "mild": "{Your} withdrawal has been mild. It can usually be checked at outpatient visits.",
    "no_sudden_stop": "{You} should not stop {sedatives} suddenly without medical advice. After "
    "regular use, withdrawal seizures can be life-threatening.",
    "mixing": "Using opioids with {sedatives} raises {your} risk of overdose. Keep naloxone "
    "(Narcan) nearby.",
    "unstable_severe": "{You} have a health problem that is not stable, and {you} have had "
    "severe withdrawal before. Your answers suggest hospital care.",
    "unstable": "{You} have a health problem that is not stable right now. IOP and day "
    "programs cannot treat that. Your answers suggest residential care with nursing.",
    "stable": "{You} have a stable health condition. Tell each program so care can fit around it.",
    "pregnant": "{You} are pregnant. Your answers suggest at least an IOP, closely linked "
    "with {your} prenatal care.",
    "pregnant_opioids": "Because {you} use opioids while pregnant, medicine (buprenorphine or "
    "methadone) is the recommended treatment, rather than stopping through withdrawal. Talk "
    "with a prenatal or addiction clinician within days, for {your} safety and the baby's.",
    "pregnant_withdrawal": "{You} are pregnant, and {your} withdrawal from {sedatives} has "
    "been moderate or worse. In pregnancy this withdrawal is safest in a hospital or "
    "inpatient unit, never at home. Your answers suggest at least residential care.",
    "mood_severe": "At times {your} mood stops {them} from caring for {yourself} or staying "
    "safe. Your answers suggest at least PHP, which has more mental health care on hand.",
    "mood_some": "{You} have some mood or mental health concerns. That is common, and stable "
    "conditions are treated together with substance use, including in IOP.",
    "harm_active": "{You} have had thoughts of suicide in the past month. Your "
    "answers suggest at least PHP and a safety plan. {You} can call or text [[lifeline]] any "
    "time.",
    "harm_passive": "{You} have had some thoughts of self-harm or of not wanting to live. A "
    "clinician can help {them} make a safety plan. {You} can call or text [[lifeline]] any "
    "time.",
    "ready": "{You} feel ready to make a change. That is a strong start.",
    "unsure": "{You} feel unsure about change. That is common, and a clinician can talk it "
    "through with {them}. It does not change the level to discuss.",
    "not_ready": "{You} do not feel ready to change yet. Many people start there. It does not "
    "change the level to discuss, and a clinician can go at {your} pace.",
    "hard_some_days": "Some days it is hard for {them} not to use. Your answers suggest at "
    "least an IOP, for support several days a week.",
    "cannot_go_a_day": "It is very hard for {them} to go a day without using. Your answers "
    "suggest at least PHP, with care most of the day.",
    "stepping_down": "{You} are finishing, or just finished, a more intensive program. Your "
    "answers suggest stepping down to an IOP, to keep support as {you} go back to daily life.",
    "relapse": "{You} started using again after {after}. That is common and is not a failure. "
    "Your answers suggest {level}.",
    "home_unsafe": "{Your} home is not a safe place for recovery right now. Your answers "
    "suggest residential care, where {you} live at the program during treatment.",
    "home_mixed": "{Your} home is only partly supportive of recovery. Your answers suggest "
    "at least an IOP, for more support during the week.",
    "no_support": "No one around {them} supports {your} recovery right now. Your answers "
    "suggest at least an IOP, where group and peer support are part of care.",
    "combined": "{You} have several serious concerns at once: {listed}. Together, your "
    "answers suggest residential care, with support around the clock.",
    "outpatient": "Your answers suggest standard outpatient care may be enough to start: "
    "{you} can stop when {you} choose, {your} home is supportive, and the answers do not "
    "mention severe withdrawal, an unstable health problem or a mental health crisis.",
    "note_also": "Also worth discussing: {level}, {why}.",
    "note_step_down": "Also worth discussing: standard outpatient care, as the next step after "
    "IOP, or if a clinician finds that less support is enough.",
    # Practical notes. The "_hours" ones come when the hours available are fewer than the
    # level usually takes; the "teen_" ones fit a teenager (school, family sessions).
    "note_iop_hours": "The hours available are fewer than an IOP usually takes: 9 or more "
    "hours a week, often about 3 hours a day, 3 to 5 days a week. Ask about evening tracks. "
    "It may help to ask about leave from work, or to plan childcare.",
    "note_teen_iop_hours": "Teen IOPs usually start at 6 hours a week, which may be more than "
    "the hours available. Ask about after-school tracks, and how family sessions fit in.",
    "note_iop_fits": "The hours available fit a typical IOP schedule.",
    "note_php_hours": "The hours available are fewer than a day program (PHP) usually takes: "
    "most of the day, about 5 days a week (20 or more hours). Ask about medical leave from "
    "work, and help with childcare.",
    "note_teen_php_hours": "A day program (PHP) for teens usually runs most of the school "
    "day, about 5 days a week, more than the hours available. Ask whether the program "
    "includes school classes, how it works with the school, and how family sessions fit in.",
    "note_live_in": "This level means staying at the program or hospital, day and night, for "
    "a time. Plan time away from work or school, and ask how family can stay involved.",
    "note_teen_live_in": "This level means staying at the program or hospital, day and "
    "night, for a time. Ask how school work continues there, and how family can take part, "
    "for example in family sessions.",
    "note_virtual_maybe": "Online sessions can help when travel is hard. A large study found "
    "virtual IOP worked about as well as in-person IOP.",
    "note_virtual_later": "Care at this level is mostly in person. Online options may help "
    "later, when stepping down.",
    "note_keep_medicine": "{You} should keep taking {your} medicine as prescribed and tell "
    "each program about it.",
}
_PRONOUNS = ("you", "You", "your", "Your", "them", "yourself")
_WORDS = {  # keyed by for_whom == "self"
    True: dict(zip(_PRONOUNS, ("you", "You", "your", "Your", "you", "yourself"), strict=True)),
    False: dict(
        zip(_PRONOUNS, ("they", "They", "their", "Their", "them", "themselves"), strict=True)
    ),
}

# Crisis texts name the line to call by its helpline token (programs/helplines): pages show
# them with the `helplines` filter, as links from the one table.
EMERGENCY = "[[emergency]]"
LIFELINE = "[[lifeline]]"

# danger -> (number to call, text for "self", for "someone_else", and for an unknown reader)
_CRISIS = {
    "suicide_plan": (
        LIFELINE,
        "Please call or text [[lifeline]] now, or chat at [[lifeline.chat]]. It is free and "
        "open 24/7. If you are in immediate danger, call [[emergency]]. Veterans: dial "
        "[[veterans]].",
        "Call or text [[lifeline]] now, or chat at [[lifeline.chat]]. It is free and open "
        "24/7. If they are in immediate danger, call [[emergency]]. Stay with them if it is "
        "safe to do so.",
        "Call or text [[lifeline]] now, or chat at [[lifeline.chat]]. It is free and open "
        "24/7. If anyone is in immediate danger, call [[emergency]]. If you are with the "
        "person, stay with them "
        "if it is safe to do so.",
    ),
    "overdose_signs": (
        EMERGENCY,
        "Call [[emergency]] now, or ask someone near you to call. If naloxone (Narcan) is there, "
        "have someone give it to you. Do not stay alone.",
        "Call [[emergency]] now. Give naloxone (Narcan) if you have it. Stay with them until help "
        "comes. Signs include not waking up, slow or stopped breathing, and blue or gray lips.",
        "Call [[emergency]] now. Give naloxone (Narcan) if you have it. Stay with the person "
        "until help comes, and do not leave anyone alone who may be overdosing.",
    ),
    "withdrawal_emergency": (
        EMERGENCY,
        "Seizures, confusion, hallucinations or severe shaking during withdrawal are an "
        "emergency. Call [[emergency]] now, or ask someone near you to call.",
        "Seizures, confusion, hallucinations or severe shaking during withdrawal are an "
        "emergency. Call [[emergency]] now and stay with them until help comes.",
        "Seizures, confusion, hallucinations or severe shaking during withdrawal are an "
        "emergency. Call [[emergency]] now, and stay with the person until help comes.",
    ),
    "harm_others": (
        EMERGENCY,
        "If someone could be seriously hurt, call [[emergency]] now. Move away from anything you "
        "could use to hurt someone, and from the person if you can.",
        "If someone could be seriously hurt, call [[emergency]] now. Keep yourself and others "
        "away from danger until help comes.",
        "If someone could be seriously hurt, call [[emergency]] now. Keep everyone away from "
        "danger until help comes.",
    ),
}
_RELAPSE = {  # past_treatment -> (area 5 score, after what, level text)
    "relapse_after_outpatient": (1, "outpatient care", "a step up to at least an IOP"),
    "relapse_after_intensive": (2, "IOP or a day program", "at least PHP"),
    "relapse_after_residential": (3, "residential care", "residential care again"),
}

# The fragments the code puts into texts, by language. English ones may hold pronoun
# placeholders; Spanish ones come by for_whom where they differ (see programs.triage_es).
_CRISIS_BY_LANGUAGE = {"en": _CRISIS, "es": CRISIS_ES}
_JOIN_WORDS = {"en": {"and": "and", "or": "or"}, "es": JOIN_WORDS_ES}
_SUBSTANCE_NAMES = {
    "en": {"alcohol": "alcohol", "benzodiazepines": "benzodiazepines"},
    "es": SUBSTANCE_NAMES_ES,
}
_OFTEN = {"en": {"daily": "every day", "weekly": "every week"}, "es": OFTEN_ES}
_COMBINED = {  # the serious concerns listed in the "combined" text
    "unstable": "a health problem that is not stable",
    "mood": "mood that stops {them} caring for {yourself}",
    "cannot_go_a_day": "not being able to go a day without using",
    "relapse_after_residential": "using after residential care",
    "suicidal_thoughts": "thoughts of suicide",
}
_WHY = {  # why a neighbouring level is also worth discussing
    "en": {
        "several": "because more than one area points to this level",
        "self_harm": "because of the thoughts of self-harm mentioned",
        "daily_or_mood": "because of the daily use or mood concerns mentioned",
        "monitored_withdrawal": "because withdrawal care with all-day monitoring may help",
        "day_program": "because a day program means going home each night",
        "risks": "because of the withdrawal or health risks mentioned",
        "hours_fit": "{mild}, and the hours available fit it",
    },
    "es": WHY_ES,
}


# The answers each step reads. In a crisis with answers missing, a step runs only when
# all its answers are there, and an area is scored only when its step ran.
_AREA_INPUTS: dict[int, tuple[str, ...]] = {
    1: ("substances", "frequency", "withdrawal"),
    2: ("substances", "withdrawal", "medical", "pregnant"),
    3: ("mood", "self_harm_thoughts"),
    4: ("readiness",),
    5: ("control", "past_treatment"),
    6: ("home", "support"),
}
_COMBINED_INPUTS: tuple[str, ...] = (
    "medical",
    "mood",
    "self_harm_thoughts",
    "control",
    "past_treatment",
)


class _Assessment:
    def __init__(self, answers: dict[str, str | tuple[str, ...]], language: str) -> None:
        self.a = answers
        self.language = language
        # Unknown only in a crisis answered in a hurry: crisis texts then use neutral words.
        self.whom = str(answers.get("for_whom", ""))
        self.words = _WORDS[self.whom == "self"]
        self.scores: dict[int, int] = {}
        self.reasons: list[Reason] = []
        self.flags: set[str] = set()
        self.notes: list[str] = []
        self.withdrawal_care = "none"
        substances = answers.get("substances", ())
        self.sedatives = [s for s in ("alcohol", "benzodiazepines") if s in substances]
        self.opioids = "opioids" in substances

    def has(self, keys: tuple[str, ...]) -> bool:
        return all(key in self.a for key in keys)

    def text(self, key: str, **extra: str) -> str:
        if self.language == "es":
            return TEXT_ES[key][self.whom or "someone_else"].format(**extra)
        return _TEXT[key].format(**self.words, **extra)

    def join(self, words: list[str], last: str = "and") -> str:
        return _join(words, _JOIN_WORDS[self.language][last])

    def say(self, area: int, key: str, **extra: str) -> None:
        self.reasons.append(Reason(area, self.text(key, **extra)))

    def bump(self, area: int, score: int, key: str, **extra: str) -> None:
        self.scores[area] = max(self.scores[area], score)
        self.say(area, key, **extra)

    def note(self, key: str, **extra: str) -> None:
        self.notes.append(self.text(key, **extra))

    def result(self) -> Suggestion:
        a = self.a
        steps = {
            1: self._withdrawal,
            2: self._physical,
            3: self._mind,
            4: self._readiness,
            5: self._relapse,
            6: self._environment,
        }
        for area, step in steps.items():
            if self.has(_AREA_INPUTS[area]):
                self.scores[area] = 0
                step()
        if self.has(_COMBINED_INPUTS):
            self._combined()
        self._substance_flags()
        if a.get("age_group") == "adolescent":
            self.flags.add("adolescent")
        danger = a.get("danger_now", ())
        if "suicide_plan" in danger:
            self.flags.add("safety_plan")
        scores = tuple(sorted(self.scores.items()))
        if danger:
            who = {"self": 1, "someone_else": 2}.get(self.whom, 3)
            texts = _CRISIS_BY_LANGUAGE[self.language]
            crisis = tuple(
                CrisisReason(d, _CRISIS[d][0], texts[d][who])
                for d in sorted(danger, key=lambda d: _CRISIS[d][0] != EMERGENCY)
            )
            return Suggestion(
                crisis=True,
                crisis_reasons=crisis,
                level=None,
                also_consider=(),
                withdrawal_care=self.withdrawal_care,
                area_scores=scores,
                reasons=(),
                flags=self.ordered_flags(),
                notes=(),
                flag_texts=self.flag_texts(),
            )
        level = LEVELS[max(self.scores[area] for area in LEVEL_AREAS)]
        if level == "outpatient":
            self.say(5, "outpatient")
        also = self._also_consider(level)
        self._practical_notes(level)
        return Suggestion(
            crisis=False,
            crisis_reasons=(),
            level=level,
            also_consider=also,
            withdrawal_care=self.withdrawal_care,
            area_scores=scores,
            reasons=tuple(sorted(self.reasons, key=lambda r: r.area)),
            flags=self.ordered_flags(),
            notes=tuple(self.notes),
            flag_texts=self.flag_texts(),
        )

    def ordered_flags(self) -> tuple[str, ...]:
        return tuple(f for f in FLAGS if f in self.flags)

    def flag_texts(self) -> tuple[tuple[str, str], ...]:
        texts = FLAG_TEXTS[self.language]
        chosen = []
        for flag in self.ordered_flags():
            text = texts[flag]
            if flag == "medication" and self.opioids:
                text = MEDICATION_OPIOIDS_BY_LANGUAGE[self.language]
            chosen.append((flag, text))
        return tuple(chosen)

    def _withdrawal(self) -> None:
        a, w = self.a, self.a["withdrawal"]
        names = _SUBSTANCE_NAMES[self.language]
        sedatives = self.join([names[s] for s in self.sedatives], "or") if self.sedatives else ""
        often_use = a["frequency"] in ("daily", "weekly")
        heavy = w in ("moderate", "severe_history")
        # Opioids in pregnancy are treated with medicine, not withdrawal (ACOG/ASAM).
        pregnant_opioids = a.get("pregnant") == "yes" and self.opioids and not self.sedatives
        if w == "severe_history":
            self.withdrawal_care = "medically_managed"
            if self.sedatives and often_use:
                often = _OFTEN[self.language][str(a["frequency"])]
                self.bump(1, 4, "severe_sedative", sedatives=sedatives, often=often)
            elif pregnant_opioids:
                self.bump(1, 3, "severe_pregnant_opioids")
            else:
                self.bump(1, 3, "severe_other")
        elif w == "moderate":
            if a.get("home") == "unsafe":
                self.withdrawal_care = "residential"
                self.bump(1, 1, "moderate_unsafe")
            else:
                self.withdrawal_care = "monitored"
                self.bump(1, 1, "moderate_pregnant_opioids" if pregnant_opioids else "moderate")
        elif w == "mild":
            self.withdrawal_care = "ambulatory"
            self.say(1, "mild_pregnant_opioids" if pregnant_opioids else "mild")
        elif w == "never_stopped" and self.sedatives and often_use:
            self.withdrawal_care = "ambulatory"
            self.flags.update(("do_not_stop_abruptly", "withdrawal_assessment"))
            often = _OFTEN[self.language][str(a["frequency"])]
            self.say(1, "never_stopped", sedatives=sedatives, often=often)
        # Alcohol and benzodiazepines add to each other's withdrawal.
        if heavy and len(self.sedatives) == 2:
            self.withdrawal_care = "medically_managed"
            self.bump(1, 3, "sedatives_together")
        if self.sedatives and (a["frequency"] == "daily" or heavy):
            self.flags.add("do_not_stop_abruptly")
            self.say(1, "no_sudden_stop", sedatives=sedatives)
        if self.opioids and self.sedatives:
            self.say(1, "mixing", sedatives=sedatives)
        if pregnant_opioids and w != "none":
            self.withdrawal_care = "medication"

    def _physical(self) -> None:
        a = self.a
        if a["medical"] == "unstable":
            self.flags.add("see_doctor")
            if a["withdrawal"] == "severe_history":
                self.bump(2, 4, "unstable_severe")
            else:
                self.bump(2, 3, "unstable")
        elif a["medical"] == "stable":
            self.say(2, "stable")
        if a["pregnant"] == "yes":
            self.flags.add("pregnancy")
            self.bump(2, 1, "pregnant")
            if self.sedatives and a["withdrawal"] in ("moderate", "severe_history"):
                # Alcohol withdrawal in pregnancy belongs in hospital (ASAM 2020); the same
                # care is given for benzodiazepines, by analogy.
                names = _SUBSTANCE_NAMES[self.language]
                sedatives = self.join([names[s] for s in self.sedatives], "or")
                self.bump(2, 3, "pregnant_withdrawal", sedatives=sedatives)
                self.withdrawal_care = "medically_managed"
            if self.opioids:
                self.flags.add("pregnancy_moud")
                self.say(2, "pregnant_opioids")

    def _mind(self) -> None:
        mood, thoughts = self.a["mood"], self.a["self_harm_thoughts"]
        if mood != "none" or thoughts != "no":
            self.flags.add("co_occurring")
        if mood == "severe":
            self.bump(3, 2, "mood_severe")
        elif mood == "some":
            self.say(3, "mood_some")
        if thoughts != "no":
            self.flags.add("safety_plan")
        if thoughts == "active":
            self.bump(3, 2, "harm_active")
            if mood == "severe":
                self.flags.add("same_day_evaluation")
        elif thoughts == "passive":
            self.say(3, "harm_passive")

    def _readiness(self) -> None:
        readiness = str(self.a["readiness"])
        self.bump(4, CHOICES["readiness"].index(readiness), readiness)

    def _relapse(self) -> None:
        control, past = str(self.a["control"]), str(self.a["past_treatment"])
        if control != "can_stop":
            self.bump(5, CHOICES["control"].index(control), control)
        if past == "stepping_down":
            self.bump(5, 1, "stepping_down")
        elif past in _RELAPSE:
            score, after, level = _RELAPSE[past]
            if self.language == "es":
                after, level = RELAPSE_ES[past]
            self.bump(5, score, "relapse", after=after, level=level)

    def _environment(self) -> None:
        a = self.a
        if a["home"] == "unsafe":
            self.flags.add("safety_resources")
            self.bump(6, 3, "home_unsafe")
        elif a["home"] == "mixed":
            self.bump(6, 1, "home_mixed")
        if a["support"] == "none":
            self.bump(6, 1, "no_support")

    def _combined(self) -> None:
        a = self.a
        top = [
            (2, a["medical"] == "unstable", "unstable"),
            (3, a["mood"] == "severe", "mood"),
            (3, a["self_harm_thoughts"] == "active", "suicidal_thoughts"),
            (5, a["control"] == "cannot_go_a_day", "cannot_go_a_day"),
            (5, a["past_treatment"] == "relapse_after_residential", "relapse_after_residential"),
        ]
        found = [(area, key) for area, hit, key in top if hit]
        if len(found) < 2:
            return
        for area, _ in found:
            if area in self.scores:  # a crisis may have left the area unanswered
                self.scores[area] = max(self.scores[area], 3)
        if self.language == "es":
            listed = [COMBINED_ES[key][self.whom or "someone_else"] for _, key in found]
        else:
            listed = [_COMBINED[key].format(**self.words) for _, key in found]
        self.say(found[0][0], "combined", listed=self.join(listed))

    def _substance_flags(self) -> None:
        """Naloxone and medication, from the substances alone (also in a crisis)."""
        if self.opioids:
            self.flags.update(("naloxone", "medication"))
        elif "alcohol" in self.sedatives and self.a.get("medication_interest") not in (None, "no"):
            self.flags.add("medication")

    def _also_consider(self, level: str) -> tuple[str, ...]:
        a, rank = self.a, LEVEL_RANK[level]
        several = (
            level in ("iop", "php") and sum(self.scores[area] == rank for area in LEVEL_AREAS) >= 2
        )
        # strong and mild hold keys of _WHY (the reason a neighbouring level is listed).
        strong = "several" if several else ""
        mild, room = "", False
        if level in ("outpatient", "iop") and a["self_harm_thoughts"] == "passive":
            strong = "self_harm"
        if level == "outpatient":
            if a["frequency"] == "daily" or a["mood"] == "some":
                mild = "daily_or_mood"
            room = a["hours_available"] != "under_9" or a["age_group"] == "adolescent"
        elif level == "iop":
            if a["withdrawal"] == "moderate" and not strong:
                strong = "monitored_withdrawal"
            if a["mood"] == "some" or a["frequency"] == "daily":
                mild = "daily_or_mood"
            room = a["hours_available"] == "20_plus"
        elif level == "php" and (a["home"] == "mixed" or a["support"] == "none"):
            strong = "day_program"
        elif level == "residential" and (
            a["withdrawal"] == "severe_history" or a["medical"] == "unstable"
        ):
            strong = "risks"
        also: list[str] = []
        others_clear = all(self.scores[area] == 0 for area in LEVEL_AREAS if area != 5)
        stepping = a["past_treatment"] == "stepping_down" and a["control"] == "can_stop"
        if level == "iop" and stepping and others_clear:
            also.append("outpatient")
            self.note("note_step_down")
        if strong or (mild and room):
            whys = _WHY[self.language]
            why = whys[strong] if strong else whys["hours_fit"].format(mild=whys[mild])
            also.append(LEVELS[rank + 1])
            names = LEVEL_NAMES_BY_LANGUAGE[self.language]
            self.note("note_also", level=names[LEVELS[rank + 1]], why=why)
        return tuple(also)

    def _practical_notes(self, level: str) -> None:
        a = self.a
        hours, tele = a["hours_available"], a["telehealth"]
        teen = a["age_group"] == "adolescent"
        if level == "iop":
            fits = hours != "under_9"
            self.note(
                "note_iop_fits" if fits else "note_teen_iop_hours" if teen else "note_iop_hours"
            )
        elif level == "php" and hours != "20_plus":
            self.note("note_teen_php_hours" if teen else "note_php_hours")
        elif level in ("residential", "inpatient"):
            self.note("note_teen_live_in" if teen else "note_live_in")
        # The telehealth, medication and adolescent flags carry their own explanation
        # (FLAG_TEXT), so no note repeats it.
        if level in ("outpatient", "iop") and tele == "yes":
            self.flags.add("telehealth")
        elif level in ("outpatient", "iop") and tele == "not_sure":
            self.note("note_virtual_maybe")
        elif level not in ("outpatient", "iop") and tele == "yes":
            self.note("note_virtual_later")
        if "medication" in self.flags and a["medication_interest"] == "already_taking":
            self.note("note_keep_medicine")
