"""Published versions of a plan (immutable snapshots) and the plan's public page settings."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cohesio.core.models import Locality
from cohesio.plans.models import Plan


class VersionOccasion(models.TextChoices):
    PUBLISHED = "published", _("Published by the coordinator")
    ADOPTED = "adopted", _("Adopted")


class PlanVersion(models.Model):
    """The plan as it was when it was published or adopted: the open-format document and the checker's findings.

    A version never changes once saved; the database refuses updates on PostgreSQL too (migration 0002).
    """

    locality = models.ForeignKey(Locality, on_delete=models.CASCADE, related_name="+", editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions", editable=False)
    number = models.PositiveIntegerField(_("version"))
    note = models.CharField(_("note"), max_length=300, blank=True, help_text=_("What this version is, in a line."))
    occasion = models.CharField(
        _("occasion"), max_length=20, choices=VersionOccasion.choices, default=VersionOccasion.PUBLISHED
    )
    plan_status = models.CharField(_("plan status then"), max_length=20)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"))
    format_version = models.CharField(_("format version"), max_length=10)
    document = models.JSONField(_("plan document"))
    findings = models.JSONField(_("checker's findings"))

    class Meta:
        ordering = ["-number"]
        verbose_name = _("published version")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="version_number_unique_per_plan"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="version_number_positive"),
            models.CheckConstraint(condition=models.Q(occasion__in=VersionOccasion.values), name="version_occasion_valid"),
        ]

    def __str__(self) -> str:
        return f"plan {self.plan_id} v{self.number}"  # reads no related rows

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("A published version cannot be changed."))
        self.locality_id = self.plan.locality_id
        super().save(*args, **kwargs)


def new_public_token() -> str:
    return secrets.token_urlsafe(32)


class PlanPublication(models.Model):
    """Whether the plan's public page is on, and its unguessable address. Off until the coordinator switches it on."""

    locality = models.ForeignKey(Locality, on_delete=models.CASCADE, related_name="+", editable=False)
    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="publication", editable=False)
    enabled = models.BooleanField(_("public page on"), default=False)
    token = models.CharField(max_length=64, unique=True, default=new_public_token, editable=False)
    revision = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("public page")

    def __str__(self) -> str:
        return f"public page of plan {self.plan_id} ({'on' if self.enabled else 'off'})"

    def save(self, *args, **kwargs):
        self.locality_id = self.plan.locality_id
        super().save(*args, **kwargs)


class ExportStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to start")
    RUNNING = "running", _("Being prepared")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Could not be made")


class ExportDocument(models.TextChoices):
    PLAN = "plan", _("The plan")
    AGREEMENT = "agreement", _("The information-sharing agreement")
    PROTOCOL = "protocol", _("An organisation's protocol")


class ExportFile(models.Model):
    """An export of a large plan, or of its agreement or an organisation's protocol, prepared in the background
    (django-tasks) and kept for download."""

    locality = models.ForeignKey(Locality, on_delete=models.CASCADE, related_name="+", editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+", editable=False)
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    document = models.CharField(
        _("document"), max_length=20, choices=ExportDocument.choices, default=ExportDocument.PLAN
    )
    organisation = models.CharField(_("organisation"), max_length=64, blank=True)  # the protocol's organisation key
    file_format = models.CharField(_("format"), max_length=10)
    public = models.BooleanField(_("public version"), default=False)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.WAITING)
    file = models.FileField(upload_to="exports/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("prepared export")
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=ExportStatus.values), name="export_status_valid"),
            models.CheckConstraint(
                condition=models.Q(file_format__in=["docx", "pdf", "odt", "html"]), name="export_format_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(document__in=ExportDocument.values), name="export_document_valid"
            ),
            # a protocol names its organisation, no other document does
            models.CheckConstraint(
                condition=models.Q(document=ExportDocument.PROTOCOL, organisation__gt="")
                | (~models.Q(document=ExportDocument.PROTOCOL) & models.Q(organisation="")),
                name="export_organisation_of_protocol",
            ),
            # the agreement and the protocols are of the plan now and name people: never a version, never public;
            # they are made as DOCX or PDF
            models.CheckConstraint(
                condition=models.Q(document=ExportDocument.PLAN)
                | models.Q(version__isnull=True, public=False, file_format__in=["docx", "pdf"]),
                name="export_sharing_document_current_private",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} of plan {self.plan_id} {self.file_format} ({self.status})"

    def save(self, *args, **kwargs):
        self.locality_id = self.plan.locality_id
        super().save(*args, **kwargs)
