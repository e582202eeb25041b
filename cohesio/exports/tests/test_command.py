"""`cohesio export`: any version or the current plan, in each format, to a file; bad input explained, exit 2."""

import pytest

from cohesio.audit.models import AuditEvent
from cohesio.cli import main
from cohesio.exports.services import version_publish

from .files import docx_text, pdf_reader


def test_export_writes_a_version_as_docx(alice, plan, tmp_path):
    version_publish(acting_user=alice, plan=plan)
    target = tmp_path / "plan.docx"

    assert main(["export", "riverside", "--format", "docx", "--version", "1", "-o", str(target)]) == 0

    assert "1. Regional analysis" in docx_text(target.read_bytes())
    assert AuditEvent.objects.filter(action="plan.export.docx", actor=None).exists()


def test_export_writes_the_public_pdf_of_the_current_plan(plan, tmp_path):
    target = tmp_path / "public.pdf"

    assert main(["export", "riverside", "--format", "pdf", "--public", "-o", str(target)]) == 0

    text = "".join(page.extract_text() for page in pdf_reader(target.read_bytes()).pages)
    assert "Together in Riverside" in text and "Ben Officer" not in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "nowhere", "--format", "odt"], "there is no locality 'nowhere'"),  # unknown locality
        (["export", "riverside", "--format", "odt", "--version", "7"], "riverside has no version 7"),  # no such version
    ],
)
def test_export_explains_bad_input(plan, capsys, argv, message):
    assert main(argv) == 2
    assert message in capsys.readouterr().err
