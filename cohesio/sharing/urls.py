from django.urls import path

from . import evaluation_views, views

app_name = "sharing"

urlpatterns = [
    path("cooperation/", views.cooperation, name="cooperation"),
    path("network/me/information/", views.my_information_types, name="my_information_types"),
    path("cooperation/evaluations/", evaluation_views.evaluations, name="evaluations"),
    path("cooperation/evaluations/<str:key>/answer/", evaluation_views.answer, name="evaluation_answer"),
]
