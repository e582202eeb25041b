from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("network/", views.network, name="network"),
    path("network/partners/<int:pk>/", views.partner, name="partner"),
    path("network/partners/<int:pk>/coordinator/", views.designate_coordinator, name="designate_coordinator"),
    path("network/invite/", views.invite, name="invite"),
    path("network/i-am-the-coordinator/", views.coordinator_self, name="coordinator_self"),
    path("network/me/", views.my_profile, name="my_profile"),
]
