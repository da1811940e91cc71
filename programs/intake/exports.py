"""Responses as staff take them away: a CSV table and FHIR QuestionnaireResponse documents."""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.translation import override

from programs.intake import fhir
from programs.intake.services import staff_name
from programs.levels.models import TreatmentLevel
from programs.questionnaire import triage
from programs.questionnaire.models import ContactRequest, Response
from programs.questionnaire.questions import (
    LATEST_VERSION,
    QUESTIONNAIRE_VERSIONS,
    QUESTIONS,
    Question,
    answer_labels,
    questions_by_key,
    questions_for,
)

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# More than this in one go is a data dump, not a working export: narrow with filters.
MAX_EXPORT = 5000

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Every flag of every version: stored responses keep the flags their version set.
FLAG_LABELS: dict[str, str] = {
    "same_day_evaluation": "Suicide thoughts with very hard mood: evaluation today",
    "safety_resources": "Home not safe: safety resources given",
    "see_doctor": "Health problem not under control: see a doctor soon",
    "pregnancy_moud": "Pregnant and using opioids: medicine rather than withdrawal",
    "naloxone": "Opioid use: carry naloxone",
    "withdrawal_assessment": "Withdrawal risk to check before stopping",
    "co_occurring": "Mental health concerns mentioned",
    "medication": "Medicine for opioid or alcohol use to discuss",
    "telehealth": "Online care an option",
    "adolescent": "Under 18",
    "pregnancy": "Pregnant",
    "safety_plan": "Self-harm thoughts: safety plan",
    "do_not_stop_abruptly": "Should not stop alcohol or benzodiazepines suddenly",
}


def safe_cell(value: object) -> str:
    """Text for one CSV cell, with a leading quote where a spreadsheet would run a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def contact_of(response: Response) -> ContactRequest | None:
    """The response's contact request, or None (no query when it was select_related)."""
    try:
        return response.contact_request
    except ObjectDoesNotExist:
        return None


class SafeContactLine(NamedTuple):
    label: str
    text: str
    allowed: bool  # False: something staff must not do, shown as a warning


def safe_contact(contact: ContactRequest) -> list[SafeContactLine]:
    """How the person said it is safe to reach them, for staff to read before calling.

    Nobody said yes means no: a request shared before the form asked is treated the same.
    """
    lines = []
    if contact.phone:
        lines += [
            SafeContactLine(
                "Voicemail",
                "OK to leave a voicemail" if contact.voicemail_ok else "Do not leave a voicemail",
                contact.voicemail_ok,
            ),
            SafeContactLine(
                "Text messages",
                "OK to send a text" if contact.text_ok else "Do not send texts",
                contact.text_ok,
            ),
        ]
    if contact.safe_times:
        lines.append(SafeContactLine("Safe times", contact.safe_times, True))
    return lines


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def wording_version(response: Response) -> str:
    """The version whose wording shows this response: its own, or the latest if unknown."""
    # Only known versions are ever stored; the fallback keeps a staff page or an export
    # readable rather than failing on one odd row.
    if response.questionnaire_version in QUESTIONNAIRE_VERSIONS:
        return response.questionnaire_version
    return LATEST_VERSION


@functools.cache
def csv_questions() -> tuple[Question, ...]:
    """One column per question ever asked: the current ones in order, then retired ones."""
    columns = {q.key: q for q in QUESTIONS}
    for version in reversed(QUESTIONNAIRE_VERSIONS):
        for question in questions_for(version):
            columns.setdefault(question.key, question)
    return tuple(columns.values())


def withdrawal_care_label(response: Response) -> str:
    """The withdrawal care suggested, named as in the response's own questionnaire version."""
    displays = fhir.WITHDRAWAL_CARE_DISPLAY_BY_VERSION.get(response.questionnaire_version, {})
    return displays.get(response.withdrawal_care) or response.get_withdrawal_care_display()


def level_names() -> dict[str, str]:
    return dict(TreatmentLevel.objects.values_list("slug", "name"))


def csv_header() -> list[str]:
    return [
        "Reference code",
        f"Received ({settings.TIME_ZONE.replace('_', ' ')} time)",
        "Questionnaire version",
        "Answered for",
        "Questionnaire language",
        "Crisis: danger right now",
        "Suggested level to discuss",
        "Also worth discussing",
        "Withdrawal care",
        *(f"Area {area} score (0-4): {name}" for area, name in triage.AREA_NAMES.items()),
        "Flags",
        "Contact request status",
        "Assigned to",
        "OK to leave a voicemail",
        "OK to send a text",
        "Safe times to call",
        "Contact name",
        "Phone",
        "Email",
        "Best time to call",
        "Preferred language",
        *(question.both for question in csv_questions()),
    ]


def yes_no(allowed: bool, phone: str) -> str:
    """A voicemail or text preference for the CSV: blank when there is no phone number."""
    if not phone:
        return ""
    return "Yes" if allowed else "No"


def csv_row(response: Response, levels: dict[str, str]) -> list[str]:
    contact = contact_of(response)
    answers = response.answers if isinstance(response.answers, dict) else {}
    scores = {str(area): score for area, score in (response.area_scores or {}).items()}
    row = [
        response.reference_code,
        local_time(response.created_at),
        response.questionnaire_version,
        response.get_for_whom_display(),
        response.get_language_display(),
        "Yes" if response.crisis else "No",
        response.suggested_level.name if response.suggested_level else "",
        "; ".join(levels.get(slug, slug) for slug in response.also_consider),
        withdrawal_care_label(response),
        *(str(scores.get(str(area), "")) for area in triage.AREA_NAMES),
        "; ".join(FLAG_LABELS.get(flag, flag) for flag in response.flags),
        contact.get_status_display() if contact else "No contact request",
        staff_name(contact.assigned_to) if contact else "",
        # Safe contact before the details, as on the response page.
        yes_no(contact.voicemail_ok, contact.phone) if contact else "",
        yes_no(contact.text_ok, contact.phone) if contact else "",
        contact.safe_times if contact else "",
        contact.name if contact else "",
        contact.phone_display if contact else "",
        contact.email if contact else "",
        contact.get_best_time_display() if contact else "",
        contact.get_preferred_language_display() if contact else "",
    ]
    # Labels as the person saw them; a question not answered (a crisis response is stored
    # before the rest of the form is filled in) or not asked in that version stays blank.
    version = wording_version(response)
    asked = questions_by_key(version)
    for question in csv_questions():
        if question.key not in answers or question.key not in asked:
            row.append("")
            continue
        labels = answer_labels(question.key, answers[question.key], version)
        row.append("; ".join(labels) if labels else "None of these")
    return [safe_cell(cell) for cell in row]


@override("en")
def write_csv(responses: Iterable[Response], out: SupportsWrite[str]) -> int:
    """Write one header row and one row per response; returns the number of responses.

    In English whatever language is active: records systems and colleagues read English.
    """
    levels = level_names()
    writer = csv.writer(out)
    writer.writerow(csv_header())
    count = 0
    for response in responses:
        writer.writerow(csv_row(response, levels))
        count += 1
    return count


def questionnaire_response(response: Response, base_url: str) -> dict:
    """One stored response as a FHIR R4 QuestionnaireResponse to its own version."""
    return fhir.build_questionnaire_response(
        base_url,
        reference_code=response.reference_code,
        authored=response.created_at,
        version=response.questionnaire_version,
        answers=response.answers if isinstance(response.answers, dict) else {},
        crisis=response.crisis,
        suggested_level=response.suggested_level.slug if response.suggested_level else None,
        withdrawal_care=response.withdrawal_care,
        area_scores=response.area_scores or {},
    )
