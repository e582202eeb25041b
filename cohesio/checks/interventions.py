"""Rules for interventions: each tied to a goal, led by a partner or organisation, and every prevention level
covered."""

from collections import Counter
from collections.abc import Iterator

from cohesio.format import PlanDocument
from cohesio.format.document import Intervention
from cohesio.format.vocabulary import InterventionStatus, PreventionLevel, _

from .findings import Element, Flag, Group, Severity, flag
from .registry import CheckContext, rule


@rule(
    "LAP080",
    Severity.ERROR,
    Element.INTERVENTIONS,
    title=_("Every intervention serves at least one goal"),
    why=_(
        "An intervention that serves no goal cannot be judged: nobody can say whether it works or whether it "
        "is still needed. Tying it to a goal also shows partners why they are asked to do it."
    ),
    group=Group(
        _("{count} of {total} interventions do not serve any goal."),
        _("Link each intervention to the goal or sub-goal it contributes to."),
    ),
)
def intervention_has_goal(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, intervention in enumerate(doc.interventions):
        if not intervention.goals:
            yield flag(
                f"$.interventions[{i}].goals",
                _("The intervention '{intervention}' does not serve any goal."),
                _("Link the intervention to the goal or sub-goal it contributes to."),
                subject=intervention.key,
                total=len(doc.interventions),
                intervention=intervention.name,
            )


@rule(
    "LAP081",
    Severity.WARNING,
    Element.INTERVENTIONS,
    title=_("Each prevention level has at least one intervention"),
    why=_(
        "General prevention builds resilience for everyone, specific prevention supports groups and people at "
        "risk, individual prevention helps people who are already involved. A plan missing a level leaves "
        "those people without an offer."
    ),
    group=Group(
        _("No intervention works at {count} of the {total} prevention levels."),
        _("Add an intervention for each missing level, or explain in the plan why it is not needed."),
    ),
)
def every_level_covered(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if not doc.interventions:
        return
    levels = {iv.prevention_level for iv in doc.interventions if iv.status != InterventionStatus.STOPPED}
    for level in PreventionLevel:  # an intervention whose level is not stated covers none (LAP085 asks for it)
        if level not in levels:
            yield flag(
                "$.interventions",
                _("No intervention works at the level of {level}."),
                _("Add an intervention for {level}, or explain in the plan why it is not needed."),
                subject=level.value,
                total=len(PreventionLevel),
                level=level.label.lower(),
            )


@rule(
    "LAP082",
    Severity.WARNING,
    Element.INTERVENTIONS,
    title=_("Every intervention has a lead"),
    why=_(
        "An action plan allocates responsibility. An intervention without a named lead is one everybody "
        "supports and nobody runs. The lead can be a partner by name, an organisation or unit, or both."
    ),
    group=Group(
        _("{count} of {total} interventions have no lead."),
        _("Name, for each, the partner or the organisation that is responsible for running it."),
    ),
)
def intervention_has_lead(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, intervention in enumerate(doc.interventions):
        if intervention.lead is None and intervention.lead_organisation is None:
            yield flag(
                f"$.interventions[{i}].lead",
                _("The intervention '{intervention}' has no lead."),
                _("Name the partner or the organisation that is responsible for running it."),
                subject=intervention.key,
                total=len(doc.interventions),
                intervention=intervention.name,
            )


def delivering(doc: PlanDocument) -> list[Intervention]:
    """The interventions the plan delivers: running ones, or when none runs yet, the planned ones too."""
    running = [iv for iv in doc.interventions if iv.status == InterventionStatus.RUNNING]
    return running or [iv for iv in doc.interventions if iv.status == InterventionStatus.PLANNED]


@rule(
    "LAP083",
    Severity.WARNING,
    Element.INTERVENTIONS,
    title=_("Delivery does not rest on one organisation"),
    why=_(
        "When most interventions are led by one organisation, the plan stands or falls with it: a reorganisation, "
        "a budget cut or one person leaving stops most of the work at once. It also tells the other partners "
        "that the plan is not really theirs. Sharing the lead spreads both the load and the ownership."
    ),
)
def delivery_spread(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    led = [iv for iv in delivering(doc) if iv.lead is not None or iv.lead_organisation is not None]
    if len(led) < 3:
        return
    leads = Counter(_lead_organisation(iv, context) for iv in led)
    ((name, count),) = leads.most_common(1)
    if count * 2 > len(led):
        yield flag(
            "$.interventions",
            _("{count} of the {under_way} interventions under way are led by {organisation}."),
            _(
                "Ask other partners to take the lead of some interventions, so the plan does not depend on one "
                "organisation."
            ),
            count=count,
            under_way=len(led),
            organisation=name,
        )


def _lead_organisation(intervention: Intervention, context: CheckContext) -> str:
    """The organisation that leads: the one named as lead, else the lead partner's (a partner without one counts
    as themselves)."""
    if intervention.lead_organisation is not None:
        return context.organisations[intervention.lead_organisation].name
    partner = context.partners[intervention.lead or ""]
    organisation = context.organisations.get(partner.organisation or "")
    return organisation.name if organisation else partner.name


@rule(
    "LAP084",
    Severity.WARNING,
    Element.INTERVENTIONS,
    title=_("Every kind of extremism the plan addresses has interventions at each level it works on"),
    why=_(
        "Addressing a kind of extremism in the scope is a promise. If there is general prevention for every kind "
        "but individual support only for one, people drawn into the other kinds have nowhere to go, and the plan "
        "is one-sided where it matters most. Interventions that do not name a kind count for every kind; those "
        "whose level is not stated count for no level."
    ),
    group=Group(
        _("There is no intervention on {kind} at {count} of the {total} prevention levels the plan works on."),
        _("Add interventions on {kind} at those levels, or make existing ones cover it."),
    ),
)
def kinds_covered_at_each_level(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    ongoing = [iv for iv in doc.interventions if iv.status != InterventionStatus.STOPPED]
    levels = [level for level in PreventionLevel if any(iv.prevention_level == level for iv in ongoing)]
    addressed = [s.kind for s in doc.plan.extremism_scope if s.addressed]
    for kind in addressed:
        for level in levels:
            if not any(
                iv.prevention_level == level and (not iv.extremism_kinds or kind in iv.extremism_kinds)
                for iv in ongoing
            ):
                yield flag(
                    "$.interventions",
                    _("No intervention works on {kind} at the level of {level}."),
                    _("Add an intervention on {kind} for {level}, or make an existing one cover it."),
                    subject=f"{kind.value}:{level.value}",
                    group_by=kind.value,
                    total=len(levels),
                    kind=kind.label.lower(),
                    level=level.label.lower(),
                )


@rule(
    "LAP085",
    Severity.WARNING,
    Element.INTERVENTIONS,
    title=_("Every intervention says its prevention level"),
    why=_(
        "The prevention level says who an intervention is for: everyone, groups and people at risk, or people "
        "already involved. Without it, nobody can tell whether the plan offers something at every level, and "
        "the intervention counts for none of them. Plans taken over from an existing document often leave it "
        "out; it is worth deciding with the partner who runs it."
    ),
    group=Group(
        _("{count} of {total} interventions do not say their prevention level."),
        _("Choose, for each, the level of the prevention triangle it works on, together with its lead."),
    ),
)
def intervention_level_stated(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, intervention in enumerate(doc.interventions):
        if intervention.prevention_level is None:
            yield flag(
                f"$.interventions[{i}].prevention_level",
                _("The intervention '{intervention}' does not say its prevention level."),
                _("Choose the level of the prevention triangle it works on, together with its lead."),
                subject=intervention.key,
                total=len(doc.interventions),
                intervention=intervention.name,
            )
