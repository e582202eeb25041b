"""Conditions for multi-agency cooperation: roles, the coordinator, and information sharing."""

from django.contrib import messages
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.core.pagination import paginate
from cohesio.network.models import Partner
from cohesio.network.selectors import own_partner_profile
from cohesio.plans.editing import InvalidEdit, PlanLocked, plan_object_save
from cohesio.plans.selectors import plan_for

from .forms import OwnInformationTypeForm
from .models import Agreement, InformationType, SharingEvaluation, SharingRule, Signatory


@locality_view("plan.view")
@require_GET
def cooperation(request):
    plan = plan_for(request.locality)
    partners = list(Partner.objects.filter(plan=plan, network="formal").select_related("organisation", "locality"))
    agreement = Agreement.objects.filter(plan=plan).first()
    signatories = Signatory.objects.filter(plan=plan, agreement=agreement).select_related("organisation", "signed_by")
    rules = SharingRule.objects.filter(plan=plan).select_related("information_type__organisation")
    information_types = InformationType.objects.filter(plan=plan).select_related("organisation")
    # each list a page at a time, each with its own page in the address; each is read whole in one query (at most
    # MAX_ROWS rows) rather than counted and sliced, a query fewer per list
    context = {
        "plan": plan,
        "partners": paginate(request, partners, param="partners", anchor="roles"),
        "coordinator": next((p for p in partners if p.is_plan_coordinator), None),
        "information_types": paginate(request, list(information_types), param="information", anchor="information"),
        "rules": paginate(request, list(rules), param="rules", anchor="rules"),
        "agreement": agreement,
        "signatories": paginate(request, list(signatories), param="signatories", anchor="agreement"),
        "evaluations": paginate(
            request, list(SharingEvaluation.objects.filter(plan=plan)), param="evaluations", anchor="evaluations"
        ),
    }
    prefetch_related_objects(context["rules"].items, "recipients")  # for the rules on the page only
    return render(request, "sharing/cooperation.html", context)


@locality_view("plan.view")
def my_information_types(request):
    """A partner lists the types of information their organisation holds, and adds one."""
    plan = plan_for(request.locality)
    partner = own_partner_profile(plan, request.user)
    if partner is None or partner.organisation is None:
        raise Http404
    form = OwnInformationTypeForm(
        request.POST or None, instance=InformationType(organisation=partner.organisation), plan=plan
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan_object_save(
                acting_user=request.user, plan=plan, form=form, action="partner.edit_own", permission_object=partner
            )
        except InvalidEdit as invalid:
            invalid.show_on(form)
        except PlanLocked as locked:
            messages.error(request, str(locked))
        else:
            messages.success(request, _("Saved."))
            return redirect("sharing:my_information_types", locality=request.locality.slug)
    held = InformationType.objects.filter(plan=plan, organisation=partner.organisation)
    context = {"form": form, "partner": partner, "plan": plan, "information_types": held}
    return render(request, "sharing/my_information_types.html", context)
