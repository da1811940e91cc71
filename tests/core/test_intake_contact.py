"""INTAKE_PHONE, INTAKE_EMAIL and INTAKE_HOURS: read and checked at start-up, and shown as one
sentence on the about, privacy and "details shared" pages and in the footer, or not at all."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils.html import strip_tags

from iopguide.settings import env_email, env_phone
from programs.models import ContactRequest, Response
from tests.core.test_settings import run_settings
from tests.factories.questionnaire import answers

pytestmark = pytest.mark.django_db

PHONE = "+1 (555) 010-0199"
TEL = 'href="tel:+15550100199"'
EMAIL = "intake@example.org"
HOURS = "Mon–Fri 9:00–17:00"
PROMISES = ["Call our intake team", "Write to our intake team", "if you call us", "Call or write"]


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer') :]


def main(html: str) -> str:
    return html[html.index('<main id="main"') : html.index("</main>")]


def shared_page(client) -> str:
    stored = Response.objects.record(answers())
    ContactRequest.objects.create(response=stored, consent=True, name="Ana", phone="5550101")
    return f"/results/{stored.public_token}/shared/"


def pages(client) -> dict[str, str]:
    return {"about": "/about/", "privacy": "/privacy/", "share-done": shared_page(client)}


def read(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return response.content.decode()


# -- Shown, or left out --------------------------------------------------------------------


def test_nothing_is_promised_when_no_contact_is_set(client, settings):
    settings.INTAKE_PHONE = settings.INTAKE_EMAIL = settings.INTAKE_HOURS = ""
    for name, url in {**pages(client), "home": "/"}.items():
        html = read(client, url)
        for promise in PROMISES:
            assert promise not in html, (name, promise)
        assert 'class="small mt-3 mb-0 intake-contact"' not in html, name
        assert "mailto:" not in html, name
        # The crisis and helplines are still linked for calling; nothing else is.
        assert "tel:+1555" not in html, name
        assert "(hours:" not in html, name


def test_hours_alone_promise_nothing(client, settings):
    settings.INTAKE_PHONE = settings.INTAKE_EMAIL = ""
    settings.INTAKE_HOURS = HOURS
    for url in pages(client).values():
        assert HOURS not in read(client, url)


def test_privacy_and_share_done_read_well_without_a_contact(client, settings):
    settings.INTAKE_PHONE = settings.INTAKE_EMAIL = ""
    privacy = strip_tags(read(client, "/privacy/"))
    assert "ask our intake team when they get in touch with you" in privacy
    assert "An administrator will delete your answers" in privacy
    done = strip_tags(read(client, shared_page(client)))
    assert "Keep it handy: it lets our intake team find your answers." in done


@pytest.mark.parametrize("name", ["about", "privacy", "share-done"])
def test_phone_email_and_hours_on_the_page_and_in_the_footer(client, settings, name):
    settings.INTAKE_PHONE, settings.INTAKE_EMAIL, settings.INTAKE_HOURS = PHONE, EMAIL, HOURS
    html = read(client, pages(client)[name])
    sentence = (
        f'Call our intake team at <a href="tel:+15550100199">{PHONE}</a> (hours: {HOURS}) '
        f'or write to <a href="mailto:{EMAIL}">{EMAIL}</a>.'
    )
    assert sentence in main(html)
    assert sentence in footer(html)


def test_the_footer_of_every_page_gives_the_contact(client, settings):
    settings.INTAKE_PHONE, settings.INTAKE_EMAIL = PHONE, EMAIL
    for url in ["/", "/levels/iop/", "/compare/", "/questionnaire/", "/es/"]:
        assert TEL in footer(read(client, url)), url


def test_privacy_tells_how_to_ask_for_deletion(client, settings):
    settings.INTAKE_PHONE, settings.INTAKE_EMAIL, settings.INTAKE_HOURS = PHONE, "", ""
    privacy = main(read(client, "/privacy/"))
    assert (
        f'Call our intake team at <a href="tel:+15550100199">{PHONE}</a>. '
        "Give them your reference code."
    ) in privacy
    assert "when they get in touch" not in privacy


@pytest.mark.parametrize(
    ("phone", "email", "hours", "expected"),
    [
        (PHONE, "", HOURS, f'<a href="tel:+15550100199">{PHONE}</a> (hours: {HOURS}).'),
        (PHONE, "", "", f'Call our intake team at <a href="tel:+15550100199">{PHONE}</a>.'),
        (
            "555-0199",
            EMAIL,
            "",
            f'<a href="tel:5550199">555-0199</a> or write to <a href="mailto:{EMAIL}">',
        ),
        ("", EMAIL, HOURS, f'Write to our intake team at <a href="mailto:{EMAIL}">{EMAIL}</a>.'),
    ],
)
def test_the_sentence_says_only_what_is_set(client, settings, phone, email, hours, expected):
    settings.INTAKE_PHONE, settings.INTAKE_EMAIL, settings.INTAKE_HOURS = phone, email, hours
    html = read(client, "/about/")
    assert expected in main(html)
    if not phone:
        assert "tel:+1555" not in html
        assert HOURS not in html


def test_share_done_keeps_the_code_and_adds_the_contact(client, settings):
    settings.INTAKE_PHONE, settings.INTAKE_EMAIL = PHONE, ""
    html = main(read(client, shared_page(client)))
    assert "Keep it handy: it lets our intake team find your answers." in html
    assert TEL in html
    assert "if you call us" not in html


def test_spanish_pages_link_the_same_number(client, settings):
    settings.INTAKE_PHONE, settings.INTAKE_EMAIL = PHONE, EMAIL
    html = read(client, "/es/about/")
    assert TEL in main(html)
    assert f'href="mailto:{EMAIL}"' in footer(html)


def test_hours_are_escaped(client, settings):
    settings.INTAKE_PHONE, settings.INTAKE_HOURS = PHONE, "<b>9–5</b>"
    html = read(client, "/about/")
    assert "<b>9–5</b>" not in html
    assert "&lt;b&gt;9–5&lt;/b&gt;" in html


# -- Read and checked at start-up ----------------------------------------------------------


def test_contact_settings_are_empty_by_default(monkeypatch):
    for name in ["INTAKE_PHONE", "INTAKE_EMAIL"]:
        monkeypatch.delenv(name, raising=False)
    assert env_phone("INTAKE_PHONE") == ""
    assert env_email("INTAKE_EMAIL") == ""


@pytest.mark.parametrize(
    "raw", ["+1 (555) 010-0199", "555-010-0199", "(555) 010 0199", "555.010.0199", "988"]
)
def test_env_phone_takes_numbers_as_people_write_them(monkeypatch, raw):
    monkeypatch.setenv("SOME_PHONE", f" {raw} ")
    assert env_phone("SOME_PHONE") == raw


@pytest.mark.parametrize(
    "raw", ["call us", "555-CALL-NOW", "555 0199 ext. 2", "1+555", "--", "12"]
)
def test_env_phone_rejects_what_is_not_a_number(monkeypatch, raw):
    monkeypatch.setenv("SOME_PHONE", raw)
    with pytest.raises(ImproperlyConfigured, match="SOME_PHONE must be a phone number"):
        env_phone("SOME_PHONE")


@pytest.mark.parametrize("raw", ["intake", "intake@", "@example.org", "a b@example.org"])
def test_env_email_rejects_malformed_addresses(monkeypatch, raw):
    monkeypatch.setenv("SOME_EMAIL", raw)
    with pytest.raises(ImproperlyConfigured, match="SOME_EMAIL must be an email address"):
        env_email("SOME_EMAIL")


def test_env_email_takes_an_address(monkeypatch):
    monkeypatch.setenv("SOME_EMAIL", " intake@example.org ")
    assert env_email("SOME_EMAIL") == "intake@example.org"


def test_site_starts_with_well_formed_contact_settings():
    result = run_settings(
        DEBUG="0", SECRET_KEY="x" * 50, INTAKE_PHONE=PHONE, INTAKE_EMAIL=EMAIL, INTAKE_HOURS=HOURS
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"INTAKE_PHONE": "call 555-0199"}, "INTAKE_PHONE must be a phone number"),
        ({"INTAKE_EMAIL": "intake.example.org"}, "INTAKE_EMAIL must be an email address"),
    ],
)
def test_malformed_contact_settings_stop_the_site_with_a_clear_message(env, message):
    result = run_settings(DEBUG="0", SECRET_KEY="x" * 50, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr
