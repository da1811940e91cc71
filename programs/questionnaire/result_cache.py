"""A result page rendered once per response, language and address, then reused.

What a person's result page shows never changes after their answers are stored, except
whether they shared their details. So the page's bytes are kept in this process's memory
(its own "results" cache: a few hundred pages for two minutes), under a hash of the result
token, one entry per token holding the variants by content version, language,
shared-or-not, scheme and host. A variant is served only after the database has
confirmed, in one small query, that the response still exists and whether it was shared:
a deleted or expired response is never shown again, and a page is never served for another
token or language (the token and language pick the entry).

Deleting one's answers drops this process's entry at once (`forget`); another process's
copy can no longer be reached from that moment (the check above fails first) and leaves
its memory within RESULT_CACHE_SECONDS. A page is kept only under the page cache's own
rules (`caching.storable`): a plain 200 with no cookie, no message and no CSRF token in
it. Visitors with a session or pending messages, and processes with the page cache off,
always get a freshly rendered page.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from programs.core import caching
from programs.questionnaire.models import ContactRequest, Response

__all__ = ["forget", "lookup", "page", "remember"]

RESULTS = "results"  # the cache alias (iopguide/settings.py)


def lookup(token: str) -> bool | None:
    """Whether the response was shared; None when there is no response with this token."""
    # Plain SQL: this one query is most of a cached visit's cost, and building it through
    # the ORM took three times as long as running it.
    quote = connection.ops.quote_name
    response, contact = Response._meta, ContactRequest._meta
    sql = (
        f"SELECT EXISTS (SELECT 1 FROM {quote(contact.db_table)} c"
        f" WHERE c.{quote(contact.get_field('response').column)} = r.{quote(response.pk.column)})"
        f" FROM {quote(response.db_table)} r"
        f" WHERE r.{quote(response.get_field('public_token').column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [token])
        row = cursor.fetchone()
    return None if row is None else bool(row[0])


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _variant(request: HttpRequest, shared: bool) -> tuple[str, ...] | None:
    version = caching.content_version()
    if version is None:
        return None
    return (
        version,
        translation.get_language() or settings.LANGUAGE_CODE,
        "shared" if shared else "not-shared",
        request.scheme or "http",
        request.get_host(),
    )


def page(request: HttpRequest, token: str, shared: bool) -> bytes | None:
    """The stored page for this token and variant, if this process has it."""
    variant = _variant(request, shared)
    entry = caches[RESULTS].get(_key(token))
    if variant is None or not entry:
        return None
    return entry.get(variant)


def remember(request: HttpRequest, token: str, shared: bool, response: HttpResponse) -> None:
    """Keep a freshly rendered page for the next request of the same variant."""
    variant = _variant(request, shared)
    stored = caching.storable(request, response)
    # One piece of text: a page with a CSRF token in it would hand one visitor's to others.
    if variant is None or stored is None or len(stored[1]) != 1:
        return
    cache = caches[RESULTS]
    key = _key(token)
    entry = cache.get(key) or {}
    # Only the current content version's variants are worth keeping.
    entry = {v: html for v, html in entry.items() if v[0] == variant[0]}
    entry[variant] = stored[1][0]
    cache.set(key, entry, timeout=settings.RESULT_CACHE_SECONDS)


def forget(token: str) -> None:
    """Drop every stored variant of this token's page (its person deleted the answers)."""
    caches[RESULTS].delete(_key(token))
