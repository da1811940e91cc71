"""The hidden field that people never see and some bots fill in, on every public form.

The questionnaire and the share form include ``templates/includes/honeypot.html`` (a field
named ``website``); the directory's listing report has its own (``homepage``), because a
program's page already shows a website. A post with the field filled is treated as a bot:
the view answers as if it worked and stores nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["HONEYPOT_FIELD", "honeypot_filled"]

HONEYPOT_FIELD = "website"


def honeypot_filled(data: Mapping[str, object], field: str = HONEYPOT_FIELD) -> bool:
    """True when the posted ``data`` has anything but blanks in the hidden ``field``."""
    return bool(str(data.get(field) or "").strip())
