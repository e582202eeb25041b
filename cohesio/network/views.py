"""The local network pages: partners, organisations, community groups, ties."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cohesio.core.access import locality_view, scoped_object
from cohesio.core.choices import label
from cohesio.core.kept import render_kept
from cohesio.core.models import Role
from cohesio.core.pagination import paginate, read_page_rows
from cohesio.core.permissions import can
from cohesio.format.vocabulary import TieKind
from cohesio.plans.editing import InvalidEdit, PlanLocked, StaleEdit, conflict_rows, plan_object_save
from cohesio.plans.selectors import plan_for

from .forms import CoordinatorSelfForm, InviteForm, PartnerProfileForm
from .models import CommunityGroup, Organisation, Partner, Tie
from .selectors import own_partner_profile
from .services import coordinator_self_designate, partner_designate_coordinator, person_invite


@locality_view("plan.view")
@require_GET
def network(request):
    plan = plan_for(request.locality)

    def body() -> dict:
        # the sociogram draws everyone, from a few columns of each row; the tables beside it show a page at a time,
        # each list its own, and only the rows on those pages are read whole (a plan ten times the demo has over a
        # thousand ties, which took most of the page's time to read as objects)
        people = list(Partner.objects.filter(plan=plan).values_list("pk", "name", "network"))
        links = list(Tie.objects.filter(plan=plan).values_list("pk", "source_id", "target_id", "kind"))
        kinds = {kind: label(TieKind, kind) for kind in {kind for *_, kind in links}}
        formal = paginate(request, [pk for pk, _, kind in people if kind == "formal"], param="formal", anchor="formal")
        informal = paginate(
            request, [pk for pk, _, kind in people if kind == "informal"], param="informal", anchor="informal"
        )
        ties = paginate(request, [pk for pk, *_ in links], param="ties", anchor="ties")
        shown = Partner.objects.filter(pk__in=[*formal.items, *informal.items]).select_related(
            "organisation", "locality"
        )
        read_page_rows(formal, informal, rows=shown)
        read_page_rows(ties, rows=Tie.objects.filter(pk__in=ties.items).select_related("source", "target"))
        context = {
            "sociogram": {
                "nodes": [{"id": pk, "label": name, "network": kind} for pk, name, kind in people],
                "edges": [
                    {"source": source, "target": target, "kind": kinds[kind]} for _, source, target, kind in links
                ],
            },
            "formal": formal,
            "informal": informal,
            "organisations": paginate(
                request, list(Organisation.objects.filter(plan=plan)), param="organisations", anchor="organisations"
            ),
            "community_groups": paginate(
                request,
                list(CommunityGroup.objects.filter(plan=plan).select_related("area", "contact")),
                param="groups",
                anchor="community-groups",
            ),
            "ties": ties,
        }
        return context

    return render_kept(request, "network/network.html", plan, body)


@locality_view("plan.view")
@require_GET
def partner(request, pk: int):
    obj = scoped_object(Partner.objects.select_related("organisation", "locality"), request.locality, pk=pk)
    # what a partner wrote about themselves: for them, the coordinator and the data-protection officer only
    context = {"partner": obj, "reads_private": can(request.user, "partner.read_private", obj)}
    return render(request, "network/partner.html", context)


@locality_view("membership.invite")
def invite(request):
    """The one way to invite a person, in any role; partners also join the network with their organisation."""
    plan = plan_for(request.locality)
    form = InviteForm(request.POST or None, plan=plan, initial={"role": request.GET.get("role", Role.PARTNER)})
    if request.method == "POST" and form.is_valid():
        try:
            person_invite(
                acting_user=request.user,
                plan=plan,
                accept_url_for=lambda inv: request.build_absolute_uri(inv.get_absolute_url()),
                **form.cleaned_data,
            )
        except PlanLocked as locked:
            messages.error(request, str(locked))
        else:
            messages.success(
                request,
                _("%(name)s is invited. The link is on its way to %(email)s.")
                % {"name": form.cleaned_data["name"], "email": form.cleaned_data["email"]},
            )
            return redirect("core:members", locality=request.locality.slug)
    return render(request, "network/invite.html", {"form": form, "plan": plan})


@locality_view("plan.view")
def my_profile(request):
    """A partner fills in their own profile: role, mandate, tasks, interests, doubts, conditions."""
    plan = plan_for(request.locality)
    partner = own_partner_profile(plan, request.user)
    if partner is None:
        return render(request, "network/no_profile.html", {"plan": plan}, status=404)
    form = PartnerProfileForm(request.POST or None, instance=partner, plan=plan)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            plan_object_save(acting_user=request.user, plan=plan, form=form, action="partner.edit_own")
        except StaleEdit as stale:
            conflict = conflict_rows(form, stale.current)
        except InvalidEdit as invalid:
            invalid.show_on(form)
        except PlanLocked as locked:
            messages.error(request, str(locked))
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("network:my_profile", locality=request.locality.slug)
    return render(
        request,
        "network/my_profile.html",
        {"form": form, "partner": partner, "plan": plan, "conflict": conflict},
    )


@locality_view("plan.edit")
@require_POST
def designate_coordinator(request, pk: int):
    plan = plan_for(request.locality)
    partner = scoped_object(Partner.objects.filter(plan=plan), request.locality, pk=pk)
    try:
        partner_designate_coordinator(acting_user=request.user, plan=plan, partner=partner)
    except PlanLocked as locked:
        messages.error(request, str(locked))
    else:
        messages.success(request, _("%(name)s is now the plan coordinator.") % {"name": partner.name})
    return redirect(partner.get_absolute_url())


@locality_view("plan.edit")
@require_POST
def coordinator_self(request):
    """ "I am the plan coordinator", from the start path: back to the same step, the coordinator in place."""
    plan = plan_for(request.locality)
    form = CoordinatorSelfForm(request.POST, plan=plan)
    back = reverse("plans:start_step", kwargs={"locality": request.locality.slug, "step": "partners"})
    if not form.is_valid():
        messages.error(request, " ".join(" ".join(errors) for errors in form.errors.values()))
        return redirect(back)
    try:
        partner = coordinator_self_designate(acting_user=request.user, plan=plan, **form.cleaned_data)
    except PlanLocked as locked:
        messages.error(request, str(locked))
    else:
        messages.success(request, _("You are the plan coordinator, %(name)s.") % {"name": partner.name})
    return redirect(back)
