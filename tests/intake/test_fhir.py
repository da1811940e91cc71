import json
import re
from datetime import UTC, datetime
from http import HTTPStatus
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from programs.intake import fhir
from programs.intake.fhir import RESULT_GROUP
from programs.questionnaire import triage
from programs.questionnaire.questions import QUESTIONNAIRE_VERSIONS, questions_for
from tests.factories.intake import intake_user, make_response
from tests.factories.questionnaire import answers
from tests.factories.two_factor import force_login_verified

BASE = "https://iopguide.example.org/fhir"
AUTHORED = datetime(2026, 11, 27, 15, 4, 5, 123456, tzinfo=UTC)
# FHIR R4 dateTime with a time part: seconds and a time zone are required.
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
FHIR_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
ITEM_TYPES = {"group", "display", "boolean", "integer", "choice", "string"}
ANSWER_KEY = {"choice": "valueCoding", "boolean": "valueBoolean", "integer": "valueInteger"}


def walk(items, parent=None):
    """(item, parent linkId) for every item, depth first."""
    for item in items:
        yield item, parent
        yield from walk(item.get("item", []), item["linkId"])


def questionnaire_items(questionnaire) -> dict[str, tuple[dict, str | None]]:
    return {item["linkId"]: (item, parent) for item, parent in walk(questionnaire["item"])}


def response_for(data, *, crisis=None, level="iop", scores=None):
    suggestion = triage.suggest(data)
    return fhir.build_questionnaire_response(
        BASE,
        reference_code="ABCD2346",
        authored=AUTHORED,
        version=triage.QUESTIONNAIRE_VERSION,
        answers=data,
        crisis=suggestion.crisis if crisis is None else crisis,
        suggested_level=suggestion.level,
        withdrawal_care=suggestion.withdrawal_care,
        area_scores=dict(suggestion.area_scores) if scores is None else scores,
    )


def assert_valid_questionnaire(questionnaire) -> None:
    assert questionnaire["resourceType"] == "Questionnaire"
    assert questionnaire["status"] in {"draft", "active", "retired", "unknown"}
    assert FHIR_ID.match(questionnaire["id"])
    assert re.match(r"^[A-Z]([A-Za-z0-9_]){0,254}$", questionnaire["name"])
    seen = set()
    for item, _parent in walk(questionnaire["item"]):
        assert item["linkId"] not in seen, f"duplicate linkId {item['linkId']}"
        seen.add(item["linkId"])
        assert item["type"] in ITEM_TYPES
        assert item.get("text")
        if item["type"] == "group":
            assert item["item"], "que-1: a group must have items"
            assert "answerOption" not in item
        else:
            assert "item" not in item
        if item["type"] == "choice":
            assert item["answerOption"]
            for option in item["answerOption"]:
                coding = option["valueCoding"]
                assert set(coding) == {"system", "code", "display"}
                assert coding["system"].startswith(f"{BASE}/CodeSystem/")
        else:
            assert "answerOption" not in item


def assert_valid_response(document, questionnaire) -> None:
    """Required fields, and every item and answer matching its Questionnaire item.

    A "completed" response answers every required item; a "stopped" one (a crisis
    response stored before the rest of the form was filled in) leaves at least one out.
    """
    assert document["resourceType"] == "QuestionnaireResponse"
    assert document["status"] in {"completed", "stopped"}
    assert document["questionnaire"] == f"{questionnaire['url']}|{questionnaire['version']}"
    assert DATETIME.match(document["authored"])
    assert document["identifier"]["value"]
    known = questionnaire_items(questionnaire)
    for item, parent in walk(document["item"]):
        assert item["linkId"] in known, f"unknown linkId {item['linkId']}"
        definition, definition_parent = known[item["linkId"]]
        assert parent == definition_parent, f"{item['linkId']} is under the wrong group"
        assert not ("item" in item and "answer" in item), "qrs-1"
        if definition["type"] == "group":
            assert item["item"]
            assert "answer" not in item
            continue
        assert item["answer"], f"{item['linkId']} has no answer"
        if not definition.get("repeats"):
            assert len(item["answer"]) == 1
        value_key = ANSWER_KEY[definition["type"]]
        for answer in item["answer"]:
            assert set(answer) == {value_key}
            if value_key == "valueCoding":
                assert answer[value_key] in [o["valueCoding"] for o in definition["answerOption"]]
    answered = {item["linkId"] for item, _ in walk(document["item"])}
    missing = [
        link_id
        for link_id, (definition, _parent) in known.items()
        if definition.get("required") and not definition.get("readOnly")
        if link_id not in answered
    ]
    if document["status"] == "completed":
        assert not missing, f"required {missing} missing"
    else:
        assert missing, "a stopped response leaves a required question unanswered"


