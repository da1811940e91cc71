from django.urls import path

from .views import directory, pages, questionnaire

app_name = "programs"

urlpatterns = [
    path("", pages.home, name="home"),
    path("levels/", pages.level_list, name="level_list"),
    path("levels/<slug:slug>/", pages.level_detail, name="level_detail"),
    path("compare/", pages.compare, name="compare"),
    path("withdrawal-management/", pages.withdrawal, name="withdrawal"),
    path("about/", pages.about, name="about"),
    path("privacy/", pages.privacy, name="privacy"),
    path("programs/", directory.program_list, name="program_list"),
    path("programs/compare/", directory.program_compare, name="program_compare"),
    path("programs/<slug:slug>/", directory.program_detail, name="program_detail"),
    path("questionnaire/", questionnaire.questionnaire, name="questionnaire"),
    path("results/<str:token>/", questionnaire.result, name="result"),
    path("results/<str:token>/share/", questionnaire.share, name="share"),
    path("results/<str:token>/shared/", questionnaire.share_done, name="share_done"),
]
