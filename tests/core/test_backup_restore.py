"""scripts/backup and scripts/restore against the throwaway PostgreSQL of `make check`.

The test database (with responses, contact requests, notes, calls and access-log entries,
committed) is dumped by scripts/backup, restored by scripts/restore into a database created
for the test on the same server, and every table must come back row for row.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from programs.intake import audit, services
from programs.intake.models import AuditAction, AuditEntry, CallAttempt, StaffNote
from programs.models import ContactRequest, Response
from tests.factories.intake import intake_user, make_response, share

ROOT = Path(__file__).resolve().parents[2]
BACKUP = ROOT / "scripts" / "backup"
RESTORE = ROOT / "scripts" / "restore"

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="PostgreSQL only: runs in the PostgreSQL run (make test-pg, make check)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _url(database: str) -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{quote(db['USER'], safe='')}{password}@{db['HOST']}{port}/{database}"


def _run(script: Path, *args: str, database: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(script), *args],
        env={**os.environ, "DATABASE_URL": _url(database), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _snapshot(database: str) -> dict[str, Any]:
    """Every table's rows (as PostgreSQL writes them, sorted) and every sequence's value."""
    import psycopg  # PostgreSQL runs only

    db = connection.settings_dict
    params = {"host": db["HOST"], "port": db["PORT"] or None, "user": db["USER"]}
    with psycopg.connect(dbname=database, password=db["PASSWORD"] or None, **params) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        sequences = [
            row[0]
            for row in conn.execute(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        snapshot: dict[str, Any] = {}
        for table in tables:
            rows = conn.execute(f'SELECT t::text FROM "{table}" t').fetchall()  # noqa: S608
            snapshot[table] = sorted(row[0] for row in rows)
        for sequence in sequences:
            snapshot[f"sequence {sequence}"] = conn.execute(
                f'SELECT last_value, is_called FROM "{sequence}"'  # noqa: S608
            ).fetchone()
    return snapshot


@pytest.fixture
def fresh_database() -> Iterator[str]:
    name = f"iopguide_restore_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _intake_records() -> dict[str, Any]:
    staff = intake_user()
    crisis = make_response(self_harm_thoughts="active")
    shared = make_response()
    contact = share(shared, name="Robin Example", phone="555-0100", email="robin@example.org")
    services.add_note(shared, by=staff, text="Called back, prefers mornings — señal débil.")
    services.log_call(shared, by=staff, outcome="voicemail", note="Left a message.")
    audit.record_command("purge_responses", AuditAction.PURGED, [crisis.reference_code])
    return {"responses": [crisis, shared], "contact": contact}


def test_backup_then_restore_into_a_fresh_database_keeps_everything(tmp_path, fresh_database):
    made = _intake_records()
    signed_in = SessionStore()
    signed_in["_auth_user_id"] = "1"
    signed_in.create()
    source = connection.settings_dict["NAME"]
    for model in (Response, ContactRequest, StaffNote, CallAttempt, AuditEntry):
        assert model.objects.exists(), model

    backup = _run(BACKUP, str(tmp_path / "dumps"), database=source)
    assert backup.returncode == 0, backup.stderr
    dump = Path(backup.stdout.strip())
    assert dump.parent == tmp_path / "dumps"
    assert re.fullmatch(r"iopguide-\d{8}T\d{6}Z\.dump", dump.name)
    assert dump.stat().st_mode & 0o077 == 0  # health data: the owner's eyes only
    assert (tmp_path / "dumps").stat().st_mode & 0o077 == 0
    assert [p.name for p in dump.parent.iterdir()] == [dump.name]  # no partial file left

    restore = _run(RESTORE, str(dump), database=fresh_database)
    assert restore.returncode == 0, restore.stderr

    before, after = _snapshot(source), _snapshot(fresh_database)
    assert before.keys() == after.keys()
    # Everything but the signed-in sessions, which a dump leaves out.
    assert before["django_session"]
    assert after["django_session"] == []
    for key in before.keys() - {"django_session"}:
        assert after[key] == before[key], key
    # The rows asked for by name, with their values.
    tables = {
        model._meta.db_table: model
        for model in (Response, ContactRequest, StaffNote, CallAttempt, AuditEntry)
    }
    for table in tables:
        assert after[table], table
    assert any("Robin Example" in row for row in after[ContactRequest._meta.db_table])
    assert any("señal débil" in row for row in after[StaffNote._meta.db_table])
    codes = " ".join(after[Response._meta.db_table])
    assert all(response.reference_code in codes for response in made["responses"])


def test_restore_refuses_a_database_with_tables_unless_forced(tmp_path, fresh_database):
    _intake_records()
    source = connection.settings_dict["NAME"]
    dump = Path(_run(BACKUP, str(tmp_path), database=source).stdout.strip())
    assert _run(RESTORE, str(dump), database=fresh_database).returncode == 0
    restored = _snapshot(fresh_database)

    # Into the live database by mistake: refused, nothing touched.
    refused = _run(RESTORE, str(dump), database=source)
    assert refused.returncode != 0
    assert "already has" in refused.stderr
    again = _run(RESTORE, str(dump), database=fresh_database)
    assert again.returncode != 0
    assert _snapshot(fresh_database) == restored

    forced = _run(RESTORE, "--force", str(dump), database=fresh_database)
    assert forced.returncode == 0, forced.stderr
    assert _snapshot(fresh_database) == restored


def test_failures_exit_non_zero_and_leave_no_file(tmp_path):
    source = connection.settings_dict["NAME"]
    failed = _run(BACKUP, str(tmp_path), database="no_such_database_here")
    assert failed.returncode != 0
    assert list(tmp_path.iterdir()) == []
    garbage = tmp_path / "garbage.dump"
    garbage.write_bytes(b"not a dump")
    assert _run(RESTORE, str(garbage), database=source).returncode != 0
    assert _run(RESTORE, str(tmp_path / "missing.dump"), database=source).returncode != 0
    no_place = subprocess.run(
        [str(BACKUP)],
        env={**os.environ, "DATABASE_URL": _url(source), "BACKUP_DIR": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert no_place.returncode != 0
    sqlite = subprocess.run(
        [str(BACKUP), str(tmp_path)],
        env={**os.environ, "DATABASE_URL": "sqlite:///db.sqlite3"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert sqlite.returncode != 0
    assert "not a PostgreSQL address" in sqlite.stderr


def test_old_dumps_are_deleted_after_a_good_backup(tmp_path):
    source = connection.settings_dict["NAME"]
    now = datetime.now(UTC)

    def stamp(days_ago: float) -> str:
        return (now - timedelta(days=days_ago)).strftime("iopguide-%Y%m%dT%H%M%SZ.dump")

    old, recent = tmp_path / stamp(20), tmp_path / stamp(3)
    other = tmp_path / "notes.txt"
    for path in (old, recent, other):
        path.write_text("x")
    time.sleep(1)  # a new dump's name, to the second, differs from recent's
    backup = _run(BACKUP, database=source, BACKUP_DIR=str(tmp_path), BACKUP_KEEP_DAYS="14")
    assert backup.returncode == 0, backup.stderr
    new = Path(backup.stdout.strip())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [recent.name, other.name, new.name]
    )
    # 0 keeps everything.
    old.write_text("x")
    time.sleep(1)
    assert _run(BACKUP, str(tmp_path), database=source, BACKUP_KEEP_DAYS="0").returncode == 0
    assert old.exists()
