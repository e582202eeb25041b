"""The demo plan's information-sharing agreement and every organisation's protocol as DOCX and PDF, read back with
their own libraries: organisation names, the rules in sentences and in the partners' words, retention periods; the
PDFs tagged with their language; every demo protocol on one page."""

import io
import re
from datetime import date

import docx
import pytest

from cohesio.demo.riverton import riverton_document
from cohesio.exports.rendering import export_file
from cohesio.exports.sharing_documents import agreement_content, protocol_content, sheet_file_name
from cohesio.format.protocol import agreement_text, lines, protocol

from .files import docx_text, pdf_reader, pdf_text

TODAY = date(2026, 6, 1)
COLLEGE = "org-riverside-college"
# the structured rule of Riverside College's attendance concerns, as the college's protocol says it
COLLEGE_SHARES = (
    "You may share 'School attendance concerns' with Riverton Care and Safety Hub, Municipality of Riverton and River "
    "District Youth Care Service, for prevention and safeguarding or planning support for the person. Pass it on "
    "through the secure case module. They note it in the case file and may not pass it on. It is kept 2 years from "
    "the day the case is closed."
)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def doc():
    return riverton_document()


@pytest.fixture(scope="module")
def agreement_files(doc):
    content = agreement_content(doc, today=TODAY)
    return content, {fmt: export_file(content, fmt) for fmt in ("docx", "pdf")}


@pytest.fixture(scope="module")
def protocol_files(doc):
    files = {}
    for organisation in doc.network.organisations:
        content = protocol_content(doc, organisation.key, today=TODAY)
        files[organisation.key] = (content, {fmt: export_file(content, fmt) for fmt in ("docx", "pdf")})
    return files


def _texts(files: dict) -> dict[str, str]:
    return {"docx": _one_line(docx_text(files["docx"])), "pdf": _one_line(pdf_text(files["pdf"]))}


def test_the_agreement_has_every_rule_in_sentences_and_in_the_partners_words(doc, agreement_files):
    _content, files = agreement_files
    kinds = {t.key: t for t in doc.sharing.information_types}
    for fmt, text in _texts(files).items():
        assert doc.sharing.agreement.title in text, fmt
        for rule in doc.sharing.rules:
            kind = kinds[rule.information_type]
            holder = next(o.name for o in doc.network.organisations if o.key == kind.organisation)
            assert f"{holder} may share '{kind.name}' with" in text, (fmt, rule.key)
            for explanation in (rule.purpose, rule.why, rule.when, rule.retention):
                assert _one_line(explanation) in text, (fmt, rule.key, explanation)


def test_the_agreement_gives_retention_periods_and_who_signed_each_organisation(doc, agreement_files):
    _content, files = agreement_files
    for fmt, text in _texts(files).items():
        assert "It is kept 2 years from the day the case is closed." in text
        assert "It is kept 6 months from the day it is shared." in text
        assert "It is kept 4 years from the day it is shared." in text
        assert "It is kept 1 year from the day it is shared." in text  # one year, not "1 years"
        for signatory in doc.sharing.agreement.signatories:
            name = next(o.name for o in doc.network.organisations if o.key == signatory.organisation)
            assert name in text, (fmt, name)
        assert "Elif Yılmaz" in text  # who signed for the Hub: these are internal documents
        assert "Version 1 of the agreement is in force since March 2, 2026." in text


def test_every_organisation_has_a_protocol_with_its_name_rules_and_retention(doc, protocol_files):
    for key, (content, files) in protocol_files.items():
        for fmt, text in _texts(files).items():
            assert f"Information-sharing protocol for {content.organisation_name}" in text, (key, fmt)
            assert "Who to ask" in text and "Sanne de Vries" in text  # the plan's coordinator
    content, files = protocol_files[COLLEGE]
    for fmt, text in _texts(files).items():
        assert COLLEGE_SHARES in text, fmt
        assert "When absence goes together with a safeguarding concern" in text  # the rule's own words on when
        assert "James O'Connor" in text  # signed for the college


