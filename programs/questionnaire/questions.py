"""The questionnaire's wording: one source for the form, the result page and staff views.

Pure data. Keys and choice values are exactly the triage engine's (programs.triage.CHOICES);
each question has a neutral wording that reads correctly whoever is answering, plus "you"
and "they" wordings that the page switches to once `for_whom` is known.

The wording is English, marked for translation with `gettext_noop` but kept as plain
strings: the FHIR Questionnaire, the CSV export and the staff pages need the English
text, whatever language a visitor chose. Pages translate it where they show it
(`translated()`, `answer_labels()`, `readable_answers()`); the stored answers are the
language-independent keys.

Versions: ``QUESTIONS`` is the current wording. Each stored response keeps the version it
was answered in, and ``QUESTIONS_BY_VERSION`` holds every version's wording, so a response
is always shown, exported and coded with the questions and labels the person saw.
Earlier versions are built from the current questions plus what each one said
differently, so shared wording is written once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _


@dataclass(frozen=True)
class Question:
    key: str
    section: str
    both: str
    self: str
    other: str
    choices: tuple[tuple[str, str], ...]
    multiple: bool = False
    help: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    legend: str


SECTIONS: tuple[Section, ...] = (
    Section("danger", _("First: is anyone in danger right now?")),
    Section("about", _("Who is this for?")),
    Section("use", _("Alcohol and drug use")),
    Section("health", _("Withdrawal and health")),
    Section("mood", _("Mood and safety")),
    Section("history", _("Past treatment and readiness")),
    Section("home", _("Home and support")),
    Section("life", _("What would fit daily life")),
)

QUESTIONS: tuple[Question, ...] = (
    Question(
        "danger_now",
        "danger",
        both=_("Is any of this happening right now?"),
        self=_("Is any of this happening to you right now?"),
        other=_("Is any of this happening to them right now?"),
        choices=(
            (
                "suicide_plan",
                _("Thinking about suicide with a plan or intent to act, or getting ready to act"),
            ),
            (
                "overdose_signs",
                _(
                    "Signs of overdose: won't wake up; slow, odd or no breathing; blue or gray "
                    "lips; gurgling or snoring sounds"
                ),
            ),
            (
                "withdrawal_emergency",
                _(
                    "During withdrawal: a seizure, confusion, seeing or hearing things that "
                    "aren't there, or severe shaking"
                ),
            ),
            ("harm_others", _("Could seriously hurt someone else")),
        ),
        multiple=True,
        help=_("Leave these unticked if none of them is happening now."),
    ),
    Question(
        "for_whom",
        "about",
        both=_("Who are you answering for?"),
        self=_("Who are you answering for?"),
        other=_("Who are you answering for?"),
        choices=(
            ("self", _("Myself")),
            ("someone_else", _("Someone else (a family member or friend)")),
        ),
    ),
    Question(
        "age_group",
        "about",
        both=_("How old is the person who may need care?"),
        self=_("How old are you?"),
        other=_("How old are they?"),
        choices=(("adult", _("18 or older")), ("adolescent", _("Under 18"))),
    ),
    Question(
        "substances",
        "use",
        both=_("Which substances are a concern?"),
        self=_("Which substances are you worried about?"),
        other=_("Which substances are you worried about for them?"),
        choices=(
            ("alcohol", _("Alcohol")),
            ("opioids", _("Opioids (like heroin, fentanyl, oxycodone or pain pills)")),
            ("benzodiazepines", _("Benzodiazepines (like Xanax, Valium or Klonopin)")),
            ("stimulants", _("Stimulants (like meth, cocaine or Adderall not as prescribed)")),
            ("cannabis", _("Cannabis (marijuana, weed)")),
            ("other", _("Something else")),
            ("not_sure", _("Not sure")),
        ),
        multiple=True,
        help=_("Tick all that apply."),
    ),
    Question(
        "frequency",
        "use",
        both=_("How often is the substance used?"),
        self=_("How often do you use?"),
        other=_("How often do they use?"),
        choices=(
            ("less_than_monthly", _("Less than once a month")),
            ("monthly", _("About once a month or a few times a month")),
            ("weekly", _("Every week")),
            ("daily", _("Every day or almost every day")),
        ),
        help=_("Think about the last month. Pick the substance used most often."),
    ),
    Question(
        "control",
        "use",
        both=_("How hard is it to stop or cut down?"),
        self=_("How hard is it for you to stop or cut down?"),
        other=_("How hard is it for them to stop or cut down?"),
        choices=(
            ("can_stop", _("Can stop or cut down when wanted")),
            ("hard_some_days", _("Hard on some days")),
            ("cannot_go_a_day", _("Can't go a day without using")),
        ),
    ),
    Question(
        "withdrawal",
        "health",
        both=_("What happens when use stops?"),
        self=_("What happens when you stop using?"),
        other=_("What happens when they stop using?"),
        choices=(
            ("none", _("Nothing much")),
            ("never_stopped", _("Has never stopped or cut down")),
            ("mild", _("Mild: shaky, sweaty, poor sleep, irritable")),
            ("moderate", _("Moderate: strong symptoms that make it hard to get through the day")),
            (
                "severe_history",
                _(
                    "Has ever had a seizure, hallucinations or delirium tremens (DTs) "
                    "when stopping"
                ),
            ),
        ),
    ),
    Question(
        "medical",
        "health",
        both=_("Are there other health problems?"),
        self=_("Do you have other health problems?"),
        other=_("Do they have other health problems?"),
        choices=(
            ("none", _("No")),
            ("stable", _("Yes, and they are under control")),
            ("unstable", _("Yes, and they are not under control or getting worse")),
        ),
        help=_("For example diabetes, heart or liver problems, or an infection."),
    ),
    Question(
        "pregnant",
        "health",
        both=_("Is the person pregnant?"),
        self=_("Are you pregnant?"),
        other=_("Are they pregnant?"),
        choices=(("no", _("No")), ("yes", _("Yes")), ("not_applicable", _("Doesn't apply"))),
    ),
    Question(
        "mood",
        "mood",
        both=_("How are mood and mental health?"),
        self=_("How is your mood and mental health?"),
        other=_("How is their mood and mental health?"),
        choices=(
            ("none", _("Mostly okay")),
            ("some", _("Some struggles, like worry, sadness or poor sleep")),
            ("severe", _("So hard that it's difficult to take care of basic needs or stay safe")),
        ),
    ),
    Question(
        "self_harm_thoughts",
        "mood",
        both=_("In the past month, have there been thoughts of self-harm or suicide?"),
        self=_("In the past month, have you had thoughts of hurting yourself or suicide?"),
        other=_("In the past month, have they had thoughts of hurting themselves or suicide?"),
        choices=(
            ("no", _("No")),
            ("passive", _("Sometimes wishing to be dead or not wake up")),
            ("active", _("Thoughts of suicide, but no plan")),
        ),
        help=_(
            "If there is a plan or intent now, tick the first question or call or text "
            "[[lifeline]]."
        ),
    ),
    Question(
        "past_treatment",
        "history",
        both=_("What treatment has there been before?"),
        self=_("Have you had treatment before?"),
        other=_("Have they had treatment before?"),
        choices=(
            ("none", _("None, or nothing recent")),
            (
                "stepping_down",
                _("Finishing or just finished hospital, residential or day treatment (PHP)"),
            ),
            ("relapse_after_outpatient", _("Went back to using after outpatient counseling")),
            ("relapse_after_intensive", _("Went back to using after IOP or day treatment (PHP)")),
            ("relapse_after_residential", _("Went back to using after residential treatment")),
        ),
    ),
    Question(
        "readiness",
        "history",
        both=_("How ready is the person to make a change?"),
        self=_("How ready do you feel to make a change?"),
        other=_("How ready do they seem to make a change?"),
        choices=(
            ("ready", _("Ready")),
            ("unsure", _("Unsure")),
            ("not_ready", _("Not ready yet")),
        ),
        help=_("Any answer is okay. Feeling unsure is common."),
    ),
    Question(
        "home",
        "home",
        both=_("What is home like?"),
        self=_("What is your home like?"),
        other=_("What is their home like?"),
        choices=(
            ("supportive", _("Safe and supportive")),
            ("mixed", _("Some stress or conflict")),
            (
                "unsafe",
                _("Not safe: someone there uses, there is violence, or no stable place to live"),
            ),
        ),
    ),
    Question(
        "support",
        "home",
        both=_("How many people support recovery?"),
        self=_("How many people in your life support your recovery?"),
        other=_("How many people in their life support their recovery?"),
        choices=(("several", _("Several")), ("one", _("One")), ("none", _("No one right now"))),
    ),
    Question(
        "hours_available",
        "life",
        both=_("How many hours a week could go to treatment?"),
        self=_("How many hours a week could you give to treatment?"),
        other=_("How many hours a week could they give to treatment?"),
        choices=(
            ("under_9", _("Under 9 hours")),
            ("9_to_19", _("9 to 19 hours")),
            ("20_plus", _("20 hours or more")),
        ),
        help=_("Think about work, school and family. This does not change the suggestion."),
    ),
    Question(
        "telehealth",
        "life",
        both=_("Would online (video) sessions work?"),
        self=_("Would online (video) sessions work for you?"),
        other=_("Would online (video) sessions work for them?"),
        choices=(("yes", _("Yes")), ("no", _("No")), ("not_sure", _("Not sure"))),
    ),
    Question(
        "medication_interest",
        "life",
        both=_("Is medicine for opioid or alcohol use of interest?"),
        self=_("Are you interested in medicine for opioid or alcohol use?"),
        other=_("Are they interested in medicine for opioid or alcohol use?"),
        choices=(
            ("yes", _("Yes")),
            ("already_taking", _("Already taking it")),
            ("no", _("No")),
            ("not_sure", _("Not sure")),
        ),
    ),
)

# Oldest first; the last is the wording of ``QUESTIONS``. programs.triage names the version
# the engine answers (``triage.QUESTIONNAIRE_VERSION``); this module stays free of it.
QUESTIONNAIRE_VERSIONS: tuple[str, ...] = ("2026-11", "2026-12")
LATEST_VERSION = QUESTIONNAIRE_VERSIONS[-1]

# What version 2026-11 said differently from the current wording: choice labels by
# question and choice, and choices it did not offer. Its other questions are the same.
# Its labels stay marked so their translations stay in the catalogue for Spanish pages.
_V1_LABELS: dict[str, dict[str, str]] = {
    "danger_now": {
        "suicide_plan": _("Thinking about suicide with a plan, or getting ready to act"),
    },
    "withdrawal": {"none": _("Nothing much, or never stopped")},
}
_V1_NOT_OFFERED: dict[str, frozenset[str]] = {"withdrawal": frozenset({"never_stopped"})}


def _earlier(
    question: Question, labels: dict[str, dict[str, str]], not_offered: dict[str, frozenset[str]]
) -> Question:
    """The question as an earlier version worded it."""
    relabel = labels.get(question.key, {})
    drop = not_offered.get(question.key, frozenset())
    if not relabel and not drop:
        return question
    return replace(
        question,
        choices=tuple(
            (value, relabel.get(value, label))
            for value, label in question.choices
            if value not in drop
        ),
    )


QUESTIONS_BY_VERSION: dict[str, tuple[Question, ...]] = {
    "2026-11": tuple(_earlier(q, _V1_LABELS, _V1_NOT_OFFERED) for q in QUESTIONS),
    "2026-12": QUESTIONS,
}
QUESTIONS_BY_KEY: dict[str, Question] = {q.key: q for q in QUESTIONS}
_BY_KEY_BY_VERSION: dict[str, dict[str, Question]] = {
    version: {q.key: q for q in questions} for version, questions in QUESTIONS_BY_VERSION.items()
}


def questions_for(version: str | None = None) -> tuple[Question, ...]:
    """One version's questions (the current wording for None). KeyError if unknown."""
    return QUESTIONS_BY_VERSION[LATEST_VERSION if version is None else version]


