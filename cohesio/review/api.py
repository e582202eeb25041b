"""API: the plan checker's findings for a locality's current plan."""

from django.http import Http404
from ninja import Field, Router, Schema

from cohesio.core.api import ErrorOut, locality_for
from cohesio.plans.selectors import current_plan

from .selectors import plan_findings

router = Router(tags=["plan check"])


class ProblemOut(Schema):
    path: str
    message: str


class FindingsOut(Schema):
    findings: list[dict] = Field(description="One entry per row, each naming its `group`.")
    groups: list[dict] = Field([], description="Repeated findings shown as one: headline, hint, rows, rows accepted.")
    summary: dict[str, int]
    unchecked: list[ProblemOut] = Field(
        [], description="Stored values that do not fit the plan format, left out of the check until corrected."
    )


@router.get("/{slug}/findings", response={200: FindingsOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def get_findings(request, slug: str):
    """Every finding with code, severity, element, path, message, hint, group, and its acceptance if any.

    A finding about what a partner wrote about themselves says only that it is there, unless the reader is that
    partner, the coordinator or the data-protection officer."""
    locality = locality_for(request, slug, "plan.check")
    plan = current_plan(locality)
    if plan is None:
        raise Http404
    return plan_findings(plan, reader=request.user).json()
