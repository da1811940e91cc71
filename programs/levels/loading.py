"""Loads the content in programs.content (and its Spanish in programs.content_es) into the
database, idempotently."""

from __future__ import annotations

from typing import Any

from programs.levels import content, content_es

SPANISH_SUFFIX = "_es"


def _field_names(model: Any) -> set[str]:
    # A data migration passes historical models: write only the fields they have, so
    # content added for later fields does not break an old migration.
    return {f.name for f in model._meta.get_fields() if getattr(f, "concrete", False)}


def _known_fields(model: Any, values: dict[str, Any]) -> dict[str, Any]:
    names = _field_names(model)
    return {k: v for k, v in values.items() if k in names and k not in {"slug", "services"}}


def _level_fields(model: Any, values: dict[str, Any]) -> dict[str, Any]:
    fields = _known_fields(model, values)
    # Before migration 0021 a level's telehealth was a yes or a no (0002 loads with that model).
    if "telehealth_possible" in _field_names(model):
        fields["telehealth_possible"] = values["telehealth"] != "rarely"
    return fields


def _spanish_fields(model: Any, values: dict[str, Any]) -> dict[str, Any]:
    """`<field>_es` values from a Spanish record, for the fields the model has."""
    names = _field_names(model)
    return {
        f"{k}{SPANISH_SUFFIX}": v
        for k, v in values.items()
        if f"{k}{SPANISH_SUFFIX}" in names and isinstance(v, str)
    }


def _spanish_criteria(slug: str, count: int) -> list[str]:
    """The Spanish criteria of a level, in the English order; empty if they do not line up."""
    spanish = content_es.LEVELS_ES.get(slug, {}).get("criteria", [])
    return list(spanish) if len(spanish) == count else []


def sync_content(level_model: Any, service_model: Any, criterion_model: Any) -> dict[str, int]:
    """Create or update the levels, services and criteria; return counts of what was written.

    Call inside a transaction: a level's criteria are deleted and written again. The
    criteria go in with `bulk_create`, which sends no signals, so a caller working on the
    live models calls `caching.content_changed()` in the same transaction (`load_content`
    does); data migrations pass historical models and leave the page cache alone.
    """
    services = {}
    for item in content.SERVICES:
        defaults = _known_fields(service_model, item)
        defaults |= _spanish_fields(service_model, content_es.SERVICES_ES.get(item["slug"], {}))
        service, _ = service_model.objects.update_or_create(slug=item["slug"], defaults=defaults)
        services[service.slug] = service

    criteria_count = 0
    with_spanish = "text_es" in _field_names(criterion_model)
    for item in content.LEVELS:
        defaults = _level_fields(level_model, item)
        defaults |= _spanish_fields(level_model, content_es.LEVELS_ES.get(item["slug"], {}))
        level, _ = level_model.objects.update_or_create(slug=item["slug"], defaults=defaults)
        level.services.set([services[slug] for slug in item["services"]])
        # Criteria have no natural key: the content module is their source of truth.
        level.criteria.all().delete()
        spanish = _spanish_criteria(item["slug"], len(item["criteria"])) if with_spanish else []
        criteria = []
        for order, (kind, area, text) in enumerate(item["criteria"], start=1):
            criterion = criterion_model(level=level, kind=kind, area=area, text=text, order=order)
            if spanish:
                criterion.text_es = spanish[order - 1]
            criteria.append(criterion)
        criterion_model.objects.bulk_create(criteria)
        criteria_count += len(item["criteria"])
    return {
        "levels": len(content.LEVELS),
        "services": len(services),
        "criteria": criteria_count,
    }


