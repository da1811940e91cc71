"""No public page takes files (issue #18, hole 10).

A 20 MB file part in a multipart POST to the questionnaire was read and parsed (into
memory and temporary files) before the form ignored it. Public URLs now refuse, with the
400 page and before Django parses them, multipart bodies with a file part or larger than
a form body may be; the admin is left alone.
"""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import request as http_request
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from programs.models import ContactRequest, ListingReport, Response, TreatmentLevel
from tests.factories.directory import make_program
from tests.factories.intake import content_user, make_response
from tests.factories.questionnaire import answers, as_post

pytestmark = pytest.mark.django_db

TWENTY_MB = 20 * 1024 * 1024
CONTACT = {
    "consent": "on",
    "name": "Robin",
    "phone": "212 555 0101",
    "best_time": "any",
    "preferred_language": "en",
}


@pytest.fixture
def never_parsed(monkeypatch):
    """Fail the test if Django starts parsing the multipart body."""

    def refuse(*args, **kwargs):
        raise AssertionError("the multipart body was parsed")

    monkeypatch.setattr(http_request, "MultiPartParser", refuse)


def public_posts(stored: Response) -> list[tuple[str, dict]]:
    program = make_program()
    return [
        ("/questionnaire/", as_post(answers())),
        ("/es/questionnaire/", as_post(answers())),
        (f"/results/{stored.public_token}/share/", CONTACT),
        (f"/es/results/{stored.public_token}/share/", CONTACT),
        (f"/results/{stored.public_token}/delete/", {}),
        (program.get_absolute_url(), {"kind": "wrong_phone", "details": "x"}),
    ]


def assert_nothing_stored(stored: Response) -> None:
    assert Response.objects.count() == 1
    assert Response.objects.filter(pk=stored.pk).exists()
    assert not ContactRequest.objects.exists()
    assert not ListingReport.objects.exists()


def test_a_20_mb_file_part_is_refused_unread(client, never_parsed):
    stored = make_response()
    big = SimpleUploadedFile("scan.pdf", b"%PDF" + b"0" * TWENTY_MB, "application/pdf")
    for url, data in public_posts(stored):
        page = client.post(url, {**data, "attachment": big})
        big.seek(0)
        assert page.status_code == HTTPStatus.BAD_REQUEST, url
        assert "988" in page.content.decode()  # the site's error page, with crisis help
    assert_nothing_stored(stored)


def test_a_small_file_part_is_refused_too(client, never_parsed):
    stored = make_response()
    for url, data in public_posts(stored):
        small = SimpleUploadedFile("note.txt", b"hello", "text/plain")
        page = client.post(url, {**data, "attachment": small})
        assert page.status_code == HTTPStatus.BAD_REQUEST, url
        html = page.content.decode()
        assert "988" in html
        assert ('<html lang="es"' in html) == url.startswith("/es/")
    assert_nothing_stored(stored)


@pytest.mark.parametrize(
    "disposition",
    [
        'form-data; name="x"; filename=""',
        "form-data; name=x; FILENAME=a.txt",
        "form-data; name=\"x\"; filename*=UTF-8''a.txt",
    ],
)
def test_every_spelling_of_a_file_part_is_refused(client, never_parsed, disposition):
    stored = make_response()
    body = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="consent"\r\n\r\non\r\n'
        f"--{BOUNDARY}\r\ncontent-disposition: {disposition}\r\n\r\nhello\r\n"
        f"--{BOUNDARY}--\r\n"
    ).encode()
    page = client.generic(
        "POST", f"/results/{stored.public_token}/share/", body, content_type=MULTIPART_CONTENT
    )
    assert page.status_code == HTTPStatus.BAD_REQUEST
    assert_nothing_stored(stored)


def test_a_large_multipart_body_without_files_is_refused(client, never_parsed, settings):
    # As large as an urlencoded body may be (Django counts a multipart body without its
    # files, so files of any size passed that limit).
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    stored = make_response()
    data = {**CONTACT, "name": "x" * 10_000}
    page = client.post(f"/results/{stored.public_token}/share/", data)
    assert page.status_code == HTTPStatus.BAD_REQUEST
    assert_nothing_stored(stored)


def test_a_multipart_body_without_a_length_is_refused(never_parsed):
    stored = make_response()
    body = encode_multipart(BOUNDARY, CONTACT)
    client = Client()
    page = client.generic(
        "POST",
        f"/results/{stored.public_token}/share/",
        body,
        content_type=MULTIPART_CONTENT,
        CONTENT_LENGTH="",
    )
    assert page.status_code == HTTPStatus.LENGTH_REQUIRED
    assert_nothing_stored(stored)


def test_small_multipart_forms_without_files_still_work(client):
    # Browsers post our forms urlencoded; a multipart one (as Django's test client sends)
    # is still a form and works the same.
    client.post("/questionnaire/", as_post(answers()))
    stored = Response.objects.get()
    page = client.post(f"/results/{stored.public_token}/share/", CONTACT)
    assert page.status_code == HTTPStatus.FOUND
    assert ContactRequest.objects.get().name == "Robin"


def test_urlencoded_forms_are_untouched(client):
    stored = make_response()
    page = client.post(
        f"/results/{stored.public_token}/share/",
        "consent=on&name=Robin&phone=212+555+0101&best_time=any&preferred_language=en",
        content_type="application/x-www-form-urlencoded",
    )
    assert page.status_code == HTTPStatus.FOUND
    assert ContactRequest.objects.exists()


def test_the_admin_still_takes_multipart_posts_with_files(client):
    client.force_login(content_user())
    level = TreatmentLevel.objects.get(slug="iop")
    change = reverse("admin:programs_treatmentlevel_change", args=[level.pk])
    page = client.post(
        change,
        {"attachment": SimpleUploadedFile("note.txt", b"hello", "text/plain")},
    )
    # The admin's own form answers (it lists the missing fields): nothing refused the body.
    assert page.status_code == HTTPStatus.OK
    assert page.context["adminform"].form.errors
