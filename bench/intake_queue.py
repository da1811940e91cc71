"""Time the intake workspace's queue pages on a large table. Not run by the test suite.

Fills the database named by DATABASE_URL with N responses (default 100,000) spread over the
retention period, some with contact requests, then loads the queue pages as an intake staff
member and prints, for each page, the number of queries, the slowest query and the total
time. On PostgreSQL it also prints the plan of the page query. Run it on a throwaway
database, e.g.:

    DEBUG=0 SECRET_KEY=x scripts/with-postgres sh -c \\
        '.venv/bin/python manage.py migrate -v0 && .venv/bin/python bench/intake_queue.py'
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iopguide.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from programs.intake.roles import INTAKE_STAFF  # noqa: E402
from programs.models import ContactRequest, ContactStatus, Response, TreatmentLevel  # noqa: E402
from programs.questionnaire import triage  # noqa: E402
from programs.questionnaire.models import (  # noqa: E402
    new_reference_code,
    queue_rank,
    suggestion_fields,
)

COUNT = int(os.environ.get("BENCH_RESPONSES", "100000"))
BATCH = 2000
PAGES = [
    ("queue", "/admin/intake/"),
    ("queue, page 50", "/admin/intake/?page=50"),
    ("new requests", "/admin/intake/?status=new"),
    ("overdue", "/admin/intake/?due=overdue"),
    ("crisis, last 7 days", "/admin/intake/?queue=crisis_recent"),
    ("in progress", "/admin/intake/?status=in_progress"),
    ("search", "/admin/intake/?q={code}"),
    ("home", "/admin/"),
]


def templates() -> list[tuple[dict, triage.Suggestion]]:
    base: dict[str, str | list[str]] = {k: v[0] for k, v in triage.CHOICES.items()}
    base.update(danger_now=[], substances=["alcohol"])
    variants: list[dict[str, str | list[str]]] = [
        {},
        {"frequency": "daily", "control": "hard_some_days"},
        {"home": "unsafe"},
        {"mood": "severe", "self_harm_thoughts": "active"},
        {"danger_now": ["overdose_signs"]},
        {"for_whom": "someone_else", "withdrawal": "moderate"},
    ]
    return [(a, triage.suggest(a)) for a in ({**base, **v} for v in variants)]


def fill() -> str:
    levels = {lv.slug: lv for lv in TreatmentLevel.objects.all()}
    kinds = templates()
    now = timezone.now()
    span = settings.RESPONSE_RETENTION_DAYS * 24 * 3600
    codes: set[str] = set()
    made = 0
    while made < COUNT:
        rows = []
        for _ in range(min(BATCH, COUNT - made)):
            answers, s = random.choice(kinds)
            code = new_reference_code()
            while code in codes:
                code = new_reference_code()
            codes.add(code)
            rows.append(
                Response(
                    reference_code=code,
                    for_whom=answers["for_whom"],
                    answers=answers,
                    suggested_level=levels.get(s.level) if s.level else None,
                    **suggestion_fields(s),
                    queue_rank=queue_rank(crisis=s.crisis, contact_status=None, has_notes=False),
                )
            )
        with transaction.atomic():
            created = Response.objects.bulk_create(rows)
            # created_at is auto_now_add: spread the batch over the retention period.
            for response in created:
                response.created_at = now - timedelta(seconds=random.randrange(span))
            Response.objects.bulk_update(created, ["created_at"])
            contacts = []
            for response in created:
                if random.random() < 0.15:
                    status = random.choice(ContactStatus.values)
                    contacts.append(
                        ContactRequest(
                            response=response,
                            consent=True,
                            name="Bench Person",
                            phone="555-0100",
                            status=status,
                        )
                    )
                    response.queue_rank = queue_rank(
                        crisis=response.crisis, contact_status=status, has_notes=False
                    )
            ContactRequest.objects.bulk_create(contacts)
            Response.objects.bulk_update(created, ["queue_rank"])
        made += len(rows)
        print(f"\r{made:,} responses", end="", flush=True)
    print()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return next(iter(codes))


def main() -> None:
    from django.contrib.auth.models import Group, User

    code: str | None
    if Response.objects.count() < COUNT:
        code = fill()
    else:
        code = Response.objects.values_list("reference_code", flat=True).first()
    user, _ = User.objects.get_or_create(username="bench-intake", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=INTAKE_STAFF))
    client = Client()
    client.force_login(user)
    total = Response.objects.count()
    print(f"{total:,} responses on {connection.vendor}")
    for name, url in PAGES:
        url = url.format(code=code)
        client.get(url)  # warm up
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            page = client.get(url)
            elapsed = time.perf_counter() - started
        assert page.status_code == 200, (url, page.status_code)
        slowest = max(captured.captured_queries, key=lambda q: float(q["time"]))
        print(
            f"{name:22} {len(captured):3} queries  {elapsed * 1000:7.1f} ms  "
            f"slowest {float(slowest['time']) * 1000:6.1f} ms: {slowest['sql'][:90]}"
        )
    if connection.vendor == "postgresql":
        from programs.intake.admin.workspace import ORDERING

        sql, params = Response.objects.for_queue().order_by(*ORDERING)[:50].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN ANALYZE " + sql, params)
            print("\nPlan of the first queue page:")
            for (line,) in cursor.fetchall():
                print("  " + line)


if __name__ == "__main__":
    main()
