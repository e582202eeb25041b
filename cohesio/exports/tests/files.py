"""Reading produced files back with their own libraries: the text a person would read, and the figures."""

import io

import docx
import odfdo
import pypdf


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def docx_headings(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.style.name == "Heading 1"]


def docx_figures(data: bytes) -> int:
    return len(docx.Document(io.BytesIO(data)).inline_shapes)


def pdf_reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pdf_reader(data).pages)


def odt_document(data: bytes) -> odfdo.Document:
    return odfdo.Document(io.BytesIO(data))


def odt_text(data: bytes) -> str:
    return odt_document(data).body.text_recursive
