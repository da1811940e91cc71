from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from programs.directory.geo import resolve_place
from programs.directory.models import tel_uri
from programs.models import (
    FEATURE_CHOICES,
    FeatureKind,
    ListingReport,
    Program,
    ProgramFeature,
    ProgramFilters,
    Source,
    TreatmentLevel,
)
from tests.factories.directory import make_program, make_report

pytestmark = pytest.mark.django_db


def names(queryset) -> set[str]:
    return set(queryset.values_list("name", flat=True))


def search(**kwargs) -> set[str]:
    features: dict[str, tuple[str, ...]] = {
        kind: tuple(kwargs.pop(name, ()))
        for name, kind in [
            ("formats", FeatureKind.FORMAT),
            ("schedules", FeatureKind.SCHEDULE),
            ("payments", FeatureKind.PAYMENT),
            ("populations", FeatureKind.POPULATION),
            ("medications", FeatureKind.MEDICATION),
            ("languages", FeatureKind.LANGUAGE),
        ]
    }
    return names(Program.objects.matching(ProgramFilters(features=features, **kwargs)))


@pytest.mark.parametrize(
    ("number", "uri"),
    [
        ("937-555-0142", "tel:+19375550142"),
        ("(937) 555-0142 ext. 12", "tel:+19375550142"),
        ("1-800-662-4357", "tel:+18006624357"),
        ("988", "tel:988"),
        ("", ""),
        ("call us", ""),
    ],
)
def test_tel_uri_makes_dialable_links(number, uri):
    assert tel_uri(number) == uri


# --- Program basics ---------------------------------------------------------------


def test_slug_is_made_from_name_city_and_level_and_kept_unique():
    first = make_program(name="Open Door", city="Dayton")
    second = make_program(name="Open Door", city="Dayton", zip_code="45403")
    assert first.slug == "open-door-dayton-iop"
    assert second.slug == "open-door-dayton-iop-2"
    assert first.get_absolute_url() == "/programs/open-door-dayton-iop/"


def test_slug_of_a_name_without_latin_letters_falls_back():
    program = make_program(name="希望之家", city="")
    assert program.slug.startswith("iop") or program.slug.startswith("program")


def test_a_program_cannot_take_a_reserved_slug():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_program(slug="compare")


def test_features_come_back_as_labels_in_choice_order():
    program = make_program(payments=["sliding_fee", "medicaid"], formats=["telehealth"])
    program = Program.objects.for_listing().get(pk=program.pk)
    assert program.payments == ["Medicaid", "Sliding fee (based on income)"]
    assert program.formats == ["Telehealth (video)"]
    assert program.schedules == []


def test_replace_features_changes_only_the_given_kinds():
    program = make_program(payments=["medicaid", "private"], languages=["en", "es"])
    program.replace_features({FeatureKind.PAYMENT: ["private", "free"]})
    assert program.feature_values(FeatureKind.PAYMENT) == ["private", "free"]
    assert program.feature_values(FeatureKind.LANGUAGE) == ["en", "es"]


def test_replace_features_rejects_unknown_values():
    program = make_program()
    with pytest.raises(ValueError, match="Unknown feature values"):
        program.replace_features({FeatureKind.FORMAT: ["carrier_pigeon"]})


def test_schedule_and_hours_text():
    iop = make_program(schedules=["evening"], days_per_week=3, hours_per_week=9)
    residential = make_program("residential", days_per_week=7)
    unknown = make_program()
    assert iop.schedule_text() == "Evening (3 days, 9 hours a week)"
    assert residential.schedule_text() == "24-hour care"
    assert residential.hours_text() == "Around the clock"
    assert unknown.schedule_text() == "Ask the program"


def test_verified_long_ago_after_a_year():
    today = timezone.localdate()
    assert not make_program(last_verified=today - timedelta(days=30)).verified_long_ago
    assert make_program(last_verified=today - timedelta(days=400)).verified_long_ago


def test_organisation_is_shown_only_when_the_name_does_not_already_say_it():
    assert not make_program(name="Harbor – Evening IOP", organisation="Harbor").shows_organisation
    assert make_program(name="Evening IOP", organisation="Harbor").shows_organisation


# --- Constraints -------------------------------------------------------------------


def integrity_error(**overrides) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make_program(**overrides)


def test_frid_and_level_are_unique_together():
    make_program(frid="abc", source=Source.IMPORTED)
    integrity_error(frid="abc", source=Source.IMPORTED, name="Other name")
    make_program("php", frid="abc", source=Source.IMPORTED)  # same facility, other level


def test_name_zip_and_level_are_unique_without_frid_whatever_the_case():
    make_program(name="Open Door", zip_code="05401")
    integrity_error(name="OPEN DOOR", zip_code="05401")
    make_program(name="Open Door", zip_code="05402")
    make_program("php", name="Open Door", zip_code="05401")


def test_only_imported_programs_have_a_frid():
    integrity_error(frid="abc", source=Source.STAFF)


def test_a_program_needs_a_way_to_contact_it():
    integrity_error(phone="", intake_phone="", website="")
    make_program(phone="", website="https://example.org/x")


