"""The project's admin site: Django's, plus the intake workspace's views.

Installed as the default site by ``IOPAdminConfig`` (iopguide/apps.py, listed in
INSTALLED_APPS in place of ``django.contrib.admin``), so ``admin.site`` and every
``@admin.register`` keep working unchanged.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import URLPattern, URLResolver, path, reverse

from iopguide.admin_view_on_site import GuardedViewOnSiteAdminSite
from programs.core.staff_session import limit_phrase, record_activity_now, session_time_left


class IOPAdminSite(GuardedViewOnSiteAdminSite):
    site_header = "IOP Guide intake"
    site_title = "IOP Guide admin"
    index_title = "Intake and content"

    def get_urls(self) -> list[URLResolver | URLPattern]:
        from programs.intake.admin.workspace import workspace_urls

        # Before Django's own: "intake" is no app label, but first match wins regardless.
        keep_alive = path(
            "session/keep-alive/",
            self.admin_view(self.keep_alive_view),
            name="session_keep_alive",
        )
        return [keep_alive, *workspace_urls(self), *super().get_urls()]

    def keep_alive_view(self, request: HttpRequest) -> HttpResponse:
        """ "Stay signed in": record activity now and say how long the session has left.

        Any signed-in staff member (admin_view checks it, and CSRF); the 12-hour limit
        cannot be extended, so its seconds left come back unchanged.
        """
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return JsonResponse(record_activity_now(request))

    def each_context(self, request: HttpRequest) -> dict:
        from programs.intake.admin.workspace import has_workspace_permission

        context = super().each_context(request)
        # The admin home (and any admin page) links to the workspace for those who may use it.
        context["intake_workspace_url"] = (
            reverse("admin:intake_workspace", current_app=self.name)
            if request.user.is_authenticated and has_workspace_permission(request)
            else ""
        )
        # For the idle sign-out warning (templates/admin/base_site.html, js/staff-session.js).
        if self.has_permission(request):
            context["staff_session"] = {
                **session_time_left(request),
                "limit_phrase": limit_phrase(),
                "keep_alive_url": reverse("admin:session_keep_alive", current_app=self.name),
            }
        return context
