"""Cross-reference checks of a plan document: every key that points somewhere must resolve."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import PlanDocument


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a plan file, at a JSON path such as `$.goals[2].parent`."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class PlanFormatError(Exception):
    """A plan file that cannot be read; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def _unique(items: Iterable, path: str, what: str, problems: list[Problem]) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.key in seen:
            problems.append(Problem(f"{path}[{i}].key", f"another {what} already has the key '{item.key}'"))
        seen.add(item.key)
    return seen


def _unique_names(items: Iterable, attr: str, path: str, what: str, problems: list[Problem]) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        name = getattr(item, attr).casefold()
        if name in seen:
            problems.append(Problem(f"{path}[{i}].{attr}", f"another {what} is already called '{getattr(item, attr)}'"))
        seen.add(name)


def _resolve(value: str | None, keys: set[str], path: str, what: str, problems: list[Problem]) -> None:
    if value is not None and value not in keys:
        problems.append(Problem(path, f"there is no {what} with the key '{value}'"))


def _resolve_all(values: list[str], keys: set[str], path: str, what: str, problems: list[Problem]) -> None:
    for j, value in enumerate(values):
        _resolve(value, keys, f"{path}[{j}]", what, problems)


def _parents_without_cycles(doc: "PlanDocument", problems: list[Problem]) -> None:
    parent_of = {g.key: g.parent for g in doc.goals}
    for i, goal in enumerate(doc.goals):
        seen, key = set(), goal.key
        while key is not None and key in parent_of:
            if key in seen:
                problems.append(Problem(f"$.goals[{i}].parent", "goals cannot be each other's parents"))
                break
            seen.add(key)
            key = parent_of[key]


def reference_problems(doc: "PlanDocument") -> list[Problem]:
    """All broken references and duplicate keys or names in `doc`."""
    p: list[Problem] = []
    goals = _unique(doc.goals, "$.goals", "goal", p)
    _unique_names(doc.goals, "title", "$.goals", "goal", p)
    _unique(doc.political_support.decisions, "$.political_support.decisions", "decision", p)
    _unique(doc.political_support.budget_lines, "$.political_support.budget_lines", "budget line", p)
    _unique(doc.definitions, "$.definitions", "definition", p)
    _unique_names(doc.definitions, "term", "$.definitions", "definition", p)
    a = doc.analysis
    areas = _unique(a.areas, "$.analysis.areas", "area", p)
    _unique_names(a.areas, "name", "$.analysis.areas", "area", p)
    sources = _unique(a.sources, "$.analysis.sources", "source", p)
    _unique(a.factors, "$.analysis.factors", "factor", p)
    _unique(a.indicators, "$.analysis.indicators", "indicator", p)
    n = doc.network
    orgs = _unique(n.organisations, "$.network.organisations", "organisation", p)
    _unique_names(n.organisations, "name", "$.network.organisations", "organisation", p)
    partners = _unique(n.partners, "$.network.partners", "partner", p)
    _unique(n.community_groups, "$.network.community_groups", "community group", p)
    s = doc.sharing
    info_types = _unique(s.information_types, "$.sharing.information_types", "information type", p)
    _unique(s.rules, "$.sharing.rules", "sharing rule", p)
    _unique(s.evaluations, "$.sharing.evaluations", "sharing evaluation", p)
    interventions = _unique(doc.interventions, "$.interventions", "intervention", p)
    _unique_names(doc.interventions, "name", "$.interventions", "intervention", p)
    _unique(doc.monitoring, "$.monitoring", "indicator", p)

    _resolve_strategy_and_analysis(doc, p, goals, areas, sources)
    _resolve_network(doc, p, orgs, partners, areas)
    _resolve_sharing(doc, p, orgs, partners, info_types)
    _resolve_interventions(doc, p, goals, orgs, partners, interventions)
    return p


