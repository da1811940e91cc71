"""Questionnaire versions: a stored response keeps the wording and codes it was answered with.

Version 2026-11 (v1) rows are created with explicit fields, exactly as the database held
them before version 2026-12 (v2), never through the engine: the engine only speaks the
current version. Their stored texts were written by the v1 engine for these answers.
"""

import csv
import hashlib
import io
import json
from http import HTTPStatus
from typing import Any
from urllib.parse import urlparse

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from programs.intake import fhir
from programs.intake.admin.responses import answer_sections
from programs.models import Response, TreatmentLevel
from programs.questionnaire import triage
from programs.questionnaire.questions import (
    QUESTIONNAIRE_VERSIONS,
    QUESTIONS,
    QUESTIONS_BY_VERSION,
    answer_labels,
    readable_answers,
)
from tests.factories.intake import intake_user
from tests.factories.two_factor import force_login_verified

V1 = "2026-11"
V2 = "2026-12"
SERVED_BASE = "http://testserver/fhir"
EXPORT_CSV = reverse("admin:intake_workspace_export", args=["csv"])

V1_SUICIDE_PLAN = "Thinking about suicide with a plan, or getting ready to act"
V2_SUICIDE_PLAN = "Thinking about suicide with a plan or intent to act, or getting ready to act"
V1_NO_WITHDRAWAL = "Nothing much, or never stopped"
V2_NO_WITHDRAWAL = "Nothing much"
NEVER_STOPPED = "Has never stopped or cut down"
V1_AMBULATORY = "Ambulatory (outpatient) withdrawal care"

V1_ANSWERS: dict[str, Any] = {
    "for_whom": "self",
    "age_group": "adult",
    "danger_now": [],
    "substances": ["opioids"],
    "frequency": "daily",
    "withdrawal": "mild",
    "medical": "none",
    "pregnant": "not_applicable",
    "mood": "none",
    "self_harm_thoughts": "no",
    "readiness": "ready",
    "control": "hard_some_days",
    "past_treatment": "none",
    "home": "supportive",
    "support": "several",
    "hours_available": "9_to_19",
    "telehealth": "no",
    "medication_interest": "yes",
}
MILD_REASON = "Your withdrawal has been mild. It can usually be checked at outpatient visits."
IOP_NOTE = "The hours available fit a typical IOP schedule."
# Version 1's text for the medication flag (version 2 words it by substance).
V1_MEDICATION_TEXT = "Medicine for opioid or alcohol use can help recovery."
CRISIS_988 = (
    "Call or text 988 now, or chat at 988lifeline.org. It is free and open 24/7. If they "
    "are in immediate danger, call 911. Stay with them if it is safe to do so."
)

# Response fields as stored; "suggested_level" is a level slug, resolved when stored.
V1_ROWS: dict[str, dict[str, Any]] = {
    # IOP with ambulatory withdrawal care and the medication flag.
    "calm": {
        "reference_code": "VERTWXYZ",
        "questionnaire_version": V1,
        "for_whom": "self",
        "answers": V1_ANSWERS,
        "suggested_level": "iop",
        "crisis": False,
        "withdrawal_care": "ambulatory",
        "area_scores": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 1, "6": 0},
        "reasons": [
            {"area": 1, "text": MILD_REASON},
            {"area": 4, "text": "You feel ready to make a change. That is a strong start."},
            {
                "area": 5,
                "text": "Some days it is hard for you not to use. Your answers suggest at "
                "least an IOP, for support several days a week.",
            },
        ],
        "crisis_reasons": [],
        "also_consider": [],
        "flags": ["medication"],
        "notes": [IOP_NOTE],
        "language": "en",
    },
    # v1 asked every question even in a crisis; "none" withdrawal had a different label.
    "crisis": {
        "reference_code": "CRTWXYZ2",
        "questionnaire_version": V1,
        "for_whom": "someone_else",
        "answers": {
            **V1_ANSWERS,
            "for_whom": "someone_else",
            "danger_now": ["suicide_plan"],
            "substances": ["alcohol"],
            "frequency": "weekly",
            "withdrawal": "none",
            "control": "can_stop",
            "medication_interest": "not_sure",
        },
        "suggested_level": None,
        "crisis": True,
        "withdrawal_care": "none",
        "area_scores": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0},
        "reasons": [],
        "crisis_reasons": [{"danger": "suicide_plan", "call": "988", "text": CRISIS_988}],
        "also_consider": [],
        "flags": ["safety_plan"],
        "notes": [],
        "language": "en",
    },
}


