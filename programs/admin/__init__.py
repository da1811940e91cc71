"""Admin registrations, one module per area of the site."""

from . import audit, directory, levels, responses  # noqa: F401
