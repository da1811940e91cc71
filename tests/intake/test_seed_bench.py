"""`manage.py seed_bench`: made-up programs and responses, fast, idempotent, consistent."""

import random
from collections import Counter
from datetime import timedelta
from http import HTTPStatus
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from programs.core.phones import normalise_us_phone
from programs.directory.geo import Point, haversine_miles, zip_point
from programs.management.commands.seed_bench import SESSION_TIMES, seed_programs
from programs.models import (
    CallAttempt,
    CallOutcome,
    ContactRequest,
    ContactRequestChange,
    ContactStatus,
    FeatureKind,
    Program,
    ProgramFeature,
    ProgramFilters,
    Response,
    StaffNote,
    TreatmentLevel,
)
from programs.questionnaire.models import queue_rank
from tests.factories.intake import intake_user, make_response
from tests.factories.two_factor import force_login_verified

pytestmark = pytest.mark.django_db


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_bench", *args, stdout=out)
    return out.getvalue()


def test_seeds_programs_and_responses_with_their_requests_notes_and_history():
    summary = seed("--programs", "20", "--responses", "50")
    calls = CallAttempt.objects.count()
    assert f"{StaffNote.objects.count()} staff notes, {calls} call attempts)" in summary
    assert summary.startswith("Seeded 20 programs")
    assert summary.count("\n") == 1  # one line
    programs = Program.objects.filter(slug__startswith="bench-")
    assert programs.count() == 20
    assert Response.objects.count() == 50
    # Made up, and marked so: example listings with fictional numbers and sites.
    assert all(p.is_demo for p in programs)
    assert all("555-01" in p.phone and "example.org" in p.website for p in programs)
    assert set(ProgramFeature.objects.values_list("program__slug", flat=True)) == set(
        programs.values_list("slug", flat=True)
    )
    contacts = ContactRequest.objects.select_related("response")
    assert contacts.exists()
    for contact in contacts:
        assert contact.created_at >= contact.response.created_at
        assert contact.consent
    # Each request someone took: assigned to them, then moved on from new.
    worked = contacts.exclude(status=ContactStatus.NEW)
    changes = ContactRequestChange.objects.select_related("contact_request")
    status_changes = changes.filter(kind=ContactRequestChange.Kind.STATUS)
    assert status_changes.count() == worked.count()
    assert all(c.new_status == c.contact_request.status for c in status_changes)
    assignments = changes.filter(kind=ContactRequestChange.Kind.ASSIGNMENT)
    assert sorted(a.contact_request_id for a in assignments) == sorted(w.pk for w in worked)
    assert all(a.assignee_id == a.contact_request.assigned_to_id for a in assignments)
    assert StaffNote.objects.exists()


def test_calls_notes_and_contacts_in_the_proportions_of_a_working_queue():
    seed("--programs", "0", "--responses", "2000")
    contacts = ContactRequest.objects.select_related("response")
    assert 300 < contacts.count() < 500  # one response in five shared its details
    phones = [c.phone for c in contacts if c.phone]
    assert len(phones) > 0.9 * contacts.count()
    assert all(normalise_us_phone(phone) == phone for phone in phones)  # E.164, as stored
    assert len({c.name for c in contacts}) > 20
    assert {c.preferred_language for c in contacts} == {"en", "es"}
    calls = CallAttempt.objects.select_related("response__contact_request")
    assert set(calls.values_list("outcome", flat=True)) == set(CallOutcome.values)
    with_callback = calls.exclude(next_callback_at=None)
    assert 0 < with_callback.count() < calls.count()
    assert all(c.next_callback_at > c.created_at for c in with_callback)
    assert all(
        c.next_callback_at is not None for c in calls.filter(outcome=CallOutcome.CALL_LATER)
    )
    for call in calls:
        contact = call.response.contact_request  # calls only where there is a number
        assert contact.phone
        assert call.created_at > contact.created_at
    # Each status's latest call fits it: a contacted person was reached.
    latest = {}
    for call in calls.order_by("created_at"):
        latest[call.response_id] = call
    for call in latest.values():
        if call.response.contact_request.status == ContactStatus.CONTACTED:
            assert call.outcome == CallOutcome.REACHED
    # Worked requests have calls and most have notes; a few long cases have many.
    worked = contacts.exclude(status=ContactStatus.NEW).exclude(phone="")
    assert set(worked.values_list("response", flat=True)) <= set(latest)
    per_response = Counter(calls.values_list("response", flat=True))
    assert max(per_response.values()) >= 6
    noted = set(StaffNote.objects.values_list("response", flat=True))
    assert len(noted & {c.response_id for c in worked}) > 0.4 * worked.count()
    assert Response.objects.filter(language="es").count() > 150