def questions_by_key(version: str | None = None) -> dict[str, Question]:
    """One version's questions by key (the current wording for None). KeyError if unknown."""
    return _BY_KEY_BY_VERSION[LATEST_VERSION if version is None else version]


def translated(question: Question) -> Question:
    """The question with its wording and choices in the active language."""
    return Question(
        key=question.key,
        section=question.section,
        both=gettext(question.both),
        self=gettext(question.self),
        other=gettext(question.other),
        choices=tuple((value, gettext(label)) for value, label in question.choices),
        multiple=question.multiple,
        help=gettext(question.help) if question.help else "",
    )


def answer_labels(key: str, value: object, version: str | None = None) -> list[str]:
    """The choice text for one stored answer (a list for multi-selects), in the active language.

    ``version`` is the response's questionnaire version, so it reads as the person saw it.
    """
    labels = dict(questions_by_key(version)[key].choices)
    values = value if isinstance(value, list | tuple) else [value]
    return [gettext(labels[str(v)]) if str(v) in labels else str(v) for v in values]


def readable_answers(
    answers: dict, for_whom: str = "", version: str | None = None
) -> list[tuple[str, str]]:
    """(question, answer) pairs in questionnaire order, in the active language.

    Only questions that were answered: a crisis response may be stored before the rest of
    the form was filled in. Staff read them in English with `translation.override("en")`,
    whatever the person used.
    """
    rows = []
    for question in questions_for(version):
        if question.key not in answers:
            continue
        text = {"self": question.self, "someone_else": question.other}.get(for_whom, question.both)
        labels = answer_labels(question.key, answers[question.key], version)
        rows.append((gettext(text), "; ".join(labels) if labels else gettext("None of these")))
    return rows


QUESTIONS_FOR_CLINICIAN: tuple[str, ...] = (
    _("Which level of care do you think fits best right now, and why?"),
    _("Is withdrawal care needed first, and where would it happen safely?"),
    _("Could medicine for opioid or alcohol use help?"),
    _("How will mental health concerns be cared for along with substance use?"),
    _("How many hours a week would treatment take, and are there evening or online options?"),
    _("How will we know when it is time to step up or step down?"),
    _("What can family or friends do to help?"),
    _("What should happen if things get worse before treatment starts?"),
)
