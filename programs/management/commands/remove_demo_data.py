from django.core.management.base import BaseCommand

from programs.directory.demo import remove_demo_programs


class Command(BaseCommand):
    help = "Delete every example program, and the listing reports about them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be deleted, delete nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        programs, reports = remove_demo_programs(dry_run=dry_run)
        verb = "Would remove" if dry_run else "Removed"
        self.stdout.write(
            f"{verb} {programs} example program{'s' if programs != 1 else ''} "
            f"and {reports} listing report{'s' if reports != 1 else ''} about them."
        )
