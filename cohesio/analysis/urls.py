from django.urls import path

from . import views

app_name = "analysis"

urlpatterns = [path("analysis/", views.analysis, name="analysis")]
