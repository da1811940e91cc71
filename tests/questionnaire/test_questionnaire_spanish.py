"""The questionnaire in Spanish: same stored answers, the person's language kept, Spanish
reasons on the result page, and staff able to read every answer in English."""

from __future__ import annotations

import re
from http import HTTPStatus

import pytest
from django.utils import translation
from django.utils.html import escape
from hypothesis import given, settings
from hypothesis import strategies as st

from programs.helplines import tokens
from programs.models import ContactRequest, Response
from programs.questionnaire import triage
from programs.questionnaire.forms import QuestionnaireForm
from programs.questionnaire.questions import readable_answers
from tests.factories.questionnaire import answers, as_post

pytestmark = pytest.mark.django_db

MIXED = answers(
    control="hard_some_days",
    mood="some",
    substances=["alcohol", "opioids"],
    frequency="daily",
    medication_interest="yes",
    telehealth="yes",
)


def submit(client, data, prefix=""):
    return client.post(f"{prefix}/questionnaire/", as_post(data))


def test_spanish_questionnaire_asks_in_spanish_with_the_same_fields(client):
    english = client.get("/questionnaire/").content.decode()
    page = client.get("/es/questionnaire/").content.decode()
    assert '<span class="w-self">¿Con qué frecuencia consume usted?</span>' in page
    assert '<span class="w-other">¿Con qué frecuencia consume la persona?</span>' in page
    assert "Primero: ¿alguien está en peligro en este momento?" in page
    for key, values in triage.CHOICES.items():
        for value in values:
            field = f'name="{key}" value="{value}"'
            assert (field in page) == (field in english), field
    assert 'action="/es/questionnaire/"' in page


def test_the_same_choices_store_the_same_answers_in_either_language(client):
    assert submit(client, MIXED).status_code == HTTPStatus.FOUND
    english = Response.objects.latest("created_at")
    response = submit(client, MIXED, prefix="/es")
    spanish = Response.objects.latest("created_at")
    assert response["Location"] == f"/es/results/{spanish.public_token}/"
    assert (english.language, spanish.language) == ("en", "es")
    assert spanish.answers == english.answers
    assert spanish.suggested_level == english.suggested_level
    assert spanish.area_scores == english.area_scores
    assert spanish.flags == english.flags
    assert spanish.also_consider == english.also_consider
    assert spanish.reasons != english.reasons


def test_spanish_flow_ends_with_spanish_reasons(client):
    submit(client, MIXED, prefix="/es")
    stored = Response.objects.get()
    expected = triage.suggest(MIXED, language="es")
    assert [r["text"] for r in stored.reasons] == [r.text for r in expected.reasons]
    assert stored.notes == list(expected.notes)
    page = client.get(stored.get_absolute_url()).content.decode()
    assert stored.get_absolute_url().startswith("/es/results/")
    assert "Un nivel de atención para hablar con un profesional de la salud:" in page
    assert "Tratamiento ambulatorio intensivo (IOP)" in page
    for reason in expected.reasons:
        assert tokens.render(reason.text, "es") in page
    assert [item["text"] for item in stored.flag_texts] == [t for _, t in expected.flag_texts]
    for _flag, text in expected.flag_texts:
        assert tokens.render(text, "es") in page
    assert triage.AREA_NAMES_BY_LANGUAGE["es"][1] in page
    assert "Por qué este nivel" in page
    assert "¿Qué nivel de atención cree usted que es el más adecuado ahora, y por qué?" in page


def test_spanish_crisis_result_says_what_to_do_in_spanish(client):
    response = submit(client, answers(danger_now=["suicide_plan", "overdose_signs"]), "/es")
    page = client.get(response["Location"]).content.decode()
    stored = Response.objects.get()
    assert stored.crisis
    assert stored.language == "es"
    assert "Busque ayuda ahora mismo" in page
    for reason in triage.suggest(stored.answers, language="es").crisis_reasons:
        assert tokens.render(reason.text, "es") in page
    # Press 2 on a call; by text, the word AYUDA.
    assert '<a href="tel:988">988</a> y luego oprima 2' in page
    assert 'envíe AYUDA por mensaje de texto al <a href="sms:988">988</a>' in page


