"""Reads of published versions and the public page, the checker's findings as a version stores them, the
preview of a plan file imported as an update, and the rows the sharing documents' downloads are recorded against."""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation

from cohesio.document.selectors import plan_document
from cohesio.format import PlanDocument, dump, load
from cohesio.format.diff import PlanDiff, diff_documents
from cohesio.format.io import digest
from cohesio.format.private import PrivateReading, redacted_data
from cohesio.network.models import Organisation
from cohesio.plans.models import Plan
from cohesio.review.selectors import PlanReview, plan_findings
from cohesio.sharing.models import Agreement

from .models import ExportFile, PlanPublication, PlanVersion


def findings_snapshot(plan: Plan, doc: PlanDocument) -> dict:
    """The checker's summary and findings with their acceptances, in the plan's language, as JSON."""
    with translation.override(plan.language):
        review = plan_findings(plan, doc)
        summary = {key: review.summary[key] for key in ("errors", "warnings", "tips", "accepted", "total")}
        return {"language": plan.language, "summary": summary, "findings": [r.to_dict() for r in review.findings]}


def versions_of(plan: Plan):
    """The plan's versions, newest first, without their (large) documents."""
    return PlanVersion.objects.filter(plan=plan).defer("document", "findings").select_related("published_by")


def version_numbers(plan: Plan) -> list[int]:
    """The numbers of the plan's versions, newest first."""
    return list(PlanVersion.objects.filter(plan=plan).order_by("-number").values_list("number", flat=True))


def version_of(plan: Plan, number: int) -> PlanVersion:
    """One version of the plan by its number, or 404."""
    return get_object_or_404(PlanVersion.objects.select_related("plan__locality"), plan=plan, number=number)


def version_document(version: PlanVersion) -> PlanDocument:
    """The plan document exactly as the version froze it."""
    return load(version.document)


def versions_compared(
    plan: Plan, old: int, new: int, *, reading: PrivateReading
) -> tuple[PlanVersion, PlanVersion, PlanDiff]:
    """Two versions of the plan and what changed from `old` to `new` (one query for both), as a reader with
    `reading` may read them: partners' interests, doubts and conditions compared only where they may."""
    versions = {v.number: v for v in PlanVersion.objects.filter(plan=plan, number__in=[old, new])}
    if old not in versions or new not in versions:
        raise Http404
    before, after = (redacted_data(versions[n].document, reading) for n in (old, new))
    return versions[old], versions[new], diff_documents(before, after)


def export_is_for(export: ExportFile, user) -> bool:
    """May `user` download this prepared file? It holds what its requester may read (partners' interests, doubts
    and conditions among it): only they may, unless it is the public version."""
    return export.public or (export.requested_by_id is not None and export.requested_by_id == user.pk)


def publication_of(plan: Plan) -> PlanPublication:
    """The plan's public page settings (off, unsaved, when never switched on)."""
    return PlanPublication.objects.filter(plan=plan).first() or PlanPublication(plan=plan, enabled=False)


def public_version(token: str) -> PlanVersion:
    """The latest version behind a public page that is on; 404 for an unknown token or a page switched off."""
    publication = PlanPublication.objects.filter(token=token, enabled=True).select_related("plan__locality").first()
    if publication is None:
        raise Http404
    version = PlanVersion.objects.filter(plan=publication.plan).select_related("plan__locality").first()
    if version is None:
        raise Http404
    return version


@dataclass
class ImportPreview:
    """What importing a file into the plan would do: the changes per element, what the checker says about the
    plan after it, and the digest of the plan's document now (the confirmation is refused if it moves on)."""

    diff: PlanDiff
    review: PlanReview
    digest: str

    @property
    def nothing_to_change(self) -> bool:
        return not self.diff.changes


def import_preview(plan: Plan, doc: PlanDocument) -> ImportPreview:
    """Compare the plan now with `doc` and check the plan as it would be; writes nothing (fixed query count)."""
    before = plan_document(plan)
    # the status moves only through the workflow, never by a file: the plan keeps its own (as plan_update does)
    after = doc.model_copy(update={"plan": doc.plan.model_copy(update={"status": before.plan.status})})
    return ImportPreview(diff_documents(dump(before), dump(after)), plan_findings(plan, after), digest(before))


def agreement_row(plan: Plan) -> Agreement | None:
    """The plan's information-sharing agreement row (what its downloads are recorded against), or None."""
    return Agreement.objects.filter(plan=plan).first()


def organisation_row(plan: Plan, key: str) -> Organisation:
    """One organisation of the plan by its key, or 404."""
    return get_object_or_404(Organisation, plan=plan, key=key)


def organisation_of(plan: Plan, key: str) -> Organisation | None:
    """One organisation of the plan by its key, or None (it may have left the plan since its protocol was made)."""
    return Organisation.objects.filter(plan=plan, key=key).first()