def test_seeded_responses_are_consistent_with_the_triage_rules():
    seed("--programs", "5", "--responses", "50")
    now = timezone.now()
    oldest_allowed = now - timedelta(days=settings.RESPONSE_RETENTION_DAYS)
    for response in Response.objects.select_related("contact_request"):
        assert oldest_allowed < response.created_at <= now
        assert (response.suggested_level_id is None) == response.crisis
        contact = getattr(response, "contact_request", None)
        assert response.queue_rank == queue_rank(
            crisis=response.crisis,
            contact_status=contact.status if contact else None,
            has_notes=response.staff_notes.exists(),
        )
    codes = list(Response.objects.values_list("reference_code", flat=True))
    assert len(set(codes)) == len(codes)


def test_running_it_again_only_tops_up():
    seed("--programs", "10", "--responses", "30")
    assert "Seeded 0 programs" in seed("--programs", "10", "--responses", "30")
    assert Program.objects.count() >= 10
    seed("--programs", "12", "--responses", "35")
    assert Program.objects.filter(slug__startswith="bench-").count() == 12
    assert Response.objects.count() == 35


def test_dry_run_changes_nothing_and_reset_starts_over():
    make_response()
    assert "Would add 10 programs and 19 responses" in seed(
        "--programs", "10", "--responses", "20", "--dry-run"
    )
    assert not Program.objects.filter(slug__startswith="bench-").exists()
    assert Response.objects.count() == 1
    seed("--programs", "10", "--responses", "20")
    assert "delete 10 bench programs and 20 responses" in seed(
        "--programs", "4", "--responses", "6", "--reset", "--dry-run"
    )
    seed("--programs", "4", "--responses", "6", "--reset")
    assert Program.objects.filter(slug__startswith="bench-").count() == 4
    assert Response.objects.count() == 6


def test_seeded_data_works_in_the_site_and_the_admin(client):
    seed("--programs", "20", "--responses", "50")
    program = Program.objects.filter(slug__startswith="bench-").first()
    assert client.get(program.get_absolute_url()).status_code == HTTPStatus.OK
    assert client.get("/programs/?level=iop&schedule=evening").status_code == HTTPStatus.OK
    force_login_verified(client, intake_user())
    workspace = reverse("admin:intake_workspace")
    assert client.get(workspace).status_code == HTTPStatus.OK
    response = Response.objects.filter(contact_request__isnull=False).first()
    detail = reverse("admin:programs_response_change", args=[response.pk])
    assert client.get(detail).status_code == HTTPStatus.OK


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(queries)


def test_query_counts_do_not_grow_with_the_data(client):
    """The pages the benchmark measures cost the same queries at two data sizes."""
    staff = intake_user()
    public = ["/programs/", "/programs/?level=iop&schedule=evening&payment=medicaid"]
    seed("--programs", "40", "--responses", "20")
    assert client.get(public[1]).context["page"].paginator.count > 0  # something to list
    bench_program = "/programs/bench-00001/"
    force_login_verified(client, staff)
    response = Response.objects.filter(contact_request__isnull=False).first()
    admin = [
        reverse("admin:intake_workspace"),
        reverse("admin:programs_response_change", args=[response.pk]),
    ]
    client.logout()
    small = [count_queries(client, url) for url in [*public, bench_program]]
    force_login_verified(client, staff)
    small += [count_queries(client, url) for url in admin]

    seed("--programs", "120", "--responses", "300")
    client.logout()
    large = [count_queries(client, url) for url in [*public, bench_program]]
    force_login_verified(client, staff)
    large += [count_queries(client, url) for url in admin]
    assert large == small