def _resolve_strategy_and_analysis(doc, p, goals, areas, sources) -> None:
    a = doc.analysis
    for i, g in enumerate(doc.goals):
        _resolve(g.parent, goals, f"$.goals[{i}].parent", "goal", p)
    _parents_without_cycles(doc, p)
    for i, f in enumerate(a.factors):
        _resolve_all(f.areas, areas, f"$.analysis.factors[{i}].areas", "area", p)
        _resolve_all(f.sources, sources, f"$.analysis.factors[{i}].sources", "source", p)
    for i, ind in enumerate(a.indicators):
        _resolve(ind.source, sources, f"$.analysis.indicators[{i}].source", "source", p)
        for j, obs in enumerate(ind.observations):
            _resolve(obs.area, areas, f"$.analysis.indicators[{i}].observations[{j}].area", "area", p)


def _resolve_network(doc, p, orgs, partners, areas) -> None:
    n = doc.network
    for i, partner in enumerate(n.partners):
        _resolve(partner.organisation, orgs, f"$.network.partners[{i}].organisation", "organisation", p)
    for i, cg in enumerate(n.community_groups):
        _resolve(cg.area, areas, f"$.network.community_groups[{i}].area", "area", p)
        _resolve(cg.contact, partners, f"$.network.community_groups[{i}].contact", "partner", p)
    seen_ties: set[tuple[str, str, str]] = set()
    for i, tie in enumerate(n.ties):
        if (tie.source, tie.target, tie.kind) in seen_ties:
            p.append(Problem(f"$.network.ties[{i}]", "the same tie is listed twice"))
        seen_ties.add((tie.source, tie.target, tie.kind))
        _resolve(tie.source, partners, f"$.network.ties[{i}].source", "partner", p)
        _resolve(tie.target, partners, f"$.network.ties[{i}].target", "partner", p)
    _resolve(doc.cooperation.coordinator, partners, "$.cooperation.coordinator", "partner", p)


def _resolve_sharing(doc, p, orgs, partners, info_types) -> None:
    s = doc.sharing
    for i, it in enumerate(s.information_types):
        _resolve(it.organisation, orgs, f"$.sharing.information_types[{i}].organisation", "organisation", p)
    for i, rule in enumerate(s.rules):
        _resolve(rule.information_type, info_types, f"$.sharing.rules[{i}].information_type", "information type", p)
        _resolve_all(rule.recipients, orgs, f"$.sharing.rules[{i}].recipients", "organisation", p)
    if s.agreement:
        signed: set[tuple[str, int]] = set()
        for i, sig in enumerate(s.agreement.signatories):
            _resolve(sig.organisation, orgs, f"$.sharing.agreement.signatories[{i}].organisation", "organisation", p)
            _resolve(sig.signed_by, partners, f"$.sharing.agreement.signatories[{i}].signed_by", "partner", p)
            if (sig.organisation, sig.version) in signed:
                p.append(
                    Problem(f"$.sharing.agreement.signatories[{i}]", "this organisation signed this version already")
                )
            signed.add((sig.organisation, sig.version))


def _resolve_interventions(doc, p, goals, orgs, partners, interventions) -> None:
    for i, iv in enumerate(doc.interventions):
        _resolve_all(iv.goals, goals, f"$.interventions[{i}].goals", "goal", p)
        _resolve(iv.lead, partners, f"$.interventions[{i}].lead", "partner", p)
        _resolve(iv.lead_organisation, orgs, f"$.interventions[{i}].lead_organisation", "organisation", p)
        _resolve_all(iv.partners, partners, f"$.interventions[{i}].partners", "partner", p)
    for i, m in enumerate(doc.monitoring):
        _resolve_all(m.goals, goals, f"$.monitoring[{i}].goals", "goal", p)
        _resolve(m.intervention, interventions, f"$.monitoring[{i}].intervention", "intervention", p)


def check_references(doc: "PlanDocument") -> None:
    problems = reference_problems(doc)
    if problems:
        raise PlanFormatError(problems)
