"""A fixed-window rate limiter shared by every app process (it lives in the database cache)."""

from __future__ import annotations

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def client_key(request: HttpRequest) -> str:
    """A hashed client identifier: the address is never stored in clear."""
    if settings.RATELIMIT_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        address = forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")
    else:
        address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return digest[:32]


def is_limited(scope: str, request: HttpRequest, limit: int, window_seconds: int) -> bool:
    """Count one hit for this client in `scope`; True once it exceeds `limit` in the window."""
    if not settings.RATELIMIT_ENABLED:
        return False
    cache = caches["ratelimit"]
    window = int(time.time() // window_seconds)
    key = f"rl:{scope}:{client_key(request)}:{window}"
    try:
        # add() only writes when the key is new, so concurrent first hits do not reset it.
        cache.add(key, 0, timeout=window_seconds + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window_seconds + 5)
            count = 1
    except DatabaseError:
        # A person in trouble must never be turned away because the limiter's storage
        # failed: let the request through and tell the operators.
        logger.exception("Rate limiter storage failed (did `manage.py createcachetable` run?)")
        return False
    return count > limit
