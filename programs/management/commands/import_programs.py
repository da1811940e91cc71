from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction
from django.utils import timezone

from programs.directory.importers import (
    PROGRESS_EVERY,
    ImportFileError,
    guess_format,
    parse_text,
    read_file,
    save_rows,
)


class Command(BaseCommand):
    help = "Import programs from a FindTreatment.gov JSON export or spreadsheet CSV."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The exported .json or .csv file.")
        parser.add_argument(
            "--format",
            choices=["json", "csv"],
            dest="file_format",
            help="The file's format; guessed from its name or content when left out.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report, save nothing."
        )

    def handle(self, *args, file: Path, file_format: str | None, dry_run: bool, **options):
        verbosity = options.get("verbosity", 1)
        try:
            text = read_file(file)
            file_format = file_format or guess_format(file, text)
            parsed = parse_text(text, file_format)
        except ImportFileError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from None
        for warning in parsed.warnings:
            self.stderr.write(self.style.WARNING(warning))

        def progress(done: int, total: int) -> None:
            if verbosity >= 1:
                self.stdout.write(f"… {done:,} of {total:,} rows")

        try:
            with transaction.atomic():
                summary = save_rows(
                    parsed.rows,
                    today=timezone.localdate(),
                    progress=progress,
                    progress_every=PROGRESS_EVERY,
                )
                if dry_run:
                    transaction.set_rollback(True)
        except DatabaseError as exc:
            raise CommandError(
                f"The database refused the import ({exc}). Nothing was imported."
            ) from None

        for row in summary.skipped:
            self.stdout.write(self.style.WARNING(f"{row.label}: skipped: it {row.error}."))
        if summary.notes and verbosity >= 2:
            for note in summary.notes:
                self.stdout.write(f"{note}.")
        elif summary.notes:
            self.stdout.write(
                f"{len(summary.notes)} value{'s' if len(summary.notes) != 1 else ''} could not "
                "be used and were left out (run with -v 2 to list them)."
            )
        for row in summary.without_point:
            self.stdout.write(
                self.style.WARNING(
                    f"{row.label}: no map point: no usable latitude and longitude, and "
                    "no known ZIP code. It will not show in distance searches."
                )
            )
        if summary.points:
            self.stdout.write(summary.points_line())
        self.stdout.write(summary.line(parsed.format, dry_run=dry_run))