def test_questionnaire_has_the_required_fields_and_every_question():
    questionnaire = fhir.build_questionnaire(BASE, publisher="The intake team")
    assert_valid_questionnaire(questionnaire)
    assert questionnaire["url"] == f"{BASE}/Questionnaire/iop-guide"
    assert questionnaire["version"] == triage.QUESTIONNAIRE_VERSION
    assert questionnaire["id"] == f"iop-guide-{triage.QUESTIONNAIRE_VERSION}"
    assert questionnaire["publisher"] == "The intake team"
    assert "not an ASAM assessment" in questionnaire["description"]
    items = questionnaire_items(questionnaire)
    for question in questions_for(triage.QUESTIONNAIRE_VERSION):
        item, _parent = items[question.key]
        assert item["text"] == question.both
        assert item["repeats"] is question.multiple
        assert [o["valueCoding"]["code"] for o in item["answerOption"]] == [
            code for code, _ in question.choices
        ]
        assert [o["valueCoding"]["display"] for o in item["answerOption"]] == [
            label for _, label in question.choices
        ]
    # Every triage choice is offered, so any valid answer can be coded.
    for key, choices in triage.CHOICES.items():
        codes = [o["valueCoding"]["code"] for o in items[key][0]["answerOption"]]
        assert codes == list(choices)


def test_questionnaire_response_matches_the_questionnaire():
    data = answers(substances=["alcohol", "opioids"], frequency="daily", withdrawal="moderate")
    document = response_for(data)
    assert_valid_response(document, fhir.build_questionnaire(BASE))
    assert document["status"] == "completed"
    assert document["authored"] == "2026-11-27T15:04:05+00:00"
    assert document["identifier"] == {
        "system": f"{BASE}/identifier/reference-code",
        "value": "ABCD2346",
    }
    items = {item["linkId"]: item for item, _ in walk(document["item"])}
    substances = [a["valueCoding"] for a in items["substances"]["answer"]]
    assert [c["code"] for c in substances] == ["alcohol", "opioids"]
    assert substances[0]["display"] == "Alcohol"
    assert items["frequency"]["answer"][0]["valueCoding"]["display"] == (
        "Every day or almost every day"
    )
    assert "danger_now" not in items  # nothing ticked: left out, not an empty answer
    assert items["crisis"]["answer"] == [{"valueBoolean": False}]
    assert items["suggested_level"]["answer"][0]["valueCoding"]["code"] == "iop"
    assert items["area_score_1"]["answer"] == [{"valueInteger": 1}]


def test_crisis_response_has_no_level_item():
    document = response_for(answers(danger_now=["overdose_signs", "suicide_plan"]))
    assert_valid_response(document, fhir.build_questionnaire(BASE))
    items = {item["linkId"]: item for item, _ in walk(document["item"])}
    assert "suggested_level" not in items
    assert items["crisis"]["answer"] == [{"valueBoolean": True}]
    assert [a["valueCoding"]["code"] for a in items["danger_now"]["answer"]] == [
        "suicide_plan",
        "overdose_signs",
    ]


@given(
    st.fixed_dictionaries(
        {key: st.sampled_from(choices) for key, choices in triage.CHOICES.items()}
    )
)
def test_any_valid_answers_make_a_valid_document(single):
    data = dict(single)
    data["danger_now"] = []
    data["substances"] = [data["substances"]]
    assert_valid_response(response_for(data), fhir.build_questionnaire(BASE))


def test_naive_authored_time_is_refused():
    with pytest.raises(ValueError, match="timezone"):
        fhir.build_questionnaire_response(
            BASE,
            reference_code="ABCD2346",
            authored=datetime(2026, 1, 1),
            version="2026-11",
            answers=answers(),
            crisis=False,
            suggested_level="outpatient",
            withdrawal_care="none",
            area_scores={},
        )


def test_a_crisis_response_with_answers_missing_is_stopped_not_completed():
    # A person in danger is not made to finish the form: only danger_now may be stored.
    document = fhir.build_questionnaire_response(
        BASE,
        reference_code="ABCD2346",
        authored=AUTHORED,
        version=triage.QUESTIONNAIRE_VERSION,
        answers={"danger_now": ["overdose_signs"]},
        crisis=True,
        suggested_level=None,
        withdrawal_care="none",
        area_scores={"1": 4},
    )
    assert document["status"] == "stopped"
    assert_valid_response(document, fhir.build_questionnaire(BASE))
    items = {item["linkId"]: item for item, _ in walk(document["item"])}
    assert set(items) == {
        "section-danger",
        "danger_now",
        RESULT_GROUP,
        "crisis",
        "withdrawal_care",
        "area_score_1",
    }


