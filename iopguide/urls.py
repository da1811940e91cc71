from django.contrib import admin
from django.urls import include, path

from programs.views import pages

handler400 = "programs.views.errors.bad_request"
handler403 = "programs.views.errors.permission_denied"
handler404 = "programs.views.errors.page_not_found"
# handler500 stays Django's: it renders templates/500.html without touching the database.

admin.site.site_header = "IOP Guide intake"
admin.site.site_title = "IOP Guide admin"
admin.site.index_title = "Intake and content"

urlpatterns = [
    path("healthz", pages.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("programs.urls")),
]
