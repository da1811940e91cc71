"""The project's admin site: Django's, plus the intake workspace's views.

Installed as the default site by ``IOPAdminConfig`` (iopguide/apps.py, listed in
INSTALLED_APPS in place of ``django.contrib.admin``), so ``admin.site`` and every
``@admin.register`` keep working unchanged.
"""

from __future__ import annotations

from functools import update_wrapper

from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    JsonResponse,
)
from django.urls import URLPattern, URLResolver, path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from iopguide import two_factor_views
from iopguide.admin_view_on_site import GuardedViewOnSiteAdminSite
from programs.core import two_factor
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
        # The second sign-in step: its set-up and code pages are the way in, so they are
        # not behind admin_view (they check the session themselves); making new recovery
        # codes is, like any page for a session that passed the step.
        site = {"admin_site": self}
        second_step = [
            path("two-factor/set-up/", two_factor_views.enrol, site, name="two_factor_enrol"),
            path("two-factor/code/", two_factor_views.verify, site, name="two_factor_verify"),
            path(
                "two-factor/recovery-codes/",
                self.admin_view(two_factor_views.recovery_codes),
                site,
                name="two_factor_recovery_codes",
            ),
        ]
        return [keep_alive, *second_step, *workspace_urls(self), *super().get_urls()]

    def has_permission(self, request: HttpRequest) -> bool:
        """Django's check (active staff), and the second sign-in step passed by everyone
        who needs it (programs/core/two_factor.py)."""
        return super().has_permission(request) and not two_factor.pending(request)

    def admin_view(self, view, cacheable=False):
        """Django's wrapper, but a session still due for the second step goes to it (then
        back) rather than to the password form, and may still sign out."""
        checked = super().admin_view(view, cacheable)
        sign_out = csrf_protect(never_cache(view))

        def inner(request, *args, **kwargs):
            if not two_factor.pending(request):
                return checked(request, *args, **kwargs)
            if request.path == reverse("admin:logout", current_app=self.name):
                return sign_out(request, *args, **kwargs)
            return two_factor_views.redirect_to_step(request, self)

        return update_wrapper(inner, checked)

    def login(self, request, extra_context=None):
        """Signed in with the password but not past the second step: on to it."""
        if request.method == "GET" and two_factor.pending(request):
            target = two_factor_views.next_url(request, self)
            return HttpResponseRedirect(two_factor_views.step_url(request, self, target))
        return super().login(request, extra_context)

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
        # "Recovery codes" at the top of every page, for sessions that passed the step
        # (the device the middleware loaded: no query).
        user = request.user
        context["two_factor_codes_url"] = (
            reverse("admin:two_factor_recovery_codes", current_app=self.name)
            if getattr(user, "otp_device", None) is not None
            else ""
        )
        return context
