from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("strategy/", views.strategy, name="strategy"),
    path("political-support/", views.political_support, name="political_support"),
    path("definitions/", views.definitions, name="definitions"),
    path("plan.json", views.export_json, name="export_json"),
]
