"""Admin registrations, one module per area of the site."""

from . import audit, contacts, directory, levels, responses  # noqa: F401
