"""Where a finding points in the plan: a readable label for its JSON path, and the page to fix it on.

A checker path such as `$.goals[2].prevention_level` becomes "Goal 3 “Early support” › prevention level",
and, for people who may edit, a link to that goal's edit page. The lists of a plan document are in the same
order as `Model.objects.filter(plan=plan)`, so index i is the i-th row of that queryset.
"""

import re
from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohesio.analysis.models import AnalysisIndicator, Area, Factor, Source
from cohesio.checks import Element
from cohesio.format import PlanDocument
from cohesio.interventions.models import Intervention, MonitoringIndicator
from cohesio.network.models import CommunityGroup, Organisation, Partner, Tie
from cohesio.plans.editing import REGISTRY
from cohesio.plans.models import BudgetLine, Decision, Definition, ExtremismScope, Goal, Plan
from cohesio.sharing.models import Agreement, InformationType, SharingEvaluation, SharingRule, Signatory

# The element pages, by the element a finding belongs to (monitoring is shown with the interventions).
ELEMENT_PAGES: dict[Element, str] = {
    Element.PLAN: "plans:overview",
    Element.ANALYSIS: "analysis:analysis",
    Element.STRATEGY: "plans:strategy",
    Element.POLITICAL_SUPPORT: "plans:political_support",
    Element.DEFINITIONS: "plans:definitions",
    Element.NETWORK: "network:network",
    Element.COOPERATION: "sharing:cooperation",
    Element.INTERVENTIONS: "interventions:list",
    Element.MONITORING: "interventions:list",
}


def elements_on_page(view_name: str | None) -> set[Element]:
    """The elements whose findings the page `view_name` shows; empty for any other page."""
    return {element for element, page in ELEMENT_PAGES.items() if page == view_name}


@dataclass(frozen=True)
class Collection:
    """A list in the plan document, the model its rows are stored in, and what to call the list."""

    model: type[models.Model]
    label: str
    single: bool = False  # at most one per plan (the agreement): the path has no index


COLLECTIONS: dict[str, Collection] = {
    "goals": Collection(Goal, gettext_lazy("Goals")),
    "plan.extremism_scope": Collection(ExtremismScope, gettext_lazy("Kinds of extremism")),
    "political_support.decisions": Collection(Decision, gettext_lazy("Decisions")),
    "political_support.budget_lines": Collection(BudgetLine, gettext_lazy("Budget lines")),
    "definitions": Collection(Definition, gettext_lazy("Definitions")),
    "analysis.areas": Collection(Area, gettext_lazy("Areas")),
    "analysis.sources": Collection(Source, gettext_lazy("Sources")),
    "analysis.factors": Collection(Factor, gettext_lazy("Factors")),
    "analysis.indicators": Collection(AnalysisIndicator, gettext_lazy("Indicators of the analysis")),
    "network.organisations": Collection(Organisation, gettext_lazy("Organisations")),
    "network.partners": Collection(Partner, gettext_lazy("Partners")),
    "network.community_groups": Collection(CommunityGroup, gettext_lazy("Community groups")),
    "network.ties": Collection(Tie, gettext_lazy("Ties between partners")),
    "sharing.information_types": Collection(InformationType, gettext_lazy("Information types")),
    "sharing.rules": Collection(SharingRule, gettext_lazy("Sharing rules")),
    "sharing.agreement": Collection(Agreement, gettext_lazy("Information-sharing agreement"), single=True),
    "sharing.agreement.signatories": Collection(Signatory, gettext_lazy("Signatories")),
    "sharing.evaluations": Collection(SharingEvaluation, gettext_lazy("Evaluations of the sharing")),
    "interventions": Collection(Intervention, gettext_lazy("Interventions")),
    "monitoring": Collection(MonitoringIndicator, gettext_lazy("Monitoring indicators")),
}

# Parts of the document that group others; those of the first set hold fields of the Plan row itself.
PLAN_SECTIONS = {"plan", "political_support", "analysis"}
SECTIONS = PLAN_SECTIONS | {"network", "cooperation", "sharing"}
# The document's name of a Plan field -> the model field.
PLAN_FIELD_NAMES = {"owner_name": "political_owner_name", "owner_office": "political_owner_office"}
ANALYSIS_FIELD_NAMES = {"summary": "analysis_summary"}

# Labels of the parts of the document that are neither lists nor model fields.
SECTION_LABELS = {
    "plan": gettext_lazy("The plan"),
    "political_support": gettext_lazy("Political support"),
    "analysis": gettext_lazy("Regional analysis"),
    "network": gettext_lazy("Local network"),
    "cooperation": gettext_lazy("Cooperation"),
    "sharing": gettext_lazy("Information sharing"),
}
FIELD_LABELS = {"coordinator": gettext_lazy("coordinator")}

