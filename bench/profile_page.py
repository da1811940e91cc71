"""Profile one page in-process: where does a request's time go? Not run by the test suite.

Requests the page N times with Django's test client (the full middleware stack, production
settings) against the database in DATABASE_URL, and prints the profile of those requests:
pyinstrument's call tree if it is installed (`.venv/bin/pip install pyinstrument`), else
cProfile's top functions. Seed the database first (`manage.py seed_bench`), e.g.:

    DEBUG=0 SECRET_KEY=x scripts/with-postgres sh -c '.venv/bin/python manage.py migrate -v0 \\
        && .venv/bin/python manage.py seed_bench \\
        && .venv/bin/python bench/profile_page.py /levels/iop/ --requests 200'

--staff signs in as an intake staff member first (for admin pages); --post sends the
questionnaire's CALM answers. Also prints the page's queries and the mean time per request.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iopguide.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "profile-only")
os.environ.setdefault("RATELIMIT_ENABLED", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# The test client's host, allowed as production allows its own: not through
# setup_test_environment(), whose template instrumentation would be in the profile.
os.environ.setdefault("ALLOWED_HOSTS", "localhost")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tests.factories.questionnaire import CALM, as_post  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--staff", action="store_true", help="Sign in as intake staff.")
    parser.add_argument("--post", action="store_true", help="POST the CALM answers.")
    parser.add_argument(
        "--paths-file",
        type=Path,
        help="Walk the pages listed in this file (one per line, as make bench writes them) "
        "instead of requesting PATH again and again.",
    )
    args = parser.parse_args()

    client = Client(HTTP_HOST=os.environ["ALLOWED_HOSTS"].split(",")[0])
    if args.staff:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from programs.intake.roles import INTAKE_STAFF

        user, _ = get_user_model().objects.get_or_create(
            username="profile-intake", defaults={"is_staff": True}
        )
        user.groups.add(Group.objects.get(name=INTAKE_STAFF))
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from tests.factories.two_factor import force_login_verified

        TOTPDevice.objects.get_or_create(
            user=user, name="Authenticator app", defaults={"confirmed": True}
        )
        force_login_verified(client, user)

    paths = (
        [line for line in args.paths_file.read_text().splitlines() if line]
        if args.paths_file
        else [args.path]
    )
    walk = iter(range(10**9))

    def hit():
        if args.post:
            return client.post(args.path, as_post(CALM))
        return client.get(paths[next(walk) % len(paths)])

    first = hit()
    print(f"{args.path}: {first.status_code}, {len(first.content):,} bytes")
    with CaptureQueriesContext(connection) as queries:
        hit()
    print(f"{len(queries)} queries:")
    for query in queries.captured_queries:
        print(f"  {float(query['time']) * 1000:6.2f} ms  {query['sql'][:150]}")

    try:
        import pyinstrument
    except ImportError:
        pyinstrument = None  # type: ignore[assignment]
    started = time.perf_counter()
    if pyinstrument is not None:
        profiler = pyinstrument.Profiler(interval=0.0005)
        profiler.start()
        for _ in range(args.requests):
            hit()
        profiler.stop()
    else:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.requests):
            hit()
        profile.disable()
    elapsed = time.perf_counter() - started
    print(f"\n{args.requests} requests, {elapsed / args.requests * 1000:.2f} ms each (profiled)\n")
    if pyinstrument is not None:
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    else:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
