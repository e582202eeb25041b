"""The locality's audit trail for its data-protection officer: the events of its chain, filtered and paged, and
the filtered list as a CSV download (itself recorded in the chain)."""

import csv
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.core.pagination import paginate

from .forms import AuditFilterForm
from .labels import event_words
from .selectors import filtered_events
from .services import record

# A spreadsheet runs a cell that starts with one of these as a formula; a leading apostrophe makes it text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _page(request, form, *, status=200, events=None):
    filters = request.GET.copy()
    filters.pop("page", None)
    context = {
        "form": form,
        "events": events,
        "rows": [event_words(e) for e in events.items] if events else [],
        "filtered": filters.urlencode(),  # the download takes the same filters
    }
    return render(request, "audit/trail.html", context, status=status)


@locality_view("audit.view")
@require_GET
def trail(request):
    form = AuditFilterForm(request.GET, locality=request.locality)
    if not form.is_valid():
        return _page(request, form)
    return _page(request, form, events=paginate(request, filtered_events(request.locality, form.event_filter())))


def cell(value) -> str:
    """A value as a CSV cell that no spreadsheet runs as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


class _Line:
    """A file-like object that hands back what the CSV writer writes, one line at a time."""

    def write(self, text: str) -> str:
        return text


def csv_lines(events: Iterable) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff"  # so spreadsheets read the file as UTF-8
    header = [_("No."), _("Time"), _("Person"), _("Action"), _("Action code"), _("Kind of thing"), _("Number")]
    header.append(_("Outcome"))
    yield writer.writerow([cell(title) for title in header])
    for event in events:
        words = event_words(event)
        at = timezone.localtime(words["at"]).isoformat(timespec="seconds")
        row = [words["sequence"], at, words["person"], words["action"], words["action_code"]]
        row += [words["object_type"], words["object_id"], words["outcome"]]
        yield writer.writerow([cell(value) for value in row])


@locality_view("audit.view")
@require_GET
def trail_csv(request):
    """The filtered events as a CSV file; who downloaded it, with which filters, is kept in the chain first."""
    locality = request.locality
    form = AuditFilterForm(request.GET, locality=locality)
    if not form.is_valid():
        return _page(request, form, status=400)
    chosen = form.event_filter()
    with transaction.atomic():
        record(actor=request.user, action="audit.export", locality=locality, detail=chosen.as_detail())
    events = filtered_events(locality, chosen).iterator(chunk_size=2000)
    response = StreamingHttpResponse(csv_lines(events), content_type="text/csv; charset=utf-8")
    name = f"{locality.slug}-audit-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
