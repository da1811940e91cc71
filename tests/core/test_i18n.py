"""The site in Spanish: the catalogue, every public page under /es/, the language switcher,
the first-visit redirect and the language of each page."""

from __future__ import annotations

import ast
import html
import re
import shutil
import subprocess
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from programs.core import caching
from programs.models import Response, TreatmentLevel
from tests.factories.directory import make_program
from tests.factories.questionnaire import answers, as_post

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
# Words that mark English text; none of them is Spanish.
ENGLISH_WORDS = re.compile(r"\b(the|and|you|your|with|this|that|for|are|is|of|to)\b", re.I)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
TAG = re.compile(r"</?[a-z]+(?:\s[^>]*)?>")


def read_catalogue(path: Path = CATALOGUE) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr (list) and flags."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry: dict = {"flags": set(), "msgctxt": None, "msgid_plural": None, "msgstr": []}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                value = ast.literal_eval(line)
                if key == "msgstr":
                    entry["msgstr"][-1] += value
                else:
                    entry[key] += value
            else:
                name, _, value = line.partition(" ")
                if name.startswith("msgstr"):
                    key = "msgstr"
                    entry["msgstr"].append(ast.literal_eval(value))
                else:
                    key = name
                    entry[key] = ast.literal_eval(value)
        if "msgid" in entry:  # obsolete entries (#~) are comments only
            entries.append(entry)
    header, *messages = entries
    assert header["msgid"] == ""
    return messages


MESSAGES = read_catalogue()
# English text long enough that finding it on a Spanish page means it was not translated.
# Entries translated as themselves (proper names, formats) are not evidence of anything.
LONG_MSGIDS = sorted(
    {
        part.strip()
        for message in MESSAGES
        if message["msgstr"][0] != message["msgid"]
        for text in (message["msgid"], message["msgid_plural"] or "")
        for part in PLACEHOLDER.split(TAG.sub("\0", text))
        for part in part.split("\0")
        if len(part.split()) > 3
    }
)


# -- The catalogue ----------------------------------------------------------------------


def test_catalogue_has_every_message_translated_and_none_fuzzy():
    assert len(MESSAGES) > 400
    for message in MESSAGES:
        assert "fuzzy" not in message["flags"], message["msgid"]
        assert message["msgstr"], message["msgid"]
        assert all(text.strip() for text in message["msgstr"]), message["msgid"]


def test_catalogue_keeps_placeholders_and_markup():
    for message in MESSAGES:
        for text in message["msgstr"]:
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(message["msgid"])), (
                message["msgid"]
            )
            # Same links and emphasis: the tags (with their attributes) must survive.
            assert sorted(TAG.findall(text)) == sorted(TAG.findall(message["msgid"])), message[
                "msgid"
            ]


def test_catalogue_speaks_with_the_project_glossary():
    terms = {
        "clinician": "profesional de la salud",
        "level of care": "nivel de atención",
        "levels of care": "niveles de atención",
        "intensive outpatient": "ambulatorio intensivo",
        "partial hospitalization": "hospitalización parcial",
        "withdrawal": "abstinencia",
        "intake team": "equipo de admisión",
    }
    for message in MESSAGES:
        english = message["msgid"].lower()
        for term, spanish in terms.items():
            if term in english:
                assert all(spanish in text.lower() for text in message["msgstr"]), (
                    message["msgid"],
                    spanish,
                )
    # "Usted", never "tú": no informal verb forms or pronouns.
    informal = re.compile(r"\b(tú|tu|tus|puedes|tienes|quieres|necesitas)\b")
    for message in MESSAGES:
        for text in message["msgstr"]:
            assert not informal.search(text.lower()), text


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
def test_catalogue_passes_msgfmt_checks(tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "es.mo"), str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


def test_compiled_catalogue_is_current():
    assert COMPILED.exists(), "run `make messages` to compile the translations"
    assert COMPILED.stat().st_mtime >= CATALOGUE.stat().st_mtime, "run `make messages`"


# -- Every public page in Spanish ---------------------------------------------------------