def store(response_model: Any, level_model: Any, fields: dict[str, Any]) -> Any:
    """One row through the given (possibly historical) models, with no engine involved."""
    values = dict(fields)
    slug = values.pop("suggested_level")
    level = level_model.objects.get(slug=slug) if slug else None
    return response_model.objects.create(suggested_level=level, **values)


def v1_response(kind: str) -> Response:
    return store(Response, TreatmentLevel, V1_ROWS[kind])


def v2_crisis_with_only_danger() -> Response:
    """A v2 crisis response stored before the rest of the form was filled in."""
    return Response.objects.create(
        questionnaire_version=V2,
        for_whom="",
        answers={"danger_now": ["overdose_signs"]},
        suggested_level=None,
        crisis=True,
        withdrawal_care="none",
        area_scores={"1": 4},
        crisis_reasons=[
            {"danger": "overdose_signs", "call": "911", "text": "Call 911 now. Give naloxone."}
        ],
        flags=[],
        language="en",
    )


# -- A small QuestionnaireResponse validator ----------------------------------------


def walk(items: list[dict]):
    for item in items:
        yield item
        yield from walk(item.get("item", []))


def validate(document: dict, questionnaire: dict) -> None:
    """Check a QuestionnaireResponse against the Questionnaire it names, as an EHR would."""
    assert document["resourceType"] == "QuestionnaireResponse"
    assert document["questionnaire"] == f"{questionnaire['url']}|{questionnaire['version']}"
    definitions = {item["linkId"]: item for item in walk(questionnaire["item"])}
    answered = set()
    for item in walk(document["item"]):
        link_id = item["linkId"]
        assert link_id in definitions, f"{link_id} is not in version {questionnaire['version']}"
        definition = definitions[link_id]
        if definition["type"] == "group":
            assert "answer" not in item
            continue
        assert item.get("answer"), f"{link_id} is there without an answer"
        answered.add(link_id)
        if not definition.get("repeats"):
            assert len(item["answer"]) == 1, f"{link_id} does not repeat"
        if definition["type"] != "choice":
            continue
        options = {
            (o["valueCoding"]["system"], o["valueCoding"]["code"]): o["valueCoding"]["display"]
            for o in definition["answerOption"]
        }
        for answer in item["answer"]:
            coding = answer["valueCoding"]
            key = (coding["system"], coding["code"])
            assert key in options, f"{link_id}: {coding['code']!r} is not an answer option"
            assert coding["display"] == options[key], f"{link_id}: display differs"
    required = {
        link_id
        for link_id, definition in definitions.items()
        if definition.get("required") and not definition.get("readOnly")
    }
    if document["status"] == "completed":
        assert required <= answered, f"unanswered: {sorted(required - answered)}"
    else:
        assert document["status"] == "stopped"
        assert not required <= answered


def served_questionnaire(client, reference: str) -> dict:
    """The Questionnaire a response names (``{url}|{version}``), as the site serves it."""
    canonical, version = reference.split("|")
    page = client.get(f"{urlparse(canonical).path}-{version}")
    assert page.status_code == HTTPStatus.OK
    questionnaire = json.loads(page.content)
    assert questionnaire["version"] == version
    return questionnaire


def fhir_export(client, response: Response) -> dict:
    page = client.post(reverse("admin:programs_response_export", args=[response.pk, "fhir"]))
    assert page.status_code == HTTPStatus.OK
    return json.loads(page.content)


def csv_export(client, responses: list[Response]) -> dict[str, dict[str, str]]:
    """The rows of these responses in the workspace's CSV export of the whole queue."""
    page = client.post(EXPORT_CSV)
    assert page.status_code == HTTPStatus.OK
    rows = csv.DictReader(io.StringIO(page.content.decode("utf-8").lstrip("\ufeff")))
    codes = {r.reference_code for r in responses}
    return {row["Reference code"]: row for row in rows if row["Reference code"] in codes}


