from django.urls import path

from . import views

app_name = "sharing"

urlpatterns = [
    path("cooperation/", views.cooperation, name="cooperation"),
    path("network/me/information/", views.my_information_types, name="my_information_types"),
]