@pytest.mark.parametrize(
    "overrides",
    [
        {"latitude": 40},
        {"latitude": 91, "longitude": 0},
        {"latitude": 0, "longitude": 181},
        {"days_per_week": 8},
        {"days_per_week": 0},
        {"hours_per_week": 169},
        {"length_weeks": 0},
        {"state": "XX"},
    ],
)
def test_impossible_values_are_refused_by_the_database(overrides):
    integrity_error(**overrides)


def test_a_feature_value_must_belong_to_its_kind():
    program = make_program()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgramFeature.objects.create(program=program, kind=FeatureKind.FORMAT, value="medicaid")
    ProgramFeature.objects.create(program=program, kind=FeatureKind.FORMAT, value="hybrid")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgramFeature.objects.create(program=program, kind=FeatureKind.FORMAT, value="hybrid")


def test_full_clean_explains_duplicate_name_zip_and_level():
    make_program(name="Open Door", zip_code="05401")
    duplicate = Program(
        name="open door",
        zip_code="05401",
        city="Burlington",
        state="VT",
        phone="802-555-0100",
        level=TreatmentLevel.objects.get(slug="iop"),
        slug="another",
    )
    with pytest.raises(ValidationError, match="name, ZIP code and level"):
        duplicate.full_clean()


def test_a_report_of_something_else_needs_details():
    program = make_program()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_report(program, kind=ListingReport.Kind.OTHER, details="")
    make_report(program, kind=ListingReport.Kind.OTHER, details="Moved to Elm St")


def test_resolving_reports_stamps_the_time_and_reopening_clears_it():
    program = make_program()
    first, second = make_report(program), make_report(program)
    assert ListingReport.objects.filter(pk=first.pk).resolve() == 1
    first.refresh_from_db()
    assert first.status == ListingReport.Status.RESOLVED
    assert first.resolved_at is not None
    assert ListingReport.objects.unresolved().get() == second
    assert ListingReport.objects.all().reopen() == 1
    first.refresh_from_db()
    assert (first.status, first.resolved_at) == (ListingReport.Status.NEW, None)


def test_a_resolved_report_must_say_when():
    program = make_program()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_report(program, status=ListingReport.Status.RESOLVED)


# --- Filters: OR within a group, AND across groups (both backends run this file) -------


@pytest.fixture
def directory():
    make_program("iop", name="A", formats=["telehealth"], payments=["medicaid"])
    make_program("iop", name="B", formats=["in_person"], payments=["medicaid", "private"])
    make_program("php", name="C", formats=["hybrid"], payments=["private"], co_occurring=True)
    make_program("iop", name="D", formats=["telehealth", "in_person"], payments=["self_pay"])
    make_program(
        "outpatient",
        name="E",
        accepting_new_clients=True,
        city="Burlington",
        state="VT",
        zip_code="05401",
    )


def test_no_filter_finds_everything(directory):
    assert search() == {"A", "B", "C", "D", "E"}


def test_choices_within_a_group_combine_with_or(directory):
    assert search(formats=["telehealth"]) == {"A", "D"}
    assert search(formats=["telehealth", "hybrid"]) == {"A", "C", "D"}
    assert search(payments=["medicaid", "self_pay"]) == {"A", "B", "D"}
    assert search(levels=("iop", "php")) == {"A", "B", "C", "D"}


def test_groups_combine_with_and(directory):
    assert search(formats=["telehealth"], payments=["medicaid"]) == {"A"}
    assert search(formats=["in_person"], payments=["medicaid", "self_pay"]) == {"B", "D"}
    assert search(levels=("iop",), payments=["private"]) == {"B"}
    assert search(formats=["hybrid"], payments=["medicaid"]) == set()


def test_a_program_with_two_matching_values_is_listed_once(directory):
    found = Program.objects.matching(
        ProgramFilters(features={FeatureKind.FORMAT: ("telehealth", "in_person")})
    )
    assert sorted(found.values_list("name", flat=True)) == ["A", "B", "D"]


def test_yes_no_filters(directory):
    assert search(co_occurring=True) == {"C"}
    assert search(accepting=True) == {"E"}
    assert search(co_occurring=True, accepting=True) == set()


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("VT", {"E"}),
        ("Vermont", {"E"}),
        ("Burlington, VT", {"E"}),
        ("05401", {"E"}),
        ("Ohio", {"A", "B", "C", "D"}),
        ("Dayton, OH 45402", {"A", "B", "C", "D"}),
        ("Springfield, OH", {"A", "B", "C", "D"}),  # 23 miles from Dayton
        ("Columbus, OH", set()),  # 66 miles from Dayton
        ("Montpelier, VT", {"E"}),  # 37 miles from Burlington
    ],
)
def test_a_place_finds_programs_in_its_state_or_within_the_distance(directory, place, expected):
    found = resolve_place(place)
    state = found.state if found.point is None else ""
    assert found.found
    assert search(state=state, near=found.point, within_miles=50) == expected


def test_every_feature_kind_has_choices():
    assert set(FEATURE_CHOICES) == set(FeatureKind.values)
