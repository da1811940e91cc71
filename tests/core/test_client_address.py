"""One client address for the rate limits and the sign-in lockout (issue #18, hole 6).

Behind nginx every request comes from nginx's address; nginx appends the address it was
reached from to X-Forwarded-For, after whatever the client sent. With
CLIENT_IP_PROXY_COUNT=1 the right-most entry is the client; a left-most entry the client
made up must change nothing, and a missing or broken entry falls back to REMOTE_ADDR.
"""

from __future__ import annotations

import itertools
import runpy
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory

from iopguide.client_address import client_ip, client_network
from programs.core import ratelimit
from programs.models import Response
from tests.factories.questionnaire import answers, as_post

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "iopguide" / "settings.py"
NGINX = "127.0.0.1"  # REMOTE_ADDR of every request that came through the proxy
CLIENT_A, CLIENT_B = "203.0.113.10", "198.51.100.20"
_spoofs = (f"192.0.2.{n % 250 + 1}" for n in itertools.count())


def request_from(remote: str = NGINX, forwarded: str | None = None):
    request = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


def through_nginx(client_address: str) -> dict[str, Any]:
    """What gunicorn sees from a client that made up a new left-most entry this time."""
    return {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": f"{next(_spoofs)}, {client_address}"}


# client_ip --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "forwarded",
    [None, "", "198.51.100.1", "198.51.100.1, 203.0.113.5", "garbage", "1.2.3.4\x00"],
)
def test_without_a_proxy_the_header_is_ignored(settings, forwarded):
    settings.CLIENT_IP_PROXY_COUNT = 0
    assert client_ip(request_from("10.1.2.3", forwarded)) == "10.1.2.3"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("203.0.113.5", "203.0.113.5"),
        # What the client wrote before nginx's entry is never read.
        ("6.6.6.6, 203.0.113.5", "203.0.113.5"),
        ("6.6.6.6, 7.7.7.7,8.8.8.8 ,  203.0.113.5", "203.0.113.5"),
        ("garbage, \x00, 203.0.113.5", "203.0.113.5"),
        ("2001:db8::1, 203.0.113.5", "203.0.113.5"),
        # IPv6 clients, as nginx writes them; an IPv4 client written as IPv6 is IPv4.
        ("2001:db8:1:2::7", "2001:db8:1:2::7"),
        ("6.6.6.6, ::ffff:203.0.113.5", "203.0.113.5"),
        # A private client (an office network, a test machine) is a client all the same.
        ("6.6.6.6, 10.0.0.7", "10.0.0.7"),
    ],
)
def test_behind_one_proxy_the_right_most_entry_is_the_client(settings, forwarded, expected):
    settings.CLIENT_IP_PROXY_COUNT = 1
    assert client_ip(request_from(NGINX, forwarded)) == expected


@pytest.mark.parametrize(
    "forwarded",
    [
        None,  # no header: not through the proxy as configured
        "",
        "   ",
        "6.6.6.6, ",  # an empty right-most entry
        "6.6.6.6, garbage",
        "6.6.6.6, 203.0.113.5\x00",
        "6.6.6.6, \x00",
        "6.6.6.6, 203.0.113.5:99999",
        "6.6.6.6, 999.1.1.1",
        "6.6.6.6, 0.0.0.0",  # not an address any client sends from
        "6.6.6.6, 224.0.0.1",
        "6.6.6.6, fe80::1%eth0",
        "6.6.6.6, " + "9" * 5000,
    ],
)
def test_a_broken_entry_is_not_a_new_client(settings, forwarded):
    settings.CLIENT_IP_PROXY_COUNT = 1
    assert client_ip(request_from(NGINX, forwarded)) == NGINX


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        # client, then the address of the first proxy as the second one appended it.
        ("203.0.113.5, 10.0.0.2", "203.0.113.5"),
        ("6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        ("6.6.6.6, 7.7.7.7, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        ("garbage, 2001:db8::5, 10.0.0.2", "2001:db8::5"),
        # Too few entries, or a broken one where the proxies write: REMOTE_ADDR.
        ("10.0.0.2", NGINX),
        ("6.6.6.6, garbage, 10.0.0.2", NGINX),
        ("6.6.6.6, 203.0.113.5, garbage", NGINX),
        ("6.6.6.6, 203.0.113.5, \x00", NGINX),
    ],
)
def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(
    settings, forwarded, expected
):
    settings.CLIENT_IP_PROXY_COUNT = 2
    assert client_ip(request_from(NGINX, forwarded)) == expected


