"""Fill a database with made-up programs and questionnaire responses, fast, in bulk.

For `make bench` and for demos of a busy site: 5,000 programs and 200,000 responses by
default (`make bench` asks for 50,000 programs, a national-size directory), with contact
requests (made-up names, 555-01xx phone numbers, example.org emails), their assignment and
status history, staff notes and call attempts, in the proportions of a working queue.
Programs stand at real US ZIP code centres (the offline `zipcodes` table, as the distance
search uses): three in four at a random active standard ZIP code anywhere, so they are as
dense as ZIP codes are, one in four in one of twenty big cities; each a little off its ZIP
code's centre, like a street address.
Running it again only tops up to the requested numbers. Programs are example listings
(`is_demo`), with 555-01xx numbers and example.org sites, so `remove_demo_data` removes
them (and so does `load_demo_data`, which keeps only its own examples).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TypeVar

import zipcodes
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import connection, models, transaction
from django.utils import timezone

from programs.core import caching
from programs.directory.geo import as_decimal
from programs.directory.models import (
    FEATURE_CHOICES,
    FeatureKind,
    Program,
    ProgramFeature,
    Schedule,
    USState,
)
from programs.intake.due_times import due_time
from programs.intake.models import CallAttempt, CallOutcome, ContactRequestChange, StaffNote
from programs.intake.roles import INTAKE_STAFF, sync_roles
from programs.levels.models import TreatmentLevel
from programs.questionnaire import triage
from programs.questionnaire.models import (
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    BestTime,
    ContactRequest,
    ContactStatus,
    Response,
    queue_due_at,
    queue_rank,
    suggestion_fields,
)

SLUG_PREFIX = "bench-"
STAFF_USERNAME = "bench-staff"
BATCH = 5000
M = TypeVar("M", bound=models.Model)
# Shares of responses that were shared with the team, and of responses answered in Spanish.
CONTACT_SHARE = 0.2
SPANISH_SHARE = 0.15
# Staff notes: most requests someone worked on have one to three; a few responses without
# a request have one too. About one worked request in fifty is a long case with many
# calls and notes (the response page must stay quick for those as well).
NOTE_SHARE_WORKED = 0.6
NOTE_SHARE_OTHER = 0.03
LONG_CASE_SHARE = 0.02
# Calls: a request gets calls once someone works on it; a new one sometimes had a first
# try already. Each status ends with a fitting outcome; before it, tries that missed.
NEW_CALLED_SHARE = 0.3
MISSED = (CallOutcome.NO_ANSWER, CallOutcome.VOICEMAIL, CallOutcome.CALL_LATER)
LAST_OUTCOMES = {
    ContactStatus.NEW: MISSED,
    ContactStatus.IN_PROGRESS: MISSED,
    ContactStatus.CONTACTED: (CallOutcome.REACHED,),
    ContactStatus.SCHEDULED: (CallOutcome.REACHED,),
    ContactStatus.REFERRED_ELSEWHERE: (CallOutcome.REFERRED,),
    ContactStatus.CLOSED: (CallOutcome.REACHED, CallOutcome.WRONG_NUMBER, CallOutcome.NO_ANSWER),
}
CALL_NOTES = (
    "",
    "",
    "Left the helpline number.",
    "Asked for a call after work.",
    "Talked through the next steps.",
)
FIRST_NAMES = ("Maria", "James", "Ana", "Robin", "Luis", "Keisha", "Sam", "Priya", "Jordan")
LAST_NAMES = ("Lopez", "Smith", "Nguyen", "Johnson", "Garcia", "Brown", "Okafor", "Kim")
# Area codes of the big cities above, for made-up 555-01xx numbers (E.164, as stored).
AREA_CODES = ("212", "312", "614", "206", "512", "619", "404", "617", "602", "303", "718")
SAFE_TIMES = ("", "", "", "After 6pm", "Weekday mornings", "Not at home before 5")

# Big cities that get a quarter of the programs, so searches there find many, as in life.
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
# A quarter of the programs go to the big cities above; the rest to any ZIP code.
CITY_SHARE = 0.25
# Jitter around the ZIP code's centre, in degrees (0.01° of latitude is about 0.7 miles).
JITTER = 0.012
# Share of programs whose point is the ZIP code's centre itself, as the import does when
# a row has no coordinates.
APPROXIMATE_SHARE = 0.1
# When groups meet, by the schedule a program offers (English, Spanish).
SESSION_TIMES = {
    Schedule.DAYTIME: (
        ("Mon–Fri 9 am–noon", "lun. a vie. de 9 a. m. a 12 p. m."),
        ("Tue, Wed, Thu 10 am–1 pm", "mar., miér. y jue. de 10 a. m. a 1 p. m."),
    ),
    Schedule.EVENING: (
        ("Mon, Wed, Thu 6–9 pm", "lun., miér. y jue. de 6 a 9 p. m."),
        ("Tue, Thu 5:30–8:30 pm", "mar. y jue. de 5:30 a 8:30 p. m."),
    ),
    Schedule.WEEKEND: (("Sat 9 am–noon", "sáb. de 9 a. m. a 12 p. m."),),
}
INTAKE_HOURS = (
    ("Mon–Fri 8 am–5 pm", "lun. a vie. de 8 a. m. a 5 p. m."),
    (
        "Mon–Fri 8 am–8 pm, Sat 9 am–1 pm",
        "lun. a vie. de 8 a. m. a 8 p. m.; sáb. de 9 a. m. a 1 p. m.",
    ),
    ("Walk in Mon–Thu 9–11 am", "sin cita lun. a jue. de 9 a 11 a. m."),
)
ALL_DAY = ("24 hours a day, every day", "las 24 horas, todos los días")
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
                # Fresh planner statistics for the new rows; and, outside a transaction
                # (not in the tests), the visibility map a database that grew over months
                # has from autovacuum, without which an index-only scan still reads the
                # table (the workspace's covering indexes).
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Seeded {made_programs:,} programs ({features:,} features) and "
            f"{counts[0]:,} responses ({counts[1]:,} contact requests, {counts[2]:,} staff "
            f"notes, {counts[3]:,} call attempts) in {elapsed:.1f} s; now "
            f"{bench_programs.count():,} bench programs and {Response.objects.count():,} "
            "responses."
        )


def insert_rows(model: type[M], objs: Sequence[M]) -> None:
    """Insert new rows fast, keeping the dates set on them; every object gets its id.

    PostgreSQL: ids drawn from the table's sequence, then one COPY. (Django's bulk_create
    sends the JSON columns as arrays that psycopg escapes in Python, several times slower.)
    SQLite: ids counted on from the table's highest, then one prepared INSERT for every
    row (bulk_create builds new SQL for every 999 values, most of the time for wide rows).
    Elsewhere bulk_create, with auto_now_add switched off so it keeps the given dates.
    """
    if not objs:
        return
    meta = model._meta
    if connection.vendor == "sqlite":
        _insert_sqlite(model, objs)
        return
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


# Fields whose Python values SQLite takes as they are; the others go through the field's
# own conversion (dates, decimals, JSON), as bulk_create would do.
_AS_IS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField)


def _insert_sqlite(model: type[M], objs: Sequence[M]) -> None:
    meta = model._meta
    quote = connection.ops.quote_name
    table, pk = quote(meta.db_table), quote(meta.pk.column)
    fields = meta.concrete_fields
    with connection.cursor() as cursor:
        # The ids after the highest ever given (a seeding command runs alone).
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [meta.db_table])
        sequence = cursor.fetchone()
        cursor.execute(f"SELECT MAX({pk}) FROM {table}")
        last = max(sequence[0] if sequence else 0, cursor.fetchone()[0] or 0)
        for number, obj in enumerate(objs, start=last + 1):
            obj.pk = number
        plain = [isinstance(f, _AS_IS) or f.is_relation for f in fields]
        rows = [
            [
                obj.__dict__[f.attname]
                if is_plain or obj.__dict__[f.attname] is None
                else f.get_db_prep_save(obj.__dict__[f.attname], connection)
                for f, is_plain in zip(fields, plain, strict=True)
            ]
            for obj in objs
        ]
        columns = ", ".join(quote(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias


def insert_values(
    model: type[models.Model], columns: Sequence[str], rows: Sequence[tuple]
) -> None:
    """Insert plain rows (numbers and text only) without building model objects, which is
    most of the time for small rows such as features; the ids come from the database.

    PostgreSQL: one COPY. Elsewhere: one prepared INSERT run for every row.
    """
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _reference_code(rng: random.Random) -> str:
    # Made-up data needs no secret codes; a seeded generator gives the same data each run.
    return "".join(rng.choices(REFERENCE_ALPHABET, k=REFERENCE_LENGTH))


def _some(rng: random.Random, values: Sequence[str], low: int, high: int) -> list[str]:
    return rng.sample(values, rng.randint(low, min(high, len(values))))


@dataclass(frozen=True)
class Place:
    """A real ZIP code with its post-office city, state and centre point."""

    zip_code: str
    city: str
    state: str
    latitude: float
    longitude: float


@lru_cache(maxsize=1)
def zip_places() -> tuple[tuple[Place, ...], tuple[Place, ...]]:
    """Every active standard ZIP code in a state or territory we list, and those of PLACES.

    PO boxes, single-company and military codes have no street addresses, so no programs.
    Read once per process.
    """
    states = set(USState.values)
    everywhere = []
    for row in zipcodes.list_all():
        if row["zip_code_type"] != "STANDARD" or not row["active"] or row["state"] not in states:
            continue
        try:
            latitude, longitude = float(row["lat"]), float(row["long"])
        except (TypeError, ValueError):
            continue
        if latitude == 0 and longitude == 0:  # a row without a centre
            continue
        everywhere.append(Place(row["zip_code"], row["city"], row["state"], latitude, longitude))
    by_code = {place.zip_code: place for place in everywhere}
    wanted = {(city.lower(), state) for city, state, _ in PLACES}
    cities = [p for p in everywhere if (p.city.lower(), p.state) in wanted]
    # A big city the table names differently still gets its listed ZIP code.
    found = {(p.city.lower(), p.state) for p in cities}
    cities += [
        by_code[code]
        for city, state, code in PLACES
        if (city.lower(), state) not in found and code in by_code
    ]
    return tuple(everywhere), tuple(cities)


def seed_programs(
    count: int, rng: random.Random, kinds: Collection[str] | None = None
) -> tuple[int, int]:
    """Create `count` more bench programs with their features; return (programs, features).

    `kinds` keeps only those kinds of feature (all by default): a test that filters on two
    kinds can seed many programs in a third of the time.
    """
    if count <= 0:
        return 0, 0
    levels = list(TreatmentLevel.objects.order_by("intensity_rank"))
    everywhere, cities = zip_places()
    now = timezone.now()
    today = timezone.localdate(now)
    start = Program.objects.filter(slug__startswith=SLUG_PREFIX).count()
    made = features = 0
    for first in range(start, start + count, BATCH):
        rows = []
        chosen = []
        for n in range(first, min(first + BATCH, start + count)):
            place = rng.choice(cities if rng.random() < CITY_SHARE else everywhere)
            level = rng.choice(levels)
            program_features = _random_features(rng)
            chosen.append(
                program_features
                if kinds is None
                else {k: v for k, v in program_features.items() if k in kinds}
            )
            number = f"555-01{n % 100:02d}"
            approximate = rng.random() < APPROXIMATE_SHARE
            jitter = 0.0 if approximate else JITTER
            session, session_es = _session_times(rng, level.is_24_hour, program_features)
            intake, intake_es = ALL_DAY if level.is_24_hour else rng.choice(INTAKE_HOURS)
            rows.append(
                Program(
                    name=f"{place.city} {rng.choice(NAME_WORDS)} {level.short_name} {n + 1:05d}",
                    slug=f"{SLUG_PREFIX}{n + 1:05d}",
                    level=level,
                    description="A made-up program for benchmarks and demos.",
                    street=f"{100 + n % 900} Example Street",
                    city=place.city,
                    state=place.state,
                    zip_code=place.zip_code,
                    latitude=as_decimal(place.latitude + rng.uniform(-jitter, jitter)),
                    longitude=as_decimal(place.longitude + rng.uniform(-jitter, jitter)),
                    coordinates_approximate=approximate,
                    phone=number,
                    intake_phone=number if n % 3 else "",
                    website=f"https://example.org/bench/{n + 1}",
                    days_per_week=None if level.is_24_hour else rng.randint(1, 5),
                    hours_per_week=None if level.is_24_hour else rng.randint(3, 30),
                    length_weeks=rng.randint(2, 16),
                    co_occurring=rng.random() < 0.5,
                    accepting_new_clients=rng.choice([True, True, False, None]),
                    accepts_moud=_accepts_moud(rng, program_features),
                    session_times=session,
                    session_times_es=session_es,
                    intake_hours=intake,
                    intake_hours_es=intake_es,
                    wait_days=rng.choice([None, 0, 3, 7, 14]),
                    last_verified=today - timedelta(days=rng.randint(0, 600)),
                    is_demo=True,
                    created_at=now,
                    updated_at=now,
                )
            )
        insert_rows(Program, rows)
        feature_rows = [
            (program.pk, str(kind), value)
            for program, program_features in zip(rows, chosen, strict=True)
            for kind, values in program_features.items()
            for value in values
        ]
        insert_values(ProgramFeature, ("program_id", "kind", "value"), feature_rows)
        made += len(rows)
        features += len(feature_rows)
    # Bulk inserts send no signals: tell the page cache ourselves.
    caching.content_changed()
    return made, features


# Each kind's values, read once (an enum's `.values` builds a new list every time).
FEATURE_VALUES = {kind: tuple(choices.values) for kind, choices in FEATURE_CHOICES.items()}
OTHER_LANGUAGES = tuple(v for v in FEATURE_VALUES[FeatureKind.LANGUAGE] if v != "en")


def _random_features(rng: random.Random) -> dict[str, list[str]]:
    values = FEATURE_VALUES
    languages = ["en", *_some(rng, OTHER_LANGUAGES, 0, 2)]
    return {
        FeatureKind.FORMAT: _some(rng, values[FeatureKind.FORMAT], 1, 2),
        FeatureKind.SCHEDULE: _some(rng, values[FeatureKind.SCHEDULE], 1, 3),
        FeatureKind.PAYMENT: _some(rng, values[FeatureKind.PAYMENT], 2, 5),
        FeatureKind.POPULATION: _some(rng, values[FeatureKind.POPULATION], 1, 3),
        FeatureKind.MEDICATION: _some(rng, values[FeatureKind.MEDICATION], 0, 3),
        FeatureKind.LANGUAGE: languages,
        FeatureKind.ACCESS: _some(rng, values[FeatureKind.ACCESS], 0, 2),
    }


def _session_times(
    rng: random.Random, all_day: bool, features: dict[str, list[str]]
) -> tuple[str, str]:
    """When groups meet, matching the schedules the program offers; unknown for one in five."""
    if all_day or rng.random() < 0.2:
        return "", ""
    times = [
        rng.choice(SESSION_TIMES[Schedule(s)]) for s in sorted(features[FeatureKind.SCHEDULE])
    ]
    return "; ".join(t[0] for t in times), "; ".join(t[1] for t in times)


def _accepts_moud(rng: random.Random, features: dict[str, list[str]]) -> bool | None:
    """Programs that give methadone or buprenorphine take people on it; others vary."""
    if {"methadone", "buprenorphine"} & set(features[FeatureKind.MEDICATION]):
        return True
    return rng.choice([True, False, False, None, None])


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
        language = "es" if rng.random() < SPANISH_SHARE else "en"
        answers: dict[str, str | list[str]] = {}
        for key, allowed in triage.CHOICES.items():
            if key == "danger_now":
                # Most people are not in danger right now.
                answers[key] = _some(rng, allowed, 1, 1) if rng.random() < 0.05 else []
            elif key == "substances":
                answers[key] = _some(rng, allowed, 1, 3)
            else:
                answers[key] = rng.choice(allowed)
        # Stored in the words the person read, as the questionnaire stores them.
        s = triage.suggest(answers, language=language)
        fields = suggestion_fields(s)
        level = levels[s.level] if s.level else None
        kinds.append(
            {
                "for_whom": answers["for_whom"],
                "answers": answers,
                "suggested_level_id": level,
                "language": language,
            }
            | fields
        )
    return kinds


@dataclass(frozen=True)
class Plan:
    """What one seeded response gets besides itself."""

    status: str | None  # its contact request's status, or None without one
    notes: int
    calls: int


def _plan(rng: random.Random, statuses: Sequence[str], weights: Sequence[int]) -> Plan:
    if rng.random() >= CONTACT_SHARE:
        return Plan(None, 1 if rng.random() < NOTE_SHARE_OTHER else 0, 0)
    status = rng.choices(statuses, weights)[0]
    if rng.random() < LONG_CASE_SHARE:
        return Plan(status, rng.randint(5, 12), rng.randint(6, 15))
    if status == ContactStatus.NEW:
        calls = 1 if rng.random() < NEW_CALLED_SHARE else 0
        notes = 0
    else:
        calls = rng.randint(1, 3)
        notes = rng.randint(1, 3) if rng.random() < NOTE_SHARE_WORKED else 0
    return Plan(status, notes, calls)


def _contact(
    rng: random.Random,
    response: Response,
    status: str,
    staff,
    shared_at: datetime,
    due: datetime | None,
) -> ContactRequest:
    """A made-up person's contact request: a name, a 555-01xx number, sometimes an email."""
    reached = status != ContactStatus.NEW
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    email_only = rng.random() < 0.05
    return ContactRequest(
        response_id=response.pk,
        consent=True,
        name=f"{first} {last}",
        phone="" if email_only else f"+1{rng.choice(AREA_CODES)}55501{rng.randrange(100):02d}",
        email=f"{first}.{last}{rng.randrange(1000)}@example.org".lower()
        if email_only or rng.random() < 0.5
        else "",
        voicemail_ok=rng.random() < 0.6,
        text_ok=rng.random() < 0.4,
        safe_times=rng.choice(SAFE_TIMES),
        best_time=rng.choice(BestTime.values),
        preferred_language=response.language,
        created_at=shared_at,
        due_at=due,
        status=status,
        status_changed_at=(shared_at + timedelta(hours=rng.randint(1, 72)) if reached else None),
        assigned_to=staff if reached else None,
    )


