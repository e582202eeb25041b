"""The data-protection officer's workspace: every information type with its sensitivity and legal basis, the
agreement, the sharing evaluations, the way to the audit trail, and where the sharing figures will be."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.core.pagination import paginate
from cohesio.core.permissions import can
from cohesio.plans.selectors import current_plan
from cohesio.sharing.selectors import evaluation_rows, information_type_rows, plan_agreement

MISSING = "missing"  # ?show=missing: only the personal data without a legal basis


@locality_view("dataprotection.view")
@require_GET
def data_protection(request):
    plan = current_plan(request.locality)
    today = timezone.localdate()
    types = information_type_rows(plan) if plan is not None else []
    missing = [row for row in types if row.lacks_legal_basis]
    only_missing = request.GET.get("show") == MISSING
    evaluations = evaluation_rows(plan, today) if plan is not None else []
    agreement = plan_agreement(plan) if plan is not None else None
    # each list read whole (at most MAX_ROWS rows, one query) and shown a page at a time, like the cooperation page
    context = {
        "plan": plan,
        "information_types": paginate(
            request, missing if only_missing else types, param="information", anchor="information"
        ),
        "type_count": len(types),
        "missing_count": len(missing),
        "only_missing": only_missing,
        "evaluations": paginate(request, evaluations, param="evaluations", anchor="evaluations"),
        "overdue_count": sum(row.overdue for row in evaluations),
        "agreement": agreement,
        "agreement_review_passed": bool(agreement and agreement.review_date and agreement.review_date < today),
        "may_comment": can(request.user, "plan.comment", request.locality),
    }
    return render(request, "plans/data_protection.html", context)
