"""The public page of a plan and its PDF, at an unguessable address outside any locality."""

from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("<str:token>/", views.public_page, name="page"),
    path("<str:token>/plan.pdf", views.public_pdf, name="pdf"),
]
