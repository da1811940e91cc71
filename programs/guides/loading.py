"""Loads the shipped help-and-facts pages (programs/guides/content) into the database."""

from __future__ import annotations

import datetime
from typing import Any

from programs.guides import content


def sync_pages(page_model: Any, section_model: Any, level_model: Any) -> dict[str, int]:
    """Create or update every shipped page and its sections (both languages); return counts.

    Call inside a transaction: a page's sections are deleted and written again (the content
    modules are their source of truth), with `bulk_create`, which sends no signals, so a
    caller on the live models also calls `caching.content_changed()`. Data migrations pass
    historical models.
    """
    levels = {level.slug: level for level in level_model.objects.all()}
    sections = 0
    for order, english in enumerate(content.pages(), start=1):
        spanish = content.spanish(english["slug"])
        page, _ = page_model.objects.update_or_create(
            slug=english["slug"],
            defaults={
                "title": english["title"],
                "summary": english["summary"],
                "reviewed_on": datetime.date.fromisoformat(english["reviewed_on"]),
                "sources": "\n".join(english["sources"]),
                "order": order,
                "title_es": spanish.get("title", ""),
                "summary_es": spanish.get("summary", ""),
            },
        )
        page.levels.set([levels[slug] for slug in english.get("levels", []) if slug in levels])
        page.sections.all().delete()
        translated = spanish.get("sections", [])
        if len(translated) != len(english["sections"]):
            translated = [{}] * len(english["sections"])
        section_model.objects.bulk_create(
            section_model(
                page=page,
                order=number,
                heading=section["heading"],
                body=section["body"],
                heading_es=other.get("heading", ""),
                body_es=other.get("body", ""),
            )
            for number, (section, other) in enumerate(
                zip(english["sections"], translated, strict=True), start=1
            )
        )
        sections += len(english["sections"])
    return {"pages": len(content.SLUGS), "sections": sections}
