"""The benchmark's baseline: the cheapest answer this stack can give (see `make bench`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET


@require_GET
def baseline(request: HttpRequest) -> HttpResponse:
    """A constant short answer through the full middleware stack, without the database."""
    return HttpResponse("baseline", content_type="text/plain")
