"""API: a locality's current plan in the open plan format."""

from django.http import Http404
from ninja import Router

from cohesio.core.api import ErrorOut, locality_for
from cohesio.format import dump

from .selectors import current_plan, plan_document

router = Router(tags=["plans"])


@router.get("/{slug}/plan", response={200: dict, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def get_plan(request, slug: str):
    """The whole plan as an open-format document (see `cohesio schema`)."""
    locality = locality_for(request, slug, "plan.export")
    plan = current_plan(locality)
    if plan is None:
        raise Http404
    return dump(plan_document(plan))
