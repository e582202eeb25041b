"""Per-element counts and gaps of a plan document, for the overview page and exports."""

from dataclasses import dataclass, field

from .budget import CurrencyTotal, budget_totals
from .document import PlanDocument
from .vocabulary import FactorKind, NetworkKind, PreventionLevel, _

# One whole sentence per level, so each can be translated as a whole.
NO_INTERVENTION_ON = {
    PreventionLevel.GENERAL: _("No intervention on the general prevention level yet."),
    PreventionLevel.SPECIFIC: _("No intervention on the specific prevention level yet."),
    PreventionLevel.INDIVIDUAL: _("No intervention on the individual prevention level yet."),
}


@dataclass
class ElementSummary:
    element: str
    title: str
    counts: list[tuple[str, int]]
    missing: list[str] = field(default_factory=list)
    # political support: the budget added up per currency (never one sum over currencies)
    budget: list[CurrencyTotal] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


def _analysis(doc: PlanDocument) -> ElementSummary:
    a = doc.analysis
    kinds = {f.kind for f in a.factors}
    missing = []
    if FactorKind.RISK not in kinds:
        missing.append(_("No risk factors yet."))
    if FactorKind.PROTECTIVE not in kinds:
        missing.append(_("No protective factors yet: map the strengths as well as the worries."))
    if not a.sources:
        missing.append(_("No sources recorded."))
    counts = [(_("factors"), len(a.factors)), (_("sources"), len(a.sources)), (_("areas"), len(a.areas))]
    return ElementSummary("analysis", _("Regional analysis"), counts, missing)


def _strategy(doc: PlanDocument) -> ElementSummary:
    missing = []
    if not doc.plan.vision.strip():
        missing.append(_("No vision yet: say why prevention matters here."))
    if not doc.plan.protection_statement.strip():
        missing.append(_("Not yet said who is protected against what."))
    if not doc.goals:
        missing.append(_("No goals yet."))
    levels = {g.prevention_level for g in doc.goals if g.prevention_level}
    counts = [(_("goals"), len(doc.goals)), (_("prevention levels covered"), len(levels))]
    return ElementSummary("strategy", _("Strategy and goals"), counts, missing)


def _political(doc: PlanDocument) -> ElementSummary:
    ps = doc.political_support
    missing = []
    if not ps.owner_name.strip():
        missing.append(_("No political owner named."))
    if not ps.decisions:
        missing.append(_("No decision recorded."))
    if not ps.budget_lines:
        missing.append(_("No budget yet."))
    counts = [(_("decisions"), len(ps.decisions)), (_("budget lines"), len(ps.budget_lines))]
    return ElementSummary("political_support", _("Political support"), counts, missing, budget_totals(doc))


def _definitions(doc: PlanDocument) -> ElementSummary:
    missing = [] if doc.definitions else [_("No definitions yet.")]
    return ElementSummary("definitions", _("Definitions"), [(_("definitions"), len(doc.definitions))], missing)


def _network(doc: PlanDocument) -> ElementSummary:
    n = doc.network
    missing = []
    if not n.partners:
        missing.append(_("No partners yet: name the people, not only their organisations."))
    if not any(p.network == NetworkKind.INFORMAL for p in n.partners):
        missing.append(_("No informal network yet (inhabitants, community members)."))
    counts = [
        (_("partners"), len(n.partners)),
        (_("organisations"), len(n.organisations)),
        (_("community groups"), len(n.community_groups)),
        (_("ties"), len(n.ties)),
    ]
    return ElementSummary("network", _("Local network"), counts, missing)


def _cooperation(doc: PlanDocument) -> ElementSummary:
    s = doc.sharing
    missing = []
    if doc.cooperation.coordinator is None:
        missing.append(_("No plan coordinator chosen."))
    if s.agreement is None:
        missing.append(_("No information-sharing agreement yet."))
    if not s.rules:
        missing.append(_("No sharing rules yet."))
    counts = [
        (_("information types"), len(s.information_types)),
        (_("sharing rules"), len(s.rules)),
        (_("signatories"), len(s.agreement.signatories) if s.agreement else 0),
    ]
    return ElementSummary("cooperation", _("Cooperation and information sharing"), counts, missing)


def _interventions(doc: PlanDocument) -> ElementSummary:
    levels = {iv.prevention_level for iv in doc.interventions}
    missing = []
    if not doc.interventions:
        missing.append(_("No interventions yet."))
    else:
        missing += [NO_INTERVENTION_ON[level] for level in PreventionLevel if level not in levels]
    counts = [(_("interventions"), len(doc.interventions)), (_("monitoring indicators"), len(doc.monitoring))]
    return ElementSummary("interventions", _("Interventions"), counts, missing)


def element_summaries(doc: PlanDocument) -> list[ElementSummary]:
    """The seven elements, in plan order, each with its counts and what is still missing."""
    return [f(doc) for f in (_analysis, _strategy, _political, _definitions, _network, _cooperation, _interventions)]
