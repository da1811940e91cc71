import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import DatabaseError, connection, connections, transaction
from django.test import RequestFactory

from programs.core import ratelimit
from programs.models import RateLimitCounter, Response
from tests.factories.intake import make_response

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


def test_a_new_window_starts_a_new_count(monkeypatch):
    clock = [1_800_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    a = request_from("10.0.0.1")
    assert [ratelimit.is_limited("t", a, 1, 60) for _ in range(2)] == [False, True]
    clock[0] += 60
    assert ratelimit.is_limited("t", a, 1, 60) is False


def test_client_key_never_contains_the_address():
    key = ratelimit.client_key(request_from("203.0.113.7"))
    assert "203.0.113.7" not in key
    assert len(key) == 32


def test_forwarded_for_is_ignored_unless_behind_a_proxy(settings):
    settings.CLIENT_IP_PROXY_COUNT = 0
    one = ratelimit.client_key(request_from("10.0.0.1", "198.51.100.1"))
    two = ratelimit.client_key(request_from("10.0.0.1", "198.51.100.2"))
    assert one == two
    # Behind one proxy: the entry it appended (the right-most) is the client.
    settings.CLIENT_IP_PROXY_COUNT = 1
    one = ratelimit.client_key(request_from("10.0.0.1", "198.51.100.1"))
    two = ratelimit.client_key(request_from("10.0.0.1", "198.51.100.2"))
    spoofed = ratelimit.client_key(request_from("10.0.0.1", "203.0.113.9, 198.51.100.2"))
    assert one != two
    assert spoofed == two


def test_counters_are_rows_in_the_database_with_no_address(monkeypatch):
    clock = 1_800_000_030.0
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock)
    for _ in range(3):
        ratelimit.is_limited("share", request_from("10.0.0.9"), 5, 60)
    counter = RateLimitCounter.objects.get()
    assert counter.count == 3
    assert counter.key.startswith("share:")
    assert "10.0.0.9" not in counter.key
    # The window is [1,800,000,000, 1,800,000,060); the row is kept a few seconds longer.
    assert counter.expires_at == datetime.fromtimestamp(1_800_000_065, UTC)