def items_of(document: dict) -> dict[str, dict]:
    return {item["linkId"]: item for item in walk(document["item"])}


# -- The wording of each version ------------------------------------------------------


def test_every_version_has_its_questions_and_they_share_what_did_not_change():
    assert tuple(QUESTIONS_BY_VERSION) == QUESTIONNAIRE_VERSIONS == (V1, V2)
    assert QUESTIONS_BY_VERSION[V2] is QUESTIONS
    changed = {}
    for old, new in zip(QUESTIONS_BY_VERSION[V1], QUESTIONS, strict=True):
        assert (old.key, old.section, old.both, old.self, old.other, old.help) == (
            new.key,
            new.section,
            new.both,
            new.self,
            new.other,
            new.help,
        )
        if old != new:
            changed[new.key] = (dict(old.choices), dict(new.choices))
    assert set(changed) == {"danger_now", "withdrawal"}
    assert changed["danger_now"][0]["suicide_plan"] == V1_SUICIDE_PLAN
    assert changed["danger_now"][1]["suicide_plan"] == V2_SUICIDE_PLAN
    assert list(changed["withdrawal"][0]) == ["none", "mild", "moderate", "severe_history"]
    assert list(changed["withdrawal"][1]) == [
        "none",
        "never_stopped",
        "mild",
        "moderate",
        "severe_history",
    ]
    assert changed["withdrawal"][0]["none"] == V1_NO_WITHDRAWAL
    assert changed["withdrawal"][1]["none"] == V2_NO_WITHDRAWAL
    assert changed["withdrawal"][1]["never_stopped"] == NEVER_STOPPED


def test_the_engine_answers_the_newest_version_and_knows_the_earlier_ones():
    assert (*triage.PREVIOUS_VERSIONS, triage.QUESTIONNAIRE_VERSION) == QUESTIONNAIRE_VERSIONS
    current = {q.key: [code for code, _label in q.choices] for q in QUESTIONS}
    assert current == {key: list(choices) for key, choices in triage.CHOICES.items()}
    assert tuple(fhir.withdrawal_care_display(V2)) == triage.WITHDRAWAL_CARE


def test_labels_follow_the_version_asked_for():
    assert answer_labels("withdrawal", "none", V1) == [V1_NO_WITHDRAWAL]
    assert answer_labels("withdrawal", "none", V2) == [V2_NO_WITHDRAWAL]
    assert answer_labels("withdrawal", "none") == [V2_NO_WITHDRAWAL]
    assert answer_labels("danger_now", ["suicide_plan"], V1) == [V1_SUICIDE_PLAN]
    with pytest.raises(KeyError):
        answer_labels("withdrawal", "none", "1999-01")


def test_readable_answers_list_only_what_was_answered_in_that_versions_words():
    rows = readable_answers(V1_ROWS["crisis"]["answers"], "someone_else", V1)
    assert len(rows) == len(QUESTIONS)
    assert dict(rows)["Is any of this happening to them right now?"] == V1_SUICIDE_PLAN
    assert dict(rows)["What happens when they stop using?"] == V1_NO_WITHDRAWAL
    assert readable_answers({"danger_now": ["overdose_signs"]}, "", V2) == [
        (
            "Is any of this happening right now?",
            "Signs of overdose: won't wake up; slow, odd or no breathing; blue or gray lips; "
            "gurgling or snoring sounds",
        )
    ]


# V1 as published before v2 existed (sha256 of the sorted JSON). Exported v1 responses
# point at it, so it must not change; if a shared text (title, description) has to,
# publish the change in a new version instead.
V1_QUESTIONNAIRE_SHA256 = "8f877f75fcb1bb858a089ca69c75009cc6826dbdcc114eb787c0b612268302ec"
V1_CODE_SYSTEMS_SHA256 = "6c08c192786c2b887005cece68093f2f66675aa5f2be370a251bd137f2819d0d"


def sha256(resource: object) -> str:
    return hashlib.sha256(json.dumps(resource, sort_keys=True).encode()).hexdigest()


