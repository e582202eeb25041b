from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("network/", views.network, name="network"),
    path("network/partners/<int:pk>/", views.partner, name="partner"),
]
