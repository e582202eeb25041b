from django.urls import path

from . import views

app_name = "cocreation"

urlpatterns = [
    path("comments/new/", views.comment_add, name="comment_add"),
    path("comments/reply/", views.comment_reply, name="comment_reply"),
    path("comments/resolve/", views.comment_resolve, name="comment_resolve"),
    path("comments/reopen/", views.comment_reopen, name="comment_reopen"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("proposals/", views.proposals, name="proposals"),
    path("proposals/new/", views.proposal_add, name="proposal_add"),
    path("proposals/accept/", views.proposal_accept, name="proposal_accept"),
    path("proposals/decline/", views.proposal_decline, name="proposal_decline"),
    path("endorsement/", views.endorsement, name="endorsement"),
    path("status/", views.status, name="status"),
    path("objections/<int:pk>/answer/", views.objection_answer, name="objection_answer"),
]
