"""Rendered public pages, cached per process and invalidated when content changes.

`cache_public_page` wraps a view. A GET from a visitor without a session or pending
messages is answered from the per-process "pages" cache when it can be; otherwise the
view runs and a plain 200 answer is stored. The key holds everything a page may differ
by: the content version, the active language, scheme, host, full path with its query
string, and today's date (listings say how long ago they were verified).

Never stored or served from here: other methods, requests with a session cookie (staff,
or a visitor whose messages sit in the session) or a messages cookie, answers that are
not 200, that set cookies or headers such as `Cache-Control` or `Vary`, and views that
are not wrapped (questionnaire, results, sharing, admin).

CSRF: a page with a form keeps its hidden `csrfmiddlewaretoken` inputs as holes. Each
visitor gets the page with a token made from their own secret (`get_token`, which also
sets their cookie exactly as an uncached page would), never somebody else's. A page
where a token-like string shows anywhere but in those inputs is not stored.

Invalidation: the content version lives in the shared database cache, so a change made
on one app server (or by a management command) reaches every process. Each process reads
it at most every PAGE_CACHE_VERSION_CHECK_SECONDS, so a cached page costs no query, and
other processes serve the old pages at most that long after a change; the process that
made the change sees it at once. Signals catch the one-row edits wherever they come from
(admin forms and inlines): each room registers the models its public pages show with
`invalidate_on_change()` from `ProgramsConfig.ready()`, so this module imports no room.
Every bulk writer (admin actions, imports, `load_content`, the example listings,
`seed_bench`) also calls `content_changed()`, the one entry point, which writes that send
no signals (`QuerySet.update()`, `bulk_create()`) depend on. The bump waits for the
transaction to commit, so a page rendered while an editor's transaction is still open
cannot be stored under the new version; PAGE_CACHE_SECONDS bounds anything missed.

When the database is down the version cannot be read, and nobody can change content
either: pages this process stored under the last version it read are still served (for
up to PAGE_CACHE_SECONDS after they were stored), nothing new is stored, and a failed
read is not retried for PAGE_CACHE_VERSION_CHECK_SECONDS, so visitors to cached pages do
not each wait for a connection attempt. A page that is not cached runs its view, which
answers the 503 page (programs/core/errors.py).
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import TypedDict

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

PAGES = "pages"  # per-process cache of rendered pages
SHARED = "shared"  # database cache every process reads
VERSION_KEY = "page-cache:content-version"

# The masked token in the hidden input `{% csrf_token %}` renders (only the token matches,
# so splitting on it keeps the rest of the input).
_CSRF_INPUT = re.compile(rb'(?<=name="csrfmiddlewaretoken" value=")([A-Za-z0-9]+)(?=")')
# A masked CSRF token is 64 letters and digits; any such run left outside the inputs above
# might be a token rendered some other way, so the page is not stored.
_TOKEN_LIKE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
# A response carrying any of these was meant for one visitor, or for no cache at all.
_PERSONAL_HEADERS = ("Set-Cookie", "Cache-Control", "Vary", "Expires")

View = Callable[..., HttpResponse]


class _Seen(TypedDict):
    version: str | None
    at: float  # the monotonic time it was read
    failed_at: float | None  # the monotonic time the last read failed, if it did


# This process's view of the content version.
_seen: _Seen = {"version": None, "at": 0.0, "failed_at": None}
# Set while rendering a page that must not touch the database (the 503 page).
_offline: ContextVar[bool] = ContextVar("page_cache_offline", default=False)


def cache_public_page(view: View) -> View:
    """Serve the view's anonymous GET answers from the page cache (see the module doc)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not may_use_cache(request):
            return view(request, *args, **kwargs)
        version = content_version()
        if version is None:
            # The shared cache cannot be read, most likely because the database is down:
            # answer from the pages this process stored under the last version it read
            # (correct as far as anyone can tell), and store nothing new.
            stored = _last_known_page(request)
            if stored is not None:
                return _from_cache(request, stored)
            return view(request, *args, **kwargs)
        key = page_key(request, version)
        pages = caches[PAGES]
        stored = pages.get(key)
        if stored is not None:
            return _from_cache(request, stored)
        response = view(request, *args, **kwargs)
        entry = storable(request, response)
        if entry is not None:
            pages.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        return response

    # Lets tests check which views are wrapped (mypy has no type for function attributes).
    wrapper.cache_public_page = True  # type: ignore[attr-defined]
    return wrapper


def may_use_cache(request: HttpRequest) -> bool:
    """A GET from a visitor with no session and no pending messages, with the cache on."""
    if not settings.PAGE_CACHE_ENABLED or request.method != "GET":
        return False
    cookies = request.COOKIES
    # A session means staff or messages kept in the session; either way, not anonymous.
    return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies


def page_key(request: HttpRequest, version: str) -> str:
    """Everything a cached page may differ by, hashed into a short key."""
    parts = "\n".join(
        (
            translation.get_language() or "",
            request.scheme or "",
            request.get_host(),
            request.get_full_path(),
            timezone.localdate().isoformat(),
        )
    )
    return f"page:{version}:{hashlib.sha256(parts.encode()).hexdigest()}"


