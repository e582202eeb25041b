"""Join tagged PDFs (WeasyPrint, PDF/UA-1) made part by part into one tagged PDF, with pypdf.

A large plan rendered in one go holds the layout of every page in memory at once; rendered part by part, only one
part's. The parts are joined here with what makes the whole accessible kept together:

- the structure tree: one Document element holding each part's elements in order, with one parent tree whose
  keys are moved on per part (pages' /StructParents and annotations' /StructParent with them);
- the language, the marked flag, the XMP metadata and the document title of the first part;
- the bookmarks of every part, pointing at their pages in the joined file;
- page numbers: an optional footer PDF with one page per page of the result (made without tags) is laid over
  each page as a pagination artifact, so that it is outside the structure tree, as PDF/UA wants;
- links of the first part to `LINK_SCHEME` + key (the table of contents) turned into links to a page.
"""

import gc
import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    Fit,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

LINK_SCHEME = "cohesio-part:"
FOOTER_NAME = "/CohesioFooter"


@dataclass
class Target:
    """Where a link of the first part goes: a page of the joined file (counted from 0), and what it is called."""

    page: int
    label: str


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _indirect(writer: PdfWriter, obj) -> IndirectObject:
    return writer._add_object(obj)  # pypdf has no public name for adding a new object (pinned version)


def _nums(tree) -> list:
    """The flat [key, value, key, value, …] of a number tree (WeasyPrint writes one /Nums; /Kids read too)."""
    tree = tree.get_object()
    flat = list(tree.get("/Nums", []))
    for kid in tree.get("/Kids", []):
        flat.extend(_nums(kid))
    return flat


def _adopt(elements: list, parent: IndirectObject) -> None:
    """Give every structure element under `elements` its parent again (cloning left /P out to stay in the part)."""
    stack = [(e, parent) for e in elements]
    while stack:
        ref, up = stack.pop()
        if not isinstance(ref, IndirectObject):
            continue  # a marked-content id or a reference dictionary to content
        element = ref.get_object()
        if not isinstance(element, DictionaryObject) or "/S" not in element:
            continue
        element[NameObject("/P")] = up
        kids = element.get("/K")
        kids = kids if isinstance(kids, ArrayObject) else [] if kids is None else [kids]
        stack.extend((k, ref) for k in kids)


def _forget(writer: PdfWriter, reader: PdfReader) -> None:
    """Let the part's parsed objects go once its pages and tree are cloned, or every part stays in memory.

    pypdf remembers each added page's source (to mend links between merged pages when it writes) and so keeps
    every reader alive; the parts have no such links (the contents' links are mended here), so that is dropped.
    """
    writer.reset_translation(reader)
    writer._merged_in_pages.clear()  # private in pypdf (pinned version); a test holds the memory use
    writer._unresolved_links.clear()
    gc.collect()  # the parsed objects refer to their reader and it to them: only the collector frees them


def _outline(writer: PdfWriter, reader: PdfReader, items: list, page_offset: int, parent=None) -> None:
    last = None
    for item in items:
        if isinstance(item, list):
            _outline(writer, reader, item, page_offset, parent=last)
            continue
        page = reader.get_destination_page_number(item) + page_offset
        fit = Fit.xyz(left=item.left, top=item.top) if item.typ == "/XYZ" else Fit.fit()
        last = writer.add_outline_item(title=str(item.title), page_number=page, parent=parent, fit=fit)


