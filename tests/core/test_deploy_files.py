"""deploy/: the environment file example and the systemd units match the code they run."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
ENV_EXAMPLE = DEPLOY / "iopguide.env.example"
UNITS = DEPLOY / "systemd"
APP_DIR = "/srv/iopguide"  # where the units expect the checkout
ENV_FILE = "/etc/iopguide/iopguide.env"
# Read by helpers outside settings.py, or about to be: every one belongs in the example.
OTHER_VARIABLES = {"BACKUP_KEEP_DAYS", "CLIENT_IP_PROXY_COUNT", "SENTRY_DSN", "LOG_FORMAT"}
OTHER_VARIABLES |= {"DB_CONNECT_TIMEOUT"}
READS = re.compile(
    r"""(?:env_\w+\(|os\.environ\.get\(|os\.getenv\(|os\.environ\[)\s*["']([A-Z][A-Z0-9_]*)["']"""
)
HARDENING = {
    "NoNewPrivileges": "yes",
    "ProtectSystem": "strict",
    "ProtectHome": "yes",
    "PrivateTmp": "yes",
}


def _example_lines() -> dict[str, str]:
    """Every KEY=value line, on or commented out (# KEY=value), as the file gives them."""
    found = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.fullmatch(r"(#\s?)?([A-Z][A-Z0-9_]*)=(.*)", line)
        if match:
            found[match.group(2)] = (match.group(1) or "") + match.group(3)
    return found


def _active_values() -> dict[str, str]:
    """The values the example sets (as systemd's EnvironmentFile= reads them)."""
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.fullmatch(r"([A-Z][A-Z0-9_]*)=(.*)", line)
        if match:
            value = match.group(2)
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            values[match.group(1)] = value
    return values


def test_env_example_names_every_variable_the_code_reads():
    read = set()
    for source in (ROOT / "iopguide" / "settings.py", ROOT / "gunicorn.conf.py"):
        read |= set(READS.findall(source.read_text()))
    assert {"SECRET_KEY", "DATABASE_URL", "GUNICORN_BIND"} <= read  # the parse works
    missing = sorted((read | OTHER_VARIABLES) - set(_example_lines()))
    assert not missing, f"add to {ENV_EXAMPLE.name}, each with a comment: {missing}"


def test_env_example_comments_every_variable():
    lines = ENV_EXAMPLE.read_text().splitlines()
    for number, line in enumerate(lines):
        if re.match(r"[A-Z][A-Z0-9_]*=", line):
            # The line above is a comment, or another variable of the same group.
            above = next(text for text in reversed(lines[:number]) if text.strip())
            assert above.startswith("#") or re.match(r"[A-Z]", above), line


def test_env_example_configures_the_app():
    """The example as shipped starts Django (placeholders and all): nothing malformed."""
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO")},
        **_active_values(),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "ERROR"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def _units() -> dict[str, configparser.ConfigParser]:
    units = {}
    for path in sorted(UNITS.iterdir()):
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        parser.read_string(path.read_text(), source=str(path))
        units[path.name] = parser
    return units


def test_units_are_the_ones_the_readme_enables():
    assert set(_units()) == {
        "iopguide.service",
        "iopguide-worker.service",
        "iopguide-purge.service",
        "iopguide-purge.timer",
        "iopguide-digest.service",
        "iopguide-digest.timer",
        "iopguide-backup.service",
        "iopguide-backup.timer",
    }
    readme = (ROOT / "README.md").read_text()
    for name in _units():
        assert name in readme, f"the README's deployment steps never mention {name}"


@pytest.mark.parametrize(
    "name", [name for name in sorted(p.name for p in UNITS.iterdir()) if name.endswith(".service")]
)
def test_service_runs_what_the_repository_has(name):
    service = _units()[name]["Service"]
    assert service["User"] == "iopguide"
    assert service["WorkingDirectory"] == APP_DIR
    assert service["EnvironmentFile"] == ENV_FILE
    for key, value in HARDENING.items():
        assert service.get(key) == value, f"{name}: {key}={value}"
    command = shlex.split(service["ExecStart"])
    assert command[0].startswith(f"{APP_DIR}/")
    program = ROOT / command[0].removeprefix(f"{APP_DIR}/")
    if ".venv" not in program.parts:  # the virtualenv is made by `make install`
        assert os.access(program, os.X_OK), program
    for argument in command[1:]:
        if argument.startswith(f"{APP_DIR}/"):
            assert (ROOT / argument.removeprefix(f"{APP_DIR}/")).exists(), argument
    if "manage.py" in command:
        assert (ROOT / "manage.py").exists()
        subcommand = command[command.index("manage.py") + 1]
        ours = ROOT / "programs" / "management" / "commands" / f"{subcommand}.py"
        assert ours.exists() or importlib.util.find_spec(
            f"django_tasks_db.management.commands.{subcommand}"
        ), subcommand
    # Nothing is writable but what the service itself must write.
    writable = service.get("ReadWritePaths", "").split()
    assert writable == (["/var/backups/iopguide"] if name == "iopguide-backup.service" else [])


def test_timers_start_their_service():
    units = _units()
    for name, unit in units.items():
        if name.endswith(".timer"):
            assert name.removesuffix(".timer") + ".service" in units
            assert unit["Timer"]["OnCalendar"]
            assert unit["Install"]["WantedBy"] == "timers.target"


def test_systemd_accepts_the_units(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed; the parse tests above still ran")
    # The units as they would be on a server whose checkout is this one.
    for path in UNITS.iterdir():
        (tmp_path / path.name).write_text(path.read_text().replace(APP_DIR, str(ROOT)))
    venv_bin = ROOT / ".venv" / "bin"
    if not (venv_bin / "gunicorn").exists():
        pytest.skip("no .venv here (make install makes it)")
    result = subprocess.run(
        [analyze, "verify", "--man=no", *sorted(p.name for p in tmp_path.iterdir())],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    # Unknown keys are only warnings for systemd: any message at all fails here.
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