def test_result_follows_the_page_language_when_the_person_switches(client):
    submit(client, MIXED, prefix="/es")
    stored = Response.objects.get()
    english = client.get(f"/results/{stored.public_token}/").content.decode()
    for reason in triage.suggest(MIXED).reasons:
        assert reason.text in english
    assert stored.reasons[0]["text"] not in english


def test_stored_wording_stays_the_record_when_the_engine_has_changed(client):
    submit(client, MIXED, prefix="/es")
    stored = Response.objects.get()
    Response.objects.filter(pk=stored.pk).update(questionnaire_version="2020-01")
    stored.refresh_from_db()
    assert stored.texts_in("en")["reasons"] == stored.reasons
    assert stored.texts_in("es")["reasons"] == stored.reasons


def test_staff_read_a_spanish_response_in_english(client):
    submit(client, MIXED, prefix="/es")
    stored = Response.objects.get()
    with translation.override("en"):
        rows = dict(readable_answers(stored.answers, stored.for_whom))
    assert rows["How often do you use?"] == "Every day or almost every day"
    assert rows["Which substances are you worried about?"] == (
        "Alcohol; Opioids (like heroin, fentanyl, oxycodone or pain pills)"
    )
    with translation.override("es"):
        rows = dict(readable_answers(stored.answers, stored.for_whom))
    assert rows["¿Con qué frecuencia consume usted?"] == "Todos los días o casi todos los días"


def test_intake_staff_see_the_language_and_the_answers_in_english(client, admin_client):
    submit(client, MIXED, prefix="/es")
    stored = Response.objects.get()
    page = admin_client.get(f"/admin/programs/response/{stored.pk}/change/").content.decode()
    assert "<dt>Language used</dt><dd>Spanish</dd>" in page
    assert "How often do you use?" in page
    assert "Every day or almost every day" in page
    assert "¿Con qué frecuencia" not in page


def test_share_form_in_spanish_suggests_a_call_in_spanish(client):
    submit(client, MIXED, prefix="/es")
    stored = Response.objects.get()
    page = client.get(f"/es/results/{stored.public_token}/share/").content.decode()
    assert re.search(r'<input [^>]*name="preferred_language" value="es"[^>]* checked>', page)
    assert "Compartir con el equipo de admisión" in page
    response = client.post(
        f"/es/results/{stored.public_token}/share/",
        {
            "consent": "on",
            "name": "Rosa",
            "phone": "(212) 555-2233",
            "email": "",
            "best_time": "morning",
            "preferred_language": "es",
        },
    )
    assert response["Location"] == f"/es/results/{stored.public_token}/shared/"
    assert ContactRequest.objects.get().preferred_language == "es"
    done = client.get(response["Location"]).content.decode()
    assert "se comunicará con usted por la mañana" in done


single = {k: v for k, v in triage.CHOICES.items() if k not in triage.MULTI_KEYS}
answer_sets = st.fixed_dictionaries(
    {
        **{key: st.sampled_from(values) for key, values in single.items()},
        "danger_now": st.lists(st.sampled_from(triage.CHOICES["danger_now"]), unique=True),
        "substances": st.lists(
            st.sampled_from(triage.CHOICES["substances"]), unique=True, min_size=1
        ),
    }
)


@settings(max_examples=60, deadline=None)
@given(data=answer_sets)
def test_the_form_reads_the_same_answers_in_both_languages(data):
    cleaned = {}
    for language in ("en", "es"):
        with translation.override(language):
            form = QuestionnaireForm(data)
            assert form.is_valid(), form.errors
            cleaned[language] = form.answers()
    assert cleaned["en"] == cleaned["es"]


def test_intake_staff_read_a_spanish_responses_reasons_in_english_with_the_original(
    client, admin_client
):
    submit(client, MIXED, prefix="/es")
    stored = Response.objects.get()
    assert stored.language == "es"
    english = stored.texts_in("en")["reasons"]
    page = admin_client.get(f"/admin/programs/response/{stored.pk}/change/").content.decode()
    for reason in english:
        assert escape(reason["text"]) in page
    # What the person actually read stays visible, marked as Spanish.
    assert escape(stored.reasons[0]["text"]) in page
    assert 'lang="es"' in page
