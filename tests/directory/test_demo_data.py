import re
import statistics
from io import StringIO

import pytest
import zipcodes
from django.core.management import call_command

from programs.directory.demo import DEMO_PROGRAMS, demo_slug, load_demo_programs
from programs.directory.demo.week import parse_week
from programs.directory.geo import Point, as_decimal, haversine_miles, zip_point
from programs.models import (
    FEATURE_CHOICES,
    FeatureKind,
    ListingReport,
    Program,
    ProgramFilters,
    TreatmentLevel,
)
from tests.factories.directory import make_program, make_report

pytestmark = pytest.mark.django_db


def command(name: str, *args: str) -> str:
    out = StringIO()
    call_command(name, *args, stdout=out, stderr=out)
    return out.getvalue()


def test_about_seventy_example_programs_load_and_are_all_marked():
    output = command("load_demo_data")
    programs = Program.objects.all()
    # Under 100: each gets its own 555-01xx number.
    assert 60 <= programs.count() == len(DEMO_PROGRAMS) < 100
    assert not programs.filter(is_demo=False).exists()
    assert f"Loaded {len(DEMO_PROGRAMS)} example programs: {len(DEMO_PROGRAMS)} created" in output


def test_loading_twice_does_not_duplicate():
    command("load_demo_data")
    output = command("load_demo_data")
    assert Program.objects.count() == len(DEMO_PROGRAMS)
    assert f"0 created, {len(DEMO_PROGRAMS)} updated, 0 removed" in output


def test_dry_run_loads_nothing():
    assert "Would load" in command("load_demo_data", "--dry-run")
    assert not Program.objects.exists()


def test_examples_cover_every_level_every_filter_value_and_several_states():
    load_demo_programs()
    programs = list(Program.objects.for_listing())
    assert {p.level.slug for p in programs} == set(
        TreatmentLevel.objects.values_list("slug", flat=True)
    )
    for kind, choices in FEATURE_CHOICES.items():
        used = {value for p in programs for value in p.feature_values(kind)}
        assert used == set(choices.values), kind
    assert len({p.state for p in programs}) >= 10
    assert {p.co_occurring for p in programs} == {True, False}
    assert {p.accepting_new_clients for p in programs} == {True, False, None}
    assert {p.accepts_moud for p in programs} == {True, False, None}
    assert any(not p.feature_values(FeatureKind.ACCESS) for p in programs)  # "Ask the program"


def test_examples_use_fictional_contact_details_and_valid_values():
    load_demo_programs()
    for program in Program.objects.all():
        assert re.fullmatch(r"\d{3}-555-01\d\d", program.phone)  # 555-0100 to -0199: fiction
        assert program.website.startswith("https://example.org/")
        assert program.slug == demo_slug(program.name)
        program.full_clean()


def test_example_hours_agree_with_the_levels():
    load_demo_programs()
    for program in Program.objects.select_related("level"):
        level, hours = program.level, program.hours_per_week
        if level.is_24_hour:
            assert hours is None, program.name
        elif hours is not None:
            teen_only = program.feature_values("population") == ["adolescents"]
            low = level.hours_adolescent_min if teen_only else level.hours_adult_min
            high = level.hours_adult_max
            assert (low or 0) <= hours, program.name
            assert high is None or hours <= high, program.name


def test_examples_no_longer_listed_are_removed_on_load():
    load_demo_programs()
    stale = Program.objects.get(slug=demo_slug(DEMO_PROGRAMS[0]["name"]))
    stale.slug = "example-retired-program"
    stale.save()
    result = load_demo_programs()
    assert result.removed == 1
    assert not Program.objects.filter(slug="example-retired-program").exists()
    assert Program.objects.count() == len(DEMO_PROGRAMS)


def test_a_real_program_with_an_example_slug_is_left_alone():
    slug = demo_slug(DEMO_PROGRAMS[0]["name"])
    real = make_program(slug=slug, name="A real program")
    output = command("load_demo_data")
    real.refresh_from_db()
    assert (real.name, real.is_demo) == ("A real program", False)
    assert "a real program already uses" in output


def test_remove_demo_data_removes_only_the_examples_and_their_reports():
    load_demo_programs()
    real = make_program(name="A real program")
    make_report(Program.objects.demo().first())
    make_report(real)
    preview = command("remove_demo_data", "--dry-run")
    assert f"Would remove {len(DEMO_PROGRAMS)} example programs and 1 listing report" in preview
    assert Program.objects.count() == len(DEMO_PROGRAMS) + 1
    output = command("remove_demo_data")
    assert f"Removed {len(DEMO_PROGRAMS)} example programs" in output
    assert list(Program.objects.all()) == [real]
    assert ListingReport.objects.count() == 1


