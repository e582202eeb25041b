"""The information-sharing agreement and each organisation's protocol: as pages for everyone in the plan, and as
DOCX and PDF downloads made by the export writers and kept in the audit trail (a long one prepared in the
background, as a large plan's export)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.document.selectors import plan_document
from cohesio.format import PlanDocument
from cohesio.network.selectors import own_partner_profile
from cohesio.plans.selectors import plan_for

from .models import ExportDocument
from .rendering import export_file, sheet_content, sheet_prepared_in_background
from .selectors import agreement_row, organisation_row
from .services import sharing_document_export_record
from .sharing_documents import SheetContent, agreement_content, protocol_content, sheet_file_name
from .views import file_response, prepare_page

SHEET_FORMATS = ("docx", "pdf")


def _downloads(name: str, **kwargs) -> list[tuple[str, str]]:
    """The page's download links: (words, address) per format."""
    words = {"pdf": _("Download as PDF"), "docx": _("Download as Word (DOCX)")}
    return [(words[f], reverse(f"exports:{name}_{f}", kwargs=kwargs)) for f in SHEET_FORMATS]


def _protocol(doc: PlanDocument, organisation: str) -> SheetContent:
    try:
        return protocol_content(doc, organisation, today=timezone.localdate())
    except KeyError:
        raise Http404


@locality_view("plan.view")
@require_GET
def agreement(request):
    plan = plan_for(request.locality)
    content = agreement_content(plan_document(plan), today=timezone.localdate())
    downloads = _downloads("agreement", locality=request.locality.slug)
    return render(request, "exports/agreement.html", {"plan": plan, "content": content, "downloads": downloads})


@locality_view("plan.view")
@require_GET
def protocol(request, organisation: str):
    plan = plan_for(request.locality)
    content = _protocol(plan_document(plan), organisation)
    downloads = _downloads("protocol", locality=request.locality.slug, organisation=organisation)
    return render(request, "exports/protocol.html", {"plan": plan, "content": content, "downloads": downloads})


@locality_view("plan.view")
@require_GET
def my_protocol(request):
    """A partner's way to their own organisation's protocol; anyone else chooses one from the agreement's list."""
    plan = plan_for(request.locality)
    partner = own_partner_profile(plan, request.user)
    if partner is None or partner.organisation is None:
        messages.info(
            request, _("You do not stand for an organisation in this plan. Choose the protocol you want to read.")
        )
        return redirect(reverse("exports:agreement", kwargs={"locality": request.locality.slug}) + "#protocols")
    return redirect("exports:protocol", locality=request.locality.slug, organisation=partner.organisation.key)


@locality_view("plan.export")
@require_GET
def agreement_download(request, file_format: str):
    plan = plan_for(request.locality)
    doc = plan_document(plan)
    if sheet_prepared_in_background(doc, file_format):
        return prepare_page(request, plan, file_format, document=ExportDocument.AGREEMENT)
    content = sheet_content(doc, today=timezone.localdate())  # in the plan's language, as the plan's exports
    body = export_file(content, file_format)
    sharing_document_export_record(
        acting_user=request.user, plan=plan, document="agreement", obj=agreement_row(plan), file_format=file_format
    )
    return file_response(body, file_format, sheet_file_name(content, request.locality.slug, file_format))


@locality_view("plan.export")
@require_GET
def protocol_download(request, organisation: str, file_format: str):
    plan = plan_for(request.locality)
    doc = plan_document(plan)
    name = next((o.name for o in doc.network.organisations if o.key == organisation), None)
    if name is None:
        raise Http404
    if sheet_prepared_in_background(doc, file_format, organisation):
        return prepare_page(
            request,
            plan,
            file_format,
            document=ExportDocument.PROTOCOL,
            organisation=organisation,
            organisation_name=name,
        )
    content = sheet_content(doc, organisation, today=timezone.localdate())
    body = export_file(content, file_format)
    sharing_document_export_record(
        acting_user=request.user,
        plan=plan,
        document="protocol",
        obj=organisation_row(plan, organisation),
        file_format=file_format,
    )
    return file_response(body, file_format, sheet_file_name(content, request.locality.slug, file_format))
