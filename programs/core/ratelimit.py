"""A fixed-window rate limiter shared by every app process (its counters live in the database).

Each hit is one ``INSERT … ON CONFLICT DO UPDATE SET count = count + 1 RETURNING count``
(PostgreSQL, and SQLite 3.35+, which a system check requires): the database serialises
simultaneous hits on a counter, so a burst of parallel requests from one client is counted
exactly, on one app server or many.
"""

from __future__ import annotations

import hashlib
import logging
import time
from contextlib import nullcontext
from datetime import UTC, datetime

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest

from iopguide.client_address import client_network
from programs.core.models import RateLimitCounter

logger = logging.getLogger(__name__)

# Counters are kept a little past their window, so a hit at the very end still finds its row.
GRACE_SECONDS = 5
# Finished counters deleted by one request, at most.
CLEANUP_BATCH = 100
# Keys are "scope:32 hex digits:window number" in a 100-character column.
MAX_SCOPE_LENGTH = 40


def client_key(request: HttpRequest) -> str:
    """A hashed client identifier: the address is never stored in clear.

    The client is counted as the sign-in lockout counts it (iopguide/client_address.py
    ``client_network``: REMOTE_ADDR, or behind CLIENT_IP_PROXY_COUNT proxies the entry they
    wrote; an IPv6 client as its whole /64 network).
    """
    address = client_network(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return digest[:32]


def count_hit(key: str, expires_at: datetime) -> int:
    """Add one to the counter ``key`` (creating it) and return the new count, atomically."""
    quote = connection.ops.quote_name
    table = quote(RateLimitCounter._meta.db_table)
    columns = {field.name: field.column for field in RateLimitCounter._meta.concrete_fields}
    key_col, count_col, expires_col = (
        quote(columns[name]) for name in ("key", "count", "expires_at")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_col}, {count_col}, {expires_col}) VALUES (%s, 1, %s) "
            f"ON CONFLICT ({key_col}) DO UPDATE SET {count_col} = {table}.{count_col} + 1 "
            f"RETURNING {count_col}",
            [key, connection.ops.adapt_datetimefield_value(expires_at)],
        )
        return cursor.fetchone()[0]


def delete_expired(now: datetime | None = None, *, batch: int | None = None) -> int:
    """Delete counters whose window is over (at most ``batch`` of them); returns how many."""
    expired = RateLimitCounter.objects.filter(expires_at__lt=now or datetime.now(UTC))
    if batch is not None:
        expired = RateLimitCounter.objects.filter(pk__in=expired.values("pk")[:batch])
    deleted, _ = expired.delete()
    return deleted


def is_limited(scope: str, request: HttpRequest, limit: int, window_seconds: int) -> bool:
    """Count one hit for this client in `scope`; True once it exceeds `limit` in the window."""
    if len(scope) > MAX_SCOPE_LENGTH:
        raise ValueError(f"Rate-limit scopes are short names; {scope!r} is too long.")
    if not settings.RATELIMIT_ENABLED:
        return False
    now = time.time()
    window = int(now // window_seconds)
    key = f"{scope}:{client_key(request)}:{window}"
    expires_at = datetime.fromtimestamp((window + 1) * window_seconds + GRACE_SECONDS, UTC)
    # Inside a transaction, a savepoint keeps a storage failure from spoiling it.
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    try:
        with guard:
            count = count_hit(key, expires_at)
            if count == 1:
                # A client's first hit in a window: a good moment to drop some finished
                # windows. A bounded batch, so no request pays for a flood of old rows;
                # purge_responses deletes whatever is left.
                delete_expired(datetime.fromtimestamp(now, UTC), batch=CLEANUP_BATCH)
    except DatabaseError:
        # A person in trouble must never be turned away because the limiter's storage
        # failed: let the request through and tell the operators.
        logger.exception("Rate limiter storage failed (did `manage.py migrate` run?)")
        return False
    return count > limit
