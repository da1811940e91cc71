"""The helpline table as pages read it: key → row, cached per process.

Read on every page (the crisis bar is on all of them), so it costs no query in steady
state: the rows are kept with the content version they were read under
(``programs.core.caching.content_version()``, itself read at most every few seconds) and
read again only when the version changes, which every edit of a helpline causes (the
room registers ``Helpline`` with ``caching.invalidate_on_change``). A save or delete in
this process also drops the rows at once, before its transaction commits.

The shipped table (programs/helplines/content.py) is the floor: a key missing from the
database gets its shipped row, and while the database cannot be read (the 503 page) the
last rows read, or the shipped ones, are used. A page never loses a crisis number.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, fields

from django.db import DatabaseError

from programs.core import caching
from programs.core.i18n import localized
from programs.helplines import content
from programs.helplines.models import Helpline, dial_target

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Row:
    """One helpline, as read from the table. ``local`` fields follow the page's language."""

    key: str
    name: str
    phone: str
    last_verified: datetime.date | None = None
    source: str = ""
    order: int = 0
    name_es: str = ""
    phone_words: str = ""
    phone_option: str = ""
    phone_option_es: str = ""
    tty: str = ""
    text_number: str = ""
    text_code: str = ""
    chat: str = ""
    hours: str = ""
    hours_es: str = ""
    languages: str = ""
    languages_es: str = ""
    notes: str = ""
    notes_es: str = ""

    TRANSLATED_FIELDS = Helpline.TRANSLATED_FIELDS

    def in_language(self, field: str) -> str:
        """A translated field in the page's language, English when the Spanish is empty."""
        return str(localized(self, field))

    @property
    def local_name(self) -> str:
        return self.in_language("name")

    @property
    def local_option(self) -> str:
        return self.in_language("phone_option")

    @property
    def tel(self) -> str:
        return _uri("tel", self.phone)

    @property
    def tty_tel(self) -> str:
        return _uri("tel", self.tty)

    @property
    def sms(self) -> str:
        return _uri("sms", self.text_number)


FIELD_NAMES = tuple(f.name for f in fields(Row))


def _uri(scheme: str, number: str) -> str:
    if not number:
        return ""
    try:
        return f"{scheme}:{dial_target(number)}"
    except ValueError:
        # The admin refuses such a number; one written behind its back gets no link.
        logger.warning("Helpline table: a number that cannot be dialled (%s)", scheme)
        return ""


def _row(values: dict) -> Row:
    return Row(**{name: values[name] for name in FIELD_NAMES if name in values})


def shipped() -> dict[str, Row]:
    """The shipped table, from programs/helplines/content.py."""
    return {item["key"]: _row(item) for item in content.HELPLINES}


# (content version, rows) of the last read; None until the first one or after a change.
_state: tuple[str, dict[str, Row]] | None = None
# How many times this process has read the table: things built from it (the blank
# questionnaire's HTML) are kept per generation.
_generation = 0


def rows() -> dict[str, Row]:
    """Every helpline by key: the database's rows over the shipped ones."""
    global _state, _generation
    version = caching.content_version()
    state = _state
    if state is not None and (version is None or state[0] == version):
        return state[1]
    if version is None:
        return shipped()  # no database and nothing read yet
    try:
        stored = {values["key"]: _row(values) for values in Helpline.objects.values(*FIELD_NAMES)}
    except DatabaseError:
        logger.warning("Helpline table: cannot read the helplines; using the shipped ones")
        return state[1] if state is not None else shipped()
    table = shipped() | stored
    _state = (version, table)
    _generation += 1
    return table


def generation() -> int:
    """A number that changes whenever the rows pages read may have changed."""
    rows()
    return _generation


def get(key: str) -> Row | None:
    """One helpline by key, or None."""
    return rows().get(key)


def forget(**_signal_kwargs) -> None:
    """Drop this process's rows; the next page reads them again (a signal receiver too)."""
    global _state, _generation
    _state = None
    _generation += 1
