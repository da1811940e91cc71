"""`make bench`: load-test the app as production runs it, and check the budgets.

Runs against the PostgreSQL database in DATABASE_URL (`make bench` starts a throwaway one
with scripts/with-postgres): migrates, seeds 50,000 programs at real ZIP code centres
across the country and 200,000 responses (`manage.py seed_bench`), starts gunicorn with
the repo's gunicorn.conf.py on 127.0.0.1, then drives each page in turn with wrk, a
separate load-generator process, for a fixed time at a fixed number of connections.
Prints a table (requests/s, p50, p99, errors and the ratio to the baseline's requests/s
at the same concurrency) with PASS/FAIL against the budgets of issues 8 and 15, and
writes it as JSON to bench/results/. Exits 1 if a budget fails. Not part of the test
suite.

Most rows ask for one URL again and again (bench/wrk/request.lua), so with the page
cache on they measure mostly the cache. The distance-search row asks a new question
every time (bench/wrk/directory_near.lua): a random place among those of the seeded
programs, a random radius, two filters from different groups and sometimes a later
page, so every request runs the search. The two intake rows, signed in as an intake staff
member, walk a shuffled list of pages (bench/wrk/paths.lua): the workspace queue with
filters, later pages and searches by reference code, name, phone and email; and the
response pages of many responses, among them ones with contact requests, notes and call
attempts. Staff pages are never in the page cache: each request is rendered and leaves
its entry in the access log, which the report counts.

    CI=true scripts/with-postgres .venv/bin/python bench/run.py [--duration 10] [--rows home,admin]

The baseline is /bench/baseline, a constant answer through the whole middleware stack that
never touches the database: routed only with BENCHMARK_BASELINE=1, which this script sets.
Each row runs --repeat times (3), each run right after a run of the baseline at the same
connections, so a busy minute on the machine weighs on both; the row passes on the median
of its ratios, and the table shows their spread and the load average around them.
Set PAGE_CACHE_ENABLED=0 in the environment to measure without the page cache.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote_plus, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.factories.questionnaire import CALM, as_post  # noqa: E402

RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "wrk" / "request.lua"
NEAR_LUA = ROOT / "bench" / "wrk" / "directory_near.lua"
PATHS_LUA = ROOT / "bench" / "wrk" / "paths.lua"
PYTHON = sys.executable
STARTUP_BUDGET_S = 2.0
STAFF_USER = "bench-intake"
SEED_STAFF = "bench-staff"  # seed_bench's staff member, who holds the seeded requests
FILTERS = "?level=iop&schedule=evening&payment=medicaid"
# What the distance searches pick from: places (ZIP codes and "City, ST" of seeded
# programs), radii, two of these filter groups, and pages (1 sends no page parameter;
# most people look at the first page).
NEAR_PLACES = 2000
NEAR_CITY_SHARE = 0.2
NEAR_RADII = (5, 10, 25, 50, 100)
NEAR_FILTERS = {
    "level": ("outpatient", "iop", "php"),
    "format": ("in_person", "hybrid"),
    "schedule": ("daytime", "evening", "weekend"),
    "payment": ("medicaid", "medicare", "private", "self_pay", "sliding_fee"),
    "accepts_moud": ("1",),
}
NEAR_PAGES = (1, 1, 1, 2, 3)
NEAR_PREFLIGHT = 50
# The intake rows' lists of pages (bench/wrk/paths.lua walks them in a shuffled order).
QUEUE_PATHS = 3000
RESPONSE_PAGES = 3000
STAFF_PREFLIGHT = 30


@dataclass
class Budget:
    """A row passes when its ratio to the baseline is at least `min_ratio`, or its p99 is
    under `max_p99_ms`; and, always, when it had no errors."""

    min_ratio: float | None = None
    max_p99_ms: float | None = None

    def __str__(self) -> str:
        if self.min_ratio is not None:
            return f"ratio ≥ {self.min_ratio:g}"
        if self.max_p99_ms is not None:
            return f"p99 < {self.max_p99_ms:g} ms"
        return "no errors"


@dataclass
class Row:
    name: str
    path: str
    connections: int
    budget: Budget = field(default_factory=Budget)
    cookie: str = ""
    body: str = ""
    expect: int = 200
    script: Path = LUA
    searches: NearSearches | None = None  # distinct distance searches instead of `path`
    paths: list[str] = field(default_factory=list)  # pages to walk instead of `path`
    paths_file: Path | None = None  # where `paths` are written for wrk
    # Filled in by the run:
    requests_per_s: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    requests_sent: int = 0  # warm-up included
    error_detail: dict = field(default_factory=dict)
    load_after: float = 0.0  # the machine's 1-minute load average when the row ended
    ratio: float | None = None
    passed: bool | None = None
    note: str = ""
    # Each repeat of a row beside its own baseline, measured just before it (see main()).
    runs: list[dict] = field(default_factory=list)


@dataclass
class NearSearches:
    """The places the distance searches pick from, in two lists that share no place: one
    for the warm-up and the preflight, one for the measured run, so no measured request
    was ever asked before."""

    warmup: list[str]  # URL-encoded, as they go in the query string
    measured: list[str]
    directory: Path  # where the lists are written for wrk

    def wrk_env(self, warmup: bool, threads: int) -> dict[str, str]:
        name = "warmup" if warmup else "measured"
        path = self.directory / f"near-places-{name}.txt"
        if not path.exists():
            path.write_text("\n".join(self.warmup if warmup else self.measured) + "\n")
        return {
            "BENCH_PLACES": str(path),
            "BENCH_RADII": ",".join(map(str, NEAR_RADII)),
            "BENCH_FILTERS": ";".join(f"{k}={','.join(v)}" for k, v in NEAR_FILTERS.items()),
            "BENCH_PAGES": ",".join(map(str, NEAR_PAGES)),
            "BENCH_SEED": str(secrets.randbelow(2**31)),
            "BENCH_THREADS": str(threads),
        }

    def paths(self, count: int, rng: random.Random) -> list[str]:
        """Searches built as directory_near.lua builds them, from the warm-up places."""
        groups = list(NEAR_FILTERS)
        found = []
        for _ in range(count):
            first, second = sorted(rng.sample(range(len(groups)), 2))
            path = f"/programs/?near={rng.choice(self.warmup)}&within={rng.choice(NEAR_RADII)}"
            for name in (groups[first], groups[second]):
                path += f"&{name}={rng.choice(NEAR_FILTERS[name])}"
            page = rng.choice(NEAR_PAGES)
            found.append(path if page == 1 else f"{path}&page={page}")
        return found


def near_searches(env: dict, directory: Path) -> NearSearches:
    """Places of seeded programs: mostly ZIP codes, some "City, ST", chosen at random."""
    rows = json.loads(
        manage(
            env,
            "shell",
            "--no-imports",
            "-c",
            "import json; from programs.models import Program;"
            "print(json.dumps(list(Program.objects.filter(slug__startswith='bench-')"
            ".values_list('zip_code', 'city', 'state').distinct())))",
            capture=True,
        )
    )
    rng = random.Random(15)
    zips = sorted({zip_code for zip_code, _, _ in rows})
    cities = sorted({f"{city}, {state}" for _, city, state in rows})
    wanted = NEAR_PLACES + NEAR_PLACES // 4  # the measured places and the warm-up's
    city_count = min(round(wanted * NEAR_CITY_SHARE), len(cities))
    chosen = rng.sample(cities, city_count) + rng.sample(zips, min(wanted - city_count, len(zips)))
    rng.shuffle(chosen)
    encoded = [quote_plus(place) for place in chosen]
    split = len(encoded) // 5
    return NearSearches(warmup=encoded[:split], measured=encoded[split:], directory=directory)


# What the staff rows pick from, read from the seeded database in one shell command.
STAFF_SAMPLE = """
import json
from django.contrib.auth import get_user_model
from django.db.models import Count
from programs.models import CallAttempt, ContactRequest, Response, StaffNote, TreatmentLevel
def ids(queryset, n):
    return list(queryset.order_by('?').values_list('pk', flat=True)[:n])
