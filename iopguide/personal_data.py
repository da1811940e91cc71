"""Contact details out of free text: error messages and tracebacks, in logs and reports.

A database error carries the row it could not write ("DETAIL: Key (email)=(…) already
exists", "DETAIL: Failing row contains (…)"), and an exception message may quote what a
person typed. DETAIL lines are cut, email addresses and phone-like numbers masked and
result tokens redacted, wherever such text goes.
"""

from __future__ import annotations

import logging
import re

from iopguide.log_redaction import redact

MASKED = "[masked]"
EMAIL = re.compile(r"[^\s@<>()\"',;:=]+@[^\s@<>()\"',;:=]+")
# Seven digits or more, perhaps split by spaces, dots, dashes or parentheses: a phone.
PHONE = re.compile(r"\+?\(?\d(?:[\d\s().-]{5,}\d)")


def _phone(match: re.Match[str]) -> str:
    digits = sum(character.isdigit() for character in match.group())
    return MASKED if digits >= 7 else match.group()


# PostgreSQL's DETAIL line quotes the row it could not write, names and all ("Failing row
# contains (7, Robin Example, …)"): only its kind is kept.
DETAIL = re.compile(r"^(\s*DETAIL:)[^\n]*", re.MULTILINE)


def mask(text: str) -> str:
    """The text with result tokens redacted, database DETAIL lines cut, and emails and
    phone numbers masked."""
    text = DETAIL.sub(rf"\1 {MASKED}", redact(text))
    return PHONE.sub(_phone, EMAIL.sub(MASKED, text))


class MaskContactDetails(logging.Filter):
    """Mask emails and phone numbers in a record's traceback text.

    Installed after RedactResultTokens, which has turned any exception into text. Messages
    are left alone: the app never logs contact details, and a message's numbers (a status
    and a duration) would look like a phone; exception messages are where they turn up.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
            record.exc_info = None
        return True
