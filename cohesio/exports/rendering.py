"""One way to make any export: from a version (exactly as frozen) or the current plan, in one of four formats."""

from datetime import date

from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from cohesio.checks.private import finding_dicts_for
from cohesio.document.selectors import plan_document
from cohesio.format import PlanDocument, dump
from cohesio.format.private import PrivateReading, redacted_data
from cohesio.plans.models import Plan

from .content import PlanContent, VersionInfo, plan_content
from .models import PlanVersion
from .selectors import findings_snapshot
from .sharing_documents import SheetContent, agreement_content, protocol_content

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "html": "text/html; charset=utf-8",
}
FORMATS = tuple(CONTENT_TYPES)


def _content(
    document: dict, findings: dict, version: PlanVersion | None, public: bool, reading: PrivateReading
) -> PlanContent:
    language = document.get("plan", {}).get("language") or "en"
    with translation.override(language):
        document, findings = for_reader(document, findings, reading)
        info = VersionInfo()
        if version is not None:
            published = formats.date_format(timezone.localtime(version.published_at), "DATE_FORMAT")
            info = VersionInfo(number=version.number, published_at=published, note=version.note)
        return plan_content(document, findings, version=info, public=public)


def for_reader(document: dict, findings: dict, reading: PrivateReading) -> tuple[dict, dict]:
    """A document's JSON dump and its findings (as a version stores them) as a reader with `reading` may read
    them: partners' interests, doubts and conditions, and findings about them, only where the permission
    function lets them (the masked findings in the active language). Copies: what is stored is not changed."""
    shown = finding_dicts_for(findings.get("findings", []), document, reading, gettext)
    return redacted_data(document, reading), {**findings, "findings": shown}


def version_content(version: PlanVersion, *, reading: PrivateReading, public: bool = False) -> PlanContent:
    """The content of a version's export, from the document and findings it froze, as `reading` may read it."""
    return _content(version.document, version.findings, version, public, reading)


def current_content(
    plan: Plan, *, reading: PrivateReading, public: bool = False, doc: PlanDocument | None = None
) -> PlanContent:
    """The content of the export of the plan as it is now (with the checker's findings now), as `reading` may
    read it."""
    doc = doc if doc is not None else plan_document(plan)
    return _content(dump(doc), findings_snapshot(plan, doc), None, public, reading)


# Above this many rows a format takes more than a few seconds to make: it is prepared in the background.
BACKGROUND_ROWS = {"pdf": 100, "docx": 1000, "odt": 1000, "html": 1000}
_ROWS = [
    ("goals",),
    ("definitions",),
    ("analysis", "factors"),
    ("network", "organisations"),
    ("network", "partners"),
    ("sharing", "information_types"),
    ("sharing", "rules"),
    ("interventions",),
    ("monitoring",),
]


def plan_rows(document: dict) -> int:
    """How many rows the plan's tables have: what the time to make an export grows with."""
    total = 0
    for path in _ROWS:
        node = document
        for part in path:
            node = node.get(part) or {}
        total += len(node)
    return total


def prepared_in_background(document: dict, file_format: str) -> bool:
    return plan_rows(document) > BACKGROUND_ROWS[file_format]


# The agreement's PDF takes about 0.015 s a row: 1.3 s for the demo (43 rows, 8 pages), 3.3 s for four times it
# (172 rows), 7 s for ten times it (430 rows, 67 pages); its Word file 1.4 s at 860 rows. A protocol's rows take
# less (2.8 s for 230 rules of one organisation). Above this many rows the file is prepared in the background.
SHEET_BACKGROUND_ROWS = {"pdf": 150, "docx": 1000}


def sheet_rows(doc: PlanDocument, organisation: str | None = None) -> int:
    """How many rows the agreement (`organisation` None) or an organisation's protocol sets out: what the time to
    make its file grows with. The agreement: every sharing rule and every signature; a protocol: the rules of the
    information its organisation holds and the rules that may bring it information."""
    rules = doc.sharing.rules
    agreement = doc.sharing.agreement
    if organisation is None:
        return len(rules) + (len(agreement.signatories) if agreement else 0)
    held = {t.key for t in doc.sharing.information_types if t.organisation == organisation}
    return sum(
        1
        for r in rules
        if r.information_type in held or organisation in r.recipients or (not r.recipients and r.recipient_roles)
    )


def sheet_prepared_in_background(doc: PlanDocument, file_format: str, organisation: str | None = None) -> bool:
    return sheet_rows(doc, organisation) > SHEET_BACKGROUND_ROWS[file_format]


def sheet_content(doc: PlanDocument, organisation: str | None = None, *, today: date) -> SheetContent:
    """The agreement (`organisation` None) or an organisation's protocol as its file has it: in the plan's language,
    like every export. KeyError for an organisation the plan does not have."""
    with translation.override(doc.plan.language):
        if organisation is None:
            return agreement_content(doc, today=today)
        return protocol_content(doc, organisation, today=today)


def export_file(
    content: PlanContent | SheetContent, file_format: str, *, css_url: str | None = None, pdf_url: str | None = None
) -> bytes:
    """The file in `file_format` (docx, pdf, odt or html), with its words in the plan's language; a short document
    (the agreement, a protocol) as DOCX, PDF or HTML."""
    if isinstance(content, SheetContent):
        return _sheet_file(content, file_format, css_url=css_url)
    with translation.override(content.language):
        if file_format == "docx":
            from .word import docx_document

            return docx_document(content)
        if file_format == "pdf":
            from .pdf import pdf_document

            return pdf_document(content)
        if file_format == "odt":
            from .odt import odt_document

            return odt_document(content)
        if file_format == "html":
            from .pdf import html_document

            return html_document(content, css_url=css_url, pdf_url=pdf_url).encode()
    raise ValueError(f"unknown export format {file_format!r}")


def _sheet_file(content: SheetContent, file_format: str, *, css_url: str | None) -> bytes:
    with translation.override(content.language):
        if file_format == "docx":
            from .word import sheet_docx

            return sheet_docx(content)
        if file_format == "pdf":
            from .pdf import sheet_pdf

            return sheet_pdf(content)
        if file_format == "html":
            from .pdf import sheet_html

            return sheet_html(content, css_url=css_url).encode()
    raise ValueError(f"no {file_format!r} export of a short document")


def file_name(slug: str, number: int | None, file_format: str, *, public: bool = False) -> str:
    """A name people recognise: `riverton-plan-v3.docx`, `riverton-plan-v3-public.pdf`, `riverton-plan-now.odt`."""
    which = f"v{number}" if number else "now"
    return f"{slug}-plan-{which}{'-public' if public else ''}.{file_format}"
