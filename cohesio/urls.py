"""URL map: accounts, the locality-scoped plan pages, admin."""

from django.contrib import admin
from django.urls import include, path

locality_patterns = [
    path("", include("cohesio.workspace.urls")),
    path("", include("cohesio.analysis.urls")),
    path("", include("cohesio.network.urls")),
    path("", include("cohesio.sharing.urls")),
    path("", include("cohesio.interventions.urls")),
    path("", include("cohesio.review.urls")),
    path("", include("cohesio.cocreation.urls")),
    path("", include("cohesio.exports.urls")),
    path("", include("cohesio.audit.urls")),
]

urlpatterns = [
    path("", include("cohesio.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include(("cohesio.api.urls", "api"))),
    path("l/<slug:locality>/", include(locality_patterns)),
    path("public/", include("cohesio.exports.public_urls")),
]

# Under /api/ errors are JSON like the API's own answers; elsewhere Django's pages in the site layout.
handler404 = "cohesio.api.errors.page_not_found"
handler500 = "cohesio.api.errors.server_error"
