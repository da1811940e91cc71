from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from programs.core import bench, language, readiness
from programs.intake import fhir_views as fhir_views
from programs.levels import views as pages

handler400 = "programs.core.errors.bad_request"
handler403 = "programs.core.errors.permission_denied"
handler404 = "programs.core.errors.page_not_found"
# templates/500.html, or the 503 page when the database cannot be reached; neither
# touches the database.
handler500 = "programs.core.errors.server_error"

admin.site.site_header = "IOP Guide intake"
admin.site.site_title = "IOP Guide admin"
admin.site.index_title = "Intake and content"

urlpatterns = [
    path("healthz", pages.healthz, name="healthz"),
    path("readyz", readiness.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("language/<str:code>/", language.switch_language, name="switch_language"),
    # FHIR resources are canonical, English and the same in every language: no /es/ copy.
    path(
        "fhir/Questionnaire/<str:resource_id>",
        fhir_views.questionnaire,
        name="fhir_questionnaire",
    ),
    path("fhir/CodeSystem/<str:resource_id>", fhir_views.code_system, name="fhir_code_system"),
    # Public pages: English without a prefix, Spanish under /es/.
    *i18n_patterns(path("", include("programs.urls")), prefix_default_language=False),
]

if settings.BENCHMARK_BASELINE:
    # Only for `make bench`: the constant answer every measured page is compared with.
    urlpatterns.insert(0, path("bench/baseline", bench.baseline, name="bench_baseline"))
