from http import HTTPStatus

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from programs.models import ContactRequest, Response
from programs.questionnaire import triage
from tests.factories.questionnaire import answers, as_post

pytestmark = pytest.mark.django_db

URL = "/questionnaire/"


def submit(client, data):
    return client.post(URL, as_post(data))


def test_questionnaire_page_has_every_question_in_fieldsets_danger_first(client):
    response = client.get(URL)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    for key in triage.CHOICES:
        assert f'name="{key}"' in html
    assert html.index('name="danger_now"') < html.index('name="for_whom"')
    assert html.count("<legend") >= 18
    assert "not a diagnosis" in html
    assert "anonymous" in html


def test_questions_read_correctly_without_javascript(client):
    html = client.get(URL).content.decode()
    assert '<span class="w-both">How often is the substance used?</span>' in html
    assert '<span class="w-self">How often do you use?</span>' in html
    assert '<span class="w-other">How often do they use?</span>' in html


def test_valid_answers_store_a_response_and_redirect_to_its_result(client):
    response = submit(client, answers())
    stored = Response.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"/results/{stored.public_token}/"
    assert stored.suggested_level.slug == "outpatient"
    assert stored.for_whom == "self"
    assert stored.answers["substances"] == ["cannabis"]
    assert stored.answers["danger_now"] == []
    assert stored.questionnaire_version == triage.QUESTIONNAIRE_VERSION
    assert len(stored.reference_code) == 8


def test_full_flow_for_self_reads_in_second_person(client):
    response = client.post(
        URL,
        as_post(answers(control="hard_some_days", past_treatment="relapse_after_outpatient")),
        follow=True,
    )
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "A level of care to discuss with a clinician" in html
    assert "Intensive outpatient" in html
    assert "Your answers" in html or "You " in html
    assert response.context["response"].reference_code in html
    assert "Questions to ask a clinician" in html
    assert "/levels/iop/" in html
    assert "Print this summary" in html
    assert "Start over" in html


def test_full_flow_for_someone_else_reads_in_third_person(client):
    data = answers(for_whom="someone_else", age_group="adolescent", home="unsafe")
    response = client.post(URL, as_post(data), follow=True)
    html = response.content.decode()
    level = response.context["level"]
    assert level.slug == "residential"
    reasons = [r["text"] for r in response.context["response"].reasons]
    assert any("they" in text.lower() or "their" in text.lower() for text in reasons)
    assert not any(text.startswith("You ") for text in reasons)
    assert "Teen" in html or "teen" in html


def test_crisis_shows_emergency_steps_first_and_no_level(client):
    data = answers(danger_now=["overdose_signs"], substances=["opioids"])
    response = client.post(URL, as_post(data), follow=True)
    html = response.content.decode()
    stored = Response.objects.get()
    assert stored.crisis
    assert stored.suggested_level is None
    assert "Get help right now" in html
    assert html.index("Get help right now") < html.index("Poison Help")
    assert 'href="tel:911"' in html
    assert "1-800-222-1222" in html
    assert "1-800-662-4357" in html
    assert "A level of care to discuss" not in html
    assert "Talk to someone" not in html
    assert response.context["level"] is None


def test_suicide_plan_points_to_988(client):
    response = client.post(URL, as_post(answers(danger_now=["suicide_plan"])), follow=True)
    html = response.content.decode()
    assert 'or text <a href="tel:988">988</a>' in html


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {"frequency": "hourly"},
        {"substances": ["nitrous"]},
        {"danger_now": ["bored"]},
        {"for_whom": ""},
        {"age_group": ["adult", "adolescent"]},
    ],
)
def test_bad_answers_show_the_form_again_with_errors_and_store_nothing(client, bad):
    data = as_post(answers()) if bad else {}
    data.update(bad)
    response = client.post(URL, data)
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == URL
    assert Response.objects.count() == 0
    response = client.get(URL)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert "Please check" in html


