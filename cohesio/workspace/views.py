"""The plan overview and the JSON download of the whole plan."""

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cohesio.cocreation.selectors import consultation_context
from cohesio.core.access import locality_view
from cohesio.core.kept import render_kept
from cohesio.document.selectors import plan_data_for
from cohesio.format import evaluation
from cohesio.format.summary import element_summaries
from cohesio.network.selectors import own_partner_profile
from cohesio.plans.selectors import current_plan, plan_for
from cohesio.review.selectors import plan_findings_for_request


@locality_view("plan.view")
@require_GET
def overview(request):
    plan = current_plan(request.locality)
    if plan is None:
        return render(request, "plans/overview_empty.html", {})

    def body() -> dict:
        review = plan_findings_for_request(request, plan)
        # the document as checked: values that do not fit the format are left out, and the check page says so
        summaries = element_summaries(review.document) if review.document is not None else []
        partner = own_partner_profile(plan, request.user)
        organisation = partner.organisation.key if partner is not None and partner.organisation is not None else None
        return {
            # the sharing evaluations this person's organisation is asked to answer now
            "evaluations_to_answer": evaluation.to_answer(review.document, organisation, timezone.localdate())
            if review.document is not None
            else [],
            "summaries": summaries,
            "complete_count": sum(s.complete for s in summaries),
            "review": review,
            **consultation_context(plan, request.user),  # endorsements and status moves, a fixed number of queries
        }

    return render_kept(request, "plans/overview.html", plan, body)


@locality_view("plan.export")
@require_GET
def export_json(request):
    plan = plan_for(request.locality)
    body = json.dumps(plan_data_for(plan, request.user), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{request.locality.slug}-plan.json"'
    return response
