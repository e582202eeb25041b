"""The plan's own pages and the editing kit's routes; `cohesio.workspace.urls` adds the overview and the start
path and mounts them all as `plans:`."""

from django.urls import path

from . import edit_views, views

urlpatterns = [
    path("strategy/", views.strategy, name="strategy"),
    path("political-support/", views.political_support, name="political_support"),
    path("definitions/", views.definitions, name="definitions"),
    path("edit/undo/", edit_views.undo, name="edit_undo"),  # before the sections: "undo" is not a kind
    path("edit/<slug:kind>/", edit_views.section, name="edit_section"),
    path("edit/<slug:kind>/new/", edit_views.create, name="edit_create"),
    path("edit/<slug:kind>/<int:pk>/", edit_views.edit, name="edit"),
    path("edit/<slug:kind>/<int:pk>/delete/", edit_views.delete, name="edit_delete"),
    path("edit/<slug:kind>/<int:pk>/history/", edit_views.history, name="edit_history"),
    path("edit/<slug:kind>/<int:pk>/<str:direction>/", edit_views.move, name="edit_move"),
]