def visible_text(page: str) -> str:
    """What a reader sees or hears: text and the labels in attributes, scripts left out."""
    page = re.sub(r"<script\b.*?</script>", " ", page, flags=re.S)
    labels = " ".join(re.findall(r'(?:aria-label|title|alt|placeholder)="([^"]*)"', page))
    return html.unescape(strip_tags(page) + " " + labels)


# Proper names: the English titles the Spanish sources name, so readers can find them.
PROPER_NAMES = re.compile(r"\((?:en inglés: )?[A-Z][^()]*\)")


def english_left(page: str) -> list[str]:
    text = visible_text(page)
    text = PROPER_NAMES.sub("", text)
    found = [msgid for msgid in LONG_MSGIDS if msgid in page or msgid in text]
    found += [m.group(0) for m in ENGLISH_WORDS.finditer(text)]
    return found


def heading(page: str) -> str:
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert h1, "no <h1>"
    return strip_tags(h1.group(1)).strip()


def spanish_result(client) -> Response:
    client.post("/es/questionnaire/", as_post(answers(control="hard_some_days", mood="some")))
    return Response.objects.latest("created_at")


def public_pages(client) -> list[str]:
    first = make_program(payments=["medicaid"], languages=["es"], schedules=["evening"])
    second = make_program("php", formats=["telehealth"], accepting_new_clients=True)
    result = spanish_result(client)
    crisis = client.post(
        "/es/questionnaire/", as_post(answers(danger_now=["suicide_plan", "overdose_signs"]))
    )
    client.post(
        f"/es/results/{result.public_token}/share/",
        {
            "name": "Ana",
            "phone": "(212) 555-0199",
            "email": "",
            "best_time": "morning",
            "preferred_language": "es",
            "consent": "on",
        },
    )
    shareable = spanish_result(client)
    levels = [
        f"/es/levels/{slug}/" for slug in TreatmentLevel.objects.values_list("slug", flat=True)
    ]
    return [
        "/es/",
        "/es/levels/",
        *levels,
        "/es/compare/",
        "/es/compare/?levels=iop&levels=php&levels=nope",
        "/es/compare/?levels=iop",
        "/es/withdrawal-management/",
        "/es/about/",
        "/es/privacy/",
        "/es/programs/",
        "/es/programs/?level=iop&payment=medicaid&language=es&location=Dayton&format=zzz",
        "/es/programs/?level=inpatient&location=Alaska",
        f"/es/programs/{first.slug}/",
        f"/es/programs/compare/?ids={first.pk},{second.pk}",
        f"/es/programs/compare/?ids={first.pk}",
        "/es/questionnaire/",
        f"/es/results/{result.public_token}/",
        crisis["Location"],
        f"/es/results/{shareable.public_token}/share/",
        f"/es/results/{result.public_token}/shared/",
        "/es/no-such-page/",
    ]


@pytest.mark.django_db
def test_every_public_page_reads_in_spanish(client):
    for url in public_pages(client):
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST, 404), url
        assert '<html lang="es"' in page, url
        assert english_left(page) == [], url


@pytest.mark.django_db
def test_the_english_check_finds_english(client):
    english = client.get("/levels/").content.decode()
    assert any(text.startswith("Care for substance use") for text in english_left(english))
    assert "the" in [word.lower() for word in english_left(english)]


@pytest.mark.django_db
def test_spanish_pages_have_spanish_headings(client):
    expected = {
        "/es/": "Encuentre el nivel de atención del que conviene hablar",
        "/es/levels/": "Niveles de atención",
        "/es/levels/iop/": "Tratamiento ambulatorio intensivo (IOP)",
        "/es/compare/": "Comparar los niveles de atención",
        "/es/withdrawal-management/": "Manejo de la abstinencia (desintoxicación)",
        "/es/about/": "Acerca de IOP Guide",
        "/es/privacy/": "Privacidad",
        "/es/programs/": "Buscar programas",
        "/es/questionnaire/": "Unas preguntas sobre la atención",
        "/es/no-such-page/": "No encontramos esa página",
    }
    for url, title in expected.items():
        assert heading(client.get(url).content.decode()) == title, url


