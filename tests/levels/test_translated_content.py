"""Spanish database content: `_es` fields shown on /es/ pages, English when they are empty,
loaded by the migration and `load_content`, and never clobbering editors' work."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.utils import translation

from programs.core.i18n import localized
from programs.levels import content, content_es
from programs.levels.loading import fill_spanish, sync_content
from programs.levels.texts import site_text
from programs.models import Program, Service, SuitabilityCriterion, TreatmentLevel
from tests.factories.directory import make_program
from tests.factories.levels import make_criterion, make_level, make_service

pytestmark = pytest.mark.django_db

TRANSLATED = [
    (TreatmentLevel, TreatmentLevel.TRANSLATED_FIELDS),
    (Service, Service.TRANSLATED_FIELDS),
    (SuitabilityCriterion, SuitabilityCriterion.TRANSLATED_FIELDS),
    (Program, Program.TRANSLATED_FIELDS),
]


def test_every_translated_field_has_an_optional_spanish_column():
    for model, fields in TRANSLATED:
        for name in fields:
            spanish = model._meta.get_field(f"{name}_es")
            assert spanish.blank, (model, name)
            english = model._meta.get_field(name)
            assert type(spanish) is type(english), (model, name)
            if english.max_length:
                assert spanish.max_length >= english.max_length, (model, name)


def test_the_migration_loaded_spanish_for_every_level_service_and_criterion():
    for level in TreatmentLevel.objects.all():
        for name in TreatmentLevel.TRANSLATED_FIELDS:
            if getattr(level, name):
                assert getattr(level, f"{name}_es"), (level.slug, name)
    assert not Service.objects.filter(name_es="").exists()
    assert not Service.objects.filter(description_es="").exists()
    assert not SuitabilityCriterion.objects.filter(text_es="").exists()


def test_spanish_content_fits_its_columns():
    def check(model, record: dict) -> None:
        for name, value in record.items():
            if isinstance(value, str) and name in model.TRANSLATED_FIELDS:
                limit = model._meta.get_field(f"{name}_es").max_length
                assert limit is None or len(value) <= limit, (model.__name__, name, value)

    for record in content_es.SERVICES_ES.values():
        check(Service, record)
    limit = SuitabilityCriterion._meta.get_field("text_es").max_length
    for slug, record in content_es.LEVELS_ES.items():
        check(TreatmentLevel, record)
        english = next(item for item in content.LEVELS if item["slug"] == slug)
        assert len(record["criteria"]) == len(english["criteria"]), slug
        assert all(len(text) <= limit for text in record["criteria"]), slug


def test_criteria_are_matched_by_level_and_order():
    iop = TreatmentLevel.objects.get(slug="iop")
    english = next(item for item in content.LEVELS if item["slug"] == "iop")["criteria"]
    spanish = content_es.LEVELS_ES["iop"]["criteria"]
    for criterion in iop.criteria.all():
        assert criterion.text == english[criterion.order - 1][2]
        assert criterion.text_es == spanish[criterion.order - 1]


def test_localized_falls_back_to_english_when_the_spanish_is_empty():
    level = make_level(name="Test level", name_es="", summary_es="Un nivel de prueba.")
    with translation.override("es"):
        assert localized(level, "name") == "Test level"
        assert level.local.summary == "Un nivel de prueba."
    with translation.override("en"):
        assert level.local.summary == "A level made for tests."
    with pytest.raises(AttributeError):
        level.local.slug  # noqa: B018 - only translated fields are offered


def test_spanish_pages_show_spanish_content_and_english_where_there_is_none(client):
    level = make_level(name="Made-up level", name_es="", summary_es="Resumen en español.")
    make_criterion(level, text="Only in English.", text_es="")
    make_criterion(level, text="Fits well.", text_es="Encaja bien.")
    level.services.add(make_service(name="Helping", name_es="Ayuda", description_es="Ayuda."))
    page = client.get(f"/es/levels/{level.slug}/").content.decode()
    assert "<h1>Made-up level</h1>" in page
    assert "Resumen en español." in page
    assert "Only in English." in page
    assert "Encaja bien." in page
    assert "Fits well." not in page
    assert "Ayuda" in page
    assert "Helping" not in page
    english = client.get(f"/levels/{level.slug}/").content.decode()
    assert "A level made for tests." in english
    assert "Resumen en español." not in english


def test_program_names_stay_and_descriptions_are_translated(client):
    program = make_program(
        name="Casa Esperanza Recovery", description="A small program.", description_es=""
    )
    page = client.get(f"/es/programs/{program.slug}/").content.decode()
    assert "<h1>Casa Esperanza Recovery</h1>" in page
    assert "A small program." in page
    Program.objects.filter(pk=program.pk).update(description_es="Un programa pequeño.")
    page = client.get(f"/es/programs/{program.slug}/").content.decode()
    assert "Un programa pequeño." in page
    assert "A small program." not in page
    assert "Casa Esperanza Recovery" in client.get("/es/programs/").content.decode()


def test_level_names_and_choices_are_spanish_in_the_directory_filters(client):
    page = client.get("/es/programs/?format=zzz").content.decode()
    assert "Hospitalización parcial (PHP)" in page
    assert "Telesalud (por video)" in page
    assert "No reconocemos “zzz” (En persona o en línea)" in page


def test_fixed_texts_follow_the_language():
    with translation.override("es"):
        assert site_text("QUESTIONS_TO_ASK") == content_es.QUESTIONS_TO_ASK_ES
        assert site_text("FACTS")["three_months"] == content_es.FACTS_ES["three_months"]
    with translation.override("en"):
        assert site_text("WITHDRAWAL_MANAGEMENT") == content.WITHDRAWAL_MANAGEMENT


def test_load_content_resets_english_and_spanish():
    iop = TreatmentLevel.objects.get(slug="iop")
    iop.summary_es = "Cambiado."
    iop.save()
    SuitabilityCriterion.objects.filter(level=iop).update(text_es="")
    call_command("load_content", stdout=None)
    iop.refresh_from_db()
    assert iop.summary_es == content_es.LEVELS_ES["iop"]["summary"]
    assert not SuitabilityCriterion.objects.filter(level=iop, text_es="").exists()


def test_fill_spanish_keeps_editors_spanish_and_skips_changed_english():
    iop = TreatmentLevel.objects.get(slug="iop")
    TreatmentLevel.objects.filter(pk=iop.pk).update(
        summary_es="Texto de un editor.",
        description_es="",
        steps_note_es="",
        steps_note="An editor rewrote this.",
    )
    first = iop.criteria.order_by("order").first()
    SuitabilityCriterion.objects.filter(pk=first.pk).update(text_es="")
    filled = fill_spanish(TreatmentLevel, Service, SuitabilityCriterion)
    iop.refresh_from_db()
    first.refresh_from_db()
    assert filled == 2
    assert iop.summary_es == "Texto de un editor."
    assert iop.description_es == content_es.LEVELS_ES["iop"]["description"]
    assert iop.steps_note_es == ""
    assert first.text_es == content_es.LEVELS_ES["iop"]["criteria"][0]
    assert fill_spanish(TreatmentLevel, Service, SuitabilityCriterion) == 0


def test_sync_content_is_idempotent_in_both_languages():
    sync_content(TreatmentLevel, Service, SuitabilityCriterion)
    before = list(SuitabilityCriterion.objects.values_list("text", "text_es"))
    sync_content(TreatmentLevel, Service, SuitabilityCriterion)
    assert list(SuitabilityCriterion.objects.values_list("text", "text_es")) == before


def test_admin_offers_the_spanish_fields(admin_client):
    iop = TreatmentLevel.objects.get(slug="iop")
    page = admin_client.get(f"/admin/programs/treatmentlevel/{iop.pk}/change/")
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    for name in TreatmentLevel.TRANSLATED_FIELDS:
        assert f'name="{name}_es"' in html
    assert 'name="criteria-0-text_es"' in html
    program = make_program()
    html = admin_client.get(f"/admin/programs/program/{program.pk}/change/").content.decode()
    assert 'name="description_es"' in html
    service = Service.objects.first()
    html = admin_client.get(f"/admin/programs/service/{service.pk}/change/").content.decode()
    assert 'name="name_es"' in html
    assert 'name="description_es"' in html
