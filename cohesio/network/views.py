"""The local network pages: partners, organisations, community groups, ties."""

from django.shortcuts import render

from cohesio.core.access import locality_view, scoped_object
from cohesio.plans.selectors import plan_for

from .models import CommunityGroup, Organisation, Partner, Tie


@locality_view("plan.view")
def network(request):
    plan = plan_for(request.locality)
    partners = list(Partner.objects.filter(plan=plan).select_related("organisation"))
    ties = list(Tie.objects.filter(plan=plan).select_related("source", "target"))
    context = {
        "plan": plan,
        "sociogram": {
            "nodes": [{"id": p.pk, "label": p.name, "network": p.network} for p in partners],
            "edges": [{"source": t.source_id, "target": t.target_id, "kind": t.get_kind_display()} for t in ties],
        },
        "formal": [p for p in partners if p.network == "formal"],
        "informal": [p for p in partners if p.network == "informal"],
        "organisations": Organisation.objects.filter(plan=plan),
        "community_groups": CommunityGroup.objects.filter(plan=plan).select_related("area", "contact"),
        "ties": ties,
    }
    return render(request, "network/network.html", context)


@locality_view("plan.view")
def partner(request, pk: int):
    obj = scoped_object(Partner.objects.select_related("organisation", "locality"), request.locality, pk=pk)
    return render(request, "network/partner.html", {"partner": obj})
