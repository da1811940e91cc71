"""A gunicorn logger that never writes result-page tokens, in the access or error log."""

from __future__ import annotations

from gunicorn.glogging import Logger

from iopguide.log_redaction import RedactResultTokens, redact

__all__ = ["RedactingLogger", "redact"]


class RedactingLogger(Logger):
    """A result page's path holds its secret token: anyone with the path can read the
    result. Access log lines are written without it; error log lines are filtered."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.addFilter(RedactResultTokens())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "{raw_uri}e"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        atoms["q"] = ""  # query strings are never needed in access logs
        return atoms
