from django.urls import path

from programs.core.caching import cache_public_page as cached
from programs.directory import views as directory
from programs.levels import views as pages
from programs.questionnaire import views as questionnaire

app_name = "programs"

# The public pages, in English at these paths and in Spanish under /es/ (the root URLconf
# wraps them in i18n_patterns). Machine-readable and staff URLs live in iopguide/urls.py.

urlpatterns = [
    # Content pages come from the page cache (programs/caching.py); the questionnaire,
    # results and sharing are personal and never cached.
    path("", cached(pages.home), name="home"),
    path("levels/", cached(pages.level_list), name="level_list"),
    path("levels/<slug:slug>/", cached(pages.level_detail), name="level_detail"),
    path("compare/", cached(pages.compare), name="compare"),
    path("withdrawal-management/", cached(pages.withdrawal), name="withdrawal"),
    path("about/", cached(pages.about), name="about"),
    path("privacy/", cached(pages.privacy), name="privacy"),
    path("programs/", cached(directory.program_list), name="program_list"),
    path("programs/compare/", cached(directory.program_compare), name="program_compare"),
    path("programs/<slug:slug>/", cached(directory.program_detail), name="program_detail"),
    path("questionnaire/", questionnaire.questionnaire, name="questionnaire"),
    path("results/<str:token>/", questionnaire.result, name="result"),
    path("results/<str:token>/share/", questionnaire.share, name="share"),
    path("results/<str:token>/shared/", questionnaire.share_done, name="share_done"),
]