def test_programs_stand_at_real_zip_codes_across_the_country_with_every_detail():
    seed("--programs", "300", "--responses", "0")
    programs = list(Program.objects.filter(slug__startswith="bench-").order_by("slug"))
    assert [p.slug for p in programs[:2]] == ["bench-00001", "bench-00002"]
    for program in programs:
        centre = zip_point(program.zip_code)
        assert centre is not None, program.zip_code  # a real ZIP code
        here = Point(float(program.latitude), float(program.longitude))
        # A little off the centre, like a street address; on it when approximate.
        assert haversine_miles(centre, here) < 1.5
        if program.coordinates_approximate:
            assert haversine_miles(centre, here) < 0.001
        assert program.city in program.name
        assert program.zip_code
        assert program.state
        if program.level.is_24_hour:
            assert not program.session_times
    # Spread out: many states and ZIP codes, with a cluster in the big cities.
    assert len({p.state for p in programs}) >= 30
    assert len({p.zip_code for p in programs}) >= 200
    assert any(p.city == "Brooklyn" for p in programs)
    assert {p.level.slug for p in programs} == set(
        TreatmentLevel.objects.values_list("slug", flat=True)
    )
    assert {p.accepts_moud for p in programs} == {True, False, None}
    assert sum(p.coordinates_approximate for p in programs) > 10
    kinds = set(ProgramFeature.objects.values_list("kind", flat=True))
    assert kinds == set(FeatureKind.values)  # accessibility included
    # Session times follow the schedules a program offers: one time for each.
    with_times = Program.objects.exclude(session_times="").prefetch_related("features")
    assert with_times.count() > 100
    for program in with_times:
        schedules = sorted(
            f.value for f in program.features.all() if f.kind == FeatureKind.SCHEDULE
        )
        times = program.session_times.split("; ")
        assert len(times) == len(schedules)
        for schedule, text in zip(schedules, times, strict=True):
            assert text in [english for english, _ in SESSION_TIMES[schedule]]
    assert Program.objects.filter(session_times__contains="6–9 pm").exists()
    assert Program.objects.exclude(session_times_es="").exists()


def test_each_program_gets_its_own_features(client):
    """The fast inserts give every program its id and its features, no one else's."""
    seed("--programs", "30", "--responses", "0")
    for program in Program.objects.filter(slug__startswith="bench-").prefetch_related("features"):
        kinds = {f.kind for f in program.features.all()}
        assert {FeatureKind.FORMAT, FeatureKind.SCHEDULE, FeatureKind.PAYMENT} <= kinds
    seed("--programs", "40", "--responses", "0")  # topped up: new ids after the old
    ids = list(Program.objects.order_by("slug").values_list("pk", flat=True))
    assert ids == sorted(ids)
    assert len(set(ids)) == 40
    assert not ProgramFeature.objects.exclude(program_id__in=ids).exists()
    assert ProgramFeature.objects.values("program_id").distinct().count() == 40


def test_only_some_kinds_of_feature_when_asked():
    made, features = seed_programs(20, random.Random(1), kinds=(FeatureKind.PAYMENT,))
    assert made == 20
    assert set(ProgramFeature.objects.values_list("kind", flat=True)) == {FeatureKind.PAYMENT}
    assert ProgramFeature.objects.count() == features >= 40  # two to five payments each


def test_seeded_programs_are_found_by_distance():
    seed("--programs", "200", "--responses", "0")
    program = Program.objects.filter(
        slug__startswith="bench-", coordinates_approximate=False
    ).first()
    found = Program.objects.matching(
        ProgramFilters(near=zip_point(program.zip_code), within_miles=5)
    )
    assert program in found
