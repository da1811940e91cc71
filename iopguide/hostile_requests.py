"""Refuse, early and plainly, requests that no page of the site ever sends.

- A NUL byte in an admin filter (``?status__exact=%00``): Django's list filters pass
  their values to the database unchecked, and PostgreSQL refuses NUL in text, so this
  was a 500 with a traceback. The search box (``q``) is a form Django checks itself, and
  public pages read their parameters through forms and converters that already turn NUL
  away (a 404, or the value ignored), so only admin filters are refused here: 400.
- A number too large for the database or for a date (an admin date filter
  ``?created_at__year=99999999999999999999``, a foreign key filter on SQLite) raises
  OverflowError inside Django, where no form checks it first: 400, wherever it happens.
- A multipart body on a public (non-admin) URL: no public form takes files, and browsers
  post them urlencoded. A body with a file part, or larger than a form body may be
  (DATA_UPLOAD_MAX_MEMORY_SIZE, which Django applies to multipart bodies only without
  their files), is a 400 as Django answers an oversized form; one without a length a 411.
  Decided before Django parses anything into memory or temporary files. The admin is
  left alone.

Public refusals are the site's 400 page (with the crisis numbers, in the page's
language); the admin's are a line of plain English for staff.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from http import HTTPStatus

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

logger = logging.getLogger(__name__)

# The admin's search parameter (``?q=``): Django's search form handles NUL itself.
SEARCH_VAR = "q"

# A part's Content-Disposition naming a file, in any spelling the RFCs allow.
FILE_PART = re.compile(rb"^content-disposition:[^\r\n]*;\s*filename\*?\s*=", re.I | re.M)

ADMIN_NUL = (
    "A value in this address contains a NUL character. Go back and choose the filter again."
)
ADMIN_OVERFLOW = "A number in this address is out of range. Go back and choose the filter again."


def nul_in_filters(request: HttpRequest) -> bool:
    """Whether any query parameter but the search box holds a NUL, in its name or value."""
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
        if key != SEARCH_VAR
    )


def has_file_part(body: bytes, boundary: str) -> bool:
    """Whether any part of a multipart body is a file (its headers, not its content)."""
    for part in body.split(b"--" + boundary.encode("latin-1")):
        headers = part.lstrip(b"\r\n").split(b"\r\n\r\n", 1)[0]
        if FILE_PART.search(headers):
            return True
    return False


def multipart_refusal(request: HttpRequest) -> HTTPStatus | None:
    if request.content_type != "multipart/form-data":
        return None
    try:
        length = int(request.META.get("CONTENT_LENGTH") or "")
    except ValueError:
        return HTTPStatus.LENGTH_REQUIRED
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is not None and length > limit:
        return HTTPStatus.BAD_REQUEST
    boundary = (request.content_params or {}).get("boundary", "")
    # Reading the (small) body keeps it for the form: Django then parses it from memory.
    if not boundary or has_file_part(request.body, boundary):
        return HTTPStatus.BAD_REQUEST
    return None


def is_admin(request: HttpRequest) -> bool:
    return request.path_info.startswith(reverse("admin:index"))


def reads_its_own_filters(request: HttpRequest) -> bool:
    """The intake workspace and its exports: they check every parameter and say what
    they ignored (programs/intake/filters.py), so a NUL there gets their message."""
    return request.path_info.startswith(reverse("admin:intake_workspace"))


def refuse(request: HttpRequest, status: HTTPStatus, admin_text: str = "") -> HttpResponse:
    if admin_text and is_admin(request):
        return HttpResponse(admin_text, status=status, content_type="text/plain; charset=utf-8")
    return render(request, "400.html", status=status)


class RefuseHostileRequestsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_admin(request):
            if nul_in_filters(request) and not reads_its_own_filters(request):
                return refuse(request, HTTPStatus.BAD_REQUEST, ADMIN_NUL)
        else:
            status = multipart_refusal(request)
            if status is not None:
                return refuse(request, status)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OverflowError):
            # Logged, in case it ever hides a bug of ours (no path: it may hold a token).
            logger.warning("A number in a request was out of range: %s", exception)
            return refuse(request, HTTPStatus.BAD_REQUEST, ADMIN_OVERFLOW)
        return None
