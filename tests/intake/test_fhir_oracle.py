"""Every FHIR resource the site serves or exports, read by an independent parser.

The oracle is `fhir.resources`' R4B pydantic models: every element's name, cardinality,
datatype and primitive format (ids, codes, dateTimes with a time zone, non-empty
strings), with unknown elements refused. The models do not check value sets, so the
codes of required bindings are checked here too: from the models' own list where it is
complete, and from the R4B value sets for Questionnaire.item.type and
OperationOutcome.issue.code, whose lists the models truncate or leave out.

tests/intake/test_fhir.py and tests/questionnaire/test_questionnaire_versions.py check
what the documents say (links between items, answers against options, statuses); this
module checks that an EHR's FHIR library would read them at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from pydantic import BaseModel

from programs.intake import fhir
from programs.models import Response, TreatmentLevel
from programs.questionnaire import triage
from programs.questionnaire.questions import QUESTIONNAIRE_VERSIONS, questions_by_key
from tests.factories.intake import intake_user, make_response, share
from tests.factories.questionnaire import answers
from tests.factories.two_factor import force_login_verified
from tests.intake.test_fhir import NOT_FOUND_PATHS

MODELS: dict[str, type[BaseModel]] = {
    "Questionnaire": Questionnaire,
    "CodeSystem": CodeSystem,
    "QuestionnaireResponse": QuestionnaireResponse,
    "OperationOutcome": OperationOutcome,
}
# R4B value sets of required bindings the models do not list in full.
ITEM_TYPES = {
    "group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time",
    "string", "text", "url", "choice", "open-choice", "attachment", "reference", "quantity",
}  # fmt: skip
ISSUE_TYPES = {
    "invalid", "structure", "required", "value", "invariant", "security", "login",
    "unknown", "expired", "forbidden", "suppressed", "processing", "not-supported",
    "duplicate", "multiple-matches", "not-found", "deleted", "too-long", "code-invalid",
    "extension", "too-costly", "business-rule", "conflict", "transient", "lock-error",
    "no-store", "exception", "timeout", "incomplete", "throttled", "informational",
}  # fmt: skip
V1, V2 = QUESTIONNAIRE_VERSIONS


def codes_outside_their_value_sets(model: BaseModel, path: str) -> Iterator[str]:
    """``path = value`` for every coded element whose value is not in its binding's list."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        listed = extra.get("enum_values")
        allowed: set[str] | None = None
        if isinstance(listed, list) and "+" not in listed:  # "+": the list is cut short
            allowed = {str(code) for code in listed}
        here = f"{path}.{name}"
        if here.endswith(".item.type"):
            allowed = ITEM_TYPES
        elif here.endswith(".issue.code"):
            allowed = ISSUE_TYPES
        for element in value if isinstance(value, list) else [value]:
            if isinstance(element, BaseModel):
                yield from codes_outside_their_value_sets(element, here)
            elif allowed is not None and element not in allowed:
                yield f"{here} = {element!r}"


def assert_valid_r4b(document: dict[str, Any], resource_type: str) -> BaseModel:
    """The document parsed by the R4B model of its type, every required code known."""
    assert document["resourceType"] == resource_type
    resource = MODELS[resource_type].model_validate(document)
    assert list(codes_outside_their_value_sets(resource, resource_type)) == []
    return resource


def served(client, path: str, status: HTTPStatus = HTTPStatus.OK) -> dict[str, Any]:
    page = client.get(path)
    assert page.status_code == status, path
    assert page["Content-Type"].startswith("application/fhir+json")
    return json.loads(page.content)


def exported(client, response: Response) -> dict[str, Any]:
    page = client.post(reverse("admin:programs_response_export", args=[response.pk, "fhir"]))
    assert page.status_code == HTTPStatus.OK
    assert page["Content-Type"].startswith("application/fhir+json")
    return json.loads(page.content)


# -- Served publicly ------------------------------------------------------------------

QUESTIONNAIRE_PATHS = [
    "/fhir/Questionnaire/iop-guide",
    *(f"/fhir/Questionnaire/{fhir.questionnaire_resource_id(v)}" for v in QUESTIONNAIRE_VERSIONS),
]


def test_every_version_is_in_the_list_of_served_questionnaires():
    assert "/fhir/Questionnaire/iop-guide-2026-11" in QUESTIONNAIRE_PATHS
    assert "/fhir/Questionnaire/iop-guide-2026-12" in QUESTIONNAIRE_PATHS


@pytest.mark.django_db
@pytest.mark.parametrize("path", QUESTIONNAIRE_PATHS)
def test_served_questionnaires_are_valid_r4b(client, path):
    resource = assert_valid_r4b(served(client, path), "Questionnaire")
    assert resource.url == "http://testserver/fhir/Questionnaire/iop-guide"


@pytest.mark.django_db
@pytest.mark.parametrize("version", QUESTIONNAIRE_VERSIONS)
def test_every_code_system_of_every_version_is_valid_r4b(client, version):
    keys = fhir.code_system_keys(version)
    assert keys
    for key in keys:
        path = f"/fhir/CodeSystem/{fhir.code_system_id(key)}?version={version}"
        resource = assert_valid_r4b(served(client, path), "CodeSystem")
        assert resource.version == version


@pytest.mark.django_db
def test_every_code_system_a_served_questionnaire_names_is_valid_r4b(client):
    systems = set()
    for path in QUESTIONNAIRE_PATHS:
        document = served(client, path)
        resource = Questionnaire.model_validate(document)
        pending = list(resource.item or [])
        while pending:
            item = pending.pop()
            pending.extend(item.item or [])
            systems |= {option.valueCoding.system for option in item.answerOption or []}
    assert systems
    for system in sorted(systems):
        # The current version's, at the address the Questionnaire gives.
        assert_valid_r4b(served(client, urlparse(system).path), "CodeSystem")


