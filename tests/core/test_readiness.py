"""`/readyz`: 200 when this app server can serve, 503 naming what is wrong (issue #18)."""

from __future__ import annotations

import json
from http import HTTPStatus

import pytest
from django.db import DatabaseError, connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client
from django.test.utils import CaptureQueriesContext

from programs.core import readiness

pytestmark = pytest.mark.django_db

ALL_OK = {"database": "ok", "migrations": "ok", "cache": "ok", "translations": "ok"}


@pytest.fixture(autouse=True)
def _migrations_checked_afresh(monkeypatch):
    monkeypatch.setattr(readiness, "_migrations_applied", False)


def ready(client: Client) -> tuple[int, dict]:
    page = client.get("/readyz")
    assert page["Content-Type"] == "application/json"
    return page.status_code, json.loads(page.content)


def test_ready_when_every_check_passes(client):
    page = client.get("/readyz")
    assert page.status_code == HTTPStatus.OK
    assert json.loads(page.content) == {"status": "ok", "checks": ALL_OK}
    assert "no-cache" in page["Cache-Control"]
    assert "no-store" in page["Cache-Control"]
    # No session, no CSRF cookie: a probe leaves nothing behind.
    assert not page.cookies


def test_only_get_and_head(client):
    assert client.head("/readyz").status_code == HTTPStatus.OK
    assert client.post("/readyz").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_the_database_down_fails_and_skips_what_needs_it(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("password authentication failed for user secret-user")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    status, body = ready(client)
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert body == {
        "status": "failed",
        "checks": {
            "database": "failed",
            "migrations": "skipped",
            "cache": "skipped",
            "translations": "ok",
        },
    }


def test_an_unapplied_migration_fails(client):
    latest = MigrationRecorder(connection).migration_qs.filter(app="programs").latest("id")
    MigrationRecorder(connection).record_unapplied("programs", latest.name)
    status, body = ready(client)
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert body["checks"] == {**ALL_OK, "migrations": "unapplied"}


def test_all_applied_is_remembered_for_the_process(client):
    assert ready(client)[0] == HTTPStatus.OK
    assert readiness._migrations_applied
    latest = MigrationRecorder(connection).migration_qs.filter(app="programs").latest("id")
    MigrationRecorder(connection).record_unapplied("programs", latest.name)
    # Migrations are not unapplied under a running release: not read again.
    with CaptureQueriesContext(connection) as queries:
        assert ready(client)[0] == HTTPStatus.OK
    assert not [query for query in queries if "django_migrations" in query["sql"]]


def test_a_missing_cache_table_fails(client):
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE iopguide_shared")
    status, body = ready(client)
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert body["checks"] == {**ALL_OK, "cache": "failed"}


def test_a_cache_that_loses_values_fails(client, monkeypatch):
    from django.core.cache import caches

    monkeypatch.setattr(caches["shared"], "get", lambda *args, **kwargs: None)
    status, body = ready(client)
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert body["checks"] == {**ALL_OK, "cache": "failed"}


def test_missing_compiled_translations_fail(client, settings, tmp_path):
    settings.LOCALE_PATHS = [tmp_path]
    status, body = ready(client)
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert body["checks"] == {**ALL_OK, "translations": "missing: es"}
    # A catalogue in its place: ready again.
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.mo").write_bytes(b"")
    assert ready(client)[0] == HTTPStatus.OK


def test_every_language_but_english_needs_its_catalogue(settings, tmp_path):
    settings.LOCALE_PATHS = [tmp_path]
    settings.LANGUAGES = [("en", "English"), ("es", "Español"), ("pt-br", "Português")]
    (tmp_path / "es" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "es" / "LC_MESSAGES" / "django.mo").write_bytes(b"")
    assert readiness.missing_translations() == ["pt-br"]


def test_a_failed_check_never_shows_the_error(client, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("relation iopguide_shared: password=hunter2 at /results/abc/")

    monkeypatch.setattr(readiness, "check_cache", broken)
    page = client.get("/readyz")
    assert page.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert b"hunter2" not in page.content
    assert b"results" not in page.content
    assert b"Traceback" not in page.content


def test_readyz_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/readyz").status_code == HTTPStatus.OK
