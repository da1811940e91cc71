"""Which client sent a request: one answer for the rate limits and the sign-in lockout.

``CLIENT_IP_PROXY_COUNT`` (an environment variable, 0 to 5, default 0) says how many
proxies of our own stand in front of the app:

- 0: the app is reached directly; the client is ``REMOTE_ADDR`` and ``X-Forwarded-For``
  is ignored entirely (anybody can send one).
- N: every request comes through N proxies we run, each appending the address it was
  reached from to ``X-Forwarded-For`` (nginx: ``proxy_set_header X-Forwarded-For
  $proxy_add_x_forwarded_for;``). The right-most N entries were written by them; the
  client is the N-th from the right. Anything to the left of it the client wrote itself
  and is never read.

When the header has fewer than N entries, or any of the right-most N is not an address
(empty, garbage, NUL, a port nobody writes), the request did not come the way the
proxies send it, so it is not taken for a new client: the answer is ``REMOTE_ADDR``,
never a value the client chose. django-ipware (python-ipware's strict mode) parses and
checks the entries; everything it would read from settings is passed explicitly, so the
``IPWARE_*`` settings cannot change the answer.

Set N only when the app cannot be reached except through those proxies (gunicorn on
127.0.0.1 or a socket): otherwise a client could write the whole header.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from ipware.ip import get_client_ip

MAX_PROXY_COUNT = 5
FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def proxy_count() -> int:
    """The configured number of trusted proxies, checked."""
    count = settings.CLIENT_IP_PROXY_COUNT
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_PROXY_COUNT:
        raise ImproperlyConfigured(
            f"CLIENT_IP_PROXY_COUNT must be a whole number from 0 to {MAX_PROXY_COUNT}; "
            f"got {count!r}"
        )
    return count


def client_ip(request: HttpRequest) -> str:
    """The address of the client that sent ``request`` (see the module doc); may be ""."""
    remote = request.META.get("REMOTE_ADDR") or ""
    count = proxy_count()
    if count == 0:
        return remote
    forwarded = request.META.get(FORWARDED_FOR)
    if not isinstance(forwarded, str):
        return remote
    entries = forwarded.split(",")
    if len(entries) < count:
        return remote
    # Only the part our proxies wrote: strict mode then wants exactly count - 1 hops after
    # the client, and every one of them an address.
    written_by_proxies = HttpRequest()
    written_by_proxies.META = {FORWARDED_FOR: ",".join(entries[-count:])}
    address, _routable = get_client_ip(
        written_by_proxies,
        proxy_order="left-most",
        proxy_count=count - 1,
        request_header_order=[FORWARDED_FOR],
        strict=True,
        algorithm="modern",
    )
    # An IPv6 zone ("fe80::1%eth0") is no client address any proxy writes.
    if address is None or "%" in address:
        return remote
    return address


def client_network(request: HttpRequest) -> str:
    """The client as the rate limits and the sign-in lockout count it: ``client_ip``, with
    an IPv6 client standing for its whole /64 network (one subscriber usually has all of
    it, so stepping through its addresses buys no fresh allowance and no fresh guesses),
    written as the network's first address, and an IPv4-mapped address as IPv4."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6 and parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)
    if parsed.version == 6:
        return str(ipaddress.IPv6Network((parsed, 64), strict=False).network_address)
    return address
