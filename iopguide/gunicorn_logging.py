"""A gunicorn logger that never writes result-page tokens, in the access or error log, and
writes JSON lines like the app's (iopguide/json_logging.py) unless LOG_FORMAT says text."""

from __future__ import annotations

import os

from gunicorn.glogging import Logger

from iopguide.json_logging import JsonFormatter, log_format
from iopguide.log_redaction import RedactResultTokens, redact

__all__ = ["RedactingLogger", "redact"]


class RedactingLogger(Logger):
    """A result page's path holds its secret token: anyone with the path can read the
    result. Access log lines are written without it; error log lines are filtered."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        # Read as settings.py reads it; Django's settings are not loaded yet in the master.
        debug = os.environ.get("DEBUG", "").strip().lower() in {"1", "true", "yes", "on"}
        as_json = log_format(os.environ.get("LOG_FORMAT"), debug=debug) == "json"
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.addFilter(RedactResultTokens())
                if as_json:
                    handler.setFormatter(JsonFormatter())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "{raw_uri}e"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        atoms["q"] = ""  # query strings are never needed in access logs
        return atoms
