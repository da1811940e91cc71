"""Admin registrations, one module per area of the site."""

from . import levels  # noqa: F401
