from django.urls import path

from . import edit_views, start_views, views

app_name = "plans"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("strategy/", views.strategy, name="strategy"),
    path("political-support/", views.political_support, name="political_support"),
    path("definitions/", views.definitions, name="definitions"),
    path("plan.json", views.export_json, name="export_json"),
    path("start/", start_views.start, name="start"),
    path("start/<slug:step>/", start_views.start_step, name="start_step"),
    path("edit/undo/", edit_views.undo, name="edit_undo"),  # before the sections: "undo" is not a kind
    path("edit/<slug:kind>/", edit_views.section, name="edit_section"),
    path("edit/<slug:kind>/new/", edit_views.create, name="edit_create"),
    path("edit/<slug:kind>/<int:pk>/", edit_views.edit, name="edit"),
    path("edit/<slug:kind>/<int:pk>/delete/", edit_views.delete, name="edit_delete"),
    path("edit/<slug:kind>/<int:pk>/history/", edit_views.history, name="edit_history"),
    path("edit/<slug:kind>/<int:pk>/<str:direction>/", edit_views.move, name="edit_move"),
]