def test_the_version_1_documents_are_unchanged_since_they_were_published():
    base = "https://iopguide.example.org/fhir"
    assert sha256(fhir.build_questionnaire(base, version=V1)) == V1_QUESTIONNAIRE_SHA256
    systems = [fhir.build_code_system(base, k, version=V1) for k in fhir.code_system_keys(V1)]
    assert sha256(systems) == V1_CODE_SYSTEMS_SHA256


# -- (b) Both Questionnaires are served, each with its own choices --------------------


def options(questionnaire: dict, link_id: str) -> dict[str, str]:
    item = items_of(questionnaire)[link_id]
    return {o["valueCoding"]["code"]: o["valueCoding"]["display"] for o in item["answerOption"]}


@pytest.mark.django_db
def test_only_version_2_asks_about_never_stopping_and_has_six_withdrawal_care_codes(client):
    v1 = json.loads(client.get(f"/fhir/Questionnaire/iop-guide-{V1}").content)
    v2 = json.loads(client.get(f"/fhir/Questionnaire/iop-guide-{V2}").content)
    assert (v1["version"], v2["version"]) == (V1, V2)
    assert v1["url"] == v2["url"]

    assert options(v2, "withdrawal") == {
        "none": V2_NO_WITHDRAWAL,
        "never_stopped": NEVER_STOPPED,
        "mild": "Mild: shaky, sweaty, poor sleep, irritable",
        "moderate": "Moderate: strong symptoms that make it hard to get through the day",
        "severe_history": "Has ever had a seizure, hallucinations or delirium tremens (DTs) "
        "when stopping",
    }
    assert list(options(v1, "withdrawal")) == ["none", "mild", "moderate", "severe_history"]
    assert options(v1, "withdrawal")["none"] == V1_NO_WITHDRAWAL

    assert options(v2, "withdrawal_care") == {
        "none": "None",
        "ambulatory": "Ambulatory (outpatient visits)",
        "monitored": "Day-long monitoring, home at night",
        "residential": "Residential withdrawal care",
        "medically_managed": "Medically managed (hospital or inpatient)",
        "medication": "Medication instead of withdrawal (opioids in pregnancy)",
    }
    assert options(v1, "withdrawal_care") == {
        "none": "None",
        "ambulatory": V1_AMBULATORY,
        "medically_managed": "Medically managed withdrawal care",
    }
    assert options(v1, "danger_now")["suicide_plan"] == V1_SUICIDE_PLAN
    assert options(v2, "danger_now")["suicide_plan"] == V2_SUICIDE_PLAN


# -- (a) A version-1 response, as stored before version 2 -----------------------------


@pytest.mark.django_db
def test_a_version_1_response_shows_on_its_public_result_page(client):
    calm = v1_response("calm")
    page = client.get(f"/results/{calm.public_token}/")
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert MILD_REASON in html
    assert IOP_NOTE in html
    assert 'id="withdrawal-care"' in html
    crisis = v1_response("crisis")
    page = client.get(f"/results/{crisis.public_token}/")
    assert page.status_code == HTTPStatus.OK
    assert "Call or text 988 now, or chat at 988lifeline.org." in page.content.decode()
    # In Spanish too: the texts stored in English are what there is for version 1.
    assert client.get(f"/es/results/{calm.public_token}/").status_code == HTTPStatus.OK


@pytest.mark.django_db
def test_staff_read_a_version_1_response_in_version_1_words(client):
    calm = v1_response("calm")
    crisis = v1_response("crisis")
    force_login_verified(client, intake_user())

    html = client.get(reverse("admin:programs_response_change", args=[calm.pk])).content
    html = html.decode()
    assert f"<strong>{V1}</strong>" in html
    assert f"(not the current version, {V2})" in html
    assert "Withdrawal care: Ambulatory (outpatient) withdrawal care." in html
    assert "Mild: shaky, sweaty, poor sleep, irritable" in html
    assert "Medicine for opioid or alcohol use to discuss" in html

    html = client.get(reverse("admin:programs_response_change", args=[crisis.pk])).content
    html = html.decode()
    assert V1_SUICIDE_PLAN in html
    assert V1_NO_WITHDRAWAL in html
    assert V2_SUICIDE_PLAN not in html
    assert NEVER_STOPPED not in html
    assert CRISIS_988 in html
    sections, others = answer_sections(crisis)
    rows = dict(row for section in sections for row in section["rows"])
    assert rows["What happens when they stop using?"] == [V1_NO_WITHDRAWAL]
    assert others == []