def test_an_empty_answer_to_a_required_question_is_not_complete():
    assert fhir.is_complete(answers(), triage.QUESTIONNAIRE_VERSION)
    assert fhir.is_complete(answers(danger_now=[]), triage.QUESTIONNAIRE_VERSION)
    assert not fhir.is_complete(answers(substances=[]), triage.QUESTIONNAIRE_VERSION)
    assert not fhir.is_complete(answers(for_whom=""), triage.QUESTIONNAIRE_VERSION)


@pytest.mark.parametrize("version", QUESTIONNAIRE_VERSIONS)
def test_code_systems_hold_every_code_the_questionnaire_uses(version):
    questionnaire = fhir.build_questionnaire(BASE, version=version)
    assert_valid_questionnaire(questionnaire)
    for item, _ in walk(questionnaire["item"]):
        for option in item.get("answerOption", []):
            coding = option["valueCoding"]
            resource_id = coding["system"].rsplit("/", 1)[1]
            key = fhir.code_system_key(resource_id)
            system = fhir.build_code_system(BASE, key, version=version)
            assert system["url"] == coding["system"]
            assert system["version"] == version
            assert FHIR_ID.match(system["id"])
            concepts = {c["code"]: c["display"] for c in system["concept"]}
            assert concepts[coding["code"]] == coding["display"]
    assert fhir.code_system_key("iop-guide-nonsense") is None
    with pytest.raises(KeyError):
        fhir.build_code_system(BASE, "nonsense", version=version)


def test_unknown_versions_are_refused():
    with pytest.raises(KeyError):
        fhir.build_questionnaire(BASE, version="1999-01")
    with pytest.raises(KeyError):
        fhir.build_code_system(BASE, "withdrawal", version="1999-01")
    with pytest.raises(KeyError):
        fhir.build_questionnaire_response(
            BASE,
            reference_code="ABCD2346",
            authored=AUTHORED,
            version="1999-01",
            answers=answers(),
            crisis=False,
            suggested_level="outpatient",
            withdrawal_care="none",
            area_scores={},
        )


def test_every_version_has_its_withdrawal_care_codes():
    assert set(fhir.WITHDRAWAL_CARE_DISPLAY_BY_VERSION) == set(QUESTIONNAIRE_VERSIONS)
    assert triage.QUESTIONNAIRE_VERSION in QUESTIONNAIRE_VERSIONS


def test_level_and_withdrawal_codes_cover_the_engine_and_the_models():
    from programs.models import WithdrawalCare

    assert set(fhir.LEVEL_DISPLAY) == set(triage.LEVELS)
    current = fhir.withdrawal_care_display(triage.QUESTIONNAIRE_VERSION)
    assert tuple(current) == triage.WITHDRAWAL_CARE
    # Stored responses of every version hold a code the model still accepts.
    every_version = {
        code for v in QUESTIONNAIRE_VERSIONS for code in fhir.withdrawal_care_display(v)
    }
    assert set(WithdrawalCare.values) == every_version


# -- Served at a stable URL -----------------------------------------------------------


@pytest.mark.django_db
def test_questionnaire_is_served_publicly_at_its_canonical_url(client):
    page = client.get("/fhir/Questionnaire/iop-guide")
    assert page.status_code == HTTPStatus.OK
    assert page["Content-Type"] == "application/fhir+json; charset=utf-8"
    assert "public" in page["Cache-Control"]
    questionnaire = json.loads(page.content)
    assert questionnaire["url"] == "http://testserver/fhir/Questionnaire/iop-guide"
    assert questionnaire["version"] == triage.QUESTIONNAIRE_VERSION
    versioned = client.get(f"/fhir/Questionnaire/iop-guide-{triage.QUESTIONNAIRE_VERSION}")
    assert json.loads(versioned.content) == questionnaire
    assert urlparse(questionnaire["url"]).path == "/fhir/Questionnaire/iop-guide"


@pytest.mark.django_db
@pytest.mark.parametrize("version", QUESTIONNAIRE_VERSIONS)
def test_every_version_stays_served_at_its_own_id(client, settings, version):
    settings.FHIR_BASE_URL = BASE
    page = client.get(f"/fhir/Questionnaire/iop-guide-{version}")
    assert page.status_code == HTTPStatus.OK
    questionnaire = json.loads(page.content)
    assert_valid_questionnaire(questionnaire)
    assert questionnaire["id"] == f"iop-guide-{version}"
    assert questionnaire["version"] == version
    # One canonical URL for every version; "|version" tells them apart.
    assert questionnaire["url"] == f"{BASE}/Questionnaire/iop-guide"
    assert questionnaire == fhir.build_questionnaire(
        BASE, version=version, publisher=settings.SITE_OPERATOR
    )