def _footer(writer: PdfWriter, page, footer_page) -> None:
    """Lay the footer page over `page` as a form, marked as a pagination artifact."""
    form = DecodedStreamObject()
    form.set_data(footer_page.get_contents().get_data())
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(footer_page.mediabox),
        NameObject("/Resources"): footer_page["/Resources"].clone(writer),
    })
    form = form.flate_encode()
    # the pages of a part share their resources: each page gets its own copy, which names its own footer
    resources = DictionaryObject(page["/Resources"].get_object())
    xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
    xobjects[NameObject(FOOTER_NAME)] = _indirect(writer, form)
    resources[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = resources
    before, after = DecodedStreamObject(), DecodedStreamObject()
    before.set_data(b"q\n")
    after.set_data(b"\nQ\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC q " + FOOTER_NAME.encode() + b" Do Q EMC\n")
    contents = page.get("/Contents")
    contents = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject([_indirect(writer, before), *contents, _indirect(writer, after)])


def _link(writer: PdfWriter, annotation: DictionaryObject, targets: dict[str, Target]) -> None:
    uri = str(annotation.get("/A", {}).get("/URI", ""))
    if not uri.startswith(LINK_SCHEME) or uri[len(LINK_SCHEME):] not in targets:
        return
    target = targets[uri[len(LINK_SCHEME):]]
    page_ref = writer.pages[target.page].indirect_reference
    annotation[NameObject("/A")] = DictionaryObject({
        NameObject("/Type"): NameObject("/Action"),
        NameObject("/S"): NameObject("/GoTo"),
        NameObject("/D"): ArrayObject([page_ref, NameObject("/Fit")]),
    })
    annotation[NameObject("/Contents")] = TextStringObject(target.label)


class _Joined:
    """The joined file as it grows: the writer, the one Document element and the one parent tree."""

    def __init__(self):
        self.writer = PdfWriter()
        self.document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Document")})
        self.document_ref = _indirect(self.writer, self.document)
        self.root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
        self.root_ref = _indirect(self.writer, self.root)
        self.document[NameObject("/P")] = self.root_ref
        self.children, self.nums, self.key_offset = ArrayObject(), ArrayObject(), 0

    def add_pages(self, reader: PdfReader) -> list[DictionaryObject]:
        """The part's pages, their tree keys moved on; returns their annotations."""
        annotations = []
        for page in reader.pages:
            new = self.writer.add_page(page)
            if "/StructParents" in page:
                new[NameObject("/StructParents")] = NumberObject(page["/StructParents"] + self.key_offset)
            for annotation in new.get("/Annots", []):
                annotation = annotation.get_object()
                if "/StructParent" in annotation:
                    annotation[NameObject("/StructParent")] = NumberObject(annotation["/StructParent"] + self.key_offset)
                annotations.append(annotation)
        return annotations

    def add_tree(self, reader: PdfReader) -> None:
        """The part's structure elements under the one Document element, its parent tree into the one tree."""
        tree = reader.trailer["/Root"].get("/StructTreeRoot")
        if tree is None:
            return
        tree = tree.get_object()
        for element in tree.get("/K", []):
            kids = element.get_object().get("/K", [])
            cloned = [k.clone(self.writer, ignore_fields=["/P"]) for k in (kids if isinstance(kids, ArrayObject) else [kids])]
            _adopt(cloned, self.document_ref)
            self.children.extend(cloned)
        flat = _nums(tree["/ParentTree"])
        last_key = -1
        for key, value in zip(flat[::2], flat[1::2], strict=True):
            cloned = value.clone(self.writer, ignore_fields=["/P"])
            self.nums.extend([NumberObject(key + self.key_offset), cloned])
            last_key = max(last_key, key)
            # elements only the parent tree holds (WeasyPrint's page margins) hang from the document too
            for ref in cloned if isinstance(cloned, ArrayObject) else [cloned]:
                if isinstance(ref, IndirectObject) and "/P" not in ref.get_object():
                    ref.get_object()[NameObject("/P")] = self.document_ref
        self.key_offset += last_key + 1

    def finish(self) -> None:
        self.document[NameObject("/K")] = self.children
        self.root[NameObject("/K")] = ArrayObject([self.document_ref])
        self.root[NameObject("/ParentTree")] = _indirect(self.writer, DictionaryObject({NameObject("/Nums"): self.nums}))
        self.root[NameObject("/ParentTreeNextKey")] = NumberObject(self.key_offset)
        self.writer.root_object[NameObject("/StructTreeRoot")] = self.root_ref


def join_pdfs(parts: list[bytes], *, footer: bytes | None = None, links: dict[str, Target] | None = None) -> bytes:
    """One tagged PDF of the tagged `parts` in order; see the module's text for what is kept."""
    joined = _Joined()
    writer = joined.writer
    first_part_annotations = []
    for number, part in enumerate(parts):
        reader = PdfReader(io.BytesIO(part))
        page_offset = len(writer.pages)
        annotations = joined.add_pages(reader)
        joined.add_tree(reader)
        _outline(writer, reader, reader.outline, page_offset)
        if number == 0:
            _catalog(writer, reader)
            first_part_annotations = annotations
        _forget(writer, reader)
        del reader
    joined.finish()
    for annotation in first_part_annotations:
        _link(writer, annotation, links or {})
    if footer:
        for page, footer_page in zip(writer.pages, PdfReader(io.BytesIO(footer)).pages, strict=False):
            _footer(writer, page, footer_page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _catalog(writer: PdfWriter, reader: PdfReader) -> None:
    """The first part's language, marked flag, viewer preference (show the title), XMP metadata and title."""
    root = reader.trailer["/Root"]
    writer.pdf_header = reader.pdf_header
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata"):
        if key in root:
            writer.root_object[NameObject(key)] = root.raw_get(key).clone(writer)
    if reader.metadata:
        writer.add_metadata({k: str(v) for k, v in reader.metadata.items()})
