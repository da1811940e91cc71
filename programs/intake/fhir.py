"""FHIR R4 documents for the questionnaire: the Questionnaire, its CodeSystems and responses.

Pure functions, no Django: data in, JSON-ready dicts out. ``base_url`` is the FHIR base,
e.g. ``https://iopguide.example.org/fhir``; every canonical URL hangs off it, so a
``QuestionnaireResponse`` exported today still names the ``Questionnaire`` it answers,
``{base}/Questionnaire/iop-guide|{version}``, which the site serves at a stable address.

Each question's choices form one CodeSystem, ``{base}/CodeSystem/iop-guide-{question}``,
with the triage engine's keys as codes and the text the person saw as display. The
calculated suggestion (level, crisis, withdrawal care, area scores) is a read-only group,
so an EHR keeps what the site told the person next to what they answered.

Every version stays published: the Questionnaire and CodeSystems of a version use that
version's questions, labels and withdrawal-care codes (``QUESTIONS_BY_VERSION``,
``WITHDRAWAL_CARE_DISPLAY_BY_VERSION``), and a response is coded with its own version's.
An unknown version is a KeyError.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from programs.questionnaire import triage
from programs.questionnaire.questions import (
    QUESTIONNAIRE_VERSIONS,
    SECTIONS,
    Question,
    questions_by_key,
    questions_for,
)

FHIR_VERSION = "4.0.1"
QUESTIONNAIRE_ID = "iop-guide"
QUESTIONNAIRE_NAME = "IOPGuideLevelOfCareQuestionnaire"
RESULT_GROUP = "section-result"

LEVEL_DISPLAY: dict[str, str] = {
    "outpatient": "Standard outpatient (Level 1)",
    "iop": "Intensive outpatient program, IOP (Level 2.1)",
    "php": "Partial hospitalization, PHP (Level 2.5)",
    "residential": "Residential (Level 3)",
    "inpatient": "Medically managed inpatient, hospital (Level 4)",
}
# Version 2026-11's displays are kept as published: responses exported then carry them.
WITHDRAWAL_CARE_DISPLAY_BY_VERSION: dict[str, dict[str, str]] = {
    "2026-11": {
        "none": "None",
        "ambulatory": "Ambulatory (outpatient) withdrawal care",
        "medically_managed": "Medically managed withdrawal care",
    },
    "2026-12": {
        "none": "None",
        "ambulatory": "Ambulatory (outpatient visits)",
        "monitored": "Day-long monitoring, home at night",
        "residential": "Residential withdrawal care",
        "medically_managed": "Medically managed (hospital or inpatient)",
        "medication": "Medication instead of withdrawal (opioids in pregnancy)",
    },
}
# Calculated items' code systems, beside one per question: (title, displays by version).
EXTRA_CODE_SYSTEMS: dict[str, tuple[str, Mapping[str, dict[str, str]]]] = {
    "suggested_level": (
        "Suggested level of care to discuss with a clinician",
        dict.fromkeys(QUESTIONNAIRE_VERSIONS, LEVEL_DISPLAY),
    ),
    "withdrawal_care": ("Withdrawal care suggested", WITHDRAWAL_CARE_DISPLAY_BY_VERSION),
}


def questionnaire_url(base_url: str) -> str:
    """The Questionnaire's canonical URL (version-independent)."""
    return f"{base_url}/Questionnaire/{QUESTIONNAIRE_ID}"


def questionnaire_resource_id(version: str) -> str:
    """The logical id of one version, e.g. ``iop-guide-2026-11``."""
    return f"{QUESTIONNAIRE_ID}-{version}"


def code_system_id(key: str) -> str:
    # FHIR ids allow letters, digits, "-" and "." only.
    return f"{QUESTIONNAIRE_ID}-{key.replace('_', '-')}"


def code_system_url(base_url: str, key: str) -> str:
    return f"{base_url}/CodeSystem/{code_system_id(key)}"


def known_versions() -> tuple[str, ...]:
    """Every questionnaire version with a published Questionnaire, oldest first."""
    return QUESTIONNAIRE_VERSIONS


def withdrawal_care_display(version: str) -> dict[str, str]:
    """One version's withdrawal-care codes and displays. KeyError if unknown."""
    return WITHDRAWAL_CARE_DISPLAY_BY_VERSION[version]