def test_missing_substances_is_a_clear_error(client):
    data = as_post(answers())
    del data["substances"]
    response = client.post(URL, data, follow=True)
    assert response.redirect_chain == [(URL, HTTPStatus.SEE_OTHER)]
    assert "Tick at least one." in response.content.decode()


def test_honeypot_stores_nothing(client):
    data = as_post(answers())
    data["website"] = "http://spam.example"
    response = client.post(URL, data)
    assert response.status_code == HTTPStatus.FOUND
    assert Response.objects.count() == 0


def test_questionnaire_is_rate_limited_with_a_friendly_page(client, settings):
    settings.RATELIMIT_QUESTIONNAIRE = (2, 3600)
    for _ in range(2):
        assert submit(client, answers()).status_code == HTTPStatus.FOUND
    response = submit(client, answers())
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "988" in response.content.decode()
    assert Response.objects.count() == 2


def test_questionnaire_rejects_other_methods(client):
    assert client.put(URL).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_result_page_is_private_and_not_cached(client):
    submit(client, answers())
    stored = Response.objects.get()
    response = client.get(stored.get_absolute_url())
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert 'content="noindex, nofollow"' in response.content.decode()


def test_result_cannot_be_reached_by_reference_code_or_id(client):
    submit(client, answers())
    stored = Response.objects.get()
    for guess in [stored.reference_code, str(stored.pk), stored.reference_code.lower()]:
        assert client.get(f"/results/{guess}/").status_code == HTTPStatus.NOT_FOUND
    assert client.get(f"/results/{stored.public_token}/").status_code == HTTPStatus.OK


def test_result_shows_area_picture_with_text_and_also_consider(client):
    client.post(URL, as_post(answers(withdrawal="moderate", substances=["alcohol"])))
    stored = Response.objects.get()
    html = client.get(stored.get_absolute_url()).content.decode()
    assert html.count('class="area-score"') == 6
    assert "of 4" in html
    assert "Withdrawal care" in html


def share_url(stored):
    return reverse("programs:share", args=[stored.public_token])


VALID_CONTACT = {
    "consent": "on",
    "name": "Sam",
    "phone": "(212) 555-0199",
    "email": "",
    "best_time": "evening",
    "preferred_language": "en",
}


def test_share_with_consent_stores_contact_request_and_confirms(client):
    submit(client, answers(for_whom="someone_else"))
    stored = Response.objects.get()
    response = client.post(share_url(stored), VALID_CONTACT, follow=True)
    html = response.content.decode()
    contact = ContactRequest.objects.get()
    assert contact.response == stored
    assert contact.phone == "+12125550199"
    assert contact.best_time == "evening"
    assert "Thank you" in html
    assert stored.reference_code in html
    result_html = client.get(stored.get_absolute_url()).content.decode()
    assert "already shared" in result_html


def test_share_without_consent_stores_nothing(client):
    submit(client, answers())
    stored = Response.objects.get()
    data = {k: v for k, v in VALID_CONTACT.items() if k != "consent"}
    response = client.post(share_url(stored), data, follow=True)
    assert response.redirect_chain == [(share_url(stored), HTTPStatus.SEE_OTHER)]
    assert "tick this box" in response.content.decode()
    assert ContactRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"phone": "", "email": ""}, "Give a phone number or an email address."),
        ({"phone": "call me"}, "use only numbers"),
        ({"phone": "", "email": "not-an-email"}, "valid email"),
        ({"name": "   "}, "This field is required."),
        ({"best_time": "midnight"}, "isn&#x27;t one of the choices"),
    ],
)
def test_share_with_bad_details_shows_errors(client, change, message):
    submit(client, answers())
    stored = Response.objects.get()
    response = client.post(share_url(stored), {**VALID_CONTACT, **change}, follow=True)
    assert response.redirect_chain == [(share_url(stored), HTTPStatus.SEE_OTHER)]
    assert message in response.content.decode()
    assert ContactRequest.objects.count() == 0


