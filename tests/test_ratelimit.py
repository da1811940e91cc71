import pytest
from django.core.cache import caches
from django.db import DatabaseError
from django.test import RequestFactory

from programs import ratelimit

pytestmark = pytest.mark.django_db


def request_from(address: str, forwarded: str = ""):
    request = RequestFactory().get("/", REMOTE_ADDR=address)
    if forwarded:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


def test_limit_counts_per_client_and_scope():
    a, b = request_from("10.0.0.1"), request_from("10.0.0.2")
    assert [ratelimit.is_limited("t", a, 2, 60) for _ in range(3)] == [False, False, True]
    assert ratelimit.is_limited("t", b, 2, 60) is False
    assert ratelimit.is_limited("other", a, 2, 60) is False


def test_client_key_never_contains_the_address():
    key = ratelimit.client_key(request_from("203.0.113.7"))
    assert "203.0.113.7" not in key
    assert len(key) == 32


def test_forwarded_for_is_ignored_unless_trusted(settings):
    settings.RATELIMIT_TRUST_X_FORWARDED_FOR = False
    one = ratelimit.client_key(request_from("10.0.0.1", "198.51.100.1"))
    two = ratelimit.client_key(request_from("10.0.0.1", "198.51.100.2"))
    assert one == two
    settings.RATELIMIT_TRUST_X_FORWARDED_FOR = True
    one = ratelimit.client_key(request_from("10.0.0.1", "198.51.100.1"))
    two = ratelimit.client_key(request_from("10.0.0.1", "198.51.100.2, 10.0.0.1"))
    assert one != two


def test_limiter_lives_in_the_shared_database_cache(settings):
    assert settings.CACHES["ratelimit"]["BACKEND"].endswith("DatabaseCache")
    from django.db import connection

    ratelimit.is_limited("shared", request_from("10.0.0.9"), 5, 60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM iopguide_ratelimit")
        assert cursor.fetchone()[0] >= 1


def test_limiter_fails_open_when_its_storage_fails(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise DatabaseError("no such table")

    monkeypatch.setattr(caches["ratelimit"], "add", broken)
    assert ratelimit.is_limited("t", request_from("10.0.0.3"), 0, 60) is False
    assert "Rate limiter storage failed" in caplog.text


def test_disabled_limiter_never_limits(settings):
    settings.RATELIMIT_ENABLED = False
    assert ratelimit.is_limited("t", request_from("10.0.0.4"), 0, 60) is False