@pytest.mark.django_db
def test_version_1_responses_export_as_csv_in_version_1_words(client):
    calm = v1_response("calm")
    crisis = v1_response("crisis")
    force_login_verified(client, intake_user())
    rows = csv_export(client, [calm, crisis])
    first = rows[calm.reference_code]
    assert first["Questionnaire version"] == V1
    assert first["Withdrawal care"] == V1_AMBULATORY
    assert first["Flags"] == "Medicine for opioid or alcohol use to discuss"
    assert first["What happens when use stops?"] == "Mild: shaky, sweaty, poor sleep, irritable"
    assert first["Suggested level to discuss"] == calm.suggested_level.name
    second = rows[crisis.reference_code]
    assert second["Is any of this happening right now?"] == V1_SUICIDE_PLAN
    assert second["What happens when use stops?"] == V1_NO_WITHDRAWAL
    assert second["Answered for"] == "Someone else"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(V1_ROWS))
def test_a_version_1_response_exports_as_fhir_valid_for_the_version_1_questionnaire(client, kind):
    stored = v1_response(kind)
    force_login_verified(client, intake_user())
    document = fhir_export(client, stored)
    assert document["questionnaire"] == f"{SERVED_BASE}/Questionnaire/iop-guide|{V1}"
    assert document["status"] == "completed"
    questionnaire = served_questionnaire(client, document["questionnaire"])
    assert questionnaire["id"] == f"iop-guide-{V1}"
    validate(document, questionnaire)
    items = items_of(document)
    for key, value in stored.answers.items():
        codes = value if isinstance(value, list) else [value]
        if codes:
            assert [a["valueCoding"]["code"] for a in items[key]["answer"]] == codes
    care = items["withdrawal_care"]["answer"][0]["valueCoding"]
    assert care["code"] == stored.withdrawal_care
    # Coded with version 1's displays: even relabelled, version 2 would not accept it.
    v2 = served_questionnaire(client, f"{SERVED_BASE}/Questionnaire/iop-guide|{V2}")
    with pytest.raises(AssertionError, match="display"):
        validate({**document, "questionnaire": f"{v2['url']}|{V2}"}, v2)


@pytest.mark.django_db
def test_the_version_1_withdrawal_answers_keep_their_version_1_displays(client):
    force_login_verified(client, intake_user())
    calm = fhir_export(client, v1_response("calm"))
    crisis = fhir_export(client, v1_response("crisis"))
    assert items_of(calm)["withdrawal_care"]["answer"][0]["valueCoding"]["display"] == (
        V1_AMBULATORY
    )
    assert items_of(crisis)["withdrawal"]["answer"][0]["valueCoding"]["display"] == (
        V1_NO_WITHDRAWAL
    )
    assert items_of(crisis)["danger_now"]["answer"][0]["valueCoding"]["display"] == (
        V1_SUICIDE_PLAN
    )


# -- (c) A version-2 crisis response with only danger_now answered --------------------


@pytest.mark.django_db
def test_a_crisis_response_with_only_danger_answered_exports_as_stopped(client):
    stored = v2_crisis_with_only_danger()
    force_login_verified(client, intake_user())
    document = fhir_export(client, stored)
    assert document["status"] == "stopped"
    questionnaire = served_questionnaire(client, document["questionnaire"])
    assert questionnaire["id"] == f"iop-guide-{V2}"
    validate(document, questionnaire)
    items = items_of(document)
    assert [a["valueCoding"]["code"] for a in items["danger_now"]["answer"]] == ["overdose_signs"]
    assert "for_whom" not in items
    assert items["crisis"]["answer"] == [{"valueBoolean": True}]
    assert items["area_score_1"]["answer"] == [{"valueInteger": 4}]
    assert "area_score_2" not in items