_STEP = re.compile(r"\.(\w+)(?:\[(\d+)\])?")
_NAME_FIELDS = ("title", "name", "term")


@dataclass(frozen=True)
class Place:
    """Where a path points: a label to show, and what to edit there.

    `model` and `index` name a row (the index-th of the plan's rows of `model`; `None`: the list itself,
    so a row can be added); `plan_field` names a field of the Plan row.
    """

    label: str
    model: type[models.Model] | None = None
    index: int | None = None
    plan_field: str = ""


def place_of(path: str, doc: PlanDocument) -> Place:
    """The readable place of a checker path in `doc`, for example "Goal 3 “Early support” › prevention level"."""
    steps = _STEP.findall(path.removeprefix("$"))
    labels: list[str] = []
    node: object = doc
    model: type[models.Model] | None = None
    index: int | None = None
    plan_field = ""
    prefix: list[str] = []
    for number, (name, position) in enumerate(steps, start=1):
        prefix.append(name)
        key = ".".join(prefix)
        node = getattr(node, name, None)
        collection = COLLECTIONS.get(key)
        if collection is not None:
            model, plan_field = collection.model, ""
            index, node, label = _row(collection, node, position)
            labels.append(label)
        elif key in SECTIONS:
            model = Plan if key in PLAN_SECTIONS else None
            if number == len(steps):
                labels.append(str(SECTION_LABELS[key]))
        else:
            plan_field = _plan_field(key, name) if model is Plan else ""
            labels.append(_field_label(model, plan_field or name, first=not labels))
    return Place(" › ".join(labels) or _("The plan as a whole"), model, index, plan_field)


def _row(collection: Collection, node: object, position: str) -> tuple[int | None, object, str]:
    """The index, the document object and the label of a step into a list of the document."""
    if collection.single:
        return 0, node, capfirst(str(collection.model._meta.verbose_name))
    if not position:
        return None, node, str(collection.label)
    index = int(position)
    row = node[index] if isinstance(node, list) and index < len(node) else None
    label = f"{capfirst(str(collection.model._meta.verbose_name))} {index + 1}"
    name = next((getattr(row, f) for f in _NAME_FIELDS if getattr(row, f, "")), "")
    return index, row, f"{label} “{name}”" if name else label


def _plan_field(key: str, name: str) -> str:
    if key.startswith("analysis."):
        return ANALYSIS_FIELD_NAMES.get(name, "")
    return PLAN_FIELD_NAMES.get(name, name)


def _field_label(model: type[models.Model] | None, name: str, *, first: bool) -> str:
    if name in FIELD_LABELS:
        label = str(FIELD_LABELS[name])
    else:
        try:
            label = str(model._meta.get_field(name).verbose_name) if model is not None else name
        except models.FieldDoesNotExist:
            label = name.replace("_", " ")
    return capfirst(label) if first else label


@dataclass(frozen=True)
class EditLink:
    url: str
    adds: bool  # the link adds a new row rather than changing one


def edit_links(places: list[Place], plan: Plan, locality_slug: str) -> list[EditLink | None]:
    """The edit page for each place, where one exists: one query per kind of row, however many places."""
    rows = {p.model for p in places if p.model is not None and p.model is not Plan and p.index is not None}
    pks = _row_keys(rows, plan)
    return [_edit_link(place, pks, locality_slug) for place in places]


def _row_keys(kinds: set[type[models.Model]], plan: Plan) -> dict[type[models.Model], list[int]]:
    return {model: list(model.objects.filter(plan=plan).values_list("pk", flat=True)) for model in kinds}


def _edit_link(place: Place, pks: dict, slug: str) -> EditLink | None:
    if place.model is Plan:
        kind = _section_kind(place.plan_field)
        if kind is None:
            return None
        return EditLink(reverse("plans:edit_section", kwargs={"locality": slug, "kind": kind}), adds=False)
    kind = _row_kind(place.model)
    if kind is None:
        return None
    rows = pks.get(place.model, [])
    if place.index is None or not rows:
        return EditLink(reverse("plans:edit_create", kwargs={"locality": slug, "kind": kind}), adds=True)
    if place.index < len(rows):
        url = reverse("plans:edit", kwargs={"locality": slug, "kind": kind, "pk": rows[place.index]})
        return EditLink(url, adds=False)
    return None


def _row_kind(model: type[models.Model] | None) -> str | None:
    return next((e.kind for e in REGISTRY.values() if e.model is model and not e.singleton), None)


def _section_kind(field: str) -> str | None:
    if not field:
        return None
    return next((e.kind for e in REGISTRY.values() if e.singleton and field in (e.form._meta.fields or ())), None)
