"""The staff roles: which Django permissions each group holds.

Used by the data migration that creates the groups and by ``create_staff_user``, which
re-syncs them so a group also picks up permissions of models added after that migration
ran (e.g. the program directory). Deleting anything, and the access log, stay with
superusers: no group is ever given a delete permission.
"""

from __future__ import annotations

INTAKE_STAFF = "Intake staff"
CONTENT_EDITORS = "Content editors"

# (app label, permission codename); a codename whose model does not exist yet is skipped.
ROLE_PERMISSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    INTAKE_STAFF: (
        ("programs", "view_response"),
        ("programs", "export_response"),
        ("programs", "view_contactrequest"),
        ("programs", "change_contactrequest"),
        ("programs", "view_staffnote"),
        ("programs", "add_staffnote"),
        ("programs", "view_treatmentlevel"),
        ("programs", "view_service"),
        ("programs", "view_suitabilitycriterion"),
        ("programs", "view_program"),
        ("programs", "view_helpline"),
    ),
    CONTENT_EDITORS: (
        ("programs", "view_treatmentlevel"),
        ("programs", "add_treatmentlevel"),
        ("programs", "change_treatmentlevel"),
        ("programs", "view_service"),
        ("programs", "add_service"),
        ("programs", "change_service"),
        ("programs", "view_suitabilitycriterion"),
        ("programs", "add_suitabilitycriterion"),
        ("programs", "change_suitabilitycriterion"),
        ("programs", "view_program"),
        ("programs", "add_program"),
        ("programs", "change_program"),
        ("programs", "view_programfeature"),
        ("programs", "add_programfeature"),
        ("programs", "change_programfeature"),
        ("programs", "view_listingreport"),
        ("programs", "change_listingreport"),
        ("programs", "view_guidepage"),
        ("programs", "change_guidepage"),
        ("programs", "view_guidesection"),
        ("programs", "add_guidesection"),
        ("programs", "change_guidesection"),
        ("programs", "view_helpline"),
        ("programs", "add_helpline"),
        ("programs", "change_helpline"),
    ),
}

# The names `create_staff_user --group` accepts.
ROLE_CHOICES: dict[str, str] = {"intake": INTAKE_STAFF, "content": CONTENT_EDITORS}


def sync_roles(group_model, permission_model) -> dict[str, int]:
    """Create the groups if needed and add every listed permission that exists.

    Takes the model classes so the data migration can pass its historical models.
    Only adds: permissions an administrator granted by hand are left alone.
    Returns the number of permissions each group holds from the list.
    """
    granted: dict[str, int] = {}
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _created = group_model.objects.get_or_create(name=name)
        permissions = [
            permission
            for permission in permission_model.objects.filter(
                content_type__app_label__in={app for app, _ in wanted},
                codename__in={codename for _, codename in wanted},
            ).select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in wanted
        ]
        group.permissions.add(*permissions)
        granted[name] = len(permissions)
    return granted