responses = Response.objects.all()
called = CallAttempt.objects.values('response')
busy = called.annotate(n=Count('pk')).filter(n__gte=5).values_list('response', flat=True)
contacts = list(ContactRequest.objects.order_by('?').values('name', 'phone', 'email')[:300])
print(json.dumps({
    'levels': list(TreatmentLevel.objects.values_list('pk', flat=True)),
    'staff': get_user_model().objects.get(username=%r).pk,
    'codes': list(responses.order_by('?').values_list('reference_code', flat=True)[:300]),
    'names': [c['name'] for c in contacts],
    'phones': [c['phone'] for c in contacts if c['phone']],
    'emails': [c['email'] for c in contacts if c['email']],
    'with_calls': ids(responses.filter(pk__in=called), 1200),
    'busy': list(busy[:200]),
    'with_notes': ids(responses.filter(pk__in=StaffNote.objects.values('response')), 600),
    'with_contact': ids(responses.filter(contact_request__isnull=False), 600),
    'any': ids(responses, 600),
}))
"""


@dataclass
class StaffPages:
    """The intake rows' pages: the workspace queue's and the response pages."""

    queue: list[str]
    responses: list[str]


def staff_pages(env: dict, seed_staff: str) -> StaffPages:
    """Workspace queue pages (filters, pages, searches) and response pages, from the data.

    The queue: no filter or one or two of status, assignee, mine, level, crisis and
    language, sometimes a later page; a quarter are searches by reference code (as typed,
    in lower case with a dash), name, phone number (typed as "(212) 555-0199") or email.
    The response pages: responses with call attempts (some with many), with notes, with a
    contact request, and any; a third opened from a filtered queue, as "Save and next" does.
    """
    data = json.loads(
        manage(env, "shell", "--no-imports", "-c", STAFF_SAMPLE % seed_staff, capture=True)
    )
    rng = random.Random(16)
    filters: dict[str, list[str]] = {
        "status": ["none", "new", "in_progress", "contacted", "scheduled", "closed"],
        "assignee": [str(data["staff"])],
        "mine": ["yes"],
        "level": [str(pk) for pk in data["levels"]] + ["null"],
        "crisis": ["yes", "no"],
        "language": ["en", "es"],
    }

    def typed_phone(stored: str) -> str:
        digits = stored.removeprefix("+1")
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}" if len(digits) == 10 else stored

    searches = [
        *(f"{code[:4].lower()}-{code[4:].lower()}" for code in data["codes"]),
        *data["names"],
        *(typed_phone(phone) for phone in data["phones"]),
        *data["emails"],
    ]
    queue: list[str] = []
    seen: set[str] = set()
    while len(queue) < QUEUE_PATHS and len(seen) < 10 * QUEUE_PATHS:
        params: list[tuple[str, str]] = []
        if searches and rng.random() < 0.25:
            params.append(("q", rng.choice(searches)))
        else:
            for name in sorted(rng.sample(list(filters), rng.choice((0, 1, 1, 2, 2)))):
                params.append((name, rng.choice(filters[name])))
        if rng.random() < 0.2:
            params.append(("page", str(rng.randint(2, 5))))
        path = "/admin/intake/" + (f"?{urlencode(params)}" if params else "")
        if path not in seen:
            seen.add(path)
            queue.append(path)
    pools = [
        (0.35, data["with_calls"]),
        (0.05, data["busy"] or data["with_calls"]),
        (0.2, data["with_notes"]),
        (0.2, data["with_contact"]),
        (0.2, data["any"]),
    ]
    pages = []
    for _ in range(RESPONSE_PAGES):
        roll, pool = rng.random(), data["any"]
        for share, candidates in pools:
            if roll < share and candidates:
                pool = candidates
                break
            roll -= share
        path = f"/admin/programs/response/{rng.choice(pool)}/change/"
        if rng.random() < 1 / 3:
            name = rng.choice(["status", "crisis", "language"])
            state = urlencode({name: rng.choice(filters[name])})
            path += "?" + urlencode({"_changelist_filters": state})
        pages.append(path)
    return StaffPages(queue=queue, responses=pages)


def access_log_count(env: dict) -> int:
    """Entries in the access log: each staff page read adds one."""
    return int(
        manage(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from programs.models import AuditEntry; print(AuditEntry.objects.count())",
            capture=True,
        ).strip()
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="Seconds per row.")
    parser.add_argument("--warmup", type=int, default=1, help="Seconds of warm-up per row.")
    parser.add_argument("--programs", type=int, default=50_000)
    parser.add_argument("--responses", type=int, default=200_000)
    parser.add_argument("--rows", default="", help="Comma-separated name parts to run only.")
    parser.add_argument("--keep-server", action="store_true", help="Leave gunicorn running.")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="Runs of each row, each right after its own baseline run; it passes on the "
        "median ratio.",
    )
    args = parser.parse_args()

    if not (os.environ.get("DATABASE_URL") or "").startswith("postgres"):
        sys.exit("bench: DATABASE_URL must point at PostgreSQL (run it with `make bench`).")
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit(
            "bench: wrk is missing: `sudo apt-get install -y wrk` (make bench does it as root)."
        )

    # Other work on the machine takes CPU from gunicorn and wrk: the report shows the load.
    load_before = os.getloadavg()[0]
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "RATELIMIT_ENABLED": "0",
        "BENCHMARK_BASELINE": "1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    page_cache = env.get("PAGE_CACHE_ENABLED", "1").strip().lower() not in {
        "0",
        "false",
        "no",
        "off",
    }

    startup = {
        "manage.py check": timed([PYTHON, "manage.py", "check"], env),
        "app import (wsgi + URLconf)": timed(
            [
                PYTHON,
                "-c",
                "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'iopguide.settings');"
                "from iopguide.wsgi import application;"
                "from django.urls import get_resolver; get_resolver().url_patterns",
            ],
            env,
        ),
    }

    step("migrate, createcachetable, collectstatic")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--no-input", "-v0")
    step(f"seed {args.programs:,} programs and {args.responses:,} responses")
    manage(env, "seed_bench", f"--programs={args.programs}", f"--responses={args.responses}")
    password = secrets.token_urlsafe(24)
    manage(env, "create_staff_user", STAFF_USER, "--group=intake", f"--password={password}")
    work = tempfile.TemporaryDirectory(prefix="iopguide-bench-")
    searches = near_searches(env, Path(work.name))
    pages = staff_pages(env, SEED_STAFF)

    log_path = Path(tempfile.mkstemp(prefix="iopguide-bench-", suffix=".log")[1])
    log = log_path.open("w")
    step(f"gunicorn on 127.0.0.1:{port} (gunicorn.conf.py; its log in {log_path})")
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "iopguide.wsgi", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        client = Client(port)
        client.wait_until_up(server)
        rows = plan(client, password, searches, pages, Path(work.name), env)
        if args.rows:
            wanted = [w.strip() for w in args.rows.split(",") if w.strip()]
            rows = [
                r
                for r in rows
                if r.name.startswith("baseline") or any(w in r.name for w in wanted)
            ]
        for row in rows:
            preflight(client, row)
        step(f"wrk: {args.duration} s per row after {args.warmup} s of warm-up")
        baselines = {r.connections: r for r in rows if r.name == "baseline"}
        for row in rows:
            logged = access_log_count(env) if row.paths else 0
            if row.name == "baseline" or row.connections not in baselines:
                measure(wrk, port, row, args.duration, args.warmup)
            else:
                measure_beside_baseline(
                    wrk,
                    port,
                    row,
                    baselines[row.connections],
                    args.duration,
                    args.warmup,
                    max(args.repeat, 1),
                )
            if row.paths:
                # Every request a rendered page: as many new access-log entries.
                logged = access_log_count(env) - logged
                row.note = (
                    f"{len(row.paths):,} distinct pages; {logged:,} access-log entries for "
                    f"{row.requests_sent:,} answers counted by wrk (warm-up included; the "
                    "requests still in flight when wrk stopped are logged too)"
                )
            print(
                f"  {row.name:28} {row.connections:3} conn  {row.requests_per_s:9.1f} req/s  "
                f"(load {row.load_after:.1f})",
                flush=True,
            )
    finally:
        if args.keep_server:
            print(f"gunicorn left running: pid {server.pid}, port {port}")
        else:
            stop(server)
        log.close()
        work.cleanup()
    # The access log is large; keep it only when gunicorn reported trouble.
    trouble = [
        line
        for line in log_path.read_text(errors="replace").splitlines()
        if "Traceback" in line or "WORKER TIMEOUT" in line or "[ERROR]" in line
    ]
    if trouble:
        print(f"bench: gunicorn reported {len(trouble)} problem(s); see {log_path}")
    elif not args.keep_server:
        log_path.unlink()

    judge(rows)
    pg_version = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from django.db import connection; connection.ensure_connection();"
        "print(connection.pg_version)",
        capture=True,
    ).strip()
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "postgresql": pg_version,
        "gunicorn": {
            "workers": int(env.get("GUNICORN_WORKERS") or (os.cpu_count() or 1) * 2 + 1),
            "threads": int(env.get("GUNICORN_THREADS") or 4),
        },
        "data": {"programs": args.programs, "responses": args.responses},
        "page_cache": page_cache,
        "load_before": load_before,
        "duration_s": args.duration,
        "startup_s": startup,
        "rows": [
            {k: v for k, v in asdict(row).items() if k not in ("searches", "paths", "paths_file")}
            for row in rows
        ],
    }
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{datetime.now():%Y-%m-%dT%H%M%S}.json"
    out.write_text(json.dumps(report, indent=2, default=str) + "\n")
    failed = print_report(report, rows, startup)
    print(f"\nWritten to {out.relative_to(ROOT)}")
    return 1 if failed else 0


def plan(
    client: Client,
    password: str,
    searches: NearSearches,
    pages: StaffPages,
    directory: Path,
    env: dict,
) -> list[Row]:
    """The rows to measure, with the cookies and form bodies they need."""
    public = Budget(min_ratio=0.6)

    session = client.login(STAFF_USER, password, lambda: app_code(env))
    staff_cookie = f"sessionid={session}"
    # The questionnaire POST: the csrftoken cookie and the form's token from one GET.
    csrf_cookie, token = client.csrf("/questionnaire/")
    body = urlencode({**as_post(CALM), "csrfmiddlewaretoken": token}, doseq=True)
    status, headers, _, _ = client.request(
        "POST", "/questionnaire/", body=body, cookie=f"csrftoken={csrf_cookie}"
    )
    if status != 302 or not headers.get("location", "").startswith("/results/"):
        sys.exit(f"bench: the questionnaire POST answered {status}, not a redirect to a result")
    result_path = headers["location"]
    queue_file = directory / "queue-paths.txt"
    queue_file.write_text("\n".join(pages.queue) + "\n")
    responses_file = directory / "response-paths.txt"
    responses_file.write_text("\n".join(pages.responses) + "\n")

    return [
        Row("baseline", "/bench/baseline", 4),
        Row("baseline", "/bench/baseline", 16),
        Row("baseline", "/bench/baseline", 64),
        Row("/healthz", "/healthz", 16),
        Row("home", "/", 16, public),
        Row("home", "/", 64),
        Row("level /levels/iop/", "/levels/iop/", 16, public),
        Row("level /levels/iop/", "/levels/iop/", 64),
        Row("compare /compare/", "/compare/", 16, public),
        Row("compare /compare/", "/compare/", 64),
        Row("directory /programs/", "/programs/", 16),
        Row("directory, 3 filters", f"/programs/{FILTERS}", 16, Budget(min_ratio=0.3)),
        Row(
            "directory near + 2 filters (distinct)",
            "/programs/",
            16,
            Budget(min_ratio=0.25),
            script=NEAR_LUA,
            searches=searches,
        ),
        Row("program detail", "/programs/bench-00001/", 16, public),
        Row("program detail", "/programs/bench-00001/", 64),
        Row("questionnaire GET", "/questionnaire/", 16, Budget(min_ratio=0.4)),
        Row(
            "questionnaire POST",
            "/questionnaire/",
            16,
            Budget(min_ratio=0.25),
            cookie=f"csrftoken={csrf_cookie}",
            body=body,
            expect=302,
        ),
        Row("result page", result_path, 16, Budget(min_ratio=0.3)),
        # A reference, not a budget: the lightest page a signed-in staff member can open
        # (Django's own password-change form: the admin's sign-in, second-step and
        # session checks and its base template, no data), the ceiling any admin page
        # reaches on this machine.
        Row(
            "admin floor: password-change form",
            "/admin/password_change/",
            4,
            cookie=staff_cookie,
            note="a reference row: Django's own lightest admin page, the ceiling for "
            "every page built on the admin",
        ),
        Row(
            "intake queue (distinct)",
            "/admin/intake/",
            4,
            Budget(min_ratio=0.08),
            staff_cookie,
            script=PATHS_LUA,
            paths=pages.queue,
            paths_file=queue_file,
        ),
        Row(
            "intake response page (distinct)",
            "/admin/programs/response/",
            4,
            Budget(min_ratio=0.1),
            staff_cookie,
            script=PATHS_LUA,
            paths=pages.responses,
            paths_file=responses_file,
        ),
    ]


def preflight(client: Client, row: Row) -> None:
    if row.searches is not None:
        preflight_searches(client, row, row.searches)
        return
    if row.paths:
        preflight_paths(client, row)
        return
    method = "POST" if row.body else "GET"
    status = client.request(method, row.path, body=row.body, cookie=row.cookie).status
    if status != row.expect:
        sys.exit(f"bench: {method} {row.path} answered {status}, expected {row.expect}")


def preflight_searches(client: Client, row: Row, searches: NearSearches) -> None:
    """Distance searches as the row sends them answer 200, and most find programs nearby."""
    paths = searches.paths(NEAR_PREFLIGHT, random.Random(15))
    found = 0
    for path in paths:
        reply = client.request("GET", path)
        if reply.status != row.expect:
            sys.exit(f"bench: GET {path} answered {reply.status}, expected {row.expect}")
        found += 'id="no-results"' not in reply.text
    row.note = f"{found} of {len(paths)} sample searches (warm-up places) listed programs nearby"
    step(f"{row.name}: {row.note}")
    if not found:
        sys.exit(f"bench: no sample search of {row.name!r} found a program, e.g. {paths[0]}")


def preflight_paths(client: Client, row: Row) -> None:
    """A sample of a staff row's pages answer 200, rendered for the signed-in staff member
    and marked never to be cached (so the page cache neither serves nor stores them)."""
    for path in random.Random(16).sample(row.paths, min(STAFF_PREFLIGHT, len(row.paths))):
        reply = client.request("GET", path, cookie=row.cookie)
        if reply.status != row.expect:
            sys.exit(f"bench: GET {path} answered {reply.status}, expected {row.expect}")
        if "no-store" not in reply.headers.get("cache-control", "") or STAFF_USER not in (
            reply.text
        ):
            sys.exit(f"bench: GET {path} is not a page rendered for {STAFF_USER}, uncached")


def measure(wrk: str, port: int, row: Row, duration: int, warmup: int) -> None:
    url = f"http://127.0.0.1:{port}{row.path}"
    threads = min(2, row.connections)
    env = {**os.environ, "BENCH_COOKIE": row.cookie, "BENCH_BODY": row.body}
    base = [wrk, "-t", str(threads), "-c", str(row.connections), "--timeout", "5s"]
    base += ["-s", str(row.script)]
    if row.paths_file is not None:
        env.update(
            BENCH_PATHS=str(row.paths_file),
            BENCH_SEED=str(secrets.randbelow(2**31)),
            BENCH_THREADS=str(threads),
        )
    warmed = 0
    if warmup:
        if row.searches is not None:
            env.update(row.searches.wrk_env(warmup=True, threads=threads))
        done = subprocess.run(
            [*base, "-d", f"{warmup}s", url], env=env, capture_output=True, text=True, check=True
        )
        warmed = json.loads(result_line(done.stdout))["requests"]
        if row.paths_file is not None:
            env["BENCH_SEED"] = str(secrets.randbelow(2**31))  # another order than warm-up
    if row.searches is not None:
        env.update(row.searches.wrk_env(warmup=False, threads=threads))
    done = subprocess.run(
        [*base, "-d", f"{duration}s", url], env=env, capture_output=True, text=True, check=True
    )
    line = result_line(done.stdout)
    if repeated := [x for x in done.stdout.splitlines() if x.startswith("directory_near.lua:")]:
        row.note = "; ".join([row.note, *repeated]).strip("; ")
    result = json.loads(line)
    row.requests_sent = warmed + result["requests"]
    row.requests_per_s = result["requests"] / (result["duration_us"] / 1e6)
    row.p50_ms = result["p50_us"] / 1000
    row.p99_ms = result["p99_us"] / 1000
    row.error_detail = {k: v for k, v in result["errors"].items() if v}
    row.errors = sum(result["errors"].values())
    row.load_after = os.getloadavg()[0]


def measure_beside_baseline(
    wrk: str, port: int, row: Row, baseline: Row, duration: int, warmup: int, repeat: int
) -> None:
    """Run ``row`` ``repeat`` times, each right after a run of the baseline at the same
    connections, so both see the machine as it is then (a busy minute lowers both); keep
    each run's ratio and loads, and show the run with the median ratio."""
    sent = errors = 0
    details: dict[str, int] = {}
    for _ in range(repeat):
        probe = Row(baseline.name, baseline.path, baseline.connections)
        load_before = os.getloadavg()[0]
        measure(wrk, port, probe, duration, warmup)
        measure(wrk, port, row, duration, warmup)
        sent += row.requests_sent
        errors += row.errors
        for kind, count in row.error_detail.items():
            details[kind] = details.get(kind, 0) + count
        row.runs.append(
            {
                "requests_per_s": row.requests_per_s,
                "p50_ms": row.p50_ms,
                "p99_ms": row.p99_ms,
                "baseline_requests_per_s": probe.requests_per_s,
                "ratio": row.requests_per_s / probe.requests_per_s
                if probe.requests_per_s
                else 0.0,
                "load_before": load_before,
                "load_after": row.load_after,
            }
        )
    middle = sorted(row.runs, key=lambda run: run["ratio"])[(len(row.runs) - 1) // 2]
    row.requests_per_s, row.p50_ms, row.p99_ms = (
        middle["requests_per_s"],
        middle["p50_ms"],
        middle["p99_ms"],
    )
    row.requests_sent, row.errors, row.error_detail = sent, errors, details


def result_line(stdout: str) -> str:
    """The JSON of request.lua's BENCH_RESULT line."""
    line = next(x for x in stdout.splitlines() if x.startswith("BENCH_RESULT "))
    return line.removeprefix("BENCH_RESULT ")


def judge(rows: list[Row]) -> None:
    baselines = {r.connections: r.requests_per_s for r in rows if r.name == "baseline"}
    for row in rows:
        base = baselines.get(row.connections)
        if row.runs:
            row.ratio = statistics.median(run["ratio"] for run in row.runs)
        else:
            row.ratio = row.requests_per_s / base if base else None
        ok = row.errors == 0
        if row.budget.min_ratio is not None:
            ok = ok and row.ratio is not None and row.ratio >= row.budget.min_ratio
        if row.budget.max_p99_ms is not None:
            ok = ok and row.p99_ms < row.budget.max_p99_ms
        row.passed = ok


def print_report(report: dict, rows: list[Row], startup: dict[str, float]) -> bool:
    print(
        f"\nIOP Guide bench, {report['date']}: {report['cores']} cores, PostgreSQL "
        f"{report['postgresql']}, gunicorn {report['gunicorn']['workers']} workers × "
        f"{report['gunicorn']['threads']} threads, {report['data']['programs']:,} programs, "
        f"{report['data']['responses']:,} responses, page cache "
        f"{'on' if report['page_cache'] else 'off'}, {report['duration_s']} s per row; "
        f"1-minute load average {report['load_before']:.2f} before the run\n"
    )
    if report["load_before"] > 1:
        print(
            "Warning: the machine was busy before the run (load above 1): other work shares "
            "the cores with gunicorn and wrk, so these numbers are pessimistic.\n"
        )
    print(markdown_table(rows))
    for row in rows:
        if row.note:
            print(f"\n{row.name}: {row.note}.")
    print("\n| Startup | Seconds | Budget | Result |\n|---|---:|---|---|")
    failed = any(not r.passed for r in rows)
    for name, seconds in startup.items():
        ok = seconds < STARTUP_BUDGET_S
        failed = failed or not ok
        print(
            f"| {name} | {seconds:.2f} | < {STARTUP_BUDGET_S:g} s | {'PASS' if ok else 'FAIL'} |"
        )
    return failed


def markdown_table(rows: list[Row]) -> str:
    lines = [
        "| Page | Conn. | Req/s | p50 ms | p99 ms | Errors | × baseline | Budget | Result |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        errors = f"{r.errors}" + (
            f" ({', '.join(f'{k} {v}' for k, v in r.error_detail.items())})" if r.errors else ""
        )
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "–"
        if len(r.runs) > 1:
            low, high = min(x["ratio"] for x in r.runs), max(x["ratio"] for x in r.runs)
            loads = f"{min(x['load_before'] for x in r.runs):.1f}–"
            loads += f"{max(x['load_after'] for x in r.runs):.1f}"
            ratio += f" ({low:.2f}–{high:.2f}; load {loads})"
        result = "PASS" if r.passed else "FAIL"
        lines.append(
            f"| {r.name} | {r.connections} | {r.requests_per_s:,.0f} | {r.p50_ms:.1f} | "
            f"{r.p99_ms:.1f} | {errors} | {ratio} | {r.budget} | {result} |"
        )
    return "\n".join(lines)


# -- Processes and HTTP ---------------------------------------------------------------


def step(text: str) -> None:
    print(f"bench: {text}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(command: list[str], env: dict) -> float:
    """Wall-clock seconds of a fresh process (the best of three, to skip cold disk caches)."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def manage(env: dict, *args: str, capture: bool = False) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )
    return done.stdout if capture else ""


# Gives the bench's staff member an authenticator app (once) and prints its current code.
APP_CODE = """
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
user = get_user_model().objects.get(username=%r)
device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
    user=user, name="Authenticator app", confirmed=True
)
from django_otp.oath import TOTP
totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
print(f"{totp.token():0{device.digits}d}")
"""


def app_code(env: dict) -> str:
    """The current code of the bench staff member's authenticator app (made if need be)."""
    return manage(env, "shell", "--no-imports", "-c", APP_CODE % STAFF_USER, capture=True).strip()


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)  # gunicorn's master stops its workers
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class Reply(NamedTuple):
    status: int
    headers: dict[str, str]  # names in lower case, without Set-Cookie
    text: str
    cookies: dict[str, str]  # what Set-Cookie set


