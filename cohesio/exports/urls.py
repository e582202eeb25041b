from django.urls import path

from . import import_views, sharing_views, views
from .rendering import FORMATS
from .sharing_views import SHEET_FORMATS

app_name = "exports"

urlpatterns = [
    path("versions/", views.versions, name="versions"),
    path("versions/publish/", views.publish, name="publish"),
    path("versions/public-page/", views.publication, name="publication"),
    path("versions/compare/", views.compare, name="compare"),
    path("versions/compare.json", views.compare_json, name="compare_json"),
    path("versions/import/", import_views.upload, name="import"),
    path("versions/import/confirm/", import_views.confirm, name="import_confirm"),
    path("exports/prepare/", views.prepare, name="prepare"),
    path("exports/<int:pk>/", views.prepared_file, name="file"),
    path("exports/<int:pk>/download/", views.prepared_download, name="file_download"),
    # one route per format and per version or the current plan: `?public=1` gives the public version
    *(path(f"plan.{f}", views.download_current, {"file_format": f}, name=f"current_{f}") for f in FORMATS),
    *(
        path(f"versions/<int:pk>/plan.{f}", views.download_version, {"file_format": f}, name=f"version_{f}")
        for f in FORMATS
    ),
    # the information-sharing agreement and each organisation's protocol, as pages and files
    path("cooperation/documents/agreement/", sharing_views.agreement, name="agreement"),
    path("cooperation/documents/my-protocol/", sharing_views.my_protocol, name="my_protocol"),
    path("cooperation/documents/protocols/<slug:organisation>/", sharing_views.protocol, name="protocol"),
    *(
        path(
            f"cooperation/documents/agreement.{f}",
            sharing_views.agreement_download,
            {"file_format": f},
            name=f"agreement_{f}",
        )
        for f in SHEET_FORMATS
    ),
    *(
        path(
            f"cooperation/documents/protocols/<slug:organisation>.{f}",
            sharing_views.protocol_download,
            {"file_format": f},
            name=f"protocol_{f}",
        )
        for f in SHEET_FORMATS
    ),
]