def code_system_keys(version: str = triage.QUESTIONNAIRE_VERSION) -> list[str]:
    """Every question or calculated item that has a CodeSystem in one version."""
    return [q.key for q in questions_for(version)] + list(EXTRA_CODE_SYSTEMS)


def _codes(key: str, version: str) -> tuple[str, dict[str, str]]:
    if key in EXTRA_CODE_SYSTEMS:
        title, by_version = EXTRA_CODE_SYSTEMS[key]
        return title, by_version[version]
    question = questions_by_key(version)[key]
    return question.both, dict(question.choices)


def _coding(base_url: str, key: str, code: str, version: str) -> dict:
    _title, displays = _codes(key, version)
    return {
        "system": code_system_url(base_url, key),
        "code": code,
        "display": displays.get(code, code),
    }


def _area_link_id(area: int) -> str:
    return f"area_score_{area}"


def _area_text(area: int) -> str:
    return f"Area {area} score, 0 (no risk) to 4 (severe): {triage.AREA_NAMES[area]}"


def _result_items(base_url: str, version: str) -> list[dict]:
    def choice(key: str, text: str) -> dict:
        _title, displays = _codes(key, version)
        return {
            "linkId": key,
            "text": text,
            "type": "choice",
            "readOnly": True,
            "answerOption": [
                {"valueCoding": _coding(base_url, key, code, version)} for code in displays
            ],
        }

    return [
        {
            "linkId": "crisis",
            "text": "Answers showed a danger right now (emergency help was shown, no level)",
            "type": "boolean",
            "readOnly": True,
        },
        choice("suggested_level", "Level of care to discuss with a clinician"),
        choice("withdrawal_care", "Withdrawal care to discuss"),
        *(
            {
                "linkId": _area_link_id(area),
                "text": _area_text(area),
                "type": "integer",
                "readOnly": True,
            }
            for area in sorted(triage.AREA_NAMES)
        ),
    ]


def build_questionnaire(
    base_url: str, *, version: str = triage.QUESTIONNAIRE_VERSION, publisher: str = ""
) -> dict:
    """The FHIR R4 Questionnaire of one version's wording (the engine's current by default)."""
    all_questions = questions_for(version)
    groups: list[dict[str, Any]] = []
    for section in SECTIONS:
        questions = [q for q in all_questions if q.section == section.key]
        groups.append(
            {
                "linkId": f"section-{section.key}",
                "text": section.legend,
                "type": "group",
                "item": [
                    {
                        "linkId": q.key,
                        "text": q.both,
                        "type": "choice",
                        "required": is_required(q),
                        "repeats": q.multiple,
                        "answerOption": [
                            {"valueCoding": _coding(base_url, q.key, code, version)}
                            for code, _label in q.choices
                        ],
                    }
                    for q in questions
                ],
            }
        )
    groups.append(
        {
            "linkId": RESULT_GROUP,
            "text": "What the questionnaire suggested (calculated, not asked)",
            "type": "group",
            "readOnly": True,
            "item": _result_items(base_url, version),
        }
    )
    resource = {
        "resourceType": "Questionnaire",
        "id": questionnaire_resource_id(version),
        "url": questionnaire_url(base_url),
        "version": version,
        "name": QUESTIONNAIRE_NAME,
        "title": "IOP Guide: which level of care to discuss with a clinician",
        "status": "active",
        "experimental": False,
        "subjectType": ["Patient"],
        "description": (
            "A short self-report questionnaire that suggests a level of substance-use care "
            "to discuss with a clinician. It informs and never diagnoses. It is not an ASAM "
            "assessment and is not affiliated with ASAM."
        ),
        "item": groups,
    }
    if publisher:
        resource["publisher"] = publisher
    return resource


def build_code_system(
    base_url: str, key: str, *, version: str = triage.QUESTIONNAIRE_VERSION
) -> dict:
    """One version's CodeSystem of a question's (or calculated item's) choices.

    KeyError if the key or the version is unknown.
    """
    title, displays = _codes(key, version)
    return {
        "resourceType": "CodeSystem",
        "id": code_system_id(key),
        "url": code_system_url(base_url, key),
        "version": version,
        "name": "IOPGuide" + "".join(part.capitalize() for part in key.split("_")),
        "title": f"IOP Guide answers: {title}",
        "status": "active",
        "experimental": False,
        "caseSensitive": True,
        "content": "complete",
        "concept": [{"code": code, "display": display} for code, display in displays.items()],
    }


