"""Rules for interventions: each tied to a goal, led by a partner, and every prevention level covered."""

from collections.abc import Iterator

from cohesio.format import PlanDocument
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
    for level in PreventionLevel:
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
    title=_("Every intervention has a lead partner"),
    why=_(
        "An action plan allocates responsibility. An intervention without a named lead is one everybody "
        "supports and nobody runs."
    ),
    group=Group(
        _("{count} of {total} interventions have no lead partner."),
        _("Name, for each, the partner who is responsible for running it."),
    ),
)
def intervention_has_lead(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, intervention in enumerate(doc.interventions):
        if intervention.lead is None:
            yield flag(
                f"$.interventions[{i}].lead",
                _("The intervention '{intervention}' has no lead partner."),
                _("Name the partner who is responsible for running it."),
                subject=intervention.key,
                total=len(doc.interventions),
                intervention=intervention.name,
            )
