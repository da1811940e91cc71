"""Safe contact (voicemail, texts, safe times): staff read it first, everywhere it shows."""

import csv
import io
from http import HTTPStatus

import pytest
from django.urls import reverse

from programs.intake import exports
from programs.models import ContactRequest
from tests.factories.intake import intake_user, make_response, share
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db

WORKSPACE = reverse("admin:intake_workspace")


@pytest.fixture
def intake(client):
    force_login_verified(client, intake_user())
    return client


def detail(client, response) -> str:
    page = client.get(reverse("admin:programs_response_change", args=[response.pk]))
    assert page.status_code == HTTPStatus.OK
    return page.content.decode()


def test_the_response_page_shows_safe_contact_before_the_contact_details(intake):
    response = make_response()
    share(response, name="Dana Caller", phone="+12125550199", safe_times="after 6 pm")
    html = detail(intake, response)
    safe = html.index("Before you contact them")
    assert safe < html.index("Dana Caller")
    assert safe < html.index("(212) 555-0199")
    assert "Do not leave a voicemail" in html
    assert "Do not send texts" in html
    assert "after 6 pm" in html
    assert '<a href="tel:+1-212-555-0199">(212) 555-0199</a>' in html


def test_allowed_messages_are_said_plainly(intake):
    response = make_response()
    share(response, phone="+12125550199", voicemail_ok=True, text_ok=True)
    html = detail(intake, response)
    assert "OK to leave a voicemail" in html
    assert "OK to send a text" in html


def test_old_free_text_numbers_still_show_as_stored(intake):
    response = make_response()
    share(response, phone="555-0100 evenings")
    html = detail(intake, response)
    assert "555-0100 evenings" in html
    assert 'href="tel:555-0100"' in html


def test_an_email_only_request_shows_no_phone_preferences(intake):
    response = make_response()
    share(response, phone="", email="a@example.org")
    html = detail(intake, response)
    assert "Before you contact them" not in html
    assert "voicemail" not in html.lower()


def test_the_workspace_queue_shows_safe_contact_on_each_row(intake):
    first = make_response()
    share(first, phone="+12125550199", voicemail_ok=True, safe_times="=HYPERLINK() <b>x</b>")
    second = make_response()
    share(second, phone="", email="b@example.org")
    html = intake.get(WORKSPACE).content.decode()
    assert "Voicemail OK" in html
    assert "texts not OK" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html  # the person's words, escaped
    assert "<b>x</b>" not in html
    assert "b@example.org" in html


def test_csv_has_safe_contact_columns_before_the_details():
    response = make_response()
    share(response, phone="+12125550199", text_ok=True, safe_times="=not a formula")
    anonymous = make_response()
    out = io.StringIO()
    exports.write_csv([response, anonymous], out)
    reader = csv.reader(io.StringIO(out.getvalue()))
    header = next(reader)
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in reader}
    assert header.index("OK to leave a voicemail") < header.index("Contact name")
    assert header.index("Safe times to call") < header.index("Phone")
    row = rows[response.reference_code]
    assert row["OK to leave a voicemail"] == "No"
    assert row["OK to send a text"] == "Yes"
    assert row["Safe times to call"] == "'=not a formula"
    assert row["Phone"] == "(212) 555-0199"
    blank = rows[anonymous.reference_code]
    assert blank["OK to leave a voicemail"] == blank["Safe times to call"] == ""


def test_csv_leaves_message_preferences_blank_without_a_phone():
    response = make_response()
    contact = share(response, phone="", email="c@example.org")
    assert isinstance(contact, ContactRequest)
    out = io.StringIO()
    exports.write_csv([response], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["OK to leave a voicemail"] == ""
    assert row["OK to send a text"] == ""
