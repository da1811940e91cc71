"""Queue the intake team's daily digest of overdue contact requests."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from programs.intake import notifications, tasks


class Command(BaseCommand):
    help = (
        "Queue an email to INTAKE_NOTIFY_EMAILS with the count and reference codes of "
        "contact requests overdue for a first contact; the task worker sends it."
    )

    def handle(self, *args, **options) -> None:
        if not notifications.recipients():
            self.stdout.write("INTAKE_NOTIFY_EMAILS is empty: no digest queued.")
            return
        # Counted again when the worker sends it, so the mail is as fresh as can be.
        overdue = notifications.overdue_requests()
        if not overdue.total:
            self.stdout.write("No overdue contact requests: no digest queued.")
            return
        tasks.send_overdue_digest.enqueue()
        self.stdout.write(
            f"Queued the overdue digest ({overdue.total} overdue contact "
            f"{'request' if overdue.total == 1 else 'requests'}) for the task worker."
        )