class Client:
    """Just enough HTTP for the set-up requests: no redirects followed, cookies by hand."""

    def __init__(self, port: int) -> None:
        self.port = port

    def request(self, method: str, path: str, *, body: str = "", cookie: str = "") -> Reply:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": cookie} if cookie else {}
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body or None, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            found = {k.lower(): v for k, v in response.getheaders() if k.lower() != "set-cookie"}
            cookies = SimpleCookie()
            for value in response.headers.get_all("Set-Cookie") or []:
                cookies.load(value)
            return Reply(response.status, found, text, {k: m.value for k, m in cookies.items()})
        finally:
            conn.close()

    def wait_until_up(self, server: subprocess.Popen, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if server.poll() is not None:
                sys.exit("bench: gunicorn exited; see its log above")
            try:
                if self.request("GET", "/healthz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        sys.exit("bench: gunicorn did not answer /healthz in time")

    def csrf(self, path: str, cookie: str = "") -> tuple[str, str]:
        """The csrftoken cookie and the form token of the page at `path`."""
        status, _, html, cookies = self.request("GET", path, cookie=cookie)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if status != 200 or match is None:
            sys.exit(f"bench: no CSRF token on {path} ({status})")
        return cookies["csrftoken"], match.group(1)

    def login(self, username: str, password: str, code: Callable[[], str]) -> str:
        """Sign in through the admin's login form and the two-factor step, as a browser
        does (``code`` gives the authenticator app's current code); return the session id."""
        csrf_cookie, token = self.csrf("/admin/login/")
        body = urlencode(
            {
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": token,
                "next": "/admin/",
            }
        )
        status, _, _, cookies = self.request(
            "POST", "/admin/login/?next=/admin/", body=body, cookie=f"csrftoken={csrf_cookie}"
        )
        session = cookies.get("sessionid")
        if status != 302 or not session:
            sys.exit(f"bench: could not sign in as {username} ({status})")
        # The second step: the 6-digit code from the app (set up first, so the admin asks
        # for a code rather than for setting one up), on the page the admin sends staff to.
        current = code()
        cookie = f"sessionid={session}"
        status, headers, _, _ = self.request("GET", "/admin/", cookie=cookie)
        step = headers.get("location", "")
        if status == 302 and "/two-factor/" in step:
            csrf_cookie, token = self.csrf(step, cookie=cookie)
            body = urlencode({"code": current, "csrfmiddlewaretoken": token})
            status, headers, _, cookies = self.request(
                "POST", step, body=body, cookie=f"{cookie}; csrftoken={csrf_cookie}"
            )
            session = cookies.get("sessionid", session)
            if status != 302 or "/two-factor/" in headers.get("location", "/two-factor/"):
                sys.exit(f"bench: the two-factor step refused {username}'s code ({status})")
        return session


if __name__ == "__main__":
    sys.exit(main())
