import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from programs.levels import content
from programs.models import Area, Service, SuitabilityCriterion, TreatmentLevel
from tests.factories.levels import make_level

pytestmark = pytest.mark.django_db

SLUGS = ["outpatient", "iop", "php", "residential", "inpatient"]


def test_data_migration_loads_the_five_levels_in_order_of_intensity():
    levels = list(TreatmentLevel.objects.order_by("intensity_rank"))
    assert [lv.slug for lv in levels] == SLUGS
    assert [lv.level_number for lv in levels] == ["1", "2.1", "2.5", "3", "4"]
    assert [lv.cost_rank for lv in levels] == [1, 2, 3, 4, 5]


def test_iop_hours_follow_the_clinical_brief():
    iop = TreatmentLevel.objects.get(slug="iop")
    assert (iop.hours_adult_min, iop.hours_adult_max) == (9, 19)
    assert (iop.hours_adolescent_min, iop.hours_adolescent_max) == (6, 19)
    assert iop.adult_hours_text == "9–19"
    assert iop.lives_at_home
    assert not iop.supervision_24h


def test_outpatient_and_php_hours_follow_the_clinical_brief():
    outpatient = TreatmentLevel.objects.get(slug="outpatient")
    php = TreatmentLevel.objects.get(slug="php")
    assert outpatient.adult_hours_text == "under 9"
    assert outpatient.adolescent_hours_text == "under 6"
    assert php.adult_hours_text == "20 or more"


def test_residential_and_inpatient_are_24_hour_care():
    for slug in ["residential", "inpatient"]:
        level = TreatmentLevel.objects.get(slug=slug)
        assert level.is_24_hour
        assert level.supervision_24h
        assert not level.lives_at_home
        assert level.adult_hours_text == "24-hour care"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_level_has_enough_criteria_and_services(slug):
    level = TreatmentLevel.objects.get(slug=slug)
    assert len(level.good_fit()) >= 4
    assert len(level.not_a_fit()) >= 3
    assert level.services.exists()
    assert len(level.typical_week) == 7


def test_criteria_cover_valid_areas():
    areas = set(SuitabilityCriterion.objects.values_list("area", flat=True))
    assert areas <= set(Area.values)


def test_content_never_repeats_the_seed_articles_errors():
    text = " ".join(
        [lv.description + lv.summary + lv.steps_note for lv in TreatmentLevel.objects.all()]
        + list(SuitabilityCriterion.objects.values_list("text", flat=True))
    ).lower()
    assert "more affordable than standard outpatient" not in text
    assert "usually followed by inpatient" not in text
    assert "not for people with co-occurring" not in text


def test_loading_content_twice_does_not_duplicate_anything():
    from django.core.management import call_command

    before = (
        TreatmentLevel.objects.count(),
        Service.objects.count(),
        SuitabilityCriterion.objects.count(),
    )
    call_command("load_content", verbosity=0)
    after = (
        TreatmentLevel.objects.count(),
        Service.objects.count(),
        SuitabilityCriterion.objects.count(),
    )
    assert before == after == (5, len(content.SERVICES), before[2])


def test_load_content_dry_run_changes_nothing(capsys):
    from django.core.management import call_command

    TreatmentLevel.objects.filter(slug="iop").update(summary="Edited by staff.")
    call_command("load_content", dry_run=True)
    assert TreatmentLevel.objects.get(slug="iop").summary == "Edited by staff."
    assert "Would load 5 levels" in capsys.readouterr().out


def test_hours_min_above_max_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_level(hours_adult_min=10, hours_adult_max=5)


def test_adolescent_hours_min_above_max_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_level(hours_adolescent_min=10, hours_adolescent_max=5)


def test_sessions_and_length_min_above_max_are_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_level(sessions_min=3, sessions_max=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_level(length_weeks_min=8, length_weeks_max=2)


def test_intensity_rank_is_unique():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_level(intensity_rank=1)


def test_cost_rank_is_unique():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_level(cost_rank=1)


def test_slug_is_unique():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_level(slug="iop")


def test_open_ended_hours_are_allowed():
    level = make_level(hours_adult_min=20, hours_adult_max=None)
    assert level.adult_hours_text == "20 or more"


@pytest.mark.parametrize(
    "week", [[1, 2, 3], [1, 2, 3, 4, 5, 6, 25], [1, 2, 3, 4, 5, 6, "x"], "1234567", [True] * 7]
)
def test_typical_week_must_be_seven_day_hours(week):
    level = TreatmentLevel.objects.get(slug="iop")
    level.typical_week = week
    with pytest.raises(ValidationError):
        level.full_clean()


def test_neighbours_are_the_next_levels_down_and_up():
    iop = TreatmentLevel.objects.get(slug="iop")
    down, up = iop.neighbours()
    assert (down.slug, up.slug) == ("outpatient", "php")
    assert TreatmentLevel.objects.get(slug="outpatient").neighbours()[0] is None
    assert TreatmentLevel.objects.get(slug="inpatient").neighbours()[1] is None


def test_string_and_url():
    iop = TreatmentLevel.objects.get(slug="iop")
    assert str(iop) == f"{iop.name} (Level 2.1)"
    assert iop.get_absolute_url() == "/levels/iop/"
