"""Loads the content in programs.content into the database, idempotently."""

from __future__ import annotations

from typing import Any

from . import content


def _known_fields(model: Any, values: dict[str, Any]) -> dict[str, Any]:
    # A data migration passes historical models: write only the fields they have, so
    # content added for later fields does not break an old migration.
    names = {f.name for f in model._meta.get_fields() if getattr(f, "concrete", False)}
    return {k: v for k, v in values.items() if k in names and k not in {"slug", "services"}}


def sync_content(level_model: Any, service_model: Any, criterion_model: Any) -> dict[str, int]:
    """Create or update the levels, services and criteria; return counts of what was written."""
    services = {}
    for item in content.SERVICES:
        service, _ = service_model.objects.update_or_create(
            slug=item["slug"], defaults=_known_fields(service_model, item)
        )
        services[service.slug] = service

    criteria_count = 0
    for item in content.LEVELS:
        level, _ = level_model.objects.update_or_create(
            slug=item["slug"], defaults=_known_fields(level_model, item)
        )
        level.services.set([services[slug] for slug in item["services"]])
        # Criteria have no natural key: the content module is their source of truth.
        level.criteria.all().delete()
        criterion_model.objects.bulk_create(
            criterion_model(level=level, kind=kind, area=area, text=text, order=order)
            for order, (kind, area, text) in enumerate(item["criteria"], start=1)
        )
        criteria_count += len(item["criteria"])
    return {
        "levels": len(content.LEVELS),
        "services": len(services),
        "criteria": criteria_count,
    }
