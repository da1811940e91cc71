"""Issue #14: a failed questionnaire comes back by GET, the result page and deleting answers."""

from http import HTTPStatus

import pytest
from django.contrib.sessions.models import Session
from django.http import QueryDict
from django.test import Client
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from programs.intake.models import AuditAction, AuditEntry, StaffNote
from programs.models import ContactRequest, Response
from programs.questionnaire import triage
from programs.questionnaire.forms import QuestionnaireForm
from programs.questionnaire.views import DRAFT_SESSION_KEY
from tests.factories.intake import make_response, share
from tests.factories.questionnaire import answers, as_post

pytestmark = pytest.mark.django_db

URL = "/questionnaire/"


def delete_url(response: Response) -> str:
    return f"/results/{response.public_token}/delete/"


# --- Error summary: one wording per question -------------------------------------------


def summary(html: str) -> str:
    start = html.index('id="error-summary"')
    return html[start : html.index("</div>", start)]


def test_error_summary_gives_each_question_once_in_the_neutral_wording(client):
    html = client.post(URL, {}, follow=True).content.decode()
    text = summary(html)
    assert text.count("Who are you answering for?") == 1
    assert "Who are you answering for?Who" not in text
    # Neither the "you" nor the "they" wording of a question, only the neutral one.
    assert "How often do you use?" not in text
    assert "How often do they use?" not in text


@pytest.mark.parametrize(
    ("for_whom", "wanted", "unwanted"),
    [
        ("self", "How often do you use?", "How often do they use?"),
        ("someone_else", "How often do they use?", "How often do you use?"),
    ],
)
def test_error_summary_follows_a_valid_for_whom_answer(client, for_whom, wanted, unwanted):
    data = as_post(answers(for_whom=for_whom))
    data.pop("frequency")
    html = client.post(URL, data, follow=True).content.decode()
    text = summary(html)
    assert wanted in text
    assert unwanted not in text
    # Without JavaScript the form's own labels switch to the same wording.
    assert f'data-for="{for_whom}"' in html


def test_a_tampered_for_whom_falls_back_to_the_neutral_wording(client):
    data = as_post(answers())
    data["for_whom"] = "robot"
    data.pop("frequency")
    html = client.post(URL, data, follow=True).content.decode()
    assert "data-for=" not in html.split('class="questionnaire"')[1].split(">")[0]
    assert summary(html).count("How often") == 1


def test_error_summary_in_spanish_gives_one_wording(client):
    html = client.post("/es/questionnaire/", {}, follow=True).content.decode()
    with translation.override("es"):
        question = translation.gettext("Who are you answering for?")
    assert summary(html).count(question) == 1


# --- Post/Redirect/Get ----------------------------------------------------------------


def test_a_failed_submit_redirects_to_a_get_showing_answers_and_errors(client):
    data = as_post(answers(for_whom="someone_else", substances=["alcohol", "opioids"]))
    data.pop("frequency")
    response = client.post(URL, data)
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == URL
    page = client.get(URL)
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert "Choose one answer." in html
    assert 'value="someone_else"  id="id_for_whom_1" required checked' in html
    assert html.count(" checked") == len(data) + 1  # substances holds two
    assert not Response.objects.exists()


def test_the_draft_is_shown_once_then_gone_with_its_session(client):
    data = as_post(answers())
    data.pop("frequency")
    client.post(URL, data)
    assert DRAFT_SESSION_KEY in client.session
    assert "Choose one answer." in client.get(URL).content.decode()
    # Shown once: a reload is a blank form, and the visitor's session is deleted.
    assert DRAFT_SESSION_KEY not in client.session
    assert not client.session.keys()
    assert not Session.objects.exists()
    reload = client.get(URL).content.decode()
    assert 'id="error-summary"' not in reload
    assert " checked" not in reload


def test_a_draft_keeps_only_known_questions_and_choices(client):
    data = as_post(answers())
    data.pop("frequency")
    data.update(
        {
            "notes": "my name is Robin",
            "substances": ["alcohol", "<script>", "x" * 5000],
            "home": "supportive\x00",
            "age_group": ["adult", "adolescent"],
        }
    )
    client.post(URL, data)
    draft = client.session[DRAFT_SESSION_KEY]
    assert "notes" not in draft
    assert draft["substances"] == ["alcohol", ""]
    assert draft["home"] == [""]
    assert draft["age_group"] == ["adult", "adolescent"]
    stored = repr(draft)
    assert "Robin" not in stored
    assert "script" not in stored
    assert "xxxx" not in stored
    html = client.get(URL).content.decode()
    assert "Choose only one answer." in html
    assert "That answer isn&#x27;t one of the choices." in html


