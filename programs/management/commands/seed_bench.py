"""Fill a database with made-up programs and questionnaire responses, fast, in bulk.

For `make bench` and for demos of a busy site: 5,000 programs and 200,000 responses by
default, with contact requests, their status history and staff notes. Running it again
only tops up to the requested numbers. Programs are example listings (`is_demo`), with
555-01xx numbers and example.org sites, so `remove_demo_data` removes them (and so does
`load_demo_data`, which keeps only its own examples).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Sequence
from datetime import timedelta
from typing import TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import connection, models, transaction
from django.utils import timezone

from programs.core import caching
from programs.directory.models import FEATURE_CHOICES, FeatureKind, Program, ProgramFeature
from programs.intake.models import ContactRequestChange, StaffNote
from programs.intake.roles import INTAKE_STAFF, sync_roles
from programs.levels.models import TreatmentLevel
from programs.questionnaire import triage
from programs.questionnaire.models import (
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    ContactRequest,
    ContactStatus,
    Response,
    queue_rank,
    suggestion_fields,
)

SLUG_PREFIX = "bench-"
STAFF_USERNAME = "bench-staff"
BATCH = 5000
M = TypeVar("M", bound=models.Model)
# Shares of responses that were shared with the team, and that have staff notes.
CONTACT_SHARE = 0.2
NOTE_SHARE = 0.1

PLACES = (
    ("Columbus", "OH", "43215"),
    ("Dayton", "OH", "45402"),
    ("Chicago", "IL", "60601"),
    ("Seattle", "WA", "98101"),
    ("Austin", "TX", "78701"),
    ("San Diego", "CA", "92101"),
    ("Atlanta", "GA", "30303"),
    ("Minneapolis", "MN", "55401"),
    ("Albuquerque", "NM", "87102"),
    ("Pittsburgh", "PA", "15222"),
    ("Asheville", "NC", "28801"),
    ("Denver", "CO", "80202"),
    ("Boston", "MA", "02108"),
    ("Phoenix", "AZ", "85004"),
    ("Tampa", "FL", "33602"),
    ("Ann Arbor", "MI", "48104"),
    ("Brooklyn", "NY", "11201"),
    ("Richmond", "VA", "23219"),
    ("Salt Lake City", "UT", "84101"),
    ("Portland", "OR", "97204"),
)
NAME_WORDS = ("Recovery", "Harbor", "Pathways", "New Leaf", "Bridge", "Compass", "Summit")
STATUS_WEIGHTS = {
    ContactStatus.NEW: 30,
    ContactStatus.IN_PROGRESS: 15,
    ContactStatus.CONTACTED: 20,
    ContactStatus.SCHEDULED: 15,
    ContactStatus.REFERRED_ELSEWHERE: 5,
    ContactStatus.CLOSED: 15,
}


class Command(BaseCommand):
    help = "Fill the database with made-up programs and questionnaire responses for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--programs", type=int, default=5000, help="Bench programs wanted.")
        parser.add_argument("--responses", type=int, default=200_000, help="Responses wanted.")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="First delete the bench programs and EVERY questionnaire response "
            "(throwaway and demo databases only).",
        )
        parser.add_argument("--seed", type=int, default=8, help="Random seed (same data).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be done, change nothing."
        )

    def handle(self, *args, programs: int, responses: int, reset: bool, seed: int, **options):
        started = time.perf_counter()
        rng = random.Random(seed)
        bench_programs = Program.objects.filter(slug__startswith=SLUG_PREFIX)
        if options["dry_run"]:
            have_programs = 0 if reset else bench_programs.count()
            have_responses = 0 if reset else Response.objects.count()
            deleting = (
                f"delete {bench_programs.count():,} bench programs and "
                f"{Response.objects.count():,} responses, then "
                if reset
                else ""
            )
            self.stdout.write(
                f"Would {deleting}add {max(programs - have_programs, 0):,} programs and "
                f"{max(responses - have_responses, 0):,} responses."
            )
            return

        with transaction.atomic():
            if reset:
                bench_programs.delete()
                caching.content_changed()
                Response.objects.all().delete()
            made_programs, features = seed_programs(programs - bench_programs.count(), rng)
            staff = bench_staff()
            counts = seed_responses(responses - Response.objects.count(), rng, staff)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh planner statistics for the new rows
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Seeded {made_programs:,} programs ({features:,} features) and "
            f"{counts[0]:,} responses ({counts[1]:,} contact requests, {counts[2]:,} staff "
            f"notes) in {elapsed:.1f} s; now {bench_programs.count():,} bench programs and "
            f"{Response.objects.count():,} responses."
        )


def insert_rows(model: type[M], objs: Sequence[M]) -> None:
    """Insert new rows fast, keeping the dates set on them; every object gets its id.

    PostgreSQL: ids drawn from the table's sequence, then one COPY. (Django's bulk_create
    sends the JSON columns as arrays that psycopg escapes in Python, several times slower.)
    Elsewhere bulk_create, with auto_now_add switched off so it keeps the given dates.
    """
    if not objs:
        return
    meta = model._meta
    if connection.vendor != "postgresql":
        stamped = [
            f for f in meta.concrete_fields if isinstance(f, models.DateField) and f.auto_now_add
        ]
        for field in stamped:
            field.auto_now_add = False
        try:
            model._default_manager.bulk_create(objs)
        finally:
            for field in stamped:
                field.auto_now_add = True
        return
    quote = connection.ops.quote_name
    fields = meta.concrete_fields
    # COPY takes JSON as text; every other value here psycopg adapts as it is.
    as_json = [isinstance(field, models.JSONField) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objs)],
        )
        for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
            obj.pk = pk
        columns = ", ".join(quote(field.column) for field in fields)
        attnames = [field.attname for field in fields]
        encoded: dict[int, str] = {}  # rows often share one JSON value: encode it once

        def as_text(value: object) -> str:
            key = id(value)
            if key not in encoded:
                encoded[key] = json.dumps(value)
            return encoded[key]

        with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for obj in objs:
                values = obj.__dict__
                copy.write_row(
                    [
                        as_text(values[name]) if is_json else values[name]
                        for name, is_json in zip(attnames, as_json, strict=True)
                    ]
                )
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias


def _reference_code(rng: random.Random) -> str:
    # Made-up data needs no secret codes; a seeded generator gives the same data each run.
    return "".join(rng.choices(REFERENCE_ALPHABET, k=REFERENCE_LENGTH))


def _some(rng: random.Random, values: Sequence[str], low: int, high: int) -> list[str]:
    return rng.sample(list(values), rng.randint(low, min(high, len(values))))


def seed_programs(count: int, rng: random.Random) -> tuple[int, int]:
    """Create `count` more bench programs with their features; return (programs, features)."""
    if count <= 0:
        return 0, 0
    levels = list(TreatmentLevel.objects.order_by("intensity_rank"))
    now = timezone.now()
    today = timezone.localdate(now)
    start = Program.objects.filter(slug__startswith=SLUG_PREFIX).count()
    made = features = 0
    for first in range(start, start + count, BATCH):
        rows = []
        for n in range(first, min(first + BATCH, start + count)):
            city, state, zip_code = rng.choice(PLACES)
            level = rng.choice(levels)
            number = f"555-01{n % 100:02d}"
            rows.append(
                Program(
                    name=f"{city} {rng.choice(NAME_WORDS)} {level.short_name} {n + 1:05d}",
                    slug=f"{SLUG_PREFIX}{n + 1:05d}",
                    level=level,
                    description="A made-up program for benchmarks and demos.",
                    street=f"{100 + n % 900} Example Street",
                    city=city,
                    state=state,
                    zip_code=zip_code,
                    phone=number,
                    intake_phone=number if n % 3 else "",
                    website=f"https://example.org/bench/{n + 1}",
                    days_per_week=None if level.is_24_hour else rng.randint(1, 5),
                    hours_per_week=None if level.is_24_hour else rng.randint(3, 30),
                    length_weeks=rng.randint(2, 16),
                    co_occurring=rng.random() < 0.5,
                    accepting_new_clients=rng.choice([True, True, False, None]),
                    wait_days=rng.choice([None, 0, 3, 7, 14]),
                    last_verified=today - timedelta(days=rng.randint(0, 600)),
                    is_demo=True,
                    created_at=now,
                    updated_at=now,
                )
            )
        insert_rows(Program, rows)
        feature_rows = [
            ProgramFeature(program_id=program.pk, kind=kind, value=value)
            for program in rows
            for kind, values in _random_features(rng).items()
            for value in values
        ]
        insert_rows(ProgramFeature, feature_rows)
        made += len(rows)
        features += len(feature_rows)
    # Bulk inserts send no signals: tell the page cache ourselves.
    caching.content_changed()
    return made, features


def _random_features(rng: random.Random) -> dict[str, list[str]]:
    values = {kind: choices.values for kind, choices in FEATURE_CHOICES.items()}
    languages = ["en", *_some(rng, [v for v in values[FeatureKind.LANGUAGE] if v != "en"], 0, 2)]
    return {
        FeatureKind.FORMAT: _some(rng, values[FeatureKind.FORMAT], 1, 2),
        FeatureKind.SCHEDULE: _some(rng, values[FeatureKind.SCHEDULE], 1, 3),
        FeatureKind.PAYMENT: _some(rng, values[FeatureKind.PAYMENT], 2, 5),
        FeatureKind.POPULATION: _some(rng, values[FeatureKind.POPULATION], 1, 3),
        FeatureKind.MEDICATION: _some(rng, values[FeatureKind.MEDICATION], 0, 3),
        FeatureKind.LANGUAGE: languages,
    }


def bench_staff():
    """The made-up intake staff member who writes the notes and takes the requests."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=STAFF_USERNAME,
        defaults={"is_staff": True, "first_name": "Bench", "last_name": "Staff"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        sync_roles(Group, Permission)
        user.groups.add(Group.objects.get(name=INTAKE_STAFF))
    return user


def response_kinds(rng: random.Random, count: int = 200) -> list[dict]:
    """Varied valid answers with what the triage engine made of them, as Response fields.

    Computed once and shared by many rows, so each JSON value is encoded once per batch.
    """
    levels = {level.slug: level.pk for level in TreatmentLevel.objects.all()}
    kinds = []
    for _ in range(count):
        answers: dict[str, str | list[str]] = {}
        for key, allowed in triage.CHOICES.items():
            if key == "danger_now":
                # Most people are not in danger right now.
                answers[key] = _some(rng, allowed, 1, 1) if rng.random() < 0.05 else []
            elif key == "substances":
                answers[key] = _some(rng, allowed, 1, 3)
            else:
                answers[key] = rng.choice(allowed)
        s = triage.suggest(answers)
        fields = suggestion_fields(s)
        level = levels[s.level] if s.level else None
        kinds.append(
            {"for_whom": answers["for_whom"], "answers": answers, "suggested_level_id": level}
            | fields
        )
    return kinds


def seed_responses(count: int, rng: random.Random, staff) -> tuple[int, int, int]:
    """Create `count` more responses over the retention period; return the three counts."""
    if count <= 0:
        return 0, 0, 0
    kinds = response_kinds(rng)
    codes = set(Response.objects.values_list("reference_code", flat=True))
    now = timezone.now()
    # A day short of the retention period, so the daily purge leaves them all.
    span = (settings.RESPONSE_RETENTION_DAYS - 1) * 24 * 3600
    statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    made = contacts_made = notes_made = 0
    while made < count:
        rows, plans = [], []
        for _ in range(min(BATCH, count - made)):
            kind = rng.choice(kinds)
            code = _reference_code(rng)
            while code in codes:
                code = _reference_code(rng)
            codes.add(code)
            status = rng.choices(statuses, weights)[0] if rng.random() < CONTACT_SHARE else None
            note_count = rng.randint(1, 2) if rng.random() < NOTE_SHARE else 0
            plans.append((status, note_count))
            # Rows go in bulk, past the services that keep the rank (questionnaire and intake
            # services.py), so the rank is computed here by the same rule.
            rank = queue_rank(
                crisis=kind["crisis"], contact_status=status, has_notes=bool(note_count)
            )
            rows.append(
                Response(
                    reference_code=code,
                    created_at=now - timedelta(seconds=rng.randrange(span)),
                    queue_rank=rank,
                    **kind,
                )
            )
        insert_rows(Response, rows)
        contacts, notes = [], []
        for response, (status, note_count) in zip(rows, plans, strict=True):
            if status is not None:
                shared_at = response.created_at + timedelta(minutes=rng.randint(1, 30))
                reached = status != ContactStatus.NEW
                contacts.append(
                    ContactRequest(
                        response_id=response.pk,
                        consent=True,
                        name="Example Person",
                        phone="555-0100",
                        email="person@example.org",
                        created_at=shared_at,
                        status=status,
                        status_changed_at=(
                            shared_at + timedelta(hours=rng.randint(1, 72)) if reached else None
                        ),
                        assigned_to=staff if reached else None,
                    )
                )
            notes += [
                StaffNote(
                    response_id=response.pk,
                    author=staff,
                    created_at=response.created_at + timedelta(hours=2 + i),
                    text="Called and left a message with the helpline number.",
                )
                for i in range(note_count)
            ]
        insert_rows(ContactRequest, contacts)
        insert_rows(
            ContactRequestChange,
            [
                ContactRequestChange(
                    contact_request_id=contact.pk,
                    changed_at=contact.status_changed_at,
                    changed_by=staff,
                    kind=ContactRequestChange.Kind.STATUS,
                    old_status=ContactStatus.NEW,
                    new_status=contact.status,
                )
                for contact in contacts
                # Set exactly when the status moved on from NEW.
                if contact.status_changed_at is not None
            ],
        )
        insert_rows(StaffNote, notes)
        made += len(rows)
        contacts_made += len(contacts)
        notes_made += len(notes)
    return made, contacts_made, notes_made