@pytest.mark.django_db
def test_a_crisis_the_engine_stored_early_exports_as_stopped_and_valid(client):
    stored = Response.objects.record({"danger_now": ["withdrawal_emergency"]})
    assert stored.questionnaire_version == V2
    force_login_verified(client, intake_user())
    document = fhir_export(client, stored)
    assert document["status"] == "stopped"
    validate(document, served_questionnaire(client, document["questionnaire"]))


@pytest.mark.django_db
def test_a_crisis_response_with_only_danger_answered_exports_as_csv_with_blanks(client):
    stored = v2_crisis_with_only_danger()
    force_login_verified(client, intake_user())
    row = csv_export(client, [stored])[stored.reference_code]
    assert row["Questionnaire version"] == V2
    assert row["Answered for"] == ""
    assert row["Crisis: danger right now"] == "Yes"
    assert row["Is any of this happening right now?"].startswith("Signs of overdose")
    assert row["What happens when use stops?"] == ""
    assert row["Area 1 score (0-4): Intoxication and withdrawal"] == "4"
    assert row["Area 2 score (0-4): Physical health"] == ""
    for question in QUESTIONS[1:]:
        assert row[question.both] == ""


@pytest.mark.django_db
def test_a_crisis_response_with_only_danger_answered_shows_to_staff_and_the_person(client):
    stored = v2_crisis_with_only_danger()
    assert client.get(f"/results/{stored.public_token}/").status_code == HTTPStatus.OK
    force_login_verified(client, intake_user())
    page = client.get(reverse("admin:programs_response_change", args=[stored.pk]))
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert "Not answered" in html
    assert "Only the questions answered are listed" in html
    sections, others = answer_sections(stored)
    assert [len(section["rows"]) for section in sections] == [1]
    assert others == []


# -- A version-1 row carried through the migrations made after it ----------------------

# The newest migration when version 2 was written; later ones (e.g. the new withdrawal
# care choices and stored flag texts) must carry version-1 rows along unchanged.
BEFORE_VERSION_2 = ("programs", "0010_drop_old_rate_limit_cache_table")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_version_1_row_survives_the_migrations_and_still_renders_and_exports(client):
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate([BEFORE_VERSION_2])
        apps = executor.loader.project_state([BEFORE_VERSION_2]).apps
        old = [
            store(
                apps.get_model("programs", "Response"),
                apps.get_model("programs", "TreatmentLevel"),
                fields,
            )
            for fields in V1_ROWS.values()
        ]
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

        migrated = {
            r.reference_code: r for r in Response.objects.filter(pk__in=[o.pk for o in old])
        }
        assert set(migrated) == {fields["reference_code"] for fields in V1_ROWS.values()}
        calm = migrated[V1_ROWS["calm"]["reference_code"]]
        crisis = migrated[V1_ROWS["crisis"]["reference_code"]]
        for response in (calm, crisis):
            fields = V1_ROWS[("calm", "crisis")[response.crisis]]
            assert response.questionnaire_version == V1
            assert response.answers == fields["answers"]
            assert response.withdrawal_care == fields["withdrawal_care"]
            assert response.flags == fields["flags"]
            assert response.reasons == fields["reasons"]
            page = client.get(f"/results/{response.public_token}/")
            assert page.status_code == HTTPStatus.OK

        result = client.get(f"/results/{calm.public_token}/").content.decode()
        assert MILD_REASON in result
        assert V1_MEDICATION_TEXT in result
        force_login_verified(client, intake_user())
        html = client.get(reverse("admin:programs_response_change", args=[crisis.pk]))
        assert V1_SUICIDE_PLAN in html.content.decode()
        html = client.get(reverse("admin:programs_response_change", args=[calm.pk]))
        assert V1_MEDICATION_TEXT in html.content.decode()
        rows = csv_export(client, [calm, crisis])
        assert rows[calm.reference_code]["Withdrawal care"] == V1_AMBULATORY
        assert rows[crisis.reference_code]["What happens when use stops?"] == V1_NO_WITHDRAWAL
        for response in (calm, crisis):
            document = fhir_export(client, response)
            assert document["status"] == "completed"
            validate(document, served_questionnaire(client, document["questionnaire"]))
    finally:
        MigrationExecutor(connection).migrate(leaves)
