"""`cohesio export LOCALITY --format docx|pdf|odt|html [--version N] [--public] -o FILE`, for scripts that publish.

The command acts as the operator of this installation (like `manage.py`); each export is kept in the audit
trail without a person.
"""

import sys

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cohesio.core.models import Locality
from cohesio.format.private import EVERY
from cohesio.plans.selectors import current_plan

from .models import PlanVersion
from .rendering import current_content, export_file, file_name, version_content
from .services import export_files_clean, export_record

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def _fail(message: str) -> int:
    sys.stderr.write(f"cohesio export: {message}\n")
    return EXIT_BAD_INPUT


def export_command(*, locality: str, file_format: str, version: int | None, public: bool, output: str | None) -> int:
    place = Locality.objects.filter(slug=locality).first()
    if place is None:
        return _fail(_("there is no locality '%(slug)s'") % {"slug": locality})
    plan = current_plan(place)
    if plan is None:
        return _fail(_("%(slug)s has no plan yet") % {"slug": locality})
    frozen = None
    if version is not None:
        frozen = PlanVersion.objects.filter(plan=plan, number=version).first()
        if frozen is None:
            return _fail(_("%(slug)s has no version %(number)s") % {"slug": locality, "number": version})
    # the operator reads the whole plan, as with `manage.py`; --public leaves out what the public page does
    if frozen:
        content = version_content(frozen, public=public, reading=EVERY)
    else:
        content = current_content(plan, public=public, reading=EVERY)
    body = export_file(content, file_format)
    export_record(acting_user=None, plan=plan, version=frozen, file_format=file_format, public=public)
    target = output or file_name(place.slug, version, file_format, public=public)
    if target == "-":
        sys.stdout.buffer.write(body)
        return EXIT_OK
    with open(target, "wb") as f:
        f.write(body)
    sys.stderr.write(_("Wrote %(file)s (%(size)s bytes).") % {"file": target, "size": len(body)} + "\n")
    return EXIT_OK


def clean_exports_command(*, hours: int | None) -> int:
    if hours is not None and hours < 0:
        return _fail(_("--hours must be 0 or more"))
    removed = export_files_clean(hours=hours)
    done = ngettext("Removed %(count)s prepared export file.", "Removed %(count)s prepared export files.", removed)
    sys.stderr.write(done % {"count": removed} + "\n")
    return EXIT_OK
