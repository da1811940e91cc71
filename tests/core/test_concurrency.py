"""Nothing lost under load: parallel questionnaires against the live server (PostgreSQL)."""

import re
import threading
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from django.db import connection

from programs.models import Response
from tests.factories.questionnaire import answers, as_post

PARALLEL = 50
FREQUENCIES = ["less_than_monthly", "monthly", "weekly", "daily"]


def submit_one(base: str, index: int, results: dict, errors: list) -> None:
    try:
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = opener.open(f"{base}/questionnaire/", timeout=30).read().decode()
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert match, "no CSRF token on the questionnaire"
        token = match.group(1)
        data = as_post(answers(frequency=FREQUENCIES[index % 4], for_whom="someone_else"))
        data["csrfmiddlewaretoken"] = token
        body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(
            f"{base}/questionnaire/", data=body, headers={"Referer": f"{base}/questionnaire/"}
        )
        with opener.open(request, timeout=30) as response:
            results[index] = (response.geturl(), response.read().decode())
    except Exception as exc:  # noqa: BLE001 - collected and asserted on below
        errors.append((index, repr(exc)))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_parallel_questionnaires_are_all_stored_with_unique_codes(live_server, settings):
    if connection.vendor != "postgresql":
        pytest.skip("the concurrency test runs against PostgreSQL (make test-pg / make check)")
    # Every thread comes from 127.0.0.1: the per-client limit is not what is under test.
    settings.RATELIMIT_ENABLED = False
    results: dict[int, tuple[str, str]] = {}
    errors: list = []
    threads = [
        threading.Thread(target=submit_one, args=(live_server.url, i, results, errors))
        for i in range(PARALLEL)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert len(results) == PARALLEL
    assert Response.objects.count() == PARALLEL
    codes = list(Response.objects.values_list("reference_code", flat=True))
    assert len(set(codes)) == PARALLEL
    for index, (url, html) in results.items():
        token = url.rstrip("/").rsplit("/", 1)[-1]
        stored = Response.objects.get(public_token=token)
        assert stored.answers["frequency"] == FREQUENCIES[index % 4]
        assert stored.reference_code in html
