"""The seven element pages people comment on, and the texts on each page that a partner may propose to change."""

from dataclasses import dataclass

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesio.format.private import PrivateReading
from cohesio.plans.editing import REGISTRY, Editable
from cohesio.plans.models import Plan


class Element(models.TextChoices):
    ANALYSIS = "analysis", _("Regional analysis")
    STRATEGY = "strategy", _("Strategy and goals")
    POLITICAL_SUPPORT = "political_support", _("Political support")
    DEFINITIONS = "definitions", _("Definitions")
    NETWORK = "network", _("Local network")
    COOPERATION = "cooperation", _("Cooperation and information sharing")
    INTERVENTIONS = "interventions", _("Interventions")


# URL name of each element page -> the element it shows (see core.context_processors.ELEMENTS).
ELEMENT_PAGES: dict[str, str] = {
    "analysis:analysis": Element.ANALYSIS,
    "plans:strategy": Element.STRATEGY,
    "plans:political_support": Element.POLITICAL_SUPPORT,
    "plans:definitions": Element.DEFINITIONS,
    "network:network": Element.NETWORK,
    "sharing:cooperation": Element.COOPERATION,
    "interventions:list": Element.INTERVENTIONS,
}
PAGE_OF_ELEMENT = {element: name for name, element in ELEMENT_PAGES.items()}


def element_of_view(view_name: str | None) -> str | None:
    """The element a page shows, from its URL name; None for pages that are not an element page."""
    return ELEMENT_PAGES.get(view_name or "")


def element_url(locality, element: str) -> str:
    return reverse(PAGE_OF_ELEMENT[element], kwargs={"locality": locality.slug})


def element_kinds(element: str | None = None) -> list[Editable]:
    """The editable kinds shown on an element page (all element pages when `element` is None)."""
    return [
        editable
        for editable in REGISTRY.values()
        if ELEMENT_PAGES.get(editable.element) is not None
        and (element is None or ELEMENT_PAGES[editable.element] == element)
    ]


def text_fields(editable: Editable) -> list[str]:
    """The free-text fields of a kind that its edit form offers (text and short text, no fixed choices)."""
    names = []
    for name in editable.form._meta.fields or ():
        field = editable.model._meta.get_field(name)
        free_text = isinstance(field, models.CharField | models.TextField) and not field.choices
        if free_text and not isinstance(field, models.EmailField | models.URLField | models.SlugField):
            names.append(name)
    return names


def private_field(model: type[models.Model], name: str) -> bool:
    """Whether `name` is what a partner wrote about themselves (see `Partner.private_fields`)."""
    return name in getattr(model, "private_fields", ())


def reads_text(obj: models.Model, name: str, reading: PrivateReading) -> bool:
    """May a reader with `reading` read the text `name` of `obj`? Every text but a partner's private ones."""
    return not private_field(type(obj), name) or reading.reads(getattr(obj, "key", None))


@dataclass(frozen=True)
class Target:
    """One object on an element page (for a singleton section, the plan itself under that section's kind)."""

    kind: str
    obj: models.Model

    @property
    def editable(self) -> Editable:
        return REGISTRY[self.kind]

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.obj.pk}"

    @property
    def label(self) -> str:
        if self.editable.singleton:
            return str(self.editable.label).capitalize()
        return f"{str(self.editable.label).capitalize()}: {self.obj}"

    @property
    def element(self) -> str:
        return ELEMENT_PAGES[self.editable.element]


def element_targets(plan: Plan, element: str | None = None, *, singletons: bool = True) -> list[Target]:
    """Everything on an element page one may comment on or propose a change to; one query per kind, its names
    included (see Editable.rows)."""
    targets = []
    for editable in element_kinds(element):
        if editable.singleton:
            if singletons:
                targets.append(Target(editable.kind, plan))
            continue
        targets.extend(Target(editable.kind, obj) for obj in editable.rows(plan))
    return targets


def targets_prefetch(lookup: str = "target") -> GenericPrefetch:
    """Prefetch the rows comments or proposals are about with what their names need: one query per kind."""
    related: dict[type[models.Model], set[str]] = {}
    for editable in REGISTRY.values():
        related.setdefault(editable.model, set()).update(editable.related)
    return GenericPrefetch(lookup, [model.objects.select_related(*sorted(names)) for model, names in related.items()])


def target_from_key(plan: Plan, key: str) -> Target:
    """The object a "kind:id" key names, scoped to the plan; LookupError for anything else."""
    kind, _sep, pk = (key or "").partition(":")
    editable = REGISTRY.get(kind)
    if editable is None or ELEMENT_PAGES.get(editable.element) is None or not pk.isdigit():
        raise LookupError(key)
    if editable.singleton:
        if int(pk) != plan.pk:
            raise LookupError(key)
        return Target(kind, plan)
    try:
        return Target(kind, editable.rows(plan).get(pk=int(pk)))
    except ObjectDoesNotExist:
        raise LookupError(key) from None
