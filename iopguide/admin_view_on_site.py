"""The admin's "view on site" shortcut, guarded: no staff path may lead to a result page.

Django's own shortcut, /admin/r/<content type id>/<object id>/, only asks for ``is_staff``
and redirects to any object's ``get_absolute_url()``. For a questionnaire response that is
its secret result page (/results/<token>/), so any staff account, a content editor too,
could read any result and ask to be called about it, with nothing in the access log.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path


class GuardedViewOnSiteAdminSite(admin.AdminSite):
    """An admin site whose "view on site" answers only where the model's admin offers it
    (``view_on_site = True``; the response and contact-request admins turn it off) and
    only to users who may view that model; anything else is a 404."""

    def get_urls(self) -> list[URLResolver | URLPattern]:
        guarded = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site_view),
            name="view_on_site",
        )
        urls = super().get_urls()
        return [guarded, *(url for url in urls if getattr(url, "name", "") != "view_on_site")]

    def view_on_site_view(
        self, request: HttpRequest, content_type_id: int, object_id: str
    ) -> HttpResponse:
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            raise Http404("No such content type.") from None
        if model is None or not self.is_registered(model):
            raise Http404("Nothing to view on the site.")
        model_admin = self.get_model_admin(model)
        if model_admin.view_on_site is not True or not model_admin.has_view_permission(request):
            raise Http404("Nothing to view on the site.")
        return contenttype_views.shortcut(request, content_type_id, object_id)
