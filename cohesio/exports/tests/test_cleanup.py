"""Prepared export files are not kept forever: `cohesio clean-exports` removes the old ones, rows and files, each
removal in the audit trail of its locality."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from cohesio.audit.models import AuditEvent
from cohesio.cli import main
from cohesio.exports.models import ExportFile, ExportStatus
from cohesio.exports.services import export_files_clean


@pytest.fixture
def prepared(plan, alice, settings, tmp_path):
    """Three prepared files of Riverside's plan: made 30 hours, 23 hours and 1 hour ago."""
    settings.MEDIA_ROOT = tmp_path
    made = {}
    for hours in (30, 23, 1):
        export = ExportFile.objects.create(plan=plan, file_format="pdf", requested_by=alice, status=ExportStatus.DONE)
        export.file.save(f"riverside-plan-{hours}h.pdf", ContentFile(b"%PDF-1.7 test"), save=True)
        ExportFile.objects.filter(pk=export.pk).update(created_at=timezone.now() - timedelta(hours=hours))
        made[hours] = ExportFile.objects.get(pk=export.pk)
    return made


def _exists(export) -> bool:
    return export.file.storage.exists(export.file.name)


def test_files_older_than_the_setting_go_with_their_rows_and_an_audit_event(prepared, settings, django_capture_on_commit_callbacks):
    settings.COHESIO_EXPORT_FILE_HOURS = 24

    with django_capture_on_commit_callbacks(execute=True):
        removed = export_files_clean()

    assert removed == 1
    assert set(ExportFile.objects.values_list("pk", flat=True)) == {prepared[23].pk, prepared[1].pk}
    assert not _exists(prepared[30]) and _exists(prepared[23]) and _exists(prepared[1])
    event = AuditEvent.objects.get(action="plan.export.file.remove")
    assert event.object_id == str(prepared[30].pk) and event.locality_id == prepared[30].locality_id
    assert event.actor is None


def test_the_command_takes_another_age_and_says_how_many_went(prepared, capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert main(["clean-exports", "--hours", "2"]) == 0

    assert "Removed 2 prepared export files." in capsys.readouterr().err
    assert list(ExportFile.objects.values_list("pk", flat=True)) == [prepared[1].pk]
    assert not _exists(prepared[30]) and not _exists(prepared[23]) and _exists(prepared[1])
    assert AuditEvent.objects.filter(action="plan.export.file.remove").count() == 2


def test_the_command_refuses_a_negative_age(prepared, capsys):
    assert main(["clean-exports", "--hours", "-1"]) == 2

    assert "--hours must be 0 or more" in capsys.readouterr().err
    assert ExportFile.objects.count() == 3


def test_nothing_to_remove_is_said_plainly(plan, capsys):
    assert main(["clean-exports"]) == 0

    assert "Removed 0 prepared export files." in capsys.readouterr().err
    assert not AuditEvent.objects.filter(action="plan.export.file.remove").exists()
