"""Counters for the per-client rate limiter (programs/ratelimit.py)."""

from __future__ import annotations

from django.db import models


class RateLimitCounter(models.Model):
    """One client's hits in one scope during one fixed window, counted atomically in SQL.

    ``key`` is ``scope:hashed client:window number``: no address is stored. A row outlives
    its window by a few seconds; the limiter deletes expired rows as new windows start, and
    ``purge_responses`` deletes any left over.
    """

    key = models.CharField(max_length=100, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "rate-limit counter"
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.key.split(':', 1)[0]}: {self.count}"
