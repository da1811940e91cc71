"""The questionnaire's wording: one source for the form, the result page and staff views.

Pure data. Keys and choice values are exactly the triage engine's (programs.triage.CHOICES);
each question has a neutral wording that reads correctly whoever is answering, plus "you"
and "they" wordings that the page switches to once `for_whom` is known.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    Section("danger", "First: is anyone in danger right now?"),
    Section("about", "Who is this for?"),
    Section("use", "Alcohol and drug use"),
    Section("health", "Withdrawal and health"),
    Section("mood", "Mood and safety"),
    Section("history", "Past treatment and readiness"),
    Section("home", "Home and support"),
    Section("life", "What would fit daily life"),
)

QUESTIONS: tuple[Question, ...] = (
    Question(
        "danger_now",
        "danger",
        both="Is any of this happening right now?",
        self="Is any of this happening to you right now?",
        other="Is any of this happening to them right now?",
        choices=(
            ("suicide_plan", "Thinking about suicide with a plan, or getting ready to act"),
            (
                "overdose_signs",
                "Signs of overdose: won't wake up; slow, odd or no breathing; blue or gray "
                "lips; gurgling or snoring sounds",
            ),
            (
                "withdrawal_emergency",
                "During withdrawal: a seizure, confusion, seeing or hearing things that "
                "aren't there, or severe shaking",
            ),
            ("harm_others", "Could seriously hurt someone else"),
        ),
        multiple=True,
        help="Leave these unticked if none of them is happening now.",
    ),
    Question(
        "for_whom",
        "about",
        both="Who are you answering for?",
        self="Who are you answering for?",
        other="Who are you answering for?",
        choices=(("self", "Myself"), ("someone_else", "Someone else (a family member or friend)")),
    ),
    Question(
        "age_group",
        "about",
        both="How old is the person who may need care?",
        self="How old are you?",
        other="How old are they?",
        choices=(("adult", "18 or older"), ("adolescent", "Under 18")),
    ),
    Question(
        "substances",
        "use",
        both="Which substances are a concern?",
        self="Which substances are you worried about?",
        other="Which substances are you worried about for them?",
        choices=(
            ("alcohol", "Alcohol"),
            ("opioids", "Opioids (like heroin, fentanyl, oxycodone or pain pills)"),
            ("benzodiazepines", "Benzodiazepines (like Xanax, Valium or Klonopin)"),
            ("stimulants", "Stimulants (like meth, cocaine or Adderall not as prescribed)"),
            ("cannabis", "Cannabis (marijuana, weed)"),
            ("other", "Something else"),
            ("not_sure", "Not sure"),
        ),
        multiple=True,
        help="Tick all that apply.",
    ),
    Question(
        "frequency",
        "use",
        both="How often is the substance used?",
        self="How often do you use?",
        other="How often do they use?",
        choices=(
            ("less_than_monthly", "Less than once a month"),
            ("monthly", "About once a month or a few times a month"),
            ("weekly", "Every week"),
            ("daily", "Every day or almost every day"),
        ),
        help="Think about the last month. Pick the substance used most often.",
    ),
    Question(
        "control",
        "use",
        both="How hard is it to stop or cut down?",
        self="How hard is it for you to stop or cut down?",
        other="How hard is it for them to stop or cut down?",
        choices=(
            ("can_stop", "Can stop or cut down when wanted"),
            ("hard_some_days", "Hard on some days"),
            ("cannot_go_a_day", "Can't go a day without using"),
        ),
    ),
    Question(
        "withdrawal",
        "health",
        both="What happens when use stops?",
        self="What happens when you stop using?",
        other="What happens when they stop using?",
        choices=(
            ("none", "Nothing much, or never stopped"),
            ("mild", "Mild: shaky, sweaty, poor sleep, irritable"),
            ("moderate", "Moderate: strong symptoms that make it hard to get through the day"),
            (
                "severe_history",
                "Has ever had a seizure, hallucinations or delirium tremens (DTs) when stopping",
            ),
        ),
    ),
    Question(
        "medical",
        "health",
        both="Are there other health problems?",
        self="Do you have other health problems?",
        other="Do they have other health problems?",
        choices=(
            ("none", "No"),
            ("stable", "Yes, and they are under control"),
            ("unstable", "Yes, and they are not under control or getting worse"),
        ),
        help="For example diabetes, heart or liver problems, or an infection.",
    ),
    Question(
        "pregnant",
        "health",
        both="Is the person pregnant?",
        self="Are you pregnant?",
        other="Are they pregnant?",
        choices=(("no", "No"), ("yes", "Yes"), ("not_applicable", "Doesn't apply")),
    ),
    Question(
        "mood",
        "mood",
        both="How are mood and mental health?",
        self="How is your mood and mental health?",
        other="How is their mood and mental health?",
        choices=(
            ("none", "Mostly okay"),
            ("some", "Some struggles, like worry, sadness or poor sleep"),
            ("severe", "So hard that it's difficult to take care of basic needs or stay safe"),
        ),
    ),
    Question(
        "self_harm_thoughts",
        "mood",
        both="In the past month, have there been thoughts of self-harm or suicide?",
        self="In the past month, have you had thoughts of hurting yourself or suicide?",
        other="In the past month, have they had thoughts of hurting themselves or suicide?",
        choices=(
            ("no", "No"),
            ("passive", "Sometimes wishing to be dead or not wake up"),
            ("active", "Thoughts of suicide, but no plan"),
        ),
        help="If there is a plan or intent now, tick the first question or call or text 988.",
    ),
    Question(
        "past_treatment",
        "history",
        both="What treatment has there been before?",
        self="Have you had treatment before?",
        other="Have they had treatment before?",
        choices=(
            ("none", "None, or nothing recent"),
            (
                "stepping_down",
                "Finishing or just finished hospital, residential or day treatment (PHP)",
            ),
            ("relapse_after_outpatient", "Went back to using after outpatient counseling"),
            ("relapse_after_intensive", "Went back to using after IOP or day treatment (PHP)"),
            ("relapse_after_residential", "Went back to using after residential treatment"),
        ),
    ),
    Question(
        "readiness",
        "history",
        both="How ready is the person to make a change?",
        self="How ready do you feel to make a change?",
        other="How ready do they seem to make a change?",
        choices=(("ready", "Ready"), ("unsure", "Unsure"), ("not_ready", "Not ready yet")),
        help="Any answer is okay. Feeling unsure is common.",
    ),
    Question(
        "home",
        "home",
        both="What is home like?",
        self="What is your home like?",
        other="What is their home like?",
        choices=(
            ("supportive", "Safe and supportive"),
            ("mixed", "Some stress or conflict"),
            (
                "unsafe",
                "Not safe: someone there uses, there is violence, or no stable place to live",
            ),
        ),
    ),
    Question(
        "support",
        "home",
        both="How many people support recovery?",
        self="How many people in your life support your recovery?",
        other="How many people in their life support their recovery?",
        choices=(("several", "Several"), ("one", "One"), ("none", "No one right now")),
    ),
    Question(
        "hours_available",
        "life",
        both="How many hours a week could go to treatment?",
        self="How many hours a week could you give to treatment?",
        other="How many hours a week could they give to treatment?",
        choices=(
            ("under_9", "Under 9 hours"),
            ("9_to_19", "9 to 19 hours"),
            ("20_plus", "20 hours or more"),
        ),
        help="Think about work, school and family. This does not change the suggestion.",
    ),
    Question(
        "telehealth",
        "life",
        both="Would online (video) sessions work?",
        self="Would online (video) sessions work for you?",
        other="Would online (video) sessions work for them?",
        choices=(("yes", "Yes"), ("no", "No"), ("not_sure", "Not sure")),
    ),
    Question(
        "medication_interest",
        "life",
        both="Is medicine for opioid or alcohol use of interest?",
        self="Are you interested in medicine for opioid or alcohol use?",
        other="Are they interested in medicine for opioid or alcohol use?",
        choices=(
            ("yes", "Yes"),
            ("already_taking", "Already taking it"),
            ("no", "No"),
            ("not_sure", "Not sure"),
        ),
    ),
)

QUESTIONS_BY_KEY: dict[str, Question] = {q.key: q for q in QUESTIONS}


def answer_labels(key: str, value: object) -> list[str]:
    """The choice text the person saw for one stored answer (a list for multi-selects)."""
    question = QUESTIONS_BY_KEY[key]
    labels = dict(question.choices)
    values = value if isinstance(value, list | tuple) else [value]
    return [labels.get(str(v), str(v)) for v in values]


def readable_answers(answers: dict, for_whom: str = "") -> list[tuple[str, str]]:
    """(question, answer) pairs in questionnaire order, worded as the person saw them."""
    rows = []
    for question in QUESTIONS:
        if question.key not in answers:
            continue
        text = {"self": question.self, "someone_else": question.other}.get(for_whom, question.both)
        labels = answer_labels(question.key, answers[question.key])
        rows.append((text, "; ".join(labels) if labels else "None of these"))
    return rows


QUESTIONS_FOR_CLINICIAN: tuple[str, ...] = (
    "Which level of care do you think fits best right now, and why?",
    "Is withdrawal care needed first, and where would it happen safely?",
    "Could medicine for opioid or alcohol use help?",
    "How will mental health concerns be cared for along with substance use?",
    "How many hours a week would treatment take, and are there evening or online options?",
    "How will we know when it is time to step up or step down?",
    "What can family or friends do to help?",
    "What should happen if things get worse before treatment starts?",
)
