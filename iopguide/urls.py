from django.contrib import admin
from django.urls import include, path

from programs.views import pages

admin.site.site_header = "IOP Guide intake"
admin.site.site_title = "IOP Guide admin"
admin.site.index_title = "Intake and content"

urlpatterns = [
    path("healthz", pages.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("programs.urls")),
]
