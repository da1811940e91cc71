"""The share form: safe contact, clear errors, Post/Redirect/Get and tampered submissions."""

import logging
from http import HTTPStatus
from unittest import mock

import pytest
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programs.models import ContactRequest, Response
from programs.questionnaire import services
from tests.factories.intake import make_response, share

pytestmark = pytest.mark.django_db

VALID = {
    "consent": "on",
    "name": "Sam",
    "phone": "(212) 555-0199",
    "email": "",
    "best_time": "evening",
    "preferred_language": "en",
}


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATELIMIT_ENABLED = False


@pytest.fixture
def stored():
    return make_response()


def share_url(response: Response, language: str = "") -> str:
    url = reverse("programs:share", args=[response.public_token])
    return f"/es{url}" if language == "es" else url


def done_url(response: Response) -> str:
    return reverse("programs:share_done", args=[response.public_token])


def post(client: Client, response: Response, data: dict, language: str = ""):
    return client.post(share_url(response, language), data, follow=True)


# --- Safe contact -------------------------------------------------------------------


def test_messages_are_not_ok_unless_the_person_says_yes(client, stored):
    post(client, stored, VALID)
    contact = ContactRequest.objects.get()
    assert (contact.voicemail_ok, contact.text_ok, contact.safe_times) == (False, False, "")


def test_voicemail_text_and_safe_times_are_stored_and_confirmed(client, stored):
    data = {**VALID, "voicemail_ok": "on", "text_ok": "on", "safe_times": "  after  6 pm "}
    page = post(client, stored, data)
    contact = ContactRequest.objects.get()
    assert (contact.voicemail_ok, contact.text_ok, contact.safe_times) == (
        True,
        True,
        "after 6 pm",
    )
    assert contact.phone == "+12125550199"
    html = page.content.decode()
    assert '<a class="tap" href="tel:+1-212-555-0199">(212) 555-0199</a>' in html
    assert "OK to leave a voicemail" in html
    assert "OK to send a text" in html
    assert "after 6 pm" in html


def test_share_done_says_no_messages_when_none_were_allowed(client, stored):
    html = post(client, stored, VALID).content.decode()
    assert "We won't leave a voicemail" in html
    assert "We won't send a text" in html


def test_without_a_phone_no_message_preference_is_stored(client, stored):
    data = {
        **VALID,
        "phone": "",
        "email": "sam@example.org",
        "voicemail_ok": "on",
        "text_ok": "on",
    }
    post(client, stored, data)
    contact = ContactRequest.objects.get()
    assert (contact.voicemail_ok, contact.text_ok) == (False, False)


def test_safe_times_over_the_limit_are_refused_with_the_count(client, stored):
    html = post(client, stored, {**VALID, "safe_times": "x" * 121}).content.decode()
    assert "under 120 characters (you wrote 121)" in html
    assert not ContactRequest.objects.exists()


# --- Errors: the friendly message only, in both languages ---------------------------


@pytest.mark.parametrize(
    ("language", "message"),
    [("", "Give a phone number or an email address."), ("es", "")],
)
def test_no_phone_or_email_shows_one_friendly_message_not_the_constraint(
    client, stored, language, message
):
    html = post(client, stored, {**VALID, "phone": ""}, language).content.decode()
    assert "contact_phone_or_email" not in html
    assert "Constraint" not in html
    assert "Restricción" not in html
    if message:
        # In the error summary at the top and beside the phone field; no third copy.
        assert html.count(message) == 2
        assert 'id="error_1_id_phone"' in html or "id_phone" in html.split(message)[1][:400]
    assert not ContactRequest.objects.exists()


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("555-0199", "Please add the 3-digit area code"),
        ("212 555 019", "This phone number is too short"),
        ("212 555 019999", "too many digits"),
        ("call me maybe", "use only numbers"),
        ("(099) 555-0199", "isn&#x27;t a US phone number we can call"),
        ("+44 20 7946 0958", "Please give a US phone number"),
        ("212\x07555 0199", "can only have numbers, spaces, dashes and brackets"),
    ],
)
def test_phone_problems_say_what_is_wrong(client, stored, phone, message):
    page = post(client, stored, {**VALID, "phone": phone})
    html = page.content.decode()
    assert message in html
    assert "contact_phone_or_email" not in html
    assert not ContactRequest.objects.exists()


