import pytest
from django.db import IntegrityError, transaction

from programs.models import ContactRequest, Response, TreatmentLevel
from programs.questionnaire import models as responses_module
from tests.factories.questionnaire import answers

pytestmark = pytest.mark.django_db


def test_record_stores_the_suggestion_with_the_answers():
    stored = Response.objects.record(answers(substances=["alcohol"], frequency="daily"))
    assert stored.pk
    assert stored.suggested_level == TreatmentLevel.objects.get(slug=stored.suggested_level.slug)
    assert "do_not_stop_abruptly" in stored.flags
    assert set(stored.area_scores) == {"1", "2", "3", "4", "5", "6"}
    assert stored.reasons
    assert all(set(r) == {"area", "text"} for r in stored.reasons)


def test_record_refuses_invalid_answers_and_stores_nothing():
    with pytest.raises(ValueError, match="frequency"):
        Response.objects.record(answers(frequency="hourly"))
    assert Response.objects.count() == 0


def test_reference_codes_use_the_unambiguous_alphabet_and_tokens_are_long():
    stored = Response.objects.record(answers())
    assert len(stored.reference_code) == 8
    assert set(stored.reference_code) <= set(responses_module.REFERENCE_ALPHABET)
    assert not set(stored.reference_code) & set("01OIL5S")
    assert len(stored.public_token) >= 32


def test_reference_code_collision_is_retried(monkeypatch):
    first = Response.objects.record(answers())
    codes = iter([first.reference_code, first.reference_code, "ABCDEFGH"])
    monkeypatch.setattr(responses_module, "new_reference_code", lambda: next(codes))
    second = Response.objects.record(answers())
    assert second.reference_code == "ABCDEFGH"
    assert Response.objects.count() == 2


def test_reference_code_gives_up_after_repeated_collisions(monkeypatch):
    first = Response.objects.record(answers())
    monkeypatch.setattr(responses_module, "new_reference_code", lambda: first.reference_code)
    with pytest.raises(IntegrityError, match="unique reference code"):
        Response.objects.record(answers())
    assert Response.objects.count() == 1


def test_crisis_response_has_no_level_and_the_database_enforces_it():
    stored = Response.objects.record(answers(danger_now=["harm_others"]))
    assert stored.crisis
    assert stored.suggested_level is None
    stored.suggested_level = TreatmentLevel.objects.get(slug="iop")
    with pytest.raises(IntegrityError), transaction.atomic():
        stored.save()


def test_no_ip_or_user_agent_fields_are_stored():
    names = {f.name for f in Response._meta.get_fields()}
    names |= {f.name for f in ContactRequest._meta.get_fields()}
    assert not {n for n in names if "ip" in n.split("_") or "agent" in n}


def test_contact_request_requires_consent_and_a_way_to_reach():
    stored = Response.objects.record(answers())
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactRequest.objects.create(response=stored, consent=False, name="A", phone="5550100")
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactRequest.objects.create(response=stored, consent=True, name="A")


@pytest.mark.parametrize(
    "typed", ["ABCD2346", "abcd2346", "ABCD-2346", " abcd 2346 ", "AB-CD\t23-46"]
)
def test_a_reference_code_is_read_back_the_same_however_it_is_typed(typed):
    assert responses_module.normalise_reference_code(typed) == "ABCD2346"