KEYS = st.sampled_from([*triage.CHOICES, "notes", "website", "csrfmiddlewaretoken", ""])
VALUES = st.one_of(
    st.sampled_from([v for values in triage.CHOICES.values() for v in values]),
    st.text(max_size=40),
)


@given(pairs=st.lists(st.tuples(KEYS, VALUES), max_size=40))
def test_a_draft_never_holds_anything_but_known_keys_and_choices(pairs):
    data = QueryDict(mutable=True)
    for key, value in pairs:
        data.appendlist(key, value)
    draft = QuestionnaireForm(data).draft()
    for key, values in draft.items():
        assert key in triage.CHOICES
        assert values
        assert len(values) == len(set(values)) <= len(triage.CHOICES[key]) + 1
        assert all(v == "" or v in triage.CHOICES[key] for v in values)
    # Shown again, a draft gives the same draft: nothing grows or changes on the way.
    again = QueryDict(mutable=True)
    for key, values in draft.items():
        again.setlist(key, values)
    assert QuestionnaireForm.from_draft(again).draft() == draft


def test_a_tampered_draft_in_the_session_is_ignored_safely(client):
    session = client.session
    session[DRAFT_SESSION_KEY] = {"for_whom": ["self", {"x": 1}], "evil": ["1"]}
    session.save()
    page = client.get(URL)
    assert page.status_code == HTTPStatus.OK
    assert "evil" not in page.content.decode()


def test_the_crisis_path_still_goes_straight_to_the_crisis_result(client):
    response = client.post(URL, {"danger_now": "overdose_signs"})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == Response.objects.get().get_absolute_url()
    assert DRAFT_SESSION_KEY not in client.session


def test_questionnaire_has_a_start_again_link_to_a_blank_form(client):
    html = client.get(URL).content.decode()
    assert 'href="/questionnaire/" data-start-again' in html
    assert html.count('type="submit"') == 1


# --- Result page ---------------------------------------------------------------------


def result_html(client: Client, response: Response, language: str = "") -> str:
    prefix = f"/{language}" if language else ""
    page = client.get(prefix + response.get_absolute_url())
    assert page.status_code == HTTPStatus.OK
    return page.content.decode()


def test_result_offers_talk_to_someone_beside_the_level(client):
    response = make_response(control="hard_some_days")
    html = result_html(client, response)
    level_box = html[html.index('class="result-level') : html.index('aria-labelledby="why"')]
    assert f'href="/results/{response.public_token}/share/">Talk to someone</a>' in level_box


def test_result_says_already_shared_at_the_top_once_shared(client):
    response = make_response()
    share(response)
    html = result_html(client, response)
    level_box = html[html.index('class="result-level') : html.index('aria-labelledby="why"')]
    assert "already shared this with our intake team" in level_box
    assert "Talk to someone" not in html


def test_result_shows_the_crisis_help_once(client):
    html = result_html(client, make_response())
    assert html.count('class="crisis-help"') == 1
    assert "If things get worse" not in html


def test_result_has_a_keep_this_result_box(client, settings):
    settings.RESPONSE_RETENTION_DAYS = 90
    response = make_response()
    html = result_html(client, response)
    assert "Keep this result" in html
    assert f'value="http://testserver/results/{response.public_token}/" readonly' in html
    assert "data-copy-link" in html
    assert response.reference_code in html
    assert "Anyone with this link can see these answers until they are deleted after 90 days" in (
        html
    )
    assert f'href="/results/{response.public_token}/delete/"' in html


def test_the_crisis_result_can_be_kept_or_deleted_too(client):
    response = make_response(danger_now=["overdose_signs"])
    html = result_html(client, response)
    assert "Keep this result" in html
    assert delete_url(response) in html


@pytest.mark.parametrize(
    ("slug_answers", "text"),
    [
        ({}, "What standard outpatient care involves"),
        ({"control": "hard_some_days"}, "What an IOP involves"),
        ({"mood": "severe"}, "What a PHP involves"),
        ({"home": "unsafe"}, "What residential treatment involves"),
        (
            {"withdrawal": "severe_history", "substances": ["alcohol"], "frequency": "daily"},
            "What hospital care involves",
        ),
    ],
)
def test_level_link_uses_the_level_name_mid_sentence(client, slug_answers, text):
    html = result_html(client, make_response(**slug_answers))
    assert text in html
    assert "What Hospital involves" not in html


def test_parent_for_teen_reads_your_answers_and_teen_notes(client):
    response = make_response(
        for_whom="someone_else", age_group="adolescent", mood="severe", hours_available="under_9"
    )
    html = result_html(client, response)
    assert "Your answers suggest" in html
    assert "Their answers" not in html
    assert "school" in html
    assert "family sessions" in html
    assert "childcare" not in html


def test_result_explains_the_area_bars_in_one_sentence(client):
    html = result_html(client, make_response())
    assert "Each bar shows how much the answers in one area point to more care" in html


