"""System checks for what the app needs from its environment."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from django.conf import settings
from django.core.checks import Error, Tags, register

# The rate limiter counts with INSERT … ON CONFLICT … RETURNING (programs/ratelimit.py).
MIN_SQLITE = (3, 35, 0)


def sqlite_errors(databases: Mapping[str, Mapping], version: tuple[int, ...]) -> list[Error]:
    """An error if any database is SQLite and ``version`` (SQLite's) is older than needed."""
    uses_sqlite = any(db["ENGINE"] == "django.db.backends.sqlite3" for db in databases.values())
    if not uses_sqlite or tuple(version) >= MIN_SQLITE:
        return []
    return [
        Error(
            f"SQLite {'.'.join(map(str, version))} is too old: the rate limiter needs "
            f"{'.'.join(map(str, MIN_SQLITE))} or newer (INSERT … RETURNING).",
            hint="Use PostgreSQL (DATABASE_URL), or a Python built with a newer SQLite.",
            id="programs.E001",
        )
    ]


@register(Tags.compatibility)
def check_sqlite_version(app_configs=None, **kwargs) -> list[Error]:
    return sqlite_errors(settings.DATABASES, sqlite3.sqlite_version_info)
