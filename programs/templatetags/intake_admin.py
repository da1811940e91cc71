"""The admin home page's intake counts and retention note."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse

from programs.intake.admin import shared
from programs.intake.models import AuditAction, AuditEntry
from programs.intake.services import queue_summary

register = template.Library()


@register.inclusion_tag("admin/programs/intake_summary.html", takes_context=True)
def intake_summary(context: template.Context) -> dict:
    """Counts for people who may see responses; nothing (no queries) for anyone else."""
    request = context["request"]
    user = request.user
    if not user.has_perm("programs.view_response"):
        return {"show": False}
    summary = queue_summary()
    queue_url = reverse("admin:intake_workspace")

    def filtered(**params: str) -> str:
        """The workspace filtered to exactly what a count counts."""
        return f"{queue_url}?{urlencode(params)}"

    last_purge = None
    if user.is_superuser:
        last_purge = AuditEntry.objects.filter(action=AuditAction.PURGED).order_by("-at").first()
    return {
        "show": True,
        "cards": [
            {
                "count": summary.new_requests,
                "label": "new contact requests",
                "url": filtered(status="new"),
                "urgent": False,
            },
            {
                "count": summary.recent_crisis,
                "label": "crisis responses in the last 7 days",
                "url": filtered(queue="crisis_recent"),
                "urgent": summary.recent_crisis > 0,
            },
            {
                "count": summary.overdue,
                "label": "requests overdue (nobody reached by their due time)",
                "url": filtered(due="overdue"),
                "urgent": summary.overdue > 0,
            },
        ],
        "queue_url": queue_url,
        "is_superuser": user.is_superuser,
        "retention_days": settings.RESPONSE_RETENTION_DAYS,
        "last_purge": last_purge,
    }


@register.filter
def staff_time(moment: datetime | None) -> str:
    """A moment as every staff page writes it: "Wed 2 Dec 15:57" (shared.staff_time)."""
    return shared.staff_time(moment) if moment else ""
