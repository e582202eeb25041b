"""Background work of the exports: preparing the file of a large plan, or of its long agreement or protocol
(django-tasks; `manage.py db_worker` runs it with the database backend, the immediate backend runs it at once in
development and tests)."""

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from cohesio.document.selectors import plan_document
from cohesio.network.selectors import private_reading

from .models import ExportDocument, ExportFile, ExportStatus
from .rendering import current_content, export_file, file_name, sheet_content, version_content
from .sharing_documents import sheet_file_name


@task()
def export_file_prepare(export_id: int) -> int:
    """Render one waiting export into its file; returns its size in bytes (0 when it could not be made)."""
    claimed = ExportFile.objects.filter(pk=export_id, status=ExportStatus.WAITING).update(status=ExportStatus.RUNNING)
    if not claimed:
        return 0  # another worker has it, or it is done
    export = ExportFile.objects.select_related("plan__locality", "version", "requested_by").get(pk=export_id)
    # the file holds what the person who asked for it may read, and only they may download it (export_is_for)
    reading = private_reading(export.requested_by, export.plan)
    slug = export.plan.locality.slug
    try:
        if export.document != ExportDocument.PLAN:  # the agreement or a protocol, as the download in the request
            organisation = export.organisation if export.document == ExportDocument.PROTOCOL else None
            content = sheet_content(plan_document(export.plan), organisation, today=timezone.localdate())
            name = sheet_file_name(content, slug, export.file_format)
        elif export.version is not None:
            content = version_content(export.version, public=export.public, reading=reading)
            name = file_name(slug, export.version.number, export.file_format, public=export.public)
        else:
            content = current_content(export.plan, public=export.public, reading=reading)
            name = file_name(slug, None, export.file_format, public=export.public)
        body = export_file(content, export.file_format)
    except Exception:
        ExportFile.objects.filter(pk=export_id).update(status=ExportStatus.FAILED, finished_at=timezone.now())
        raise
    export.file.save(name, ContentFile(body), save=False)
    ExportFile.objects.filter(pk=export_id).update(
        file=export.file.name, status=ExportStatus.DONE, finished_at=timezone.now()
    )
    return len(body)
