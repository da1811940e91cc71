from django.urls import path

from . import views

app_name = "programs"

urlpatterns = [
    path("", views.home, name="home"),
    path("levels/", views.level_list, name="level_list"),
    path("levels/<slug:slug>/", views.level_detail, name="level_detail"),
    path("compare/", views.compare, name="compare"),
    path("withdrawal-management/", views.withdrawal, name="withdrawal"),
    path("about/", views.about, name="about"),
]
