"""Admin registrations, one module per area of the site."""

from . import directory, levels  # noqa: F401
