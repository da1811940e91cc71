from django.urls import path, register_converter

from programs.core.caching import cache_public_page as cached
from programs.directory import views as directory
from programs.guides import views as guides
from programs.guides.models import SLUG_PATTERN
from programs.levels import views as pages
from programs.questionnaire import views as questionnaire


class ResultTokenConverter:
    """A result link's token: URL-safe base64 only, so a control character or NUL byte in
    the address is a plain 404 before any database lookup (PostgreSQL refuses NUL)."""

    regex = "[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class GuideSlugConverter:
    """One of the help-and-facts pages (they live at the top level: /overdose/, /es/teens/)."""

    regex = SLUG_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ResultTokenConverter, "result_token")
register_converter(GuideSlugConverter, "guide")

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
    path("help/", cached(guides.guide_list), name="guide_list"),
    path("<guide:slug>/", cached(guides.guide), name="guide"),
    path("programs/", cached(directory.program_list), name="program_list"),
    path("programs/compare/", cached(directory.program_compare), name="program_compare"),
    path("programs/<slug:slug>/", cached(directory.program_detail), name="program_detail"),
    path("questionnaire/", questionnaire.questionnaire, name="questionnaire"),
    # Before "results/<token>/": a token is 32 characters, never "deleted".
    path("results/deleted/", questionnaire.answers_deleted, name="answers_deleted"),
    path("results/<result_token:token>/", questionnaire.result, name="result"),
    path("results/<result_token:token>/delete/", questionnaire.delete, name="delete"),
    path("results/<result_token:token>/share/", questionnaire.share, name="share"),
    path("results/<result_token:token>/shared/", questionnaire.share_done, name="share_done"),
]
