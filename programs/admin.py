"""Admin registrations live in each room; importing them here is how Django finds them."""

from programs.directory import admin as directory_admin
from programs.guides import admin as guides_admin
from programs.helplines import admin as helplines_admin
from programs.intake.admin import audit, responses
from programs.levels import admin as levels_admin

__all__ = [
    "audit",
    "directory_admin",
    "guides_admin",
    "helplines_admin",
    "levels_admin",
    "responses",
]
