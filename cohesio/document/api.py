"""API: a locality's current plan in the open plan format."""

from django.http import Http404
from ninja import Router, Schema, Status

from cohesio.core.api import ErrorOut, locality_for
from cohesio.format import PlanFormatError, dump
from cohesio.plans.selectors import current_plan

from .selectors import plan_document

router = Router(tags=["plans"])


class UnreadableOut(Schema):
    detail: str
    problems: list[str]


@router.get("/{slug}/plan", response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: UnreadableOut})
def get_plan(request, slug: str):
    """The whole plan as an open-format document (see `cohesio schema`).

    409 when stored values do not fit the format (saved before a limit existed), naming each place.
    """
    locality = locality_for(request, slug, "plan.export")
    plan = current_plan(locality)
    if plan is None:
        raise Http404
    try:
        return dump(plan_document(plan))
    except PlanFormatError as unreadable:
        detail = "The stored plan has values that do not fit the plan format; correct them first."
        return Status(409, {"detail": detail, "problems": [str(p) for p in unreadable.problems]})
