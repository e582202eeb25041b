"""The versions page (publish, list, switch the public page), comparing two versions, the downloads of any version
or the current plan, and the public page."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cohesio.core.access import locality_view, scoped_object
from cohesio.core.permissions import can
from cohesio.document.selectors import plan_document
from cohesio.format import dump
from cohesio.format.private import NOBODY
from cohesio.network.selectors import private_reading
from cohesio.plans.selectors import plan_for

from .forms import CompareForm, PrepareForm, PublishForm
from .labels import labelled_changes
from .models import ExportDocument, ExportFile, ExportStatus
from .rendering import (
    CONTENT_TYPES,
    current_content,
    export_file,
    file_name,
    prepared_in_background,
    version_content,
)
from .selectors import (
    agreement_row,
    export_is_for,
    organisation_of,
    organisation_row,
    public_version,
    publication_of,
    version_numbers,
    version_of,
    versions_compared,
    versions_of,
)
from .services import (
    PublicationRefused,
    export_file_request,
    export_record,
    publication_switch,
    sharing_document_export_record,
    version_publish,
)


def _versions_page(request, plan, *, form=None):
    versions = list(versions_of(plan))
    context = {
        "plan": plan,
        "versions": versions,
        "form": form or PublishForm(),
        "may_publish": can(request.user, "plan.publish", request.locality),
        "may_import": can(request.user, "plan.import", request.locality),
        "publication": publication_of(plan),
    }
    return render(request, "exports/versions.html", context, status=400 if form is not None else 200)


@locality_view("plan.view")
@require_GET
def versions(request):
    return _versions_page(request, plan_for(request.locality))


@locality_view("plan.publish")
@require_POST
def publish(request):
    plan = plan_for(request.locality)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return _versions_page(request, plan, form=form)
    version = version_publish(acting_user=request.user, plan=plan, note=form.cleaned_data["note"])
    messages.success(request, _("Version %(number)s is published.") % {"number": version.number})
    return redirect("exports:versions", locality=request.locality.slug)


@locality_view("plan.publish")
@require_POST
def publication(request):
    plan = plan_for(request.locality)
    enabled = request.POST.get("enabled") == "on"
    try:
        publication_switch(acting_user=request.user, plan=plan, enabled=enabled)
    except PublicationRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The public page is on.") if enabled else _("The public page is off."))
    return redirect("exports:versions", locality=request.locality.slug)


def _compared(request, plan):
    """The two versions asked for (by default the latest and the one before it), and their difference."""
    numbers = version_numbers(plan)
    form = CompareForm(request.GET)
    cleaned = form.cleaned_data if form.is_valid() else {}
    new = cleaned.get("new") or (numbers[0] if numbers else 0)
    old = cleaned.get("old") or (new - 1 if new > 1 else new)
    return numbers, versions_compared(plan, old, new, reading=private_reading(request.user, plan))


@locality_view("plan.view")
@require_GET
def compare(request):
    plan = plan_for(request.locality)
    numbers, (old, new, diff) = _compared(request, plan)
    groups = labelled_changes(diff)
    context = {"plan": plan, "numbers": numbers, "old": old, "new": new, "diff": diff, "groups": groups}
    return render(request, "exports/compare.html", context)


@locality_view("plan.view")
@require_GET
def compare_json(request):
    plan = plan_for(request.locality)
    _numbers, (old, new, diff) = _compared(request, plan)
    return JsonResponse({"old": old.number, "new": new.number, **diff.to_dict()})


def file_response(body: bytes, file_format: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def prepare_page(
    request,
    plan,
    file_format: str,
    version=None,
    public: bool = False,
    *,
    document: str = ExportDocument.PLAN,
    organisation: str = "",
    organisation_name: str = "",
):
    """A large plan's export takes a while, as does a long agreement's or protocol's: offer to prepare it in the
    background."""
    context = {
        "plan": plan,
        "file_format": file_format,
        "version": version,
        "public": public,
        "document": document,
        "organisation": organisation,
        "organisation_name": organisation_name,
    }
    return render(request, "exports/prepare.html", context)


@locality_view("plan.export")
@require_GET
def download_current(request, file_format: str):
    plan = plan_for(request.locality)
    public = request.GET.get("public") == "1"
    doc = plan_document(plan)
    if prepared_in_background(dump(doc), file_format):
        return prepare_page(request, plan, file_format, None, public)
    content = current_content(plan, public=public, doc=doc, reading=private_reading(request.user, plan))
    body = export_file(content, file_format)
    export_record(acting_user=request.user, plan=plan, version=None, file_format=file_format, public=public)
    return file_response(body, file_format, file_name(request.locality.slug, None, file_format, public=public))


@locality_view("plan.export")
@require_GET
def download_version(request, pk: int, file_format: str):
    plan = plan_for(request.locality)
    version = version_of(plan, pk)
    public = request.GET.get("public") == "1"
    if prepared_in_background(version.document, file_format):
        return prepare_page(request, plan, file_format, version, public)
    body = export_file(
        version_content(version, public=public, reading=private_reading(request.user, plan)), file_format
    )
    export_record(acting_user=request.user, plan=plan, version=version, file_format=file_format, public=public)
    return file_response(
        body, file_format, file_name(request.locality.slug, version.number, file_format, public=public)
    )


@locality_view("plan.export")
@require_POST
def prepare(request):
    plan = plan_for(request.locality)
    form = PrepareForm(request.POST)
    if not form.is_valid():
        raise Http404  # names no export this plan has
    number = form.cleaned_data["version"]
    version = version_of(plan, number) if number else None
    document, organisation = form.cleaned_data["document"], form.cleaned_data["organisation"]
    if document == ExportDocument.PROTOCOL:
        organisation_row(plan, organisation)  # 404 for a key that is no organisation of the plan
    export = export_file_request(
        acting_user=request.user,
        plan=plan,
        version=version,
        file_format=form.cleaned_data["file_format"],
        public=form.cleaned_data["public"],
        document=document,
        organisation=organisation,
    )
    return redirect("exports:file", locality=request.locality.slug, pk=export.pk)


@locality_view("plan.export")
@require_GET
def prepared_file(request, pk: int):
    """How far a background export has come; htmx asks again every few seconds until it is ready."""
    export = scoped_object(ExportFile.objects.select_related("version"), request.locality, pk=pk)
    busy = export.status in (ExportStatus.WAITING, ExportStatus.RUNNING)
    context = {
        "export": export,
        "plan": export.plan,
        "busy": busy,
        "ready": export.status == ExportStatus.DONE,
        "for_me": export_is_for(export, request.user),
    }
    if export.document == ExportDocument.PROTOCOL:
        organisation = organisation_of(export.plan, export.organisation)
        context["organisation_name"] = organisation.name if organisation else export.organisation
    template = "exports/prepared_status.html" if request.htmx else "exports/prepared.html"
    return render(request, template, context)


@locality_view("plan.export")
@require_GET
def prepared_download(request, pk: int):
    export = scoped_object(ExportFile.objects.select_related("version", "plan"), request.locality, pk=pk)
    if export.status != ExportStatus.DONE or not export_is_for(export, request.user):
        raise Http404
    if export.document == ExportDocument.PLAN:
        export_record(
            acting_user=request.user,
            plan=export.plan,
            version=export.version,
            file_format=export.file_format,
            public=export.public,
        )
    else:  # kept as the agreement's or the protocol's download in the request is
        if export.document == ExportDocument.AGREEMENT:
            row = agreement_row(export.plan)
        else:
            row = organisation_of(export.plan, export.organisation)  # None: it has left the plan since
        sharing_document_export_record(
            acting_user=request.user, plan=export.plan, document=export.document, obj=row, file_format=export.file_format
        )
    name = export.file.name.rsplit("/", 1)[-1]
    response = FileResponse(export.file.open("rb"), as_attachment=True, filename=name)
    response["Content-Type"] = CONTENT_TYPES[export.file_format]
    return response


# The public page and its PDF are for anyone with the address, signed in or not: no locality_view. What they may
# show is decided by `public.py`; whether they answer at all by the coordinator's switch (404 when off).


@require_GET
def public_page(request, token: str):
    version = public_version(token)
    pdf_url = reverse("public:pdf", kwargs={"token": token})
    content = version_content(version, public=True, reading=NOBODY)
    body = export_file(content, "html", css_url=static("exports/print.css"), pdf_url=pdf_url)
    export_record(acting_user=request.user, plan=version.plan, version=version, file_format="html", public=True)
    return HttpResponse(body, content_type=CONTENT_TYPES["html"])


@require_GET
def public_pdf(request, token: str):
    version = public_version(token)
    body = export_file(version_content(version, public=True, reading=NOBODY), "pdf")
    export_record(acting_user=request.user, plan=version.plan, version=version, file_format="pdf", public=True)
    slug = version.plan.locality.slug
    return file_response(body, "pdf", file_name(slug, version.number, "pdf", public=True))
