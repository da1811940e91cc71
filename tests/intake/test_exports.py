import csv
import io
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from programs.intake import exports, fhir
from programs.models import AuditEntry, ContactStatus, Response
from programs.questionnaire import triage
from programs.questionnaire.questions import QUESTIONNAIRE_VERSIONS, QUESTIONS, questions_for
from tests.factories.intake import intake_user, make_response, share
from tests.factories.questionnaire import answers
from tests.factories.two_factor import force_login_verified

EXPORT_CSV = reverse("admin:intake_workspace_export", args=["csv"])
WORKSPACE = reverse("admin:intake_workspace")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Robin", "Robin"),
        ("", ""),
        (None, ""),
        (3, "3"),
    ],
)
def test_cells_that_would_run_as_formulas_are_quoted(value, cell):
    assert exports.safe_cell(value) == cell


@given(st.text())
def test_no_cell_ever_starts_a_formula(text):
    assert not exports.safe_cell(text).startswith(exports.FORMULA_STARTS)


def read_csv(content: bytes) -> list[dict[str, str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.mark.django_db
def test_csv_export_has_one_readable_row_per_listed_response(client):
    calm = make_response(substances=["alcohol", "cannabis"], frequency="daily")
    crisis = make_response(danger_now=["withdrawal_emergency"], for_whom="someone_else")
    spanish = make_response()
    Response.objects.filter(pk=spanish.pk).update(language="es")  # filtered out
    share(calm, name="=cmd|' /C calc'!A0", phone="+1 555 0100", email="a@example.org")
    force_login_verified(client, intake_user())
    page = client.post(f"{EXPORT_CSV}?language=en")
    assert page.status_code == HTTPStatus.OK
    assert page["Content-Type"] == "text/csv; charset=utf-8"
    assert page["Content-Disposition"].startswith('attachment; filename="iop-guide-responses-')
    rows = read_csv(page.content)
    assert len(rows) == 2
    by_code = {row["Reference code"]: row for row in rows}
    first = by_code[calm.reference_code]
    assert first["Suggested level to discuss"] == calm.suggested_level.name
    assert first["Crisis: danger right now"] == "No"
    assert first["Answered for"] == "Themselves"
    assert first["Which substances are a concern?"] == "Alcohol; Cannabis (marijuana, weed)"
    assert first["How often is the substance used?"] == "Every day or almost every day"
    assert first["Is any of this happening right now?"] == "None of these"
    assert first["Contact request status"] == "New"
    assert first["Contact name"] == "'=cmd|' /C calc'!A0"
    assert first["Phone"] == "'+1 555 0100"
    assert "Should not stop alcohol or benzodiazepines suddenly" in first["Flags"]
    assert first["Area 1 score (0-4): Intoxication and withdrawal"] == str(calm.area_scores["1"])
    second = by_code[crisis.reference_code]
    assert second["Crisis: danger right now"] == "Yes"
    assert second["Suggested level to discuss"] == ""
    assert second["Contact request status"] == "No contact request"
    assert second["Answered for"] == "Someone else"
    assert second["Is any of this happening right now?"].startswith("During withdrawal: a seizure")


@pytest.mark.django_db
def test_csv_header_names_every_question_in_plain_words():
    header = exports.csv_header()
    assert len(header) == len(set(header))
    for question in QUESTIONS:
        assert question.both in header
    assert not [column for column in header if "_" in column]


def test_csv_has_one_column_per_question_of_every_version():
    keys = [question.key for question in exports.csv_questions()]
    assert keys[: len(QUESTIONS)] == [question.key for question in QUESTIONS]
    for version in QUESTIONNAIRE_VERSIONS:
        assert {question.key for question in questions_for(version)} <= set(keys)


def test_flag_labels_name_every_flag_the_engine_sets():
    assert set(triage.FLAGS) <= set(exports.FLAG_LABELS)
    assert not [label for label in exports.FLAG_LABELS.values() if "_" in label]


def csv_rows(responses: list[Response]) -> dict[str, dict[str, str]]:
    out = io.StringIO()
    exports.write_csv(responses, out)
    return {row["Reference code"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}


@pytest.mark.django_db
def test_withdrawal_care_is_named_as_in_the_responses_own_version():
    current = make_response(withdrawal="mild")
    care = fhir.withdrawal_care_display(current.questionnaire_version)
    earlier = Response.objects.create(
        questionnaire_version="2026-11",
        for_whom="self",
        answers={"withdrawal": "mild"},
        suggested_level=current.suggested_level,
        withdrawal_care="ambulatory",
        area_scores={"1": 0},
    )
    rows = csv_rows([current, earlier])
    assert rows[current.reference_code]["Withdrawal care"] == care[current.withdrawal_care]
    assert rows[earlier.reference_code]["Withdrawal care"] == (
        "Ambulatory (outpatient) withdrawal care"
    )
    assert rows[earlier.reference_code]["Questionnaire version"] == "2026-11"


@pytest.mark.django_db
def test_a_crisis_response_with_answers_missing_exports_blanks_not_an_error():
    # Version 2 stores a crisis as soon as danger_now is ticked, before the rest is filled in.
    crisis = Response.objects.create(
        questionnaire_version="2026-12",
        for_whom="",
        answers={"danger_now": ["harm_others"]},
        crisis=True,
        withdrawal_care="none",
        area_scores={},
    )
    row = csv_rows([crisis])[crisis.reference_code]
    assert row["Crisis: danger right now"] == "Yes"
    assert row["Answered for"] == ""
    assert row["Is any of this happening right now?"] == "Could seriously hurt someone else"
    assert [row[question.both] for question in QUESTIONS[1:]] == [""] * (len(QUESTIONS) - 1)
    assert row["Area 1 score (0-4): Intoxication and withdrawal"] == ""


@pytest.mark.django_db
def test_csv_export_from_the_detail_page_has_one_row(client):
    response = make_response()
    share(response, status=ContactStatus.CLOSED)
    force_login_verified(client, intake_user())
    page = client.post(reverse("admin:programs_response_export", args=[response.pk, "csv"]))
    rows = read_csv(page.content)
    assert [row["Reference code"] for row in rows] == [response.reference_code]
    assert rows[0]["Contact request status"] == "Closed"


@pytest.mark.django_db
def test_too_large_an_export_is_refused_with_a_message(client, monkeypatch):
    monkeypatch.setattr(exports, "MAX_EXPORT", 2)
    for _ in range(3):
        make_response()
    force_login_verified(client, intake_user())
    page = client.post(EXPORT_CSV, follow=True)
    assert page["Content-Type"].startswith("text/html")
    assert "export at most 2 at a time" in page.content.decode()
    assert not AuditEntry.objects.filter(action="exported").exists()


@pytest.mark.django_db
def test_the_export_has_every_page_of_the_list(client):
    for _ in range(3):
        make_response()
    force_login_verified(client, intake_user())
    page = client.post(f"{EXPORT_CSV}?page=2")
    assert len(read_csv(page.content)) == Response.objects.count() == 3


@pytest.mark.django_db
def test_users_without_the_export_permission_get_no_export_buttons(client):
    user = intake_user()
    user.groups.first().permissions.remove(
        *user.groups.first().permissions.filter(codename="export_response")
    )
    force_login_verified(client, user)
    response = make_response()
    html = client.get(WORKSPACE).content.decode()
    assert response.reference_code in html
    assert "Download CSV" not in html
    assert client.post(EXPORT_CSV).status_code == HTTPStatus.FORBIDDEN
    url = reverse("admin:programs_response_export", args=[response.pk, "csv"])
    assert client.post(url).status_code == HTTPStatus.FORBIDDEN


@pytest.mark.django_db
def test_csv_is_in_english_whatever_language_is_active():
    response = Response.objects.record(answers(frequency="daily"), language="es")
    out = io.StringIO()
    with translation.override("es"):
        assert exports.write_csv([response], out) == 1
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["How often is the substance used?"] == "Every day or almost every day"
    assert row["Questionnaire language"] == "Spanish"
