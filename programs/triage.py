"""Suggest a level of care to discuss with a clinician, from the questionnaire's answers.

Pure Python, no Django. The site informs and never diagnoses: a result is "a level of care
to discuss with a clinician". This questionnaire is not an ASAM assessment and is not
affiliated with ASAM; it paraphrases public facts about the continuum of care.

How it works:

* Any ``danger_now`` answer is a crisis: ``level`` is None, ``crisis_reasons`` say what to do
  now (911 for overdose signs, a withdrawal emergency or harm to others; call or text 988
  for a suicide plan; give naloxone for an overdose), 911 ones first. All other answers are
  still validated.
* Each of the six areas gets a score from 0 to 4. A score is the index in ``LEVELS`` of the
  least intensive level that can safely meet that area's risk on its own (0 = standard
  outpatient, 1 = IOP, 2 = PHP, 3 = residential, 4 = hospital). The level follows the
  highest-need area, never an average: ``LEVELS[max(score of areas 1, 2, 3, 5, 6)]``.
  Area 4 (readiness: ready 0, unsure 1, not ready 2) is shown but never raises the level.
* Rules: severe withdrawal history with daily or weekly alcohol or benzodiazepine use ->
  hospital with medically managed withdrawal; any other severe history -> residential with
  medically managed withdrawal; moderate withdrawal -> IOP with ambulatory withdrawal care.
  Unstable medical problem -> residential (hospital with severe withdrawal history).
  Pregnancy -> IOP. Severe mood or active self-harm thoughts -> PHP. Cannot go a day, or
  relapse after IOP/PHP -> PHP; relapse after residential -> residential. Hard some days,
  relapse after outpatient, stepping down, a mixed home or no support -> IOP. Unsafe home
  -> residential. Two or more of (unstable medical, severe mood, cannot go a day, relapse
  after residential) -> residential, and every area involved is raised to 3.
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

Refinements, with their reasons (facts from the site's clinical content brief):

* Mild withdrawal gets ``withdrawal_care="ambulatory"``: mild withdrawal is managed with
  outpatient visits.
* ``do_not_stop_abruptly`` is also set for alcohol or benzodiazepine use with moderate or
  severe withdrawal history, not only daily use: withdrawal itself shows the body depends
  on the drug, and withdrawal seizures can be life-threatening (FDA 2020).
* Passive self-harm thoughts add ``co_occurring``, ``safety_plan`` and a 988 reason but do
  not raise the level: only unstable psychiatric conditions or active suicide risk call for
  more than IOP, and 988 is open 24/7 for anyone. A suicide plan (crisis) also sets
  ``safety_plan``.
* Moderate withdrawal with an unsafe home adds a reason: with no safe place to withdraw,
  withdrawal care is usually residential.

Language: ``suggest(answers, language="es")`` writes every text (reasons, notes, crisis
texts) in Spanish, from ``programs.triage_es``; ``FLAG_TEXTS``, ``AREA_NAMES_BY_LANGUAGE``
and ``LEVEL_NAMES_BY_LANGUAGE`` hold the other texts by language. The language never changes
the suggestion: levels, scores, flags, ``also_consider`` and ``withdrawal_care`` are the same.

In a crisis, ``reasons``, ``notes`` and ``also_consider`` are empty; ``area_scores``,
``flags`` and ``withdrawal_care`` are still filled from the answers for the clinician.

Input: a mapping with exactly the keys of ``CHOICES``. Single answers are str; the keys in
``MULTI_KEYS`` take a list or tuple of str. Duplicates in a list are accepted and ignored.
Anything else raises ``ValueError`` naming the key or value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .triage_es import (
    AREA_NAMES_ES,
    COMBINED_ES,
    CRISIS_ES,
    FLAG_TEXT_ES,
    JOIN_WORDS_ES,
    LEVEL_NAMES_ES,
    OFTEN_ES,
    RELAPSE_ES,
    SUBSTANCE_NAMES_ES,
    TEXT_ES,
    WHY_ES,
)

QUESTIONNAIRE_VERSION = "2026-11"
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
    "withdrawal": ("none", "mild", "moderate", "severe_history"),
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
WITHDRAWAL_CARE: tuple[str, ...] = ("none", "ambulatory", "medically_managed")

FLAGS: tuple[str, ...] = (
    "co_occurring",
    "medication",
    "telehealth",
    "adolescent",
    "pregnancy",
    "safety_plan",
    "do_not_stop_abruptly",
)
FLAG_TEXT: dict[str, str] = {
    "co_occurring": (
        "Mental health concerns were mentioned. This is common. Stable mental health "
        "conditions are treated together with substance use, including in IOP. Ask each "
        "program how it provides mental health care."
    ),
    "medication": (
        "Medicine for opioid or alcohol use can help recovery. Ask each program if it "
        "offers this medicine or works with a prescriber."
    ),
    "telehealth": (
        "Online (virtual) care is an option to ask about. A large study found similar "
        "results for virtual, hybrid and in-person IOP."
    ),
    "adolescent": (
        "Teen programs are different from adult programs. Teen IOP is usually 6 or more "
        "hours a week, and families take part in care."
    ),
    "pregnancy": (
        "During pregnancy, substance use care should be closely linked with prenatal care. "
        "Opioids should not be stopped suddenly without medical advice."
    ),
    "safety_plan": (
        "Thoughts of self-harm were mentioned. A safety plan, made with a clinician, helps in "
        "hard moments. The 988 Suicide & Crisis Lifeline is open 24/7: call or text 988."
    ),
    "do_not_stop_abruptly": (
        "Stopping alcohol or benzodiazepines suddenly after regular heavy use can cause "
        "dangerous withdrawal, including seizures. Get medical advice before stopping."
    ),
}
FLAG_TEXTS: dict[str, dict[str, str]] = {"en": FLAG_TEXT, "es": FLAG_TEXT_ES}


@dataclass(frozen=True)
class Reason:
    """One plain-language reason, tied to one of the six areas (1-6)."""

    area: int
    text: str


@dataclass(frozen=True)
class CrisisReason:
    """What to do right now for one ``danger_now`` answer; ``call`` is "911" or "988"."""

    danger: str
    call: str
    text: str


@dataclass(frozen=True)
class Suggestion:
    """A level of care to discuss with a clinician (or, in a crisis, what to do now).

    ``area_scores`` is ``((1, score), ..., (6, score))``; ``flags`` follow ``FLAGS`` order;
    ``reasons`` are sorted by area. Everything is immutable and hashable.
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
    """Check the answers and return them cleaned (lists as tuples in CHOICES order)."""
    if not isinstance(answers, Mapping):
        raise ValueError(f"answers must be a mapping, not {type(answers).__name__}")
    unknown = [k for k in answers if not isinstance(k, str) or k not in CHOICES]
    if unknown:
        shown = ", ".join(
            sorted(repr(k) if isinstance(k, str) else type(k).__name__ for k in unknown)
        )
        raise ValueError(f"Unknown answer key(s): {shown}")
    missing = [k for k in CHOICES if k not in answers]
    if missing:
        raise ValueError(f"Missing answer(s): {', '.join(repr(k) for k in missing)}")
    clean: dict[str, str | tuple[str, ...]] = {}
    for key, allowed in CHOICES.items():
        value = answers[key]
        if key in MULTI_KEYS:
            if not isinstance(value, list | tuple):
                raise ValueError(
                    f"Answer {key!r} must be a list of strings, not {type(value).__name__}"
                )
            for item in value:
                if not isinstance(item, str):
                    raise ValueError(
                        f"Answer {key!r} must hold strings, not {type(item).__name__}"
                    )
                if item not in allowed:
                    raise ValueError(f"Answer {key!r} has unknown value {str(item)!r}")
            clean[key] = tuple(v for v in allowed if v in value)
            if key == "substances" and not clean[key]:
                raise ValueError("Answer 'substances' must name at least one (or 'not_sure')")
        else:
            if not isinstance(value, str):
                raise ValueError(f"Answer {key!r} must be a string, not {type(value).__name__}")
            if value not in allowed:
                raise ValueError(f"Answer {key!r} has unknown value {str(value)!r}")
            clean[key] = allowed[allowed.index(value)]
    return clean


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
_TEXT = {
    "severe_sedative": "{You} have had seizures, hallucinations or DTs when stopping, and {you} "
    "use {sedatives} {often}. {Your} answers suggest hospital care, where doctors manage "
    "withdrawal safely.",
    "severe_other": "{You} have had seizures, hallucinations or DTs when stopping. {Your} "
    "answers suggest 24-hour care where withdrawal is medically managed.",
    "moderate": "{Your} withdrawal has been moderate. {Your} answers suggest withdrawal care "
    "with regular check-ins while {you} live at home, and at least an IOP.",
    "mild": "{Your} withdrawal has been mild. It can usually be checked at outpatient visits.",
    "no_sudden_stop": "{You} should not stop {sedatives} suddenly without medical advice. After "
    "regular heavy use, withdrawal seizures can be life-threatening.",
    "mixing": "Using opioids with {sedatives} raises {your} risk of overdose. Keep naloxone "
    "(Narcan) nearby.",
    "unstable_severe": "{You} have a health problem that is not stable, and {you} have had "
    "severe withdrawal before. {Your} answers suggest hospital care.",
    "unstable": "{You} have a health problem that is not stable right now. IOP and day "
    "programs cannot treat that. {Your} answers suggest residential care with nursing.",
    "stable": "{You} have a stable health condition. Tell each program so care can fit around it.",
    "pregnant": "{You} are pregnant. {Your} answers suggest at least an IOP, closely linked "
    "with {your} prenatal care.",
    "pregnant_opioids": "Because {you} use opioids while pregnant, {you} should get prenatal "
    "care and addiction care soon. Opioids should not be stopped suddenly: talk with a "
    "clinician first, for {your} safety and the baby's.",
    "mood_severe": "At times {your} mood stops {them} from caring for {yourself} or staying "
    "safe. {Your} answers suggest at least PHP, which has more mental health care on hand.",
    "mood_some": "{You} have some mood or mental health concerns. That is common, and stable "
    "conditions are treated together with substance use, including in IOP.",
    "harm_active": "{You} have had thoughts of harming {yourself} in the past month. {Your} "
    "answers suggest at least PHP and a safety plan. {You} can call or text 988 any time.",
    "harm_passive": "{You} have had some thoughts of self-harm or of not wanting to live. A "
    "clinician can help {them} make a safety plan. {You} can call or text 988 any time.",
    "ready": "{You} feel ready to make a change. That is a strong start.",
    "unsure": "{You} feel unsure about change. That is common, and a clinician can talk it "
    "through with {them}. It does not change the level to discuss.",
    "not_ready": "{You} do not feel ready to change yet. Many people start there. It does not "
    "change the level to discuss, and a clinician can go at {your} pace.",
    "hard_some_days": "Some days it is hard for {them} not to use. {Your} answers suggest at "
    "least an IOP, for support several days a week.",
    "cannot_go_a_day": "It is very hard for {them} to go a day without using. {Your} answers "
    "suggest at least PHP, with care most of the day.",
    "stepping_down": "{You} are finishing, or just finished, a more intensive program. {Your} "
    "answers suggest stepping down to an IOP, to keep support as {you} go back to daily life.",
    "relapse": "{You} started using again after {after}. That is common and is not a failure. "
    "{Your} answers suggest {level}.",
    "home_unsafe": "{Your} home is not a safe place for recovery right now. {Your} answers "
    "suggest residential care, where {you} live at the program during treatment.",
    "unsafe_withdrawal": "With moderate withdrawal and no safe place for {them} to go through "
    "it, withdrawal care is usually given in a residential program.",
    "home_mixed": "{Your} home is only partly supportive of recovery. {Your} answers suggest "
    "at least an IOP, for more support during the week.",
    "no_support": "No one around {them} supports {your} recovery right now. {Your} answers "
    "suggest at least an IOP, where group and peer support are part of care.",
    "combined": "{You} have several serious concerns at once: {listed}. Together, {your} "
    "answers suggest residential care, with support around the clock.",
    "outpatient": "{Your} answers suggest standard outpatient care may be enough to start: "
    "{you} can stop when {you} choose, {your} home is supportive, and the answers do not "
    "mention severe withdrawal, an unstable health problem or a mental health crisis.",
    "note_also": "Also worth discussing: {level}, {why}.",
    "note_step_down": "Also worth discussing: standard outpatient care, as the next step after "
    "IOP, or if a clinician finds that less support is enough.",
    "note_iop_hours": "An IOP is usually 9 or more hours a week, often about 3 hours a day, 3 "
    "to 5 days a week. Ask about evening tracks. It may help to ask about leave from work, or "
    "to plan childcare.",
    "note_teen_iop_hours": "Teen IOPs usually start at 6 hours a week. Ask about after-school "
    "tracks.",
    "note_iop_fits": "The hours available fit a typical IOP schedule.",
    "note_php_hours": "A day program (PHP) usually runs most of the day, about 5 days a week. "
    "Ask about medical leave from work or school, and help with childcare.",
    "note_live_in": "This level means staying at the program or hospital for a time. Plan "
    "time away from work or school, and ask how family can stay involved.",
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

# danger -> (number to call, text for "self", text for "someone_else")
_CRISIS = {
    "suicide_plan": (
        "988",
        "Please call or text 988 now, or chat at 988lifeline.org. It is free and open 24/7. "
        "If you are in immediate danger, call 911. Veterans: dial 988 then press 1.",
        "Call or text 988 now, or chat at 988lifeline.org. It is free and open 24/7. If they "
        "are in immediate danger, call 911. Stay with them if it is safe to do so.",
    ),
    "overdose_signs": (
        "911",
        "Call 911 now, or ask someone near you to call. If naloxone (Narcan) is there, have "
        "someone give it to you. Do not stay alone.",
        "Call 911 now. Give naloxone (Narcan) if you have it. Stay with them until help "
        "comes. Signs include not waking up, slow or stopped breathing, and blue or gray lips.",
    ),
    "withdrawal_emergency": (
        "911",
        "Seizures, confusion, hallucinations or severe shaking during withdrawal are an "
        "emergency. Call 911 now, or ask someone near you to call.",
        "Seizures, confusion, hallucinations or severe shaking during withdrawal are an "
        "emergency. Call 911 now and stay with them until help comes.",
    ),
    "harm_others": (
        "911",
        "If someone could be seriously hurt, call 911 now. Move away from anything you could "
        "use to hurt someone, and from the person if you can.",
        "If someone could be seriously hurt, call 911 now. Keep yourself and others away from "
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


class _Assessment:
    def __init__(self, answers: dict[str, str | tuple[str, ...]], language: str) -> None:
        self.a = answers
        self.language = language
        self.whom = answers["for_whom"]
        self.words = _WORDS[answers["for_whom"] == "self"]
        self.scores = dict.fromkeys(range(1, 7), 0)
        self.reasons: list[Reason] = []
        self.flags: set[str] = set()
        self.notes: list[str] = []
        self.withdrawal_care = "none"
        self.sedatives = [s for s in ("alcohol", "benzodiazepines") if s in answers["substances"]]

    def text(self, key: str, **extra: str) -> str:
        if self.language == "es":
            return TEXT_ES[key][self.whom].format(**extra)
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
        self._withdrawal()
        self._physical()
        self._mind()
        self._readiness()
        self._relapse()
        self._environment()
        self._combined()
        if a["age_group"] == "adolescent":
            self.flags.add("adolescent")
        if "suicide_plan" in a["danger_now"]:
            self.flags.add("safety_plan")
        scores = tuple(sorted(self.scores.items()))
        if a["danger_now"]:
            who = 1 if a["for_whom"] == "self" else 2
            texts = _CRISIS_BY_LANGUAGE[self.language]
            crisis = tuple(
                CrisisReason(d, _CRISIS[d][0], texts[d][who])
                for d in sorted(a["danger_now"], key=lambda d: _CRISIS[d][0] != "911")
            )
            flags = tuple(f for f in FLAGS if f in self.flags)
            return Suggestion(True, crisis, None, (), self.withdrawal_care, scores, (), flags, ())
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
            flags=tuple(f for f in FLAGS if f in self.flags),
            notes=tuple(self.notes),
        )

    def _withdrawal(self) -> None:
        a, w = self.a, self.a["withdrawal"]
        names = _SUBSTANCE_NAMES[self.language]
        sedatives = self.join([names[s] for s in self.sedatives], "or") if self.sedatives else ""
        if w == "severe_history":
            self.withdrawal_care = "medically_managed"
            if self.sedatives and a["frequency"] in ("daily", "weekly"):
                often = _OFTEN[self.language][a["frequency"]]
                self.bump(1, 4, "severe_sedative", sedatives=sedatives, often=often)
            else:
                self.bump(1, 3, "severe_other")
        elif w == "moderate":
            self.withdrawal_care = "ambulatory"
            self.bump(1, 1, "moderate")
        elif w == "mild":
            self.withdrawal_care = "ambulatory"
            self.say(1, "mild")
        if self.sedatives and (a["frequency"] == "daily" or w in ("moderate", "severe_history")):
            self.flags.add("do_not_stop_abruptly")
            self.say(1, "no_sudden_stop", sedatives=sedatives)
        if "opioids" in a["substances"] and self.sedatives:
            self.say(1, "mixing", sedatives=sedatives)

    def _physical(self) -> None:
        a = self.a
        if a["medical"] == "unstable" and a["withdrawal"] == "severe_history":
            self.bump(2, 4, "unstable_severe")
        elif a["medical"] == "unstable":
            self.bump(2, 3, "unstable")
        elif a["medical"] == "stable":
            self.say(2, "stable")
        if a["pregnant"] == "yes":
            self.flags.add("pregnancy")
            self.bump(2, 1, "pregnant")
            if "opioids" in a["substances"]:
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
        elif thoughts == "passive":
            self.say(3, "harm_passive")

    def _readiness(self) -> None:
        readiness = self.a["readiness"]
        self.bump(4, CHOICES["readiness"].index(readiness), readiness)

    def _relapse(self) -> None:
        control, past = self.a["control"], self.a["past_treatment"]
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
            self.bump(6, 3, "home_unsafe")
            if a["withdrawal"] == "moderate":
                self.say(6, "unsafe_withdrawal")
        elif a["home"] == "mixed":
            self.bump(6, 1, "home_mixed")
        if a["support"] == "none":
            self.bump(6, 1, "no_support")

    def _combined(self) -> None:
        a = self.a
        top = [
            (2, a["medical"] == "unstable", "unstable"),
            (3, a["mood"] == "severe", "mood"),
            (5, a["control"] == "cannot_go_a_day", "cannot_go_a_day"),
            (5, a["past_treatment"] == "relapse_after_residential", "relapse_after_residential"),
        ]
        found = [(area, key) for area, hit, key in top if hit]
        if len(found) < 2:
            return
        for area, _ in found:
            self.scores[area] = max(self.scores[area], 3)
        if self.language == "es":
            listed = [COMBINED_ES[key][self.whom] for _, key in found]
        else:
            listed = [_COMBINED[key].format(**self.words) for _, key in found]
        self.say(found[0][0], "combined", listed=self.join(listed))

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
            self.note("note_php_hours")
        elif level in ("residential", "inpatient"):
            self.note("note_live_in")
        # The telehealth, medication and adolescent flags carry their own explanation
        # (FLAG_TEXT), so no note repeats it.
        if level in ("outpatient", "iop") and tele == "yes":
            self.flags.add("telehealth")
        elif level in ("outpatient", "iop") and tele == "not_sure":
            self.note("note_virtual_maybe")
        elif level not in ("outpatient", "iop") and tele == "yes":
            self.note("note_virtual_later")
        subs = a["substances"]
        use = [name for s, name in (("opioids", "opioid"), ("alcohol", "alcohol")) if s in subs]
        if use and a["medication_interest"] != "no":
            self.flags.add("medication")
            if a["medication_interest"] == "already_taking":
                self.note("note_keep_medicine")