def storable(request: HttpRequest, response: HttpResponse) -> tuple | None:
    """What to keep of a response (content type and content split at CSRF tokens), or None."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    if not getattr(response, "is_rendered", True):  # a TemplateResponse not rendered yet
        return None
    if any(response.has_header(name) for name in _PERSONAL_HEADERS):
        return None
    if len(get_messages(request)):  # a message shown or queued on this page
        return None
    content = response.content
    chunks = _CSRF_INPUT.split(content)
    # split() interleaves the captured tokens: text, token, text, token, text...
    texts, tokens = chunks[0::2], chunks[1::2]
    if any(_TOKEN_LIKE.search(text) for text in texts):
        return None
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not tokens:
        return None  # the token was used, but not in a hidden input we can replace
    return (response["Content-Type"], tuple(texts))


def _last_known_page(request: HttpRequest) -> tuple | None:
    version = _seen["version"]
    return None if version is None else caches[PAGES].get(page_key(request, version))


def _from_cache(request: HttpRequest, stored: tuple) -> HttpResponse:
    content_type, texts = stored
    # Holes left by CSRF inputs get a token for this visitor (and their cookie, as usual).
    content = texts[0] if len(texts) == 1 else get_token(request).encode().join(texts)
    return HttpResponse(content, content_type=content_type)


def content_version() -> str | None:
    """The shared content version, read from the database at most every few seconds.

    None when it cannot be read, and inside `database_unavailable()` without trying.
    """
    if _offline.get():
        return None
    now = time.monotonic()
    version = _seen["version"]
    interval = settings.PAGE_CACHE_VERSION_CHECK_SECONDS
    if version is not None and now - _seen["at"] < interval:
        return version
    failed_at = _seen["failed_at"]
    if failed_at is not None and now - failed_at < interval:
        # It failed a moment ago (the database is down?): don't make every visitor wait
        # for another attempt to connect.
        return None
    shared = caches[SHARED]
    try:
        version = shared.get(VERSION_KEY)
        if version is None:
            # A fresh value, not a constant: if the key is ever lost, pages stored under
            # an old version must not come back.
            shared.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
            version = shared.get(VERSION_KEY)
    except DatabaseError:
        logger.exception("Page cache: cannot read the content version (database down?)")
        _seen["failed_at"] = now
        return None
    _seen.update({"version": version, "at": now, "failed_at": None})
    return version


@contextmanager
def database_unavailable() -> Iterator[None]:
    """Within it, `content_version()` is None without reading the database (the 503 page).

    Whatever reads content by version then uses what it last read (or its shipped copy).
    """
    token = _offline.set(True)
    try:
        yield
    finally:
        _offline.reset(token)


def content_changed() -> None:
    """Make every process drop the pages it has cached (after the current transaction).

    The one entry point for "public content changed": the signal receivers call it, and
    so does every writer that changes content in bulk (admin actions, the importers,
    `load_content`, the example listings, `seed_bench`), whether or not its writes also
    send signals. Cheap to call often: inside a transaction it schedules one bump for
    the commit, however many times it is called, and none if the transaction rolls
    back; outside one it bumps at once. Also when this process does not cache pages
    itself (a management command, say): the app servers that do must still hear of it.
    """
    if connection.in_atomic_block:
        # One bump per transaction, however many rows it changes.
        # Each entry is (savepoint ids, func, robust); the stubs omit `robust`.
        if any(entry[1] is _bump for entry in connection.run_on_commit):
            return
        transaction.on_commit(_bump)
    else:
        _bump()


def _bump() -> None:
    version = secrets.token_hex(8)
    try:
        caches[SHARED].set(VERSION_KEY, version, timeout=None)
    except DatabaseError:
        # Other processes will catch up when their pages expire (PAGE_CACHE_SECONDS).
        logger.exception("Page cache: cannot store the new content version")
    _seen.update({"version": version, "at": time.monotonic(), "failed_at": None})
    caches[PAGES].clear()


def reset() -> None:
    """Forget this process's cached pages and version (for tests)."""
    caches[PAGES].clear()
    _seen.update({"version": None, "at": 0.0, "failed_at": None})


def _on_change(sender, **kwargs) -> None:
    if str(kwargs.get("action", "post_")).startswith("pre_"):  # m2m: wait for the change
        return
    content_changed()


# Models whose rows public pages show, registered by their rooms (see invalidate_on_change).
_watched: list[type[Model]] = []


def invalidate_on_change(*models: type[Model]) -> None:
    """Bump the content version whenever a row of one of ``models`` changes.

    For a model: every save and delete (`post_save`, `post_delete`). For the automatic
    through model of a many-to-many field (``TreatmentLevel.services.through``): every
    add, remove or clear on it (`m2m_changed`). Each room registers the models its public
    pages show from ``ProgramsConfig.ready()`` (programs/apps.py), so this module knows
    no room. Registering a model twice changes nothing.

    Writes that send no signals (`QuerySet.update()`, `bulk_create()`) still have to call
    `content_changed()` themselves.
    """
    for model in models:
        uid = f"page-cache-{model._meta.label_lower}"
        if model._meta.auto_created:
            m2m_changed.connect(_on_change, sender=model, dispatch_uid=f"{uid}-m2m")
        else:
            post_save.connect(_on_change, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-delete")
        if model not in _watched:
            _watched.append(model)


def watched_models() -> tuple[type[Model], ...]:
    """The models registered with `invalidate_on_change`, in the order they came."""
    return tuple(_watched)
