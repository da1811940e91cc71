"""The person's path costs a fixed, small number of queries, however much is stored (#20)."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.intake import make_response, share
from tests.factories.questionnaire import answers, as_post

pytestmark = pytest.mark.django_db


def queries(client, method: str, url: str, data: dict | None = None) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        page = getattr(client, method)(url, data) if data is not None else client.get(url)
    return page.status_code, len(captured)


def grow(count: int = 30) -> None:
    for n in range(count):
        response = make_response(substances=["opioids"] if n % 2 else ["alcohol"])
        if n % 3 == 0:
            share(response)


def test_the_questionnaire_page_needs_no_query(client):
    client.get("/questionnaire/")  # the first request warms the URL resolver

    assert queries(client, "get", "/questionnaire/") == (HTTPStatus.OK, 0)
    grow()
    assert queries(client, "get", "/es/questionnaire/") == (HTTPStatus.OK, 0)


def test_sending_answers_costs_the_same_few_queries_whatever_is_stored(client):
    # The rate-limit count, the levels for the engine, the INSERT, and their savepoints.
    client.post("/questionnaire/", as_post(answers()))  # the rate limit's first row
    status, before = queries(client, "post", "/questionnaire/", as_post(answers()))
    grow()
    _, after = queries(client, "post", "/questionnaire/", as_post(answers()))
    crisis = as_post(answers(danger_now=["suicide_plan"], substances=["opioids"]))
    _, in_crisis = queries(client, "post", "/questionnaire/", crisis)

    assert status == HTTPStatus.FOUND
    assert before == after <= 8
    assert in_crisis <= 8


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_a_result_page_costs_two_queries_whatever_is_stored(client, prefix):
    response = make_response(substances=["opioids"], pregnant="yes", home="unsafe")
    url = f"{prefix}{response.get_absolute_url()}"
    client.get(url)

    # The response (with its level) and whether it was shared.
    assert queries(client, "get", url) == (HTTPStatus.OK, 2)
    grow()
    assert queries(client, "get", url) == (HTTPStatus.OK, 2)
