"""The locality's audit trail and its download."""

from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("audit/", views.trail, name="trail"),
    path("audit/events.csv", views.trail_csv, name="trail_csv"),
]
