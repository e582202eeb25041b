from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("invitations/<str:token>/", views.invitation_accept_view, name="invitation_accept"),
    path("l/<slug:locality>/members/", views.members, name="members"),
]
