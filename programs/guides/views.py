"""The help-and-facts pages, and the list of them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from programs.guides.models import GuidePage
from programs.guides.rendering import render_body


@require_GET
def guide(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(GuidePage.objects.with_sections(), slug=slug)
    # Anchors by position: two sections an editor gave the same order still get their own.
    sections = [
        {
            "anchor": f"section-{number}",
            "heading": section.local.heading,
            "body": render_body(section.local.body),
        }
        for number, section in enumerate(page.sections.all(), start=1)
    ]
    return render(request, "programs/guides/guide.html", {"page": page, "sections": sections})


@require_GET
def guide_list(request: HttpRequest) -> HttpResponse:
    return render(request, "programs/guides/guide_list.html")