def test_no_remote_address_is_an_empty_string(settings):
    request = RequestFactory().get("/")
    del request.META["REMOTE_ADDR"]
    settings.CLIENT_IP_PROXY_COUNT = 0
    assert client_ip(request) == ""
    settings.CLIENT_IP_PROXY_COUNT = 1
    assert client_ip(request) == ""


def test_ipware_settings_cannot_change_the_answer(settings):
    # django-ipware reads these settings when an argument is left out; none is.
    settings.CLIENT_IP_PROXY_COUNT = 1
    settings.IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_REAL_IP", "REMOTE_ADDR")
    settings.IPWARE_META_PROXY_COUNT = 0
    settings.IPWARE_STRICT = False
    settings.IPWARE_ALGORITHM = "legacy"
    request = request_from(NGINX, "6.6.6.6, 203.0.113.5")
    request.META["HTTP_X_REAL_IP"] = "7.7.7.7"
    assert client_ip(request) == "203.0.113.5"
    assert client_ip(request_from(NGINX, "6.6.6.6, garbage")) == NGINX


@pytest.mark.parametrize("value", [-1, 6, 100, "1", None, True])
def test_a_proxy_count_out_of_range_is_a_configuration_error(settings, value):
    settings.CLIENT_IP_PROXY_COUNT = value
    with pytest.raises(ImproperlyConfigured, match="CLIENT_IP_PROXY_COUNT"):
        client_ip(request_from(NGINX, "203.0.113.5"))


# The settings file ------------------------------------------------------------------


def load_settings(monkeypatch, **env: str) -> dict:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


def test_the_proxy_count_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("CLIENT_IP_PROXY_COUNT", raising=False)
    monkeypatch.delenv("RATELIMIT_TRUST_X_FORWARDED_FOR", raising=False)
    loaded = load_settings(monkeypatch)
    assert loaded["CLIENT_IP_PROXY_COUNT"] == 0
    assert loaded["AXES_CLIENT_IP_CALLABLE"] == "iopguide.client_address.client_network"
    assert "RATELIMIT_TRUST_X_FORWARDED_FOR" not in loaded
    assert load_settings(monkeypatch, CLIENT_IP_PROXY_COUNT="1")["CLIENT_IP_PROXY_COUNT"] == 1
    assert load_settings(monkeypatch, CLIENT_IP_PROXY_COUNT="5")["CLIENT_IP_PROXY_COUNT"] == 5


@pytest.mark.parametrize("raw", ["6", "-1", "one", "1.5", "nginx"])
def test_a_bad_proxy_count_stops_the_site_starting(monkeypatch, raw):
    monkeypatch.delenv("RATELIMIT_TRUST_X_FORWARDED_FOR", raising=False)
    with pytest.raises(ImproperlyConfigured, match="CLIENT_IP_PROXY_COUNT"):
        load_settings(monkeypatch, CLIENT_IP_PROXY_COUNT=raw)


@pytest.mark.parametrize("raw", ["1", "0", "true"])
def test_the_old_forwarded_for_switch_says_what_to_set_instead(monkeypatch, raw):
    monkeypatch.delenv("CLIENT_IP_PROXY_COUNT", raising=False)
    with pytest.raises(ImproperlyConfigured, match="CLIENT_IP_PROXY_COUNT=1"):
        load_settings(monkeypatch, RATELIMIT_TRUST_X_FORWARDED_FOR=raw)


# The rate limiter -------------------------------------------------------------------


def submit(client: Client, client_address: str):
    return client.post("/questionnaire/", as_post(answers()), **through_nginx(client_address))


@pytest.mark.django_db
def test_a_spoofed_left_most_entry_does_not_escape_the_rate_limit(settings):
    settings.CLIENT_IP_PROXY_COUNT = 1
    limit, _window = settings.RATELIMIT_QUESTIONNAIRE
    assert limit == 30  # the hourly limit the 75 spoofed submissions all passed
    client = Client()
    for _ in range(limit):
        assert submit(client, CLIENT_A).status_code == HTTPStatus.FOUND
    limited = submit(client, CLIENT_A)
    assert limited.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert Response.objects.count() == limit
    # Another client behind the same nginx still gets through.
    assert submit(client, CLIENT_B).status_code == HTTPStatus.FOUND


