"""URL map: accounts, the locality-scoped plan pages, admin."""

from django.contrib import admin
from django.urls import include, path

locality_patterns = [
    path("", include("cohesio.plans.urls")),
    path("", include("cohesio.analysis.urls")),
    path("", include("cohesio.network.urls")),
    path("", include("cohesio.sharing.urls")),
    path("", include("cohesio.interventions.urls")),
    path("", include("cohesio.review.urls")),
    path("", include("cohesio.cocreation.urls")),
    path("", include("cohesio.exports.urls")),
]

urlpatterns = [
    path("", include("cohesio.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include(("cohesio.api.urls", "api"))),
    path("l/<slug:locality>/", include(locality_patterns)),
]
