# Due times for existing contact requests, the crisis acknowledgement in the access log,
# and the queue's index for its new order (crisis first, then due soonest, then newest).

from datetime import timedelta

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

from programs.intake.business_days import ClosedDays, business_time_after

BATCH = 500
# Nobody has reached the person yet (programs/questionnaire/models.py, as of this migration).
NOT_REACHED = ("new", "in_progress")


def fill_due_times(apps, schema_editor):
    """Give every contact request without one its due time, and copy it to its response
    while nobody has reached the person: the same rule as the services, with today's
    settings (INTAKE_DUE_BUSINESS_HOURS, the closed days)."""
    ContactRequest = apps.get_model("programs", "ContactRequest")
    Response = apps.get_model("programs", "Response")
    duration = timedelta(hours=settings.INTAKE_DUE_BUSINESS_HOURS)
    closed = ClosedDays(settings.INTAKE_CLOSED_DAYS, federal=settings.INTAKE_FEDERAL_HOLIDAYS)
    last_pk = 0
    while True:
        # Keyset batches: each reads on from the last primary key, never the whole table.
        contacts = list(
            ContactRequest.objects.filter(pk__gt=last_pk, due_at__isnull=True)
            .order_by("pk")
            .only("pk", "response_id", "created_at", "status")[:BATCH]
        )
        if not contacts:
            return
        responses = []
        for contact in contacts:
            contact.due_at = business_time_after(
                timezone.localtime(contact.created_at), duration, closed
            )
            if contact.status in NOT_REACHED:
                responses.append(Response(pk=contact.response_id, due_at=contact.due_at))
        ContactRequest.objects.bulk_update(contacts, ["due_at"])
        Response.objects.bulk_update(responses, ["due_at"])
        last_pk = contacts[-1].pk


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0016_due_acknowledged_drafts"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="action",
            field=models.CharField(
                choices=[
                    ("viewed", "Viewed a response"),
                    ("exported", "Exported"),
                    ("contact_changed", "Changed status or assignment"),
                    ("note_added", "Added a note"),
                    ("call_logged", "Logged a call"),
                    ("crisis_acknowledged", "Acknowledged a crisis response"),
                    ("deleted", "Deleted"),
                    ("purged", "Purged expired responses"),
                ],
                db_index=True,
                max_length=20,
            ),
        ),
        migrations.RemoveIndex(
            model_name="response",
            name="response_queue_order",
        ),
        migrations.AddIndex(
            model_name="response",
            index=models.Index(
                models.OrderBy(
                    models.Case(
                        models.When(queue_rank=2, then=models.Value(1)),
                        default=models.Value(0),
                        output_field=models.IntegerField(),
                    ),
                    descending=True,
                ),
                models.OrderBy(models.F("due_at")),
                models.OrderBy(models.F("created_at"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                name="response_queue_order",
            ),
        ),
        migrations.AddIndex(
            model_name="response",
            index=models.Index(
                models.OrderBy(models.F("due_at")),
                models.OrderBy(models.F("created_at"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                name="response_due",
            ),
        ),
        # Last, after the schema changes. Reversing leaves the due times: their columns
        # go with 0016.
        migrations.RunPython(fill_due_times, migrations.RunPython.noop, elidable=True),
    ]
