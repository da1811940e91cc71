"""Contact details out of free text: error messages and tracebacks, in logs and reports.

A database error carries the row it could not write ("DETAIL: Key (email)=(…) already
exists"), and an exception message may quote what a person typed. Email addresses and
phone-like numbers in such text are masked, result tokens redacted, wherever it goes.
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


def mask(text: str) -> str:
    """The text with result tokens redacted and emails and phone numbers masked."""
    return PHONE.sub(_phone, EMAIL.sub(MASKED, redact(text)))


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
