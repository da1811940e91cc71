"""A gunicorn access logger that never writes result-page tokens."""

from __future__ import annotations

import re

from gunicorn.glogging import Logger

# A result page's path holds its secret token: anyone with the path can read the result.
TOKEN_PATH = re.compile(r"(/results/)[^/\s?]+")


def redact(text: str) -> str:
    return TOKEN_PATH.sub(r"\1[redacted]", text)


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "{raw_uri}e"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        atoms["q"] = ""  # query strings are never needed in access logs
        return atoms
