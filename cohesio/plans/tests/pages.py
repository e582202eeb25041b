"""The pages of a locality for tests that visit them all: every address the resolver knows that needs only the
locality, and the pages of one row of each kind that has its own page."""

from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from cohesio.interventions.models import Intervention
from cohesio.network.models import Partner
from cohesio.plans.models import Goal

API = ["/api/localities/", "/api/localities/{slug}/plan", "/api/localities/{slug}/findings"]


def _names(resolver, namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _names(entry, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def locality_pages(slug: str) -> list[str]:
    """Every page of a locality whose address needs only the locality's short name."""
    pages = []
    for name in sorted(set(_names(get_resolver()))):
        try:
            pages.append(reverse(name, kwargs={"locality": slug}))
        except NoReverseMatch:
            continue
    return pages


def row_pages(plan) -> list[str]:
    """A partner's and an intervention's page, and the edit forms of a goal, a section and a new area."""
    slug = plan.locality.slug
    partner = Partner.objects.filter(plan=plan).first()
    intervention = Intervention.objects.filter(plan=plan).first()
    goal = Goal.objects.filter(plan=plan).first()
    return [
        reverse("network:partner", kwargs={"locality": slug, "pk": partner.pk}),
        reverse("interventions:detail", kwargs={"locality": slug, "pk": intervention.pk}),
        reverse("plans:edit", kwargs={"locality": slug, "kind": "goal", "pk": goal.pk}),
        reverse("plans:edit_section", kwargs={"locality": slug, "kind": "vision"}),
        reverse("plans:edit_create", kwargs={"locality": slug, "kind": "area"}),
    ]


def all_pages(plan) -> list[str]:
    """Every page above and the API's read endpoints."""
    slug = plan.locality.slug
    return [*locality_pages(slug), *row_pages(plan), *(path.format(slug=slug) for path in API)]