def test_result_lists_the_answers_as_the_person_saw_them(client):
    response = make_response(for_whom="someone_else", substances=["alcohol"])
    html = result_html(client, response)
    assert "Your answers" in html
    assert "How often do they use?" in html
    assert "<dt>" in html


def test_result_prints_a_header_with_site_name_and_reference_code(client):
    response = make_response()
    html = result_html(client, response)
    meta = html[html.index('class="result-meta') :]
    meta = meta[: meta.index("</p>")]
    assert "IOP Guide" in meta
    assert response.reference_code in meta


def test_result_programs_link_is_by_level_only(client):
    response = make_response(substances=["opioids"], medication_interest="yes", mood="some")
    html = result_html(client, response)
    level = response.suggested_level.slug
    assert f'href="/programs/?level={level}"' in html
    assert f'href="/programs/?level={level}&amp;medication=buprenorphine' in html
    assert Response.objects.get().program_filters() == [("level", level)]


def test_an_unknown_result_token_gets_a_kind_gone_page(client):
    page = client.get("/results/not-a-real-token/")
    assert page.status_code == HTTPStatus.NOT_FOUND
    assert "These answers are gone" in page.content.decode()


# --- Deleting answers ----------------------------------------------------------------


def test_delete_asks_first_and_deletes_nothing_on_get(client):
    response = make_response()
    page = client.get(delete_url(response))
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert "Delete your answers?" in html
    assert 'method="post"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert Response.objects.filter(pk=response.pk).exists()


def test_delete_post_deletes_everything_and_logs_no_answers(client, django_user_model):
    response = make_response(substances=["opioids"])
    share(response)
    StaffNote.objects.create(response=response, text="Called, no answer.")
    code = response.reference_code
    page = client.post(delete_url(response))
    assert page.status_code == HTTPStatus.SEE_OTHER
    assert page["Location"] == "/results/deleted/"
    assert not Response.objects.exists()
    assert not ContactRequest.objects.exists()
    assert not StaffNote.objects.exists()
    entry = AuditEntry.objects.get(action=AuditAction.DELETED)
    assert entry.reference_codes == code
    assert entry.actor is None
    assert "contact request" in entry.detail
    assert "opioid" not in repr(entry.__dict__)
    assert "Robin" not in repr(entry.__dict__)
    done = client.get("/results/deleted/")
    assert done.status_code == HTTPStatus.OK
    assert "Your answers were deleted" in done.content.decode()


def test_after_deleting_the_result_link_and_a_second_post_say_gone(client):
    response = make_response()
    client.post(delete_url(response))
    for page in (
        client.get(response.get_absolute_url()),
        client.post(delete_url(response)),
        client.get(delete_url(response)),
    ):
        assert page.status_code == HTTPStatus.NOT_FOUND
        assert "These answers are gone" in page.content.decode()
    assert AuditEntry.objects.filter(action=AuditAction.DELETED).count() == 1


@pytest.mark.parametrize("token", ["nope", "x" * 300, "deleted%00", "..%2F..%2Fadmin"])
def test_delete_with_an_unknown_token_is_a_clear_404(client, token):
    make_response()
    page = client.post(f"/results/{token}/delete/")
    assert page.status_code == HTTPStatus.NOT_FOUND
    assert Response.objects.count() == 1


def test_delete_needs_a_csrf_token():
    response = make_response()
    client = Client(enforce_csrf_checks=True)
    page = client.post(delete_url(response))
    assert page.status_code == HTTPStatus.FORBIDDEN
    assert Response.objects.filter(pk=response.pk).exists()


def test_delete_is_rate_limited(client, settings):
    settings.RATELIMIT_DELETE = (2, 3600)
    first, second = make_response(), make_response()
    assert client.post(delete_url(first)).status_code == HTTPStatus.SEE_OTHER
    # Guesses at links count too.
    assert client.post("/results/guess/delete/").status_code == HTTPStatus.NOT_FOUND
    page = client.post(delete_url(second))
    assert page.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert Response.objects.filter(pk=second.pk).exists()
    # Looking at the confirmation page is never limited.
    assert client.get(delete_url(second)).status_code == HTTPStatus.OK


def test_delete_rejects_other_methods(client):
    response = make_response()
    assert client.put(delete_url(response)).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert Response.objects.exists()


def test_a_failing_audit_record_keeps_the_answers(client, monkeypatch):
    from programs.intake import audit

    def broken(*args, **kwargs):
        raise RuntimeError("log unavailable")

    monkeypatch.setattr(audit, "_save", broken)
    response = make_response()
    with pytest.raises(RuntimeError):
        client.post(delete_url(response))
    # Nothing half-done: no deletion without its record.
    assert Response.objects.filter(pk=response.pk).exists()
