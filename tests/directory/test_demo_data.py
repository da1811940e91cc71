from io import StringIO

import pytest
from django.core.management import call_command

from programs.directory.demo import DEMO_PROGRAMS, demo_slug, load_demo_programs
from programs.models import FEATURE_CHOICES, ListingReport, Program, TreatmentLevel
from tests.factories.directory import make_program, make_report

pytestmark = pytest.mark.django_db


def command(name: str, *args: str) -> str:
    out = StringIO()
    call_command(name, *args, stdout=out, stderr=out)
    return out.getvalue()


def test_about_forty_example_programs_load_and_are_all_marked():
    output = command("load_demo_data")
    programs = Program.objects.all()
    assert 35 <= programs.count() == len(DEMO_PROGRAMS) <= 45
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


def test_examples_use_fictional_contact_details_and_valid_values():
    load_demo_programs()
    for program in Program.objects.all():
        assert program.phone[3:] == "-555-" + program.phone[8:]
        assert program.phone[8:10] == "01"  # 555-0100 to 555-0199 are for fiction
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
    assert "Tres tardes por semana" in spanish
    assert "Three evenings a week" not in spanish
    english = client.get(f"/programs/{program.slug}/").content.decode()
    assert "Three evenings a week" in english
