from django.urls import path

from . import views

app_name = "exports"

urlpatterns = [
    path("versions/", views.versions, name="versions"),
    path("versions/publish/", views.publish, name="publish"),
    path("versions/public-page/", views.publication, name="publication"),
    path("versions/compare/", views.compare, name="compare"),
    path("versions/compare.json", views.compare_json, name="compare_json"),
]
