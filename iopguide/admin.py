"""The project's admin site: Django's, plus the intake workspace's views.

Installed as the default site by ``IOPAdminConfig`` (iopguide/apps.py, listed in
INSTALLED_APPS in place of ``django.contrib.admin``), so ``admin.site`` and every
``@admin.register`` keep working unchanged.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import URLPattern, URLResolver, reverse

from iopguide.admin_view_on_site import GuardedViewOnSiteAdminSite


class IOPAdminSite(GuardedViewOnSiteAdminSite):
    site_header = "IOP Guide intake"
    site_title = "IOP Guide admin"
    index_title = "Intake and content"

    def get_urls(self) -> list[URLResolver | URLPattern]:
        from programs.intake.admin.workspace import workspace_urls

        # Before Django's own: "intake" is no app label, but first match wins regardless.
        return [*workspace_urls(self), *super().get_urls()]

    def each_context(self, request: HttpRequest) -> dict:
        from programs.intake.admin.workspace import has_workspace_permission

        context = super().each_context(request)
        # The admin home (and any admin page) links to the workspace for those who may use it.
        context["intake_workspace_url"] = (
            reverse("admin:intake_workspace", current_app=self.name)
            if request.user.is_authenticated and has_workspace_permission(request)
            else ""
        )
        return context
