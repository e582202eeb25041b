"""Background work of the exports: preparing the file of a large plan (django-tasks; `manage.py db_worker` runs it
with the database backend, the immediate backend runs it at once in development and tests)."""

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from cohesio.network.selectors import private_reading

from .models import ExportFile, ExportStatus
from .rendering import current_content, export_file, file_name, version_content


@task()
def export_file_prepare(export_id: int) -> int:
    """Render one waiting export into its file; returns its size in bytes (0 when it could not be made)."""
    claimed = ExportFile.objects.filter(pk=export_id, status=ExportStatus.WAITING).update(status=ExportStatus.RUNNING)
    if not claimed:
        return 0  # another worker has it, or it is done
    export = ExportFile.objects.select_related("plan__locality", "version", "requested_by").get(pk=export_id)
    # the file holds what the person who asked for it may read, and only they may download it (export_is_for)
    reading = private_reading(export.requested_by, export.plan)
    try:
        if export.version is not None:
            content = version_content(export.version, public=export.public, reading=reading)
        else:
            content = current_content(export.plan, public=export.public, reading=reading)
        body = export_file(content, export.file_format)
    except Exception:
        ExportFile.objects.filter(pk=export_id).update(status=ExportStatus.FAILED, finished_at=timezone.now())
        raise
    number = export.version.number if export.version else None
    name = file_name(export.plan.locality.slug, number, export.file_format, public=export.public)
    export.file.save(name, ContentFile(body), save=False)
    ExportFile.objects.filter(pk=export_id).update(
        file=export.file.name, status=ExportStatus.DONE, finished_at=timezone.now()
    )
    return len(body)