def test_the_hubs_protocol_says_what_it_receives_and_what_it_does_with_it(protocol_files):
    _content, files = protocol_files["org-hub"]
    document = docx.Document(io.BytesIO(files["docx"]))
    rows = {row.cells[0].text: [c.text for c in row.cells] for table in document.tables for row in table.rows}

    attendance = rows["School attendance concerns"]
    assert (
        attendance[1] == "Riverside College; Northgate Secondary School; Eastfield Academy; Riverton Vocational College"
    )
    assert attendance[3] == "Note it in the case file. Do not pass it on."
    assert attendance[4] == "2 years from the day the case is closed"
    police = rows["Police contacts with a person"]
    assert police[2] == "Judging the risk, to choose a support offer, only once a case has been opened"
    assert police[3] == "Use it in the consultation only; do not write it down. Do not pass it on."


def test_every_demo_protocol_fits_on_one_page(protocol_files):
    pages = {key: len(pdf_reader(files["pdf"]).pages) for key, (_content, files) in protocol_files.items()}
    assert {key: n for key, n in pages.items() if n > 1} == {}


def test_the_pdfs_are_tagged_with_their_language_title_and_bookmarks(agreement_files, protocol_files):
    for files in (agreement_files[1], protocol_files[COLLEGE][1]):
        reader = pdf_reader(files["pdf"])
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root
        assert root["/MarkInfo"]["/Marked"]
        assert root["/Lang"] == "en"
        assert reader.metadata.title
    outline = pdf_reader(protocol_files[COLLEGE][1]["pdf"]).outline
    assert outline[0].title == "Information-sharing protocol for Riverside College"
    assert [item.title for item in outline[1]] == [
        "What you may share, with whom, and how",
        "What you may receive, and what you do with it",
        "Who to ask",
    ]


@pytest.mark.parametrize(
    ("organisation", "name"),
    [
        (None, "riverton-sharing-agreement-v1.pdf"),  # the agreement carries its version
        (COLLEGE, "riverton-protocol-riverside-college.docx"),  # a protocol, by the organisation's name
        ("org-police", "riverton-protocol-river-district-police-riverton-community-team.docx"),
    ],
)
def test_sharing_documents_have_names_people_recognise(doc, organisation, name):
    if organisation is None:
        content = agreement_content(doc, today=TODAY)
    else:
        content = protocol_content(doc, organisation, today=TODAY)
    assert sheet_file_name(content, "riverton", name.rsplit(".", 1)[1]) == name


def test_every_sentence_of_every_demo_document_is_filled_in(doc):
    text = agreement_text(doc, today=TODAY)
    texts = [lines(r.sentences) for h in text.holders for r in h.rules]
    for organisation in doc.network.organisations:
        p = protocol(doc, organisation.key, today=TODAY)
        texts.append(lines(p.status))
        texts.extend(lines(r.sentences) for r in p.shares)
        texts.extend(f"{r.purposes} {lines(r.use)} {r.kept}" for r in p.receives)
        texts.extend(str(c.why) for c in p.contacts)
    assert [t for t in texts if "{" in t or "}" in t or "None" in t] == []


def test_a_plan_without_an_agreement_or_rules_still_has_its_documents_saying_so(doc):
    bare = doc.model_copy(update={"sharing": doc.sharing.model_copy(update={"agreement": None, "rules": []})})
    agreement = agreement_content(bare, today=TODAY)
    protocol_ = protocol_content(bare, COLLEGE, today=TODAY)

    assert agreement.notes == ["There is no information-sharing agreement yet, so nothing may be shared."]
    assert "The agreement has no rules yet, so nothing may be shared." in pdf_text(export_file(agreement, "pdf"))
    text = _one_line(docx_text(export_file(protocol_, "docx")))
    assert "The agreement names no information that Riverside College shares with others." in text
    assert "The agreement names no information that Riverside College receives." in text
    assert sheet_file_name(agreement, "riverton", "pdf") == "riverton-sharing-agreement.pdf"
