from django.urls import path

from . import views

app_name = "sharing"

urlpatterns = [path("cooperation/", views.cooperation, name="cooperation")]
