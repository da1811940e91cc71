from django.contrib.admin.apps import AdminConfig


class IOPAdminConfig(AdminConfig):
    """Django's admin with the project's site (iopguide/admin.py) as ``admin.site``."""

    default_site = "iopguide.admin.IOPAdminSite"