@pytest.mark.django_db
def test_clients_behind_the_proxy_are_counted_separately(settings):
    settings.CLIENT_IP_PROXY_COUNT = 1
    a, b = request_from(NGINX, f"6.6.6.6, {CLIENT_A}"), request_from(NGINX, CLIENT_B)
    assert [ratelimit.is_limited("t", a, 2, 3600) for _ in range(3)] == [False, False, True]
    assert ratelimit.is_limited("t", b, 2, 3600) is False
    assert ratelimit.client_key(a) != ratelimit.client_key(b)
    # Broken headers are not fresh clients: they all count as the proxy's own address.
    broken = [request_from(NGINX, value) for value in ("garbage", "6.6.6.6, \x00", "")]
    assert {ratelimit.client_key(r) for r in broken} == {ratelimit.client_key(request_from())}


@pytest.mark.django_db
def test_an_ipv6_client_behind_the_proxy_counts_as_its_64_network(settings):
    settings.CLIENT_IP_PROXY_COUNT = 1
    one = ratelimit.client_key(request_from(NGINX, "6.6.6.6, 2001:db8:1:2::1"))
    same = ratelimit.client_key(request_from(NGINX, "7.7.7.7, 2001:db8:1:2:ffff::9"))
    other = ratelimit.client_key(request_from(NGINX, "2001:db8:1:3::1"))
    assert one == same != other
    mapped = ratelimit.client_key(request_from(NGINX, "::ffff:203.0.113.5"))
    assert mapped == ratelimit.client_key(request_from(NGINX, "203.0.113.5"))


# The sign-in lockout ----------------------------------------------------------------

PASSWORD = "a long passphrase 123"


@pytest.fixture
def staff_user():
    return get_user_model().objects.create_user("intake1", password=PASSWORD, is_staff=True)


def sign_in(password: str, **meta: Any):
    return Client().post(
        "/admin/login/?next=/admin/", {"username": "intake1", "password": password}, **meta
    )


@pytest.mark.django_db
def test_lockout_behind_the_proxy_is_per_real_client(settings, staff_user):
    settings.CLIENT_IP_PROXY_COUNT = 1
    for _ in range(4):
        assert sign_in("wrong", **through_nginx(CLIENT_A)).status_code == HTTPStatus.OK
    assert sign_in("wrong", **through_nginx(CLIENT_A)).status_code == (
        HTTPStatus.TOO_MANY_REQUESTS
    )
    # A new made-up left-most entry does not make client A somebody else...
    assert sign_in(PASSWORD, **through_nginx(CLIENT_A)).status_code == (
        HTTPStatus.TOO_MANY_REQUESTS
    )
    # ...and the person at client B is not locked out by what A did.
    signed_in = sign_in(PASSWORD, **through_nginx(CLIENT_B))
    assert signed_in.status_code == HTTPStatus.FOUND
    assert signed_in["Location"] == "/admin/"


@pytest.mark.django_db
def test_without_a_proxy_the_lockout_ignores_forwarded_for(settings, staff_user):
    settings.CLIENT_IP_PROXY_COUNT = 0
    for _ in range(5):
        sign_in("wrong", **through_nginx(CLIENT_A))
    # Whatever X-Forwarded-For says, it is the same REMOTE_ADDR: still locked.
    locked = sign_in(PASSWORD, **through_nginx(CLIENT_B))
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    # A different REMOTE_ADDR is a different client.
    assert sign_in(PASSWORD, REMOTE_ADDR="10.9.9.9").status_code == HTTPStatus.FOUND


@pytest.mark.django_db
def test_stepping_through_an_ipv6_64_buys_no_fresh_guesses(settings, staff_user):
    # The lockout counts an IPv6 client as its /64, as the rate limits do: wrong passwords
    # from 2001:db8:1:2::1, ::2, ::3… all count against the one network.
    settings.CLIENT_IP_PROXY_COUNT = 0
    for host in range(1, 6):
        sign_in("wrong", REMOTE_ADDR=f"2001:db8:1:2::{host}")
    locked = sign_in(PASSWORD, REMOTE_ADDR="2001:db8:1:2::ff")
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    # Another network is another client.
    assert sign_in(PASSWORD, REMOTE_ADDR="2001:db8:1:3::1").status_code == HTTPStatus.FOUND


@pytest.mark.parametrize(
    ("address", "counted_as"),
    [
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
        ("198.51.100.7", "198.51.100.7"),
        ("", ""),
    ],
)
def test_the_counted_client_is_an_ipv6_clients_network(settings, address, counted_as):
    settings.CLIENT_IP_PROXY_COUNT = 0
    assert client_network(request_from(remote=address)) == counted_as
