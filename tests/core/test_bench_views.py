"""The benchmark's baseline page: constant, no database, and only there when benchmarking."""

import importlib
from http import HTTPStatus

import pytest
from django.urls import clear_url_caches


@pytest.fixture
def baseline_routed(settings):
    urls = importlib.import_module(settings.ROOT_URLCONF)
    settings.BENCHMARK_BASELINE = True
    importlib.reload(urls)
    clear_url_caches()
    yield
    settings.BENCHMARK_BASELINE = False
    importlib.reload(urls)
    clear_url_caches()


@pytest.mark.django_db
def test_there_is_no_baseline_page_unless_benchmarking(client):
    assert client.get("/bench/baseline").status_code == HTTPStatus.NOT_FOUND


def test_the_baseline_is_a_constant_answer_without_the_database(client, baseline_routed):
    # No django_db mark: any query would fail the test.
    response = client.get("/bench/baseline")
    assert response.status_code == HTTPStatus.OK
    assert response.content == b"baseline"
    assert client.post("/bench/baseline").status_code == HTTPStatus.METHOD_NOT_ALLOWED