def code_system_key(resource_id: str) -> str | None:
    """The question key for a CodeSystem id in any version, or None if there is none."""
    for version in known_versions():
        for key in code_system_keys(version):
            if code_system_id(key) == resource_id:
                return key
    return None


def is_required(question: Question) -> bool:
    """Whether a question must be answered for a completed response."""
    # "Nothing is happening now" is answered by ticking nothing.
    return question.key != "danger_now"


def is_unanswered(value: object) -> bool:
    """True for an answer FHIR leaves out: missing, empty or an empty multi-select."""
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)


def is_complete(answers: Mapping[str, object], version: str) -> bool:
    """Whether every required question of the version has an answer."""
    return not any(
        is_unanswered(answers.get(q.key)) for q in questions_for(version) if is_required(q)
    )


def build_questionnaire_response(
    base_url: str,
    *,
    reference_code: str,
    authored: datetime,
    version: str,
    answers: Mapping[str, object],
    crisis: bool,
    suggested_level: str | None,
    withdrawal_care: str,
    area_scores: Mapping[str | int, int],
) -> dict:
    """One stored response as a FHIR R4 QuestionnaireResponse to its own version.

    Unanswered questions (an empty multi-select) are left out, as FHIR asks. The status is
    "completed", or "stopped" (partly filled in, then left) when a required question has
    no answer: a crisis response is stored before the rest of the form is filled in.
    ``authored`` must be timezone-aware. KeyError if the version is unknown.
    """
    if authored.tzinfo is None or authored.utcoffset() is None:
        raise ValueError("authored must be timezone-aware")
    questions = questions_for(version)
    groups = []
    for section in SECTIONS:
        items = []
        for q in questions:
            if q.section != section.key or q.key not in answers:
                continue
            value = answers[q.key]
            values = value if isinstance(value, list | tuple) else [value]
            codes = [str(c) for c in values if not is_unanswered(c)]
            if not codes:
                continue
            order = [code for code, _label in q.choices]
            codes.sort(key=lambda c: order.index(c) if c in order else len(order))
            items.append(
                {
                    "linkId": q.key,
                    "text": q.both,
                    "answer": [
                        {"valueCoding": _coding(base_url, q.key, code, version)} for code in codes
                    ],
                }
            )
        if items:
            groups.append(
                {"linkId": f"section-{section.key}", "text": section.legend, "item": items}
            )

    result = [
        {
            "linkId": "crisis",
            "text": "Answers showed a danger right now (emergency help was shown, no level)",
            "answer": [{"valueBoolean": bool(crisis)}],
        }
    ]
    if suggested_level:
        result.append(
            {
                "linkId": "suggested_level",
                "text": "Level of care to discuss with a clinician",
                "answer": [
                    {"valueCoding": _coding(base_url, "suggested_level", suggested_level, version)}
                ],
            }
        )
    if withdrawal_care:
        result.append(
            {
                "linkId": "withdrawal_care",
                "text": "Withdrawal care to discuss",
                "answer": [
                    {"valueCoding": _coding(base_url, "withdrawal_care", withdrawal_care, version)}
                ],
            }
        )
    scores = {int(area): int(score) for area, score in area_scores.items()}
    for area in sorted(a for a in scores if a in triage.AREA_NAMES):
        result.append(
            {
                "linkId": _area_link_id(area),
                "text": _area_text(area),
                "answer": [{"valueInteger": scores[area]}],
            }
        )
    groups.append(
        {
            "linkId": RESULT_GROUP,
            "text": "What the questionnaire suggested (calculated, not asked)",
            "item": result,
        }
    )
    return {
        "resourceType": "QuestionnaireResponse",
        "identifier": {
            "system": f"{base_url}/identifier/reference-code",
            "value": reference_code,
        },
        "questionnaire": f"{questionnaire_url(base_url)}|{version}",
        "status": "completed" if is_complete(answers, version) else "stopped",
        "authored": authored.replace(microsecond=0).isoformat(),
        "item": groups,
    }


def operation_outcome(code: str, diagnostics: str) -> dict:
    """A FHIR error body, e.g. for a resource that does not exist."""
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": diagnostics}],
    }