@pytest.mark.django_db
def test_spanish_forms_explain_errors_in_spanish(client):
    response = client.post("/es/questionnaire/", {"for_whom": "self"}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain == [("/es/questionnaire/", HTTPStatus.SEE_OTHER)]
    assert "Por favor, revise estas respuestas" in page
    assert "Elija una respuesta." in page
    assert english_left(page) == []
    program = make_program()
    response = client.post(
        f"/es/programs/{program.slug}/", {"kind": "other", "details": ""}, follow=True
    )
    page = response.content.decode()
    assert response.redirect_chain == [
        (f"/es/programs/{program.slug}/#report", HTTPStatus.SEE_OTHER)
    ]
    assert "Díganos qué está mal" in page
    assert english_left(page) == []


@pytest.mark.django_db
def test_spanish_pages_give_crisis_help_in_spanish(client):
    page = client.get("/es/").content.decode()
    for fact in ("911", "988", "oprima 2", "AYUDA", "1-800-662-4357", "en inglés y en español"):
        assert fact in page, fact


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/es/", "/es/levels/", "/es/levels/iop/", "/es/compare/"])
def test_spanish_pages_cost_no_more_queries_than_english(client, url):
    def count(address: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == HTTPStatus.OK
        return len(queries)

    assert count(url) == count(url.removeprefix("/es"))


# -- <html lang> --------------------------------------------------------------------------


@pytest.mark.django_db
def test_html_lang_follows_the_page_language(client):
    assert '<html lang="en"' in client.get("/levels/").content.decode()
    assert '<html lang="es"' in client.get("/es/levels/").content.decode()
    assert '<html lang="es"' in client.get("/es/nope/").content.decode()
    assert '<html lang="en"' in client.get("/nope/").content.decode()


@pytest.mark.django_db  # its crisis help reads the helpline table
def test_server_error_page_without_a_request_is_english():
    page = render_to_string("500.html")
    assert '<html lang="en"' in page
    assert "Something went wrong" in page


@pytest.mark.django_db
def test_staff_pages_and_machine_urls_stay_english_and_unprefixed(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    login = client.get("/admin/login/")
    assert login.status_code == HTTPStatus.OK
    assert "Log in" in login.content.decode()
    assert client.get("/healthz").status_code == HTTPStatus.OK
    assert client.get("/fhir/Questionnaire/iop-guide").status_code == HTTPStatus.OK
    assert client.get("/es/fhir/Questionnaire/iop-guide").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/es/admin/").status_code == HTTPStatus.NOT_FOUND


# -- The language switcher ----------------------------------------------------------------


def switch_link(page: str, code: str) -> str:
    match = re.search(rf'<a class="lang-switch-link" href="([^"]+)" hreflang="{code}"', page)
    assert match, f"no switcher link to {code}"
    return html.unescape(match.group(1))


@pytest.mark.django_db
def test_switching_language_keeps_the_page_and_its_query_string(client):
    page = client.get("/compare/?levels=iop&levels=php").content.decode()
    link = switch_link(page, "es")
    assert link == "/language/es/?next=%2Fes%2Fcompare%2F%3Flevels%3Diop%26levels%3Dphp"
    response = client.get(link)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/es/compare/?levels=iop&levels=php"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    spanish = client.get(response["Location"]).content.decode()
    back = client.get(switch_link(spanish, "en"))
    assert back["Location"] == "/compare/?levels=iop&levels=php"
    assert back.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


@pytest.mark.django_db
def test_switcher_is_on_every_page_and_works_from_a_program_and_a_result(client):
    program = make_program()
    result = spanish_result(client)
    for url, target in [
        (f"/programs/{program.slug}/", f"/es/programs/{program.slug}/"),
        (f"/es/results/{result.public_token}/", f"/results/{result.public_token}/"),
        ("/es/levels/residential/", "/levels/residential/"),
        ("/questionnaire/", "/es/questionnaire/"),
    ]:
        page = client.get(url).content.decode()
        code = "en" if url.startswith("/es/") else "es"
        assert client.get(switch_link(page, code))["Location"] == target, url


@pytest.mark.django_db
def test_switcher_on_a_missing_page_goes_to_the_other_home_page(client):
    page = client.get("/es/no-such-page/").content.decode()
    assert client.get(switch_link(page, "en"))["Location"] == "/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "unsafe", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "", "es/x"]
)
def test_switcher_never_sends_people_to_another_site(client, unsafe):
    response = client.get("/language/es/", {"next": unsafe})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/es/"


@pytest.mark.django_db
def test_switcher_refuses_unknown_languages_and_other_methods(client):
    assert client.get("/language/fr/?next=/").status_code == HTTPStatus.NOT_FOUND
    assert client.post("/language/es/?next=/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


# -- The first visit ----------------------------------------------------------------------


@pytest.mark.django_db
def test_first_visit_from_a_spanish_browser_goes_to_spanish(client):
    response = client.get("/?ref=flyer", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/es/?ref=flyer"
    vary = {v.strip() for v in response["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary


@pytest.mark.django_db
def test_an_english_browser_and_an_english_choice_stay_on_english(client):
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9,es;q=0.5")
    assert english.status_code == HTTPStatus.OK
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in english["Vary"].split(",")}
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es").status_code == HTTPStatus.OK


@pytest.mark.django_db
def test_a_spanish_choice_is_remembered_on_the_home_page(client):
    client.get("/language/es/?next=/es/levels/")
    assert client.get("/")["Location"] == "/es/"


@pytest.mark.django_db
def test_only_the_home_page_redirects(client):
    response = client.get("/levels/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == HTTPStatus.OK
    assert '<html lang="en"' in response.content.decode()


@pytest.mark.django_db
def test_the_page_cache_never_gives_a_spanish_browser_the_english_home_page(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_VERSION_CHECK_SECONDS = 60
    caching.reset()
    try:
        for _ in range(2):
            assert client.get("/", HTTP_ACCEPT_LANGUAGE="en").status_code == HTTPStatus.OK
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="es")["Location"] == "/es/"
        for _ in range(2):
            spanish = client.get("/es/", HTTP_ACCEPT_LANGUAGE="en")
            assert '<html lang="es"' in spanish.content.decode()
        assert '<html lang="en"' in client.get("/").content.decode()
    finally:
        caching.reset()


def alternates(page: str) -> dict[str, str]:
    found = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page)
    return {code: html.unescape(url) for code, url in found}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "english", "spanish"),
    [
        ("/", "/", "/es/"),
        ("/es/levels/residential/", "/levels/residential/", "/es/levels/residential/"),
        (
            "/compare/?levels=iop&levels=php",
            "/compare/?levels=iop&levels=php",
            "/es/compare/?levels=iop&levels=php",
        ),
        ("/es/questionnaire/", "/questionnaire/", "/es/questionnaire/"),
    ],
)
def test_pages_name_their_other_language_versions_for_search_engines(
    client, url, english, spanish
):
    page = client.get(url).content.decode()
    assert alternates(page) == {
        "en": f"http://testserver{english}",
        "es": f"http://testserver{spanish}",
        "x-default": f"http://testserver{english}",
    }


@pytest.mark.django_db
def test_missing_and_private_pages_name_no_alternates(client):
    result = spanish_result(client)
    for url in (
        "/no-such-page/",
        "/es/no-such-page/",
        f"/es/results/{result.public_token}/",
        f"/results/{result.public_token}/share/",
    ):
        page = client.get(url).content.decode()
        assert alternates(page) == {}, url
        assert 'rel="alternate"' not in page, url


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/questionnaire/", "/no-such-page/"])
def test_a_forged_host_header_gets_the_400_page_not_a_server_error(url):
    from django.test import Client

    response = Client(raise_request_exception=False).get(url, HTTP_HOST="evil.example")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = response.content.decode()
    assert "evil.example" not in page
    assert 'rel="alternate"' not in page


@pytest.mark.django_db
def test_noindex_directory_pages_name_no_alternates(client):
    a, b = make_program(), make_program()
    page = client.get(f"/programs/compare/?ids={a.pk},{b.pk}").content.decode()
    assert 'name="robots" content="noindex"' in page
    assert alternates(page) == {}