def test_a_phone_error_shows_the_number_again_to_correct(client, stored):
    html = post(client, stored, {**VALID, "phone": "555-0199"}).content.decode()
    assert 'value="555-0199"' in html
    assert 'value="Sam"' in html


# --- Post/Redirect/Get ---------------------------------------------------------------


def test_a_failed_submit_redirects_and_its_values_are_shown_only_once(client, stored):
    response = client.post(share_url(stored), {**VALID, "phone": "555-0199"})
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == share_url(stored)
    first = client.get(share_url(stored)).content.decode()
    assert "Please add the 3-digit area code" in first
    again = client.get(share_url(stored)).content.decode()
    assert "Please add the 3-digit area code" not in again
    assert 'value="555-0199"' not in again


def test_the_kept_values_leave_no_session_behind(client, stored):
    from django.contrib.sessions.models import Session

    client.post(share_url(stored), {**VALID, "phone": "555-0199"})
    assert Session.objects.count() == 1
    client.get(share_url(stored))
    assert Session.objects.count() == 0


def test_a_failed_submit_keeps_only_the_form_fields_and_a_bounded_length(client, stored):
    from django.contrib.sessions.models import Session

    data = {**VALID, "name": "N" * 50_000, "extra": "not kept", "phone": "1"}
    client.post(share_url(stored), data)
    kept = Session.objects.get().get_decoded()[f"share-form:{stored.public_token}"]
    assert "extra" not in kept
    assert "csrfmiddlewaretoken" not in kept
    assert len(kept["name"][0]) == 10_000


def test_a_staff_session_is_kept_when_the_values_are_taken(admin_client, stored):
    admin_client.post(share_url(stored), {**VALID, "phone": "555-0199"})
    admin_client.get(share_url(stored))
    assert admin_client.get("/admin/").status_code == HTTPStatus.OK  # still signed in


# --- Repeated and simultaneous submits ------------------------------------------------


def test_a_second_submit_shows_already_shared_and_changes_nothing(client, stored):
    post(client, stored, VALID)
    page = post(client, stored, {**VALID, "name": "Other", "phone": "(212) 555-0100"})
    assert page.redirect_chain[-1][0] == f"{done_url(stored)}?already=1"
    assert "You have already shared your details" in page.content.decode()
    contact = ContactRequest.objects.get()
    assert (contact.name, contact.phone) == ("Sam", "+12125550199")


def test_back_to_the_form_after_sharing_says_already_shared(client, stored):
    post(client, stored, VALID)
    page = client.get(share_url(stored), follow=True)
    assert "You have already shared your details" in page.content.decode()


def test_a_simultaneous_second_submit_is_already_shared_not_a_500(client, stored):
    real_share = services.share_contact

    def first_click_commits_in_between(response, contact):
        # The other request passed the "already shared?" check too, and saved first.
        real_share(response, ContactRequest(consent=True, name="Sam", phone="+12125550199"))
        return real_share(response, contact)

    with mock.patch.object(services, "share_contact", first_click_commits_in_between):
        response = client.post(share_url(stored), {**VALID, "name": "Twin"})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{done_url(stored)}?already=1"
    assert ContactRequest.objects.get().name == "Sam"


def test_share_contact_raises_already_shared_and_keeps_the_first(stored):
    share(stored, name="First")
    with pytest.raises(services.AlreadyShared):
        services.share_contact(stored, ContactRequest(consent=True, name="Second", phone="+1"))
    assert ContactRequest.objects.get().name == "First"