def test_share_email_only_is_accepted(client):
    submit(client, answers())
    stored = Response.objects.get()
    client.post(share_url(stored), {**VALID_CONTACT, "phone": "", "email": "sam@example.org"})
    assert ContactRequest.objects.get().email == "sam@example.org"


def test_share_twice_does_not_duplicate(client):
    submit(client, answers())
    stored = Response.objects.get()
    client.post(share_url(stored), VALID_CONTACT)
    response = client.post(share_url(stored), {**VALID_CONTACT, "name": "Other"})
    assert response.status_code == HTTPStatus.FOUND
    assert ContactRequest.objects.count() == 1
    assert ContactRequest.objects.get().name == "Sam"


def test_share_honeypot_stores_nothing(client):
    submit(client, answers())
    stored = Response.objects.get()
    client.post(share_url(stored), {**VALID_CONTACT, "website": "x"})
    assert ContactRequest.objects.count() == 0


def test_share_for_unknown_token_is_404(client):
    assert client.get("/results/nope/share/").status_code == HTTPStatus.NOT_FOUND
    assert client.post("/results/nope/share/", VALID_CONTACT).status_code == 404


def test_share_done_without_sharing_goes_back_to_the_form(client):
    submit(client, answers())
    stored = Response.objects.get()
    response = client.get(reverse("programs:share_done", args=[stored.public_token]))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == share_url(stored)


single_keys = [k for k in triage.CHOICES if k not in triage.MULTI_KEYS]
junk = st.one_of(st.text(max_size=30), st.sampled_from(["", "0", "null", "[]", "\x00"]))


class TestQuestionnaireNeverFails(HypothesisTestCase):
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        data=st.dictionaries(
            st.sampled_from([*triage.CHOICES, "extra", "csrfmiddlewaretoken"]),
            st.one_of(junk, st.lists(junk, max_size=3)),
            max_size=20,
        )
    )
    def test_random_posts_never_500(self, data):
        before = Response.objects.count()
        response = self.client.post(URL, data)
        assert response.status_code in {HTTPStatus.SEE_OTHER, HTTPStatus.FOUND}
        if response.status_code == HTTPStatus.SEE_OTHER:
            assert Response.objects.count() == before
            assert self.client.get(URL).status_code == HTTPStatus.OK

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        choice=st.fixed_dictionaries(
            {
                key: st.sampled_from(values)
                if key not in triage.MULTI_KEYS
                else st.lists(st.sampled_from(values), unique=True, min_size=1)
                for key, values in triage.CHOICES.items()
            }
        )
    )
    def test_every_valid_answer_set_is_stored_and_its_result_renders(self, choice):
        response = self.client.post(URL, choice)
        assert response.status_code == HTTPStatus.FOUND
        page = self.client.get(response["Location"])
        assert page.status_code == HTTPStatus.OK


def test_result_links_to_programs_by_level_and_only_suggests_other_filters(client):
    data = answers(
        for_whom="someone_else",
        age_group="adolescent",
        control="hard_some_days",
        substances=["opioids"],
        medication_interest="yes",
        telehealth="yes",
        mood="some",
    )
    client.post(URL, as_post(data))
    stored = Response.objects.get()
    html = client.get(stored.get_absolute_url()).content.decode()
    # The main link filters by level only: the person never chose the other filters.
    assert 'href="/programs/?level=iop"' in html
    assert (
        "/programs/?level=iop&amp;format=telehealth&amp;format=hybrid&amp;population" not in html
    )
    # Each other answer is an optional filter of its own, for the person to choose.
    suggestions = [
        "/programs/?level=iop&amp;format=telehealth&amp;format=hybrid",
        "/programs/?level=iop&amp;population=adolescents",
        "/programs/?level=iop&amp;medication=buprenorphine&amp;medication=methadone"
        "&amp;medication=naltrexone",
        "/programs/?level=iop&amp;co_occurring=1",
    ]
    for url in suggestions:
        assert f'href="{url}"' in html
        assert client.get(url.replace("&amp;", "&")).status_code == HTTPStatus.OK


