from django.contrib.admin.apps import AdminConfig


class IOPAdminConfig(AdminConfig):
    """Django's admin with the project's site (iopguide/admin.py) as ``admin.site``."""

    default_site = "iopguide.admin.IOPAdminSite"

    def ready(self) -> None:
        super().ready()  # autodiscover: every app's admin module is registered now
        from django.contrib import admin

        from iopguide.admin_axes import register_guarded_axes_admin

        register_guarded_axes_admin(admin.site)
