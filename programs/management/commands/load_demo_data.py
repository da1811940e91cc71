from django.core.management.base import BaseCommand
from django.db import transaction

from programs.directory.demo import DEMO_PROGRAMS, load_demo_programs


class Command(BaseCommand):
    help = "Load the example programs that show how the directory works (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be written, change nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        with transaction.atomic():
            result = load_demo_programs()
            if dry_run:
                transaction.set_rollback(True)
        for line in result.skipped:
            self.stderr.write(self.style.WARNING(f"Skipped {line}"))
        verb = "Would load" if dry_run else "Loaded"
        self.stdout.write(
            f"{verb} {len(DEMO_PROGRAMS) - len(result.skipped)} example programs: "
            f"{result.created} created, {result.updated} updated, {result.removed} removed."
        )
