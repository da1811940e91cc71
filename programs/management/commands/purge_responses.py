"""Delete questionnaire responses past the retention period."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from programs.core import ratelimit
from programs.intake import audit, drafts, services
from programs.intake.models import AuditAction, CallAttempt, StaffNote
from programs.questionnaire.models import OPEN_STATUSES, ContactRequest, Response


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def positive_days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        raise CommandError(f"--older-than must be a whole number of days; got {value!r}") from None
    if days < 1:
        raise CommandError(f"--older-than must be at least 1 day; got {days}")
    return days


# Responses deleted per statement (see intake.services.purge_responses).
BATCH = services.PURGE_BATCH


class Command(BaseCommand):
    help = (
        "Delete responses (with their contact requests, notes and call attempts) older than "
        "RESPONSE_RETENTION_DAYS, except those whose contact request is still open; "
        "and rate-limit counters whose window is over."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=str,
            metavar="DAYS",
            help="Age in days instead of the RESPONSE_RETENTION_DAYS setting.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be deleted; delete nothing."
        )

    def handle(self, *args, older_than: str | None = None, dry_run: bool = False, **options):
        if older_than is None:
            days = settings.RESPONSE_RETENTION_DAYS
            if days < 1:
                raise CommandError("RESPONSE_RETENTION_DAYS must be at least 1.")
        else:
            days = positive_days(older_than)
        cutoff = timezone.now() - timedelta(days=days)
        with transaction.atomic():
            expired = Response.objects.expired(cutoff)
            kept = Response.objects.filter(
                created_at__lt=cutoff, contact_request__status__in=OPEN_STATUSES
            ).count()
            if dry_run:
                codes = list(expired.values_list("reference_code", flat=True))
                contacts = ContactRequest.objects.filter(response__in=expired).count()
                notes = StaffNote.objects.filter(response__in=expired).count()
                calls = CallAttempt.objects.filter(response__in=expired).count()
            else:
                purged = services.purge_responses(expired, batch=BATCH)
                codes, contacts = purged.codes, purged.contacts
                notes, calls = purged.notes, purged.calls
                audit.record_command(
                    "purge_responses",
                    AuditAction.PURGED,
                    codes,
                    detail=(
                        f"older than {days} days, with {contacts} contact requests, "
                        f"{notes} notes and {calls} call attempts; kept {kept} with an open "
                        "contact request"
                    ),
                )

        verb = "Would delete" if dry_run else "Deleted"
        local_cutoff = timezone.localtime(cutoff).strftime("%Y-%m-%d %H:%M %Z")
        self.stdout.write(
            f"{verb} {plural(len(codes), 'response')} received before {local_cutoff} "
            f"({days} days), with {plural(contacts, 'contact request')}, "
            f"{plural(notes, 'staff note')} and {plural(calls, 'call attempt')}; "
            f"kept {plural(kept, 'older response')} whose contact request is still open."
        )
        if not dry_run:
            # Finished rate-limit windows (hashed client keys and counts, nothing else).
            counters = ratelimit.delete_expired()
            if counters:
                self.stdout.write(f"Deleted {plural(counters, 'finished rate-limit counter')}.")
        # Unsent note drafts (kept over an idle sign-out) nobody came back for.
        old_drafts = drafts.expired().count() if dry_run else drafts.purge()
        self.stdout.write(
            f"{verb} {plural(old_drafts, 'note draft')} untouched for "
            f"{settings.NOTE_DRAFT_MAX_AGE_DAYS} days."
        )