def test_finished_windows_are_deleted_when_a_new_one_starts(monkeypatch):
    clock = [1_800_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    ratelimit.is_limited("t", request_from("10.0.0.1"), 5, 60)
    ratelimit.is_limited("t", request_from("10.0.0.2"), 5, 60)
    assert RateLimitCounter.objects.count() == 2
    clock[0] += 120
    ratelimit.is_limited("t", request_from("10.0.0.1"), 5, 60)
    assert RateLimitCounter.objects.count() == 1
    assert ratelimit.delete_expired(datetime.fromtimestamp(clock[0] + 3600, UTC)) == 1


def test_purge_also_deletes_finished_rate_limit_windows(monkeypatch):
    from django.core.management import call_command

    RateLimitCounter.objects.create(
        key="t:old:1", count=3, expires_at=datetime.now(UTC) - timedelta(minutes=1)
    )
    RateLimitCounter.objects.create(
        key="t:new:2", count=1, expires_at=datetime.now(UTC) + timedelta(minutes=1)
    )
    call_command("purge_responses", verbosity=0)
    assert list(RateLimitCounter.objects.values_list("key", flat=True)) == ["t:new:2"]


def test_limiter_fails_open_when_its_storage_fails(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise DatabaseError("no such table")

    monkeypatch.setattr(ratelimit, "count_hit", broken)
    assert ratelimit.is_limited("t", request_from("10.0.0.3"), 0, 60) is False
    assert "Rate limiter storage failed" in caplog.text


def test_a_storage_failure_inside_a_transaction_leaves_it_usable(monkeypatch):
    real = ratelimit.count_hit

    def broken(key, expires_at):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table_here")
        return real(key, expires_at)

    monkeypatch.setattr(ratelimit, "count_hit", broken)
    with transaction.atomic():
        assert ratelimit.is_limited("t", request_from("10.0.0.3"), 0, 60) is False
        make_response()  # the transaction still works after the failed statement
    assert Response.objects.count() == 1


def test_disabled_limiter_never_limits(settings):
    settings.RATELIMIT_ENABLED = False
    assert ratelimit.is_limited("t", request_from("10.0.0.4"), 0, 60) is False
    assert not RateLimitCounter.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_burst_of_simultaneous_hits_is_counted_exactly():
    if connection.vendor != "postgresql":
        pytest.skip("parallel connections need PostgreSQL (make test-pg / make check)")
    parallel, limit = 30, 10
    start = threading.Barrier(parallel)
    outcomes: list[bool] = []
    errors: list[str] = []

    def hit() -> None:
        try:
            start.wait(timeout=30)
            outcomes.append(ratelimit.is_limited("burst", request_from("10.9.9.9"), limit, 3600))
        except Exception as exc:  # noqa: BLE001 - asserted on below
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=hit) for _ in range(parallel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert outcomes.count(False) == limit
    assert outcomes.count(True) == parallel - limit
    assert RateLimitCounter.objects.get().count == parallel


def test_an_ipv6_client_counts_as_its_whole_64_network():
    one = ratelimit.client_key(request_from("2001:db8:1:2:aaaa::1"))
    same_network = ratelimit.client_key(request_from("2001:db8:1:2:ffff:ffff:ffff:ffff"))
    other_network = ratelimit.client_key(request_from("2001:db8:1:3::1"))
    assert one == same_network
    assert one != other_network
    # An IPv4 address written as IPv6 is the IPv4 client.
    assert ratelimit.client_key(request_from("::ffff:10.0.0.1")) == ratelimit.client_key(
        request_from("10.0.0.1")
    )
    assert ratelimit.client_key(request_from("::ffff:10.0.0.1")) != ratelimit.client_key(
        request_from("::ffff:10.0.0.2")
    )
    # Whatever the proxy or server sends, a key comes out.
    assert len(ratelimit.client_key(request_from("not an address"))) == 32


def test_one_request_cleans_up_only_a_bounded_batch(monkeypatch):
    past = datetime.now(UTC) - timedelta(hours=2)
    RateLimitCounter.objects.bulk_create(
        RateLimitCounter(key=f"t:old{n}:1", count=1, expires_at=past) for n in range(7)
    )
    monkeypatch.setattr(ratelimit, "CLEANUP_BATCH", 3)
    ratelimit.is_limited("t", request_from("10.0.0.1"), 5, 60)
    assert RateLimitCounter.objects.filter(expires_at__lt=datetime.now(UTC)).count() == 4
    assert ratelimit.delete_expired() == 4


def test_scope_names_must_fit_the_key_column():
    with pytest.raises(ValueError, match="too long"):
        ratelimit.is_limited("s" * 41, request_from("10.0.0.1"), 5, 60)
    longest = "s" * ratelimit.MAX_SCOPE_LENGTH
    ratelimit.is_limited(longest, request_from("10.0.0.1"), 5, 3600)
    assert RateLimitCounter.objects.get().key.startswith(longest + ":")


def test_an_old_sqlite_is_a_system_check_error():
    from programs.core.checks import check_sqlite_version, sqlite_errors

    sqlite = {"default": {"ENGINE": "django.db.backends.sqlite3"}}
    postgres = {"default": {"ENGINE": "django.db.backends.postgresql"}}
    errors = sqlite_errors(sqlite, (3, 34, 1))
    assert [e.id for e in errors] == ["programs.E001"]
    assert "SQLite 3.34.1 is too old" in errors[0].msg
    assert sqlite_errors(sqlite, (3, 35, 0)) == []
    assert sqlite_errors(postgres, (3, 8, 0)) == []
    assert check_sqlite_version() == []  # this machine's SQLite is new enough
