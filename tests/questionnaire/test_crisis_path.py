"""A person in danger is never stopped by the form: one danger answer reaches the crisis steps."""

import re
from http import HTTPStatus

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from programs.models import ContactRequest, QueueRank, Response
from programs.questionnaire import triage
from tests.factories.questionnaire import answers, as_post

pytestmark = pytest.mark.django_db

URL = "/questionnaire/"
DANGERS = triage.CHOICES["danger_now"]


def main_of(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize("danger", DANGERS)
@pytest.mark.parametrize("prefix", ["", "/es"])
def test_a_single_danger_answer_goes_straight_to_the_crisis_result(client, danger, prefix):
    response = client.post(f"{prefix}{URL}", {"danger_now": danger})
    assert response.status_code == HTTPStatus.FOUND
    stored = Response.objects.get()
    assert response["Location"] == f"{prefix}/results/{stored.public_token}/"
    assert stored.crisis is True
    assert stored.suggested_level is None
    assert stored.answers == {"danger_now": [danger]}
    assert stored.for_whom == ""
    assert stored.language == ("es" if prefix else "en")
    assert stored.queue_rank == QueueRank.CRISIS
    page = client.get(response["Location"])
    assert page.status_code == HTTPStatus.OK
    assert "tel:911" in main_of(page)


def test_invalid_and_tampered_other_answers_are_left_out_not_refused(client):
    data = as_post(answers(danger_now=["suicide_plan"], for_whom="self"))
    data.update(
        {
            "frequency": "hourly",
            "substances": ["opioids", "glue"],
            "age_group": ["adult", "adolescent"],
            "mood": "\x00severe",
        }
    )
    response = client.post(URL, data)
    assert response.status_code == HTTPStatus.FOUND
    stored = Response.objects.get()
    assert stored.crisis is True
    for left_out in ("frequency", "substances", "age_group", "mood"):
        assert left_out not in stored.answers
    assert stored.answers["for_whom"] == "self"
    assert stored.answers["home"] == "supportive"
    assert stored.for_whom == "self"


def test_a_valid_danger_beside_an_unknown_one_still_counts(client):
    response = client.post(URL, {"danger_now": ["fire", "overdose_signs"]})
    assert response.status_code == HTTPStatus.FOUND
    assert Response.objects.get().answers == {"danger_now": ["overdose_signs"]}


@pytest.mark.parametrize("danger", ["fire", "", "SUICIDE_PLAN", "suicide_plan\x00"])
def test_an_unknown_danger_alone_is_an_ordinary_incomplete_form(client, danger):
    response = client.post(URL, {"danger_now": danger})
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == URL
    assert not Response.objects.exists()


def test_the_honeypot_still_applies_to_a_crisis_post(client):
    response = client.post(URL, {"danger_now": "suicide_plan", "website": "spam"})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/"
    assert not Response.objects.exists()


def test_a_rate_limited_crisis_post_gets_the_crisis_steps_on_its_429_page(client, settings):
    settings.RATELIMIT_QUESTIONNAIRE = (1, 3600)
    assert client.post(URL, {"danger_now": "suicide_plan"}).status_code == HTTPStatus.FOUND
    limited = client.post(URL, {"danger_now": "suicide_plan"})
    assert limited.status_code == HTTPStatus.TOO_MANY_REQUESTS
    body = main_of(limited)
    assert "Get help right now" in body
    for link in ('href="tel:911"', 'href="tel:988"', 'href="sms:988"'):
        assert link in body
    assert body.index("tel:911") < body.index("Please wait a little")
    assert Response.objects.count() == 1
    calm = client.post(URL, as_post(answers()))
    assert calm.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Get help right now" not in main_of(calm)


def test_the_crisis_result_has_each_step_once_with_call_and_text_links(client):
    client.post(URL, {"danger_now": ["suicide_plan", "overdose_signs"]})
    stored = Response.objects.get()
    body = main_of(client.get(stored.get_absolute_url()))
    # One large button each; the steps below link their numbers too.
    assert body.count('class="btn btn-danger btn-lg" href="tel:911"') == 1
    assert body.count('class="btn btn-dark btn-lg" href="tel:988"') == 1
    assert body.count('class="btn btn-dark btn-lg" href="sms:988"') == 1
    assert 'href="sms:838255"' in body
    assert 'dial <a href="tel:988">988</a> then press 1' in body
    steps = re.findall(r"<li class=\"mb-2\">(.*?)</li>", body, re.S)
    assert len(steps) == len(set(steps)) == 2
    assert body.count("988 Suicide &amp; Crisis Lifeline") == 1
    assert "When you are safe, we can call you" in body
    assert f"/results/{stored.public_token}/share/" in body
    assert "A level of care to discuss" not in body


def test_a_crisis_result_shared_later_is_a_crisis_request_for_staff(client):
    client.post(URL, {"danger_now": "suicide_plan"})
    stored = Response.objects.get()
    shared = client.post(
        f"/results/{stored.public_token}/share/",
        {
            "name": "Sam",
            "phone": "212 555 0199",
            "best_time": "any",
            "preferred_language": "en",
            "consent": "on",
        },
    )
    assert shared.status_code == HTTPStatus.FOUND
    assert ContactRequest.objects.get().response == stored
    stored.refresh_from_db()
    assert stored.queue_rank == QueueRank.CRISIS
    calm = Response.objects.record(answers())
    first = Response.objects.order_by("-queue_rank", "-created_at", "-id").first()
    assert first == stored != calm


def test_the_share_form_reminds_a_person_in_crisis_of_the_emergency_numbers(client):
    client.post(URL, {"danger_now": "harm_others"})
    stored = Response.objects.get()
    page = client.get(f"/results/{stored.public_token}/share/")
    assert "not an emergency service" in page.content.decode()


class TestAnyCrisisPostIsAccepted(HypothesisTestCase):
    """Whatever else a POST holds, one valid danger gets a 302 to a crisis result."""

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        dangers=st.lists(st.sampled_from(DANGERS), min_size=1, max_size=4),
        junk=st.dictionaries(
            st.sampled_from(sorted(set(triage.CHOICES) - {"danger_now"})),
            st.one_of(
                st.text(max_size=12),
                st.lists(st.text(max_size=8), max_size=3),
                st.sampled_from(["self", "adult", "daily", "unsafe"]),
            ),
            max_size=10,
        ),
        language=st.sampled_from(["", "/es"]),
    )
    def test_crisis_posts_never_get_400(self, dangers, junk, language):
        from django.conf import settings as django_settings

        django_settings.RATELIMIT_ENABLED = False
        try:
            response = self.client.post(f"{language}{URL}", {"danger_now": dangers, **junk})
        finally:
            django_settings.RATELIMIT_ENABLED = True
        assert response.status_code == HTTPStatus.FOUND
        stored = Response.objects.get(public_token=response["Location"].split("/")[-2])
        assert stored.crisis
        assert set(stored.answers["danger_now"]) == set(dangers)
        for key, value in stored.answers.items():
            if key not in triage.MULTI_KEYS:
                assert value in triage.CHOICES[key]


@pytest.mark.parametrize("suffix", ["", "share/", "shared/", "delete/"])
@pytest.mark.parametrize("token", ["%00", "abc%00def", "abc%0Adef", "abc%7F", "..%2F"])
def test_a_control_character_in_a_result_link_is_a_plain_404(client, suffix, token):
    # PostgreSQL refuses NUL in text: such a token must never reach a query (a 500).
    response = client.get(f"/results/{token}/{suffix}")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert client.post(f"/results/{token}/{suffix}").status_code in (
        HTTPStatus.NOT_FOUND,
        HTTPStatus.FORBIDDEN,  # CSRF refuses a POST without a token before routing matters
    )
