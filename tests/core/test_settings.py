import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from iopguide.settings import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]


def run_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "iopguide.settings"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off():
    result = run_settings(DEBUG="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_settings_start_with_a_secret_key():
    result = run_settings(DEBUG="0", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


def test_settings_start_in_debug_without_a_secret_key():
    result = run_settings(DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_malformed_debug_value_is_a_clear_error():
    result = run_settings(DEBUG="maybe", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("TRUE", True), ("off", False)])
def test_env_bool_reads_clear_values(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert env_bool("SOME_FLAG") is expected


def test_env_bool_uses_default_when_unset(monkeypatch):
    monkeypatch.delenv("SOME_FLAG", raising=False)
    assert env_bool("SOME_FLAG", default=True) is True


def test_env_list_rejects_empty_items(monkeypatch):
    monkeypatch.setenv("SOME_LIST", "a.example,,b.example")
    with pytest.raises(ImproperlyConfigured, match="empty item"):
        env_list("SOME_LIST")


def test_env_list_splits_and_strips(monkeypatch):
    monkeypatch.setenv("SOME_LIST", "a.example, b.example")
    assert env_list("SOME_LIST") == ["a.example", "b.example"]


@pytest.mark.parametrize("raw", ["ten", "-1", "1.5"])
def test_env_int_rejects_malformed_values(monkeypatch, raw):
    monkeypatch.setenv("SOME_INT", raw)
    with pytest.raises(ImproperlyConfigured):
        env_int("SOME_INT", 5)


def test_database_url_selects_the_database(settings):
    from django.db import connection

    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


def test_env_dates_reads_iso_dates_and_refuses_anything_else(monkeypatch):
    from datetime import date

    from iopguide.settings import env_dates

    monkeypatch.setenv("SOME_DATES", "2026-12-24, 2026-12-31")
    assert env_dates("SOME_DATES") == [date(2026, 12, 24), date(2026, 12, 31)]
    monkeypatch.delenv("SOME_DATES")
    assert env_dates("SOME_DATES") == []
    for wrong in ("24/12/2026", "20261224", "2026-W52-4", "2026-13-01", "2026-12-24T00:00"):
        monkeypatch.setenv("SOME_DATES", f"2026-12-24,{wrong}")
        with pytest.raises(ImproperlyConfigured, match="YYYY-MM-DD"):
            env_dates("SOME_DATES")


def test_a_malformed_closed_day_stops_the_site_starting():
    result = run_settings(DEBUG="0", SECRET_KEY="x" * 50, INTAKE_CLOSED_DAYS="Christmas")
    assert result.returncode != 0
    assert "INTAKE_CLOSED_DAYS must list dates as YYYY-MM-DD" in result.stderr