def _history(contact: ContactRequest, staff) -> list[ContactRequestChange]:
    """Taken by the staff member, then moved on to its status, as the response page does."""
    if contact.status_changed_at is None:  # still new: nobody took it yet
        return []
    return [
        ContactRequestChange(
            contact_request_id=contact.pk,
            changed_at=contact.status_changed_at - timedelta(minutes=5),
            changed_by=staff,
            kind=ContactRequestChange.Kind.ASSIGNMENT,
            assignee=staff,
        ),
        ContactRequestChange(
            contact_request_id=contact.pk,
            changed_at=contact.status_changed_at,
            changed_by=staff,
            kind=ContactRequestChange.Kind.STATUS,
            old_status=ContactStatus.NEW,
            new_status=contact.status,
        ),
    ]


def _calls(rng: random.Random, contact: ContactRequest, count: int, staff) -> list[CallAttempt]:
    """``count`` calls a day or so apart, the last with an outcome that fits the status;
    a missed call sometimes, and "call later" always, with a next callback time."""
    if not contact.phone:
        return []
    at = contact.created_at
    calls = []
    for n in range(count):
        at += timedelta(hours=rng.randint(2, 30))
        last = n == count - 1
        outcome = rng.choice(LAST_OUTCOMES[ContactStatus(contact.status)] if last else MISSED)
        callback = None
        if outcome == CallOutcome.CALL_LATER or (outcome in MISSED and rng.random() < 0.4):
            day = timezone.localtime(at + timedelta(days=rng.randint(1, 3)))
            callback = day.replace(
                hour=rng.randint(9, 17), minute=rng.choice((0, 30)), second=0, microsecond=0
            )
        calls.append(
            CallAttempt(
                response_id=contact.response_id,
                caller=staff,
                created_at=at,
                outcome=outcome,
                note=rng.choice(CALL_NOTES),
                next_callback_at=callback,
            )
        )
    return calls


