"""API: a locality's current plan in the open plan format."""

from django.http import Http404
from ninja import Router, Schema, Status

from cohesio.core.api import ErrorOut, locality_for
from cohesio.format import PlanFormatError
from cohesio.plans.selectors import current_plan

from .selectors import plan_data_for

router = Router(tags=["plans"])


class UnreadableOut(Schema):
    detail: str
    problems: list[str]


@router.get("/{slug}/plan", response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: UnreadableOut})
def get_plan(request, slug: str):
    """The whole plan as an open-format document (see `cohesio schema`).

    Partners' interests, doubts and conditions are blank except in the reader's own partner record; the
    coordinator and the data-protection officer read them all.

    409 when stored values do not fit the format (saved before a limit existed), naming each place.
    """
    locality = locality_for(request, slug, "plan.export")
    plan = current_plan(locality)
    if plan is None:
        raise Http404
    try:
        return plan_data_for(plan, request.user)
    except PlanFormatError as unreadable:
        detail = "The stored plan has values that do not fit the plan format; correct them first."
        return Status(409, {"detail": detail, "problems": [str(p) for p in unreadable.problems]})
