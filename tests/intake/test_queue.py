from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from programs.intake import services as queue
from programs.models import ContactRequestChange, ContactStatus, QueueRank
from programs.questionnaire.models import queue_rank
from tests.factories.intake import content_user, intake_user, make_response, make_user, share

NY = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("crisis", "status", "notes", "rank"),
    [
        (True, None, False, QueueRank.CRISIS),
        (True, None, True, QueueRank.ROUTINE),
        (True, "new", True, QueueRank.CRISIS),
        (True, "in_progress", False, QueueRank.CRISIS),
        (True, "contacted", False, QueueRank.ROUTINE),
        (True, "closed", False, QueueRank.ROUTINE),
        (False, None, False, QueueRank.ROUTINE),
        (False, "new", False, QueueRank.NEW_REQUEST),
        (False, "new", True, QueueRank.NEW_REQUEST),
        (False, "in_progress", False, QueueRank.ROUTINE),
        (False, "scheduled", False, QueueRank.ROUTINE),
    ],
)
def test_queue_rank(crisis, status, notes, rank):
    assert queue_rank(crisis=crisis, contact_status=status, has_notes=notes) == rank


@pytest.mark.django_db
def test_update_records_each_change_and_ignores_no_ops():
    staff = intake_user()
    contact = share(make_response())
    assert queue.update_contact_request(contact.pk, by=staff, status=ContactStatus.NEW) == []
    changes = queue.update_contact_request(
        contact.pk, by=staff, status=ContactStatus.IN_PROGRESS, assigned_to=staff
    )
    assert [c.kind for c in changes] == ["status", "assignment"]
    assert queue.describe_changes(changes) == f"status New → In progress; assigned to {staff}"
    unassigned = queue.update_contact_request(contact.pk, by=staff, assigned_to=None)
    assert queue.describe_changes(unassigned) == "assigned to nobody"
    contact.refresh_from_db()
    assert contact.assigned_to is None
    assert ContactRequestChange.objects.filter(contact_request=contact).count() == 3


@pytest.mark.django_db
def test_update_refuses_unknown_status_and_stale_expectations():
    staff = intake_user()
    contact = share(make_response())
    with pytest.raises(ValueError, match="Unknown"):
        queue.update_contact_request(contact.pk, by=staff, status="lost")
    with pytest.raises(queue.StaleContactRequest):
        queue.update_contact_request(
            contact.pk, by=staff, status="closed", expected_status=ContactStatus.CONTACTED
        )
    with pytest.raises(queue.StaleContactRequest):
        queue.update_contact_request(contact.pk, by=staff, status="closed", expected_assignee_id=7)
    assert not ContactRequestChange.objects.exists()


@pytest.mark.django_db
def test_notes_need_text():
    response = make_response()
    with pytest.raises(ValueError, match="text"):
        queue.add_note(response, by=intake_user(), text="   ")


@pytest.mark.django_db
def test_queue_staff_are_active_intake_staff_and_superusers():
    ines = intake_user()
    boss = make_user(superuser=True)
    make_user(group="Intake staff", is_active=False)
    editor = content_user()
    plain = make_user()
    assert set(queue.queue_staff()) == {ines, boss}
    assert set(queue.queue_staff(also=[plain.pk, None])) == {ines, boss, plain}
    assert editor not in queue.queue_staff()


@pytest.mark.django_db
def test_summary_counts_overdue_requests_by_their_due_time():
    tuesday_4pm = datetime(2026, 11, 24, 16, 0, tzinfo=NY)
    friday_3pm = tuesday_4pm - timedelta(days=4, hours=1)
    friday_5pm = tuesday_4pm - timedelta(days=3, hours=23)
    for shared, status in [
        (friday_3pm, ContactStatus.NEW),  # due Tuesday 15:00: overdue
        (friday_3pm, ContactStatus.IN_PROGRESS),  # nobody reached them either
        (friday_3pm, ContactStatus.CONTACTED),  # reached: not overdue
        (friday_5pm, ContactStatus.NEW),  # due Tuesday 17:00
    ]:
        share(make_response(), created_at=shared, status=status)
    make_response(danger_now=["overdose_signs"])  # now, i.e. after tuesday_4pm
    summary = queue.queue_summary(now=tuesday_4pm)
    assert summary.overdue == 2
    assert summary.new_requests == 2
    assert summary.recent_crisis == 1


@pytest.mark.django_db
def test_holidays_do_not_count_towards_the_due_time(settings):
    # Thanksgiving 2026 is Thursday 26 November.
    friday_10am = datetime(2026, 11, 27, 10, 0, tzinfo=NY)
    tuesday_11am = datetime(2026, 11, 24, 11, 0, tzinfo=NY)
    # Tuesday 13 hours, Wednesday, Friday 11 hours: due Friday 11:00 with Thanksgiving off.
    thanksgiving_off = share(make_response(), created_at=tuesday_11am)
    assert thanksgiving_off.due_at == datetime(2026, 11, 27, 11, 0, tzinfo=NY)
    assert queue.queue_summary(now=friday_10am).overdue == 0
    settings.INTAKE_FEDERAL_HOLIDAYS = False
    working = share(make_response(), created_at=tuesday_11am)
    assert working.due_at == datetime(2026, 11, 26, 11, 0, tzinfo=NY)
    assert queue.queue_summary(now=friday_10am).overdue == 1
    # The team's own closures count as days off too. A due time, once set, stays.
    settings.INTAKE_CLOSED_DAYS = [date(2026, 11, 25)]
    closed = share(make_response(), created_at=tuesday_11am)
    assert closed.due_at == datetime(2026, 11, 27, 11, 0, tzinfo=NY)
    assert queue.queue_summary(now=friday_10am).overdue == 1
