from django.core.management.base import BaseCommand
from django.db import transaction

from programs.core import caching
from programs.guides.loading import sync_pages
from programs.guides.models import GuidePage, GuideSection
from programs.helplines.loading import sync_helplines
from programs.helplines.models import Helpline
from programs.levels.loading import sync_content
from programs.levels.models import Service, SuitabilityCriterion, TreatmentLevel


class Command(BaseCommand):
    help = (
        "Reset the levels of care, services, criteria, helplines and help-and-facts pages "
        "(both languages) to the shipped text."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be written, change nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        with transaction.atomic():
            counts = sync_content(TreatmentLevel, Service, SuitabilityCriterion)
            helplines = sync_helplines(Helpline)
            counts |= sync_pages(GuidePage, GuideSection, TreatmentLevel)
            # Criteria are written with bulk_create, which sends no signals. On commit only:
            # a dry run rolls back, and the bump with it.
            caching.content_changed()
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would load" if dry_run else "Loaded"
        self.stdout.write(
            f"{verb} {counts['levels']} levels, {counts['services']} services, "
            f"{counts['criteria']} criteria, {helplines} helplines and {counts['pages']} "
            f"help-and-facts pages ({counts['sections']} sections)."
        )
