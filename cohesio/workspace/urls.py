"""The overview, the start path, the JSON download and the data-protection workspace, with the plan's own pages,
all named `plans:`."""

from django.urls import path

from cohesio.plans.urls import urlpatterns as plan_patterns

from . import data_protection_views, evaluation_views, start_views, views

app_name = "plans"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("plan.json", views.export_json, name="export_json"),
    path("data-protection/", data_protection_views.data_protection, name="data_protection"),
    path("cooperation/evaluations/", evaluation_views.evaluations, name="sharing_evaluations"),
    path("cooperation/evaluations/<str:key>/answer/", evaluation_views.answer, name="sharing_evaluation_answer"),
    path("start/", start_views.start, name="start"),
    path("start/<slug:step>/", start_views.start_step, name="start_step"),
    *plan_patterns,
]
