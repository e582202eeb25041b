from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("invitations/<str:token>/", views.invitation_accept_view, name="invitation_accept"),
    path("l/<slug:locality>/members/", views.members, name="members"),
    path("l/<slug:locality>/members/<int:pk>/role/", views.member_role, name="member_role"),
    path("l/<slug:locality>/members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("l/<slug:locality>/invitations/<int:pk>/resend/", views.invitation_resend_view, name="invitation_resend"),
    path("l/<slug:locality>/invitations/<int:pk>/revoke/", views.invitation_revoke_view, name="invitation_revoke"),
    path("platform/localities/new/", views.locality_create_view, name="locality_create"),
]