def test_crisis_result_has_no_program_link(client):
    client.post(URL, as_post(answers(danger_now=["harm_others"])))
    html = client.get(Response.objects.get().get_absolute_url()).content.decode()
    assert "/programs/?" not in html


@pytest.fixture
def renders(monkeypatch) -> list[int]:
    """A fresh blank-form cache, and a list that grows by one per crispy rendering."""
    from programs.questionnaire import forms as module

    monkeypatch.setattr(module, "_blank_questionnaires", {})
    counted: list[int] = []
    real = module.render_crispy_form

    def counting(form):
        counted.append(1)
        return real(form)

    monkeypatch.setattr(module, "render_crispy_form", counting)
    return counted


@pytest.mark.parametrize(("url", "language"), [(URL, "en"), ("/es/questionnaire/", "es")])
def test_the_blank_form_is_crispys_own_rendering_made_once_per_language(
    client, renders, url, language
):
    from django.template import Context, Template
    from django.utils import translation

    from programs.questionnaire.forms import QuestionnaireForm

    pages = [client.get(url).content.decode() for _ in range(3)]
    assert renders == [1]  # the second and third visitors get the kept rendering
    with translation.override(language):
        fresh = Template("{% load crispy_forms_tags %}{% crispy form %}").render(
            Context({"form": QuestionnaireForm()})
        )
    assert 'name="danger_now"' in fresh
    for page in pages:
        assert fresh in page
    # Each page still has its own CSRF token, outside the kept fields.
    assert pages[0].count('name="csrfmiddlewaretoken"') == 1
    assert 'name="csrfmiddlewaretoken"' not in fresh


def test_answers_with_errors_are_rendered_afresh_with_the_choices_kept(client):
    data = as_post(answers())
    data.pop("frequency")
    page = client.post(URL, data, follow=True)
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert "Choose one answer." in html
    assert 'name="for_whom" value="self"  id="id_for_whom_0" required checked>' in html


def test_in_development_the_blank_form_is_rendered_every_time(client, renders, settings):
    settings.DEBUG = True
    for _ in range(2):
        assert 'name="danger_now"' in client.get(URL).content.decode()
    assert renders == [1, 1]


def test_each_form_page_carries_exactly_one_csrf_token(client):
    blank = client.get(URL).content.decode()
    data = as_post(answers())
    data.pop("frequency")
    with_errors = client.post(URL, data, follow=True).content.decode()
    result = submit(client, answers())["Location"]
    share = client.get(result + "share/").content.decode()
    share_errors = client.post(result + "share/", {"consent": "on"}, follow=True).content.decode()
    assert "share" in share
    for page in (blank, with_errors, share, share_errors):
        assert page.count('name="csrfmiddlewaretoken"') == 1


# Outside a test transaction, so savepoints show only if the code itself nests transactions.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_storing_answers_takes_one_insert_and_no_savepoints(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert submit(client, answers()).status_code == HTTPStatus.FOUND
    sql = [q["sql"].upper() for q in captured]
    assert sum(s.startswith('INSERT INTO "PROGRAMS_RESPONSE"') for s in sql) == 1
    assert not any("SAVEPOINT" in s for s in sql)


def test_each_form_has_its_own_fields_in_its_own_language():
    from django.utils import translation

    from programs.questionnaire.forms import QuestionnaireForm

    one, two = QuestionnaireForm(), QuestionnaireForm()
    assert one.fields["frequency"] is not two.fields["frequency"]
    one.fields["frequency"].choices = []
    assert two.fields["frequency"].choices
    assert "How often" in str(QuestionnaireForm().fields["frequency"].label)
    with translation.override("es"):
        spanish = str(QuestionnaireForm().fields["frequency"].label)
    assert "How often" not in spanish
    assert "¿Con qué frecuencia consume usted?" in spanish