def test_share_contact_reraises_other_integrity_errors(stored):
    with pytest.raises(IntegrityError):
        services.share_contact(stored, ContactRequest(consent=False, name="X", phone="+1"))
    assert not ContactRequest.objects.exists()


# --- Tampered submissions -------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"best_time": "midnight"}, "isn&#x27;t one of the choices"),
        ({"preferred_language": "klingon"}, "isn&#x27;t one of the choices"),
        ({"name": "Sam\x00"}, "Null characters are not allowed"),
        ({"email": "a\x00@example.org", "phone": ""}, "Null characters are not allowed"),
        ({"name": "x" * 10_000}, "at most 100 characters"),
        ({"safe_times": "y" * 10_000}, "under 120 characters"),
        ({"phone": "2" * 10_000}, "at most 30 characters"),
        ({"consent": ""}, "tick this box"),
    ],
)
def test_tampered_fields_are_refused_with_a_message(client, stored, change, message):
    data = {**VALID, **change}
    data = {k: v for k, v in data.items() if v != "" or k != "consent"}
    page = post(client, stored, data)
    assert page.status_code == HTTPStatus.OK
    assert message in page.content.decode()
    assert not ContactRequest.objects.exists()


def test_missing_consent_stores_nothing(client, stored):
    data = {k: v for k, v in VALID.items() if k != "consent"}
    assert "tick this box" in post(client, stored, data).content.decode()
    assert not ContactRequest.objects.exists()


def test_duplicated_keys_are_refused_not_guessed(client, stored):
    data = {**VALID, "phone": ["(212) 555-0199", "(212) 555-0100"]}
    html = post(client, stored, data).content.decode()
    assert "Please fill this in once." in html
    assert not ContactRequest.objects.exists()


def test_control_characters_in_names_are_cleaned(client, stored):
    post(client, stored, {**VALID, "name": "Sam\x1b[31m \u200b Lee"})
    assert ContactRequest.objects.get().name == "Sam [31m Lee"


@pytest.mark.parametrize("method", ["get", "post"])
def test_unknown_tokens_are_404(client, method):
    for url in ("/results/nope/share/", "/results/nope/shared/", "/es/results/nope/share/"):
        response = getattr(client, method)(url, VALID)
        expected = HTTPStatus.METHOD_NOT_ALLOWED if method == "post" and "shared" in url else 404
        assert response.status_code == expected


def test_no_personal_details_are_logged(client, stored, caplog):
    caplog.set_level(logging.DEBUG)
    post(client, stored, {**VALID, "name": "Quillon Vesper", "phone": "555-0147"})
    post(client, stored, {**VALID, "name": "Quillon Vesper", "voicemail_ok": "on"})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for private in ("Quillon", "Vesper", "555-0147", "555-0199", "2125550199"):
        assert private not in logged


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.dictionaries(
        st.sampled_from(
            [
                "name",
                "phone",
                "email",
                "voicemail_ok",
                "text_ok",
                "safe_times",
                "best_time",
                "preferred_language",
                "consent",
                "website",
            ]
        ),
        st.text(max_size=200) | st.lists(st.text(max_size=30), max_size=3),
    )
)
def test_random_submissions_are_stored_whole_or_refused_never_a_500(client, data):
    stored = make_response()
    response = client.post(share_url(stored), data)
    assert response.status_code in {HTTPStatus.FOUND, HTTPStatus.SEE_OTHER}
    count = ContactRequest.objects.filter(response=stored).count()
    if response.status_code == HTTPStatus.SEE_OTHER:
        assert count == 0
        assert client.get(response["Location"]).status_code == HTTPStatus.OK
    else:
        contact = ContactRequest.objects.filter(response=stored).first()
        assert count in {0, 1}
        if contact is not None:
            assert contact.consent
            assert contact.phone or contact.email
            assert not contact.phone or contact.phone.startswith("+1")
