"""Template tags that show the plan check's findings where people work: on each element page and the overview."""

from django import template
from django.urls import reverse

from cohesio.checks import Element
from cohesio.core.permissions import can
from cohesio.plans.models import Plan
from cohesio.plans.selectors import current_plan
from cohesio.review.grouping import shown_findings
from cohesio.review.locations import elements_on_page
from cohesio.review.selectors import PlanReview, plan_findings_for_request

register = template.Library()

SHOWN = 5  # findings listed on an element page; the check page has them all


@register.inclusion_tag("review/element_findings.html", takes_context=True)
def element_findings(context) -> dict:
    """The findings of the element page being shown, compactly; nothing on other pages or when there are none."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    locality = getattr(request, "locality", None)
    view_name = match.view_name if match else None
    if locality is None or not elements_on_page(view_name) or not can(request.user, "plan.check", locality):
        return {"items": []}
    plan = context.get("plan")
    if not isinstance(plan, Plan) or plan.locality_id != locality.pk:
        plan = current_plan(locality)
    if plan is None:
        return {"items": []}
    items = sorted(
        shown_findings(plan_findings_for_request(request, plan).on_page(view_name)), key=lambda s: s.accepted
    )
    present = {r.finding.element for r in items}
    return {
        "items": items,
        "shown": items[:SHOWN],
        "hidden": len(items) > SHOWN,
        "first_element": next((e.value for e in Element if e in present), ""),
        "check_url": reverse("review:check", kwargs={"locality": locality.slug}),
    }


@register.filter
def counts_for(review: PlanReview | None, element: str) -> dict[str, int]:
    """`{{ review|counts_for:"analysis" }}`: errors, warnings, tips and accepted shown on that element's page."""
    if review is None:
        return {}
    return review.counts_for(element)