@pytest.mark.django_db
@pytest.mark.parametrize("version", QUESTIONNAIRE_VERSIONS)
def test_a_code_system_is_served_in_the_version_asked_for(client, version):
    page = client.get(f"/fhir/CodeSystem/iop-guide-withdrawal-care?version={version}")
    assert page.status_code == HTTPStatus.OK
    system = json.loads(page.content)
    assert system["version"] == version
    assert [c["code"] for c in system["concept"]] == list(fhir.withdrawal_care_display(version))
    current = json.loads(client.get("/fhir/CodeSystem/iop-guide-withdrawal-care").content)
    assert current["version"] == triage.QUESTIONNAIRE_VERSION


# Addresses of FHIR resources that do not exist (also validated by test_fhir_oracle.py).
NOT_FOUND_PATHS = [
    "/fhir/Questionnaire/iop-guide-1999-01",
    "/fhir/Questionnaire/other",
    "/fhir/CodeSystem/iop-guide-nonsense",
    "/fhir/CodeSystem/%00",
    "/fhir/CodeSystem/iop-guide-withdrawal?version=1999-01",
    "/fhir/CodeSystem/iop-guide-withdrawal-care?version=2099-01",
    "/fhir/Questionnaire/iop-guide-withdrawal-care",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", NOT_FOUND_PATHS)
def test_unknown_fhir_resources_are_a_404_operation_outcome(client, path):
    page = client.get(path)
    assert page.status_code == HTTPStatus.NOT_FOUND
    assert json.loads(page.content)["resourceType"] == "OperationOutcome"


@pytest.mark.django_db
def test_fhir_endpoints_only_answer_get(client):
    assert client.post("/fhir/Questionnaire/iop-guide").status_code == (
        HTTPStatus.METHOD_NOT_ALLOWED
    )


@pytest.mark.django_db
def test_every_code_system_the_questionnaire_names_is_served(client):
    questionnaire = json.loads(client.get("/fhir/Questionnaire/iop-guide").content)
    systems = {
        option["valueCoding"]["system"]
        for item, _ in walk(questionnaire["item"])
        for option in item.get("answerOption", [])
    }
    assert len(systems) == len(fhir.code_system_keys())
    for system in systems:
        page = client.get(urlparse(system).path)
        assert page.status_code == HTTPStatus.OK
        assert json.loads(page.content)["url"] == system


@pytest.mark.django_db
def test_fhir_base_url_setting_fixes_the_canonical_urls(client, settings):
    settings.FHIR_BASE_URL = BASE
    questionnaire = json.loads(client.get("/fhir/Questionnaire/iop-guide").content)
    assert questionnaire["url"] == f"{BASE}/Questionnaire/iop-guide"


# -- Exported from the admin ----------------------------------------------------------


@pytest.mark.django_db
def test_admin_export_is_a_valid_response_to_the_served_questionnaire(client):
    stored = make_response(for_whom="someone_else", substances=["alcohol"], frequency="daily")
    force_login_verified(client, intake_user())
    url = reverse("admin:programs_response_export", args=[stored.pk, "fhir"])
    page = client.post(url)
    assert page.status_code == HTTPStatus.OK
    assert page["Content-Type"].startswith("application/fhir+json")
    assert f"iop-guide-{stored.reference_code}" in page["Content-Disposition"]
    assert "no-store" in page["Cache-Control"]
    document = json.loads(page.content)
    canonical, version = document["questionnaire"].split("|")
    served = json.loads(client.get(urlparse(canonical).path).content)
    assert served["version"] == version == stored.questionnaire_version
    assert_valid_response(document, served)
    items = {item["linkId"]: item for item, _ in walk(document["item"])}
    for key, value in stored.answers.items():
        codes = value if isinstance(value, list) else [value]
        if codes:
            assert [a["valueCoding"]["code"] for a in items[key]["answer"]] == codes
    assert items["suggested_level"]["answer"][0]["valueCoding"]["code"] == (
        stored.suggested_level.slug
    )
    # Contact details stay out of the clinical document.
    assert "Robin" not in page.content.decode()


@pytest.mark.django_db
def test_export_urls_need_post_and_a_known_format(client):
    stored = make_response()
    force_login_verified(client, intake_user())
    url = reverse("admin:programs_response_export", args=[stored.pk, "fhir"])
    assert client.get(url).status_code == HTTPStatus.FOUND
    missing = reverse("admin:programs_response_export", args=[999999, "fhir"])
    assert client.post(missing).status_code == HTTPStatus.NOT_FOUND
