"""Writes of the exports app: publishing a version, switching the public page, and recording each export.

Each takes the acting user, asks the permission function first and writes its audit record (ids only) in the
same transaction.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesio.audit.services import record
from cohesio.core.permissions import require
from cohesio.document.selectors import plan_document
from cohesio.format import FORMAT_VERSION, dump
from cohesio.plans.models import Plan

from .models import ExportDocument, ExportFile, PlanPublication, PlanVersion, VersionOccasion
from .selectors import findings_snapshot


class PublicationRefused(Exception):
    """The public page cannot be switched on now; the message says why in plain words."""

    def __init__(self, message):
        self.message = message
        super().__init__(message)


def _freeze(*, plan: Plan, acting_user, note: str, occasion: str, now) -> PlanVersion:
    """Save the plan as it is now as its next version; call it with the plan row locked."""
    doc = plan_document(plan)
    last = PlanVersion.objects.filter(plan=plan).order_by("-number").values_list("number", flat=True).first()
    version = PlanVersion(
        plan=plan,
        locality_id=plan.locality_id,
        number=(last or 0) + 1,
        note=note.strip(),
        occasion=occasion,
        plan_status=plan.status,
        published_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        published_at=now,
        format_version=doc.format_version or FORMAT_VERSION,
        document=dump(doc),
        findings=findings_snapshot(plan, doc),
    )
    version.full_clean()
    version.save()
    return version


def version_publish(*, acting_user, plan: Plan, note: str = "", now=None) -> PlanVersion:
    """Freeze the plan as it is now as a new published version, with the checker's findings at this moment."""
    require(acting_user, "plan.publish", plan.locality)
    now = now or timezone.now()
    with transaction.atomic():
        plan = Plan.objects.select_for_update().select_related("locality").get(pk=plan.pk)
        version = _freeze(plan=plan, acting_user=acting_user, note=note, occasion=VersionOccasion.PUBLISHED, now=now)
        record(actor=acting_user, action="plan.version.publish", obj=version, now=now)
    return version


def version_freeze_on_adoption(sender, *, plan: Plan, acting_user, now=None, **kwargs) -> PlanVersion:
    """Every adoption freezes a version; runs inside the adopting transaction (the `plan_adopted` signal)."""
    require(acting_user, "plan.adopt", plan.locality)
    now = now or timezone.now()
    version = _freeze(plan=plan, acting_user=acting_user, note=_("Adopted"), occasion=VersionOccasion.ADOPTED, now=now)
    record(actor=acting_user, action="plan.version.adopt", obj=version, now=now)
    return version


def publication_switch(*, acting_user, plan: Plan, enabled: bool, now=None) -> PlanPublication:
    """Switch the plan's public page on or off. It shows the latest published version, so one must exist."""
    require(acting_user, "plan.publish", plan.locality)
    with transaction.atomic():
        plan = Plan.objects.select_for_update().select_related("locality").get(pk=plan.pk)
        publication = PlanPublication.objects.filter(plan=plan).first() or PlanPublication(plan=plan)
        if enabled and not PlanVersion.objects.filter(plan=plan).exists():
            raise PublicationRefused(_("Publish a version first: the public page shows the latest published version."))
        publication.enabled = enabled
        if not publication._state.adding:
            publication.revision += 1
        publication.full_clean()
        publication.save()
        record(actor=acting_user, action=f"plan.public_page.{'on' if enabled else 'off'}", obj=publication, now=now)
    return publication


def export_record(*, acting_user, plan: Plan, version: PlanVersion | None, file_format: str, public: bool) -> None:
    """Keep in the audit trail that someone exported the plan: who, which version (or the current plan), format."""
    action = f"plan.export.{file_format}{'.public' if public else ''}"
    with transaction.atomic():
        record(actor=acting_user, action=action, obj=version if version is not None else plan)


def export_file_request(
    *,
    acting_user,
    plan: Plan,
    version: PlanVersion | None,
    file_format: str,
    public: bool,
    document: str = ExportDocument.PLAN,
    organisation: str = "",
) -> ExportFile:
    """Ask for a large plan's export to be prepared in the background, or its information-sharing agreement's
    (`document="agreement"`) or an organisation's protocol (`"protocol"`, with the organisation's key); the task
    starts after commit."""
    from .tasks import export_file_prepare

    require(acting_user, "plan.export", plan.locality)
    with transaction.atomic():
        export = ExportFile(
            plan=plan,
            version=version,
            document=document,
            organisation=organisation,
            file_format=file_format,
            public=public,
            requested_by=acting_user,
        )
        export.full_clean()
        export.save()
        record(actor=acting_user, action="plan.export.prepare", obj=export)
        transaction.on_commit(lambda: export_file_prepare.enqueue(export.pk))
    return export


def export_files_clean(*, hours: int | None = None, now=None) -> int:
    """Remove prepared export files made more than `hours` ago (default COHESIO_EXPORT_FILE_HOURS), rows and files.

    An operator task (the command line, cron): no person acts. Each removal is kept in the audit trail of its
    locality; the files go from storage once the rows are gone, so a failed run leaves no row without its file.
    Returns how many were removed.
    """
    hours = settings.COHESIO_EXPORT_FILE_HOURS if hours is None else hours
    if hours < 0:
        raise ValueError("hours must be 0 or more")
    now = now or timezone.now()
    with transaction.atomic():
        old = list(ExportFile.objects.select_for_update().filter(created_at__lt=now - timedelta(hours=hours)))
        for export in old:
            record(actor=None, action="plan.export.file.remove", obj=export, now=now)
        ExportFile.objects.filter(pk__in=[e.pk for e in old]).delete()
        for export in old:
            if export.file:
                transaction.on_commit(lambda f=export.file: f.storage.delete(f.name))
    return len(old)


def sharing_document_export_record(*, acting_user, plan: Plan, document: str, obj, file_format: str) -> None:
    """Keep in the audit trail that someone downloaded the information-sharing agreement (`document="agreement"`,
    `obj` the agreement) or an organisation's protocol (`"protocol"`, `obj` the organisation): who, which, format."""
    require(acting_user, "plan.export", plan.locality)
    if document not in ("agreement", "protocol"):
        raise ValueError(f"unknown sharing document {document!r}")
    action = f"sharing.{document}.export.{file_format}"
    with transaction.atomic():
        record(actor=acting_user, action=action, obj=obj if obj is not None else plan)
