"""API: the plan checker's findings for a locality's current plan."""

from django.http import Http404
from ninja import Router, Schema

from cohesio.core.api import ErrorOut, locality_for
from cohesio.plans.selectors import current_plan

from .selectors import plan_findings

router = Router(tags=["plan check"])


class FindingsOut(Schema):
    findings: list[dict]
    summary: dict[str, int]


@router.get("/{slug}/findings", response={200: FindingsOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def get_findings(request, slug: str):
    """Every finding with code, severity, element, path, message, hint, and its acceptance if any."""
    locality = locality_for(request, slug, "plan.check")
    plan = current_plan(locality)
    if plan is None:
        raise Http404
    review = plan_findings(plan)
    summary = {key: review.summary[key] for key in ("errors", "warnings", "tips", "accepted")}
    return {"findings": [r.to_dict() for r in review.findings], "summary": summary}
