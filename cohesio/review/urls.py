from django.urls import path

from . import views

app_name = "review"

urlpatterns = [
    path("check/", views.check, name="check"),
    path("check.json", views.check_json, name="check_json"),
    path("check/acknowledge/", views.acknowledge, name="acknowledge"),
    path("check/reopen/", views.reopen, name="reopen"),
    path("check/accepted-terms/", views.accepted_terms, name="accepted_terms"),
]