def seed_responses(count: int, rng: random.Random, staff) -> tuple[int, int, int, int]:
    """Create `count` more responses over the retention period, with their contact
    requests, history, notes and calls; return the four counts."""
    if count <= 0:
        return 0, 0, 0, 0
    kinds = response_kinds(rng)
    codes = set(Response.objects.values_list("reference_code", flat=True))
    now = timezone.now()
    # A day short of the retention period, so the daily purge leaves them all.
    span = (settings.RESPONSE_RETENTION_DAYS - 1) * 24 * 3600
    statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    made = contacts_made = notes_made = calls_made = 0
    while made < count:
        rows, plans = [], []
        for _ in range(min(BATCH, count - made)):
            kind = rng.choice(kinds)
            code = _reference_code(rng)
            while code in codes:
                code = _reference_code(rng)
            codes.add(code)
            plan = _plan(rng, statuses, weights)
            created_at = now - timedelta(seconds=rng.randrange(span))
            shared_at = created_at + timedelta(minutes=rng.randint(1, 30))
            due = due_time(shared_at) if plan.status is not None else None
            plans.append((plan, shared_at, due))
            # Rows go in bulk, past the services that keep the rank (questionnaire and intake
            # services.py), so the rank is computed here by the same rule.
            rank = queue_rank(
                crisis=kind["crisis"], contact_status=plan.status, has_notes=bool(plan.notes)
            )
            rows.append(
                Response(
                    reference_code=code,
                    created_at=created_at,
                    queue_rank=rank,
                    due_at=queue_due_at(contact_status=plan.status, due_at=due),
                    **kind,
                )
            )
        insert_rows(Response, rows)
        contacts, notes, planned_calls = [], [], []
        for response, (plan, shared_at, due) in zip(rows, plans, strict=True):
            if plan.status is not None:
                contact = _contact(rng, response, plan.status, staff, shared_at, due)
                contacts.append(contact)
                planned_calls.append((contact, plan.calls))
            notes += [
                StaffNote(
                    response_id=response.pk,
                    author=staff,
                    created_at=response.created_at + timedelta(hours=2 + i),
                    text="Called and left a message with the helpline number.",
                )
                for i in range(plan.notes)
            ]
        insert_rows(ContactRequest, contacts)
        insert_rows(
            ContactRequestChange,
            [change for contact in contacts for change in _history(contact, staff)],
        )
        insert_rows(StaffNote, notes)
        calls = [
            call
            for contact, number in planned_calls
            for call in _calls(rng, contact, number, staff)
        ]
        insert_rows(CallAttempt, calls)
        made += len(rows)
        contacts_made += len(contacts)
        notes_made += len(notes)
        calls_made += len(calls)
    return made, contacts_made, notes_made, calls_made
