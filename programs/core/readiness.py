"""`/readyz`: is this app server ready to serve traffic?

`/healthz` (programs/levels/views.py) stays the cheap liveness probe: the process answers
and reaches the database. `/readyz` checks what a deploy can get wrong too:

- database: the default database answers a query;
- migrations: no migration on disk is unapplied (about 3 ms once the migration modules
  are imported, 50 ms the first time; once everything is applied the answer is kept for
  the life of the process, since migrations are not unapplied under a running release);
- cache: the shared database cache (the page cache's content version) takes a value and
  gives it back;
- translations: every language but English has its compiled catalogue (.mo).

200 with {"status": "ok", "checks": {...}} when all pass, else 503 naming the failed
checks. Never an error message or traceback: the body is for a load balancer.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.utils.translation import to_locale
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK, FAILED, SKIPPED = "ok", "failed", "skipped"
SHARED_CACHE = "shared"
PROBE_KEY = "readyz:probe"  # reserved: nothing else uses this key
PROBE_SECONDS = 60

# True once this process has seen every migration applied.
_migrations_applied = False


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return OK


def check_migrations() -> str:
    global _migrations_applied
    if _migrations_applied:
        return OK
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return "unapplied"
    _migrations_applied = True
    return OK


def check_cache() -> str:
    cache = caches[SHARED_CACHE]
    value = uuid.uuid4().hex  # this request's own, so another process's write cannot pass
    cache.set(PROBE_KEY, value, timeout=PROBE_SECONDS)
    return OK if cache.get(PROBE_KEY) == value else FAILED


def missing_translations() -> list[str]:
    """Languages other than English without a compiled catalogue in LOCALE_PATHS."""
    missing = []
    for code, _name in settings.LANGUAGES:
        if code == "en":
            continue
        name = Path(to_locale(code)) / "LC_MESSAGES" / "django.mo"
        if not any((Path(folder) / name).is_file() for folder in settings.LOCALE_PATHS):
            missing.append(code)
    return missing


def check_translations() -> str:
    missing = missing_translations()
    return f"missing: {', '.join(missing)}" if missing else OK


def _run(check: Callable[[], str], name: str) -> str:
    """The check's answer; a database error is a failure (and rolls back only itself)."""
    try:
        # A savepoint: a failed query must not spoil the next check's transaction.
        with transaction.atomic():
            return check()
    except DatabaseError:
        logger.warning("readiness check %s failed", name, exc_info=True)
        return FAILED


def run_checks() -> dict[str, str]:
    checks = {"database": _run(check_database, "database")}
    if checks["database"] == OK:
        checks["migrations"] = _run(check_migrations, "migrations")
        checks["cache"] = _run(check_cache, "cache")
    else:
        checks["migrations"] = checks["cache"] = SKIPPED
    checks["translations"] = check_translations()
    return checks


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """200 when this app server can serve traffic, 503 naming what is wrong otherwise."""
    checks = run_checks()
    ready = all(result == OK for result in checks.values())
    return JsonResponse(
        {"status": OK if ready else FAILED, "checks": checks}, status=200 if ready else 503
    )