def fill_spanish(level_model: Any, service_model: Any, criterion_model: Any) -> int:
    """Fill empty Spanish fields whose English is still the shipped text; return how many.

    For databases loaded before the Spanish columns existed. It never overwrites Spanish
    an editor wrote, nor translates English an editor changed (that Spanish would no
    longer match): those fields stay empty and the pages fall back to the English.
    """
    filled = 0

    def fill(obj: Any, english: dict[str, Any], spanish: dict[str, Any]) -> None:
        nonlocal filled
        changed = []
        for field, value in _spanish_fields(type(obj), spanish).items():
            source = field.removesuffix(SPANISH_SUFFIX)
            if not getattr(obj, field) and getattr(obj, source) == english.get(source):
                setattr(obj, field, value)
                changed.append(field)
        if changed:
            obj.save(update_fields=changed)
            filled += len(changed)

    for item in content.SERVICES:
        for service in service_model.objects.filter(slug=item["slug"]):
            fill(service, item, content_es.SERVICES_ES.get(item["slug"], {}))
    for item in content.LEVELS:
        spanish = content_es.LEVELS_ES.get(item["slug"], {})
        for level in level_model.objects.filter(slug=item["slug"]):
            fill(level, item, spanish)
            translations = _spanish_criteria(item["slug"], len(item["criteria"]))
            by_order = {c.order: c for c in criterion_model.objects.filter(level=level)}
            for order, ((_kind, _area, text), text_es) in enumerate(
                zip(item["criteria"], translations, strict=False), start=1
            ):
                criterion = by_order.get(order)
                if criterion is not None:
                    fill(criterion, {"text": text}, {"text": text_es})
    return filled


def shipped_texts() -> dict[str, str]:
    """Every text field the content ships, keyed "service|slug|field", "level|slug|field" or
    "criterion|slug|order|field" (Spanish fields end in ``_es``)."""
    texts: dict[str, str] = {}
    for item in content.SERVICES:
        service_es = content_es.SERVICES_ES.get(item["slug"], {})
        for field in ("name", "description"):
            texts[f"service|{item['slug']}|{field}"] = item[field]
            if field in service_es:
                texts[f"service|{item['slug']}|{field}{SPANISH_SUFFIX}"] = service_es[field]
    for item in content.LEVELS:
        spanish = content_es.LEVELS_ES.get(item["slug"], {})
        for field, value in item.items():
            if isinstance(value, str) and field != "slug":
                texts[f"level|{item['slug']}|{field}"] = value
            value_es = spanish.get(field)
            if isinstance(value_es, str):
                texts[f"level|{item['slug']}|{field}{SPANISH_SUFFIX}"] = value_es
        translations = _spanish_criteria(item["slug"], len(item["criteria"]))
        for order, (_kind, _area, text) in enumerate(item["criteria"], start=1):
            texts[f"criterion|{item['slug']}|{order}|text"] = text
            if translations:
                texts[f"criterion|{item['slug']}|{order}|text{SPANISH_SUFFIX}"] = translations[
                    order - 1
                ]
    return texts


def refresh_unedited(
    level_model: Any, service_model: Any, criterion_model: Any, previous: dict[str, str]
) -> int:
    """Bring fields that still hold an earlier release's text (`previous`, keyed as
    `shipped_texts`) up to today's shipped text; return how many fields changed.

    For content corrections in a data migration: a field an editor changed in the admin no
    longer equals the old text and is left alone.
    """
    current = shipped_texts()
    changed = 0

    def refresh(obj: Any, prefix: str) -> None:
        nonlocal changed
        fields = []
        for field in _field_names(type(obj)):
            key = f"{prefix}|{field}"
            old, new = previous.get(key), current.get(key)
            if old is not None and new is not None and old != new and getattr(obj, field) == old:
                setattr(obj, field, new)
                fields.append(field)
        if fields:
            obj.save(update_fields=fields)
            changed += len(fields)

    for service in service_model.objects.all():
        refresh(service, f"service|{service.slug}")
    for level in level_model.objects.all():
        refresh(level, f"level|{level.slug}")
        for criterion in criterion_model.objects.filter(level=level):
            refresh(criterion, f"criterion|{level.slug}|{criterion.order}")
    return changed