@pytest.mark.django_db
@pytest.mark.parametrize("path", NOT_FOUND_PATHS)
def test_not_found_bodies_are_valid_r4b_operation_outcomes(client, path):
    document = served(client, path, HTTPStatus.NOT_FOUND)
    resource = assert_valid_r4b(document, "OperationOutcome")
    assert [(issue.severity, issue.code) for issue in resource.issue] == [("error", "not-found")]


# -- Exported by staff ----------------------------------------------------------------


@pytest.fixture
def staff_client(client, db):
    force_login_verified(client, intake_user())
    return client


def v1_response(*, crisis: bool) -> Response:
    """A row as version 2026-11 stored it (the engine now answers the newest version)."""
    data = answers(substances=["opioids"], frequency="daily", withdrawal="mild")
    if crisis:
        data["danger_now"] = ["suicide_plan"]
    by_key = questions_by_key(V1)
    for key, value in data.items():
        for code in value if isinstance(value, list) else [value]:
            assert code in dict(by_key[key].choices), f"{key}={code!r} is not a {V1} answer"
    return Response.objects.create(
        questionnaire_version=V1,
        for_whom=data["for_whom"],
        answers=data,
        suggested_level=None if crisis else TreatmentLevel.objects.get(slug="iop"),
        crisis=crisis,
        withdrawal_care="none" if crisis else "ambulatory",
        area_scores={"1": 1, "2": 0, "3": 0, "4": 0, "5": 1, "6": 0},
        language="en",
    )


def full_v2_response() -> Response:
    response = make_response(
        for_whom="someone_else",
        substances=["alcohol", "opioids"],
        frequency="daily",
        withdrawal="moderate",
        mood="some",
    )
    share(response)  # contact details, which never go into the document
    assert response.questionnaire_version == V2
    assert not response.crisis
    return response


def v2_crisis_with_only_danger_now() -> Response:
    """A crisis stored by the engine before the rest of the form was filled in."""
    response = Response.objects.record({"danger_now": ["overdose_signs"]})
    assert response.questionnaire_version == V2
    assert response.crisis
    return response


@pytest.mark.parametrize(
    ("build", "status"),
    [
        pytest.param(full_v2_response, "completed", id="v2-full"),
        pytest.param(v2_crisis_with_only_danger_now, "stopped", id="v2-crisis-danger-only"),
        pytest.param(lambda: v1_response(crisis=False), "completed", id="v1"),
        pytest.param(lambda: v1_response(crisis=True), "completed", id="v1-crisis"),
    ],
)
def test_exported_questionnaire_responses_are_valid_r4b(staff_client, build, status):
    stored = build()
    document = exported(staff_client, stored)
    resource = assert_valid_r4b(document, "QuestionnaireResponse")
    assert resource.status == status
    assert resource.identifier.value == stored.reference_code
    assert resource.questionnaire.endswith(f"|{stored.questionnaire_version}")
    # The Questionnaire it names is served and valid too.
    canonical, version = resource.questionnaire.split("|")
    questionnaire = served(staff_client, f"{urlparse(canonical).path}-{version}")
    assert assert_valid_r4b(questionnaire, "Questionnaire").version == version


@pytest.mark.django_db
def test_the_workspace_exports_the_same_valid_document_for_a_list_of_one(staff_client):
    stored = full_v2_response()
    make_response()
    url = reverse("admin:intake_workspace_export", args=["fhir"])
    page = staff_client.post(f"{url}?q={stored.reference_code}")
    assert page.status_code == HTTPStatus.OK
    document = json.loads(page.content)
    assert_valid_r4b(document, "QuestionnaireResponse")
    assert document == exported(staff_client, stored)


# -- Any response the builder can make ------------------------------------------------


@st.composite
def stored_results(draw: st.DrawFn) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """A version, answers to some of its questions, and a result as a row stores it."""
    version = draw(st.sampled_from(QUESTIONNAIRE_VERSIONS))
    data: dict[str, Any] = {}
    for key, question in questions_by_key(version).items():
        codes = st.sampled_from([code for code, _label in question.choices])
        # Answered, left blank (an empty multi-select, or "" as a crisis row may hold), or
        # not there at all (a crisis stored before the rest of the form was filled in).
        answer: st.SearchStrategy[Any] = (
            st.lists(codes, unique=True) if question.multiple else st.one_of(codes, st.just(""))
        )
        if draw(st.booleans()) or draw(st.booleans()):
            data[key] = draw(answer)
    crisis = draw(st.booleans())
    result = {
        "crisis": crisis,
        "suggested_level": None if crisis else draw(st.sampled_from(triage.LEVELS)),
        "withdrawal_care": draw(st.sampled_from(list(fhir.withdrawal_care_display(version)))),
        "area_scores": draw(
            st.dictionaries(
                st.sampled_from([str(area) for area in triage.AREA_NAMES]),
                st.integers(0, 4),
            )
        ),
        "authored": draw(
            st.datetimes(datetime(2020, 1, 1), datetime(2100, 1, 1), timezones=st.timezones())
        ),
    }
    return version, data, result


# No deadline: the models build their validators on first use.
@hypothesis_settings(deadline=None)
@given(stored_results())
def test_any_stored_response_exports_as_valid_r4b(case):
    version, data, result = case
    document = fhir.build_questionnaire_response(
        "https://iopguide.example.org/fhir",
        reference_code="ABCD2346",
        version=version,
        answers=data,
        **result,
    )
    assert_valid_r4b(document, "QuestionnaireResponse")