def test_a_real_program_with_an_examples_name_and_place_is_left_alone():
    item = DEMO_PROGRAMS[0]
    real = make_program(
        item["level"], name=item["name"], zip_code=item["zip_code"], city=item["city"]
    )
    output = command("load_demo_data")
    assert "same name and place" in output
    assert Program.objects.count() == len(DEMO_PROGRAMS)
    real.refresh_from_db()
    assert not real.is_demo


def test_every_example_reads_in_spanish_on_spanish_pages(client):
    from programs.directory.demo import SPANISH_DESCRIPTIONS

    assert set(SPANISH_DESCRIPTIONS) == {item["name"] for item in DEMO_PROGRAMS}
    load_demo_programs()
    assert not Program.objects.filter(description_es="").exists()
    program = Program.objects.get(name="Riverside Evening IOP")
    spanish = client.get(f"/es/programs/{program.slug}/").content.decode()
    assert "Tres noches por semana" in spanish
    assert "Three evenings a week" not in spanish
    english = client.get(f"/programs/{program.slug}/").content.decode()
    assert "Three evenings a week" in english


def test_every_example_has_times_in_both_languages_and_a_map_point():
    load_demo_programs()
    for program in Program.objects.all():
        assert program.session_times, program.name
        assert program.session_times_es, program.name
        assert program.intake_hours, program.name
        assert program.intake_hours_es, program.name
        centre = zip_point(program.zip_code)
        assert (program.latitude, program.longitude) == (
            as_decimal(centre.latitude),
            as_decimal(centre.longitude),
        ), program.name
        assert program.coordinates_approximate  # a ZIP code's centre, and it says so


def test_example_session_times_agree_with_days_hours_and_schedules():
    for item in DEMO_PROGRAMS:
        week = item["sessions"]
        level = TreatmentLevel.objects.get(slug=item["level"])
        for track in range(len(week.tracks)):
            if item["days_per_week"] is not None:
                assert week.days_per_week(track) == item["days_per_week"], item["name"]
            if not level.is_24_hour:
                assert week.hours_per_week(track) == item["hours_per_week"], item["name"]
        if not level.is_24_hour:
            schedules = set(item["features"][FeatureKind.SCHEDULE])
            assert week.schedules() == schedules, item["name"]


def test_week_specs_read_in_english_and_spanish():
    week = parse_week("mon wed thu 18-21; sat 9:30-12 | tue-fri 10-13")
    assert week.english() == "Mon, Wed, Thu 6–9 pm; Sat 9:30 am–12 pm or Tue–Fri 10 am–1 pm"
    assert week.spanish() == (
        "Lun., miér. y jue. de 6 a 9 p. m.; sáb. de 9:30 a. m. a 12 p. m. o mar. a vie. "
        "de 10 a. m. a 1 p. m."
    )
    assert (week.days_per_week(0), week.hours_per_week(0), week.hours_per_week(1)) == (4, 11.5, 12)
    assert week.schedules() == {"evening", "weekend", "daytime"}
    assert parse_week("daily 9-16").english() == "Every day 9 am–4 pm"
    assert parse_week("24/7").spanish() == "A cualquier hora, de día o de noche (24/7)"
    for bad, reason in [
        ("mon 21-18", "out of order"),
        ("18-21", "cannot read"),
        ("mon 6pm", "cannot read"),
        ("funday 9-10", "unknown day"),
        ("mon-someday 9-10", "unknown day"),
    ]:
        with pytest.raises(ValueError, match=reason):
            parse_week(bad)


def queens_centre() -> Point:
    """The middle of Queens: the mean of its ZIP codes' centres."""
    rows = [r for r in zipcodes.list_all() if r["county"] == "Queens County"]
    return Point(
        statistics.mean(float(r["lat"]) for r in rows),
        statistics.mean(float(r["long"]) for r in rows),
    )


def test_new_york_city_examples_fill_more_than_one_page_within_ten_miles_of_queens():
    load_demo_programs()
    centre = queens_centre()
    near = [
        p
        for p in Program.objects.for_listing()
        if haversine_miles(centre, Point(float(p.latitude), float(p.longitude))) <= 10
    ]
    assert len(near) > 20  # the directory shows 20 a page
    assert len({p.level.slug for p in near}) == 5
    assert {s for p in near for s in p.feature_values(FeatureKind.SCHEDULE)} == {
        "daytime",
        "evening",
        "weekend",
    }
    # The journey's program: a Brooklyn evening IOP that takes Medicaid and people on MOUD.
    wanted = ProgramFilters(
        levels=("iop",),
        features={FeatureKind.SCHEDULE: ("evening",), FeatureKind.PAYMENT: ("medicaid",)},
        accepts_moud=True,
    )
    matching = {p.pk for p in Program.objects.matching(wanted)}
    brooklyn = [p for p in near if p.city == "Brooklyn" and p.pk in matching]
    assert brooklyn
    assert "buprenorphine" in brooklyn[0].feature_values(FeatureKind.MEDICATION)
    assert len([p for p in near if p.pk in matching]) >= 5
