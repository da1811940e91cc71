"""Example programs that show how the directory works, clearly marked as made up.

The listings themselves are in `listings` (with their times written through `week`).
`load_demo_programs` is idempotent: it matches on the slug and the demo flag, and removes
example programs that are no longer in the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from programs.core import caching
from programs.directory.demo.listings import DEMO_PROGRAMS, SPANISH_DESCRIPTIONS, area_code
from programs.directory.models import ListingReport, Program
from programs.levels.models import TreatmentLevel

__all__ = [
    "DEMO_PROGRAMS",
    "SLUG_PREFIX",
    "SPANISH_DESCRIPTIONS",
    "DemoResult",
    "demo_slug",
    "load_demo_programs",
    "remove_demo_programs",
]

SLUG_PREFIX = "example-"
# What each listing holds besides the Program's own columns.
_NOT_COLUMNS = frozenset({"features", "level", "verified_days_ago", "sessions", "area"})


@dataclass
class DemoResult:
    created: int = 0
    updated: int = 0
    removed: int = 0
    skipped: list[str] = field(default_factory=list)


def demo_slug(name: str) -> str:
    return f"{SLUG_PREFIX}{slugify(name)}"


def _contact(index: int, area: str, slug: str) -> dict[str, str]:
    number = f"{area}-555-01{index:02d}"
    return {"phone": number, "intake_phone": number, "website": f"https://example.org/{slug}"}


@transaction.atomic
def load_demo_programs(today: date | None = None) -> DemoResult:
    """Create or update every example program, and remove example programs no longer listed."""
    today = today or timezone.localdate()
    levels = {level.slug: level for level in TreatmentLevel.objects.all()}
    result = DemoResult()
    # Retired examples go first, so a renamed one cannot clash with its new entry.
    stale = Program.objects.demo().exclude(slug__in=[demo_slug(i["name"]) for i in DEMO_PROGRAMS])
    result.removed = stale.count()
    stale.delete()
    for index, item in enumerate(DEMO_PROGRAMS):
        slug = demo_slug(item["name"])
        level = levels.get(item["level"])
        if level is None:
            result.skipped.append(f"{item['name']}: the level {item['level']!r} is missing")
            continue
        existing = Program.objects.filter(slug=slug).first()
        if existing is not None and not existing.is_demo:
            result.skipped.append(f"{item['name']}: a real program already uses {slug!r}")
            continue
        values = {key: value for key, value in item.items() if key not in _NOT_COLUMNS}
        values.update(_contact(index, area_code(item), slug))
        values["description_es"] = SPANISH_DESCRIPTIONS.get(item["name"], "")
        values.update(
            level=level,
            organisation="",
            is_demo=True,
            last_verified=today - timedelta(days=item["verified_days_ago"]),
        )
        program = existing or Program(slug=slug)
        for key, value in values.items():
            setattr(program, key, value)
        try:
            with transaction.atomic():
                program.save()
                program.replace_features(item["features"])
        except IntegrityError:
            result.skipped.append(f"{item['name']}: a real program has the same name and place")
            continue
        if existing is None:
            result.created += 1
        else:
            result.updated += 1
    caching.content_changed()
    return result


@transaction.atomic
def remove_demo_programs(*, dry_run: bool = False) -> tuple[int, int]:
    """Delete every example program and the reports about them; return both counts."""
    programs = Program.objects.demo()
    counts = (programs.count(), ListingReport.objects.filter(program__is_demo=True).count())
    if not dry_run:
        programs.delete()
        caching.content_changed()
    return counts
