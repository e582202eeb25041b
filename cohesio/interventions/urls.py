from django.urls import path

from . import views

app_name = "interventions"

urlpatterns = [
    path("interventions/", views.intervention_list, name="list"),
    path("interventions/<int:pk>/", views.intervention_detail, name="detail"),
]
