"""The registry of plan rules: each rule a small function, registered with its code, severity and element."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import networkx as nx

from cohesio.format import PlanDocument
from cohesio.format.document import Goal, Intervention, Organisation, Partner
from cohesio.format.vocabulary import PartnerStatus

from .findings import Element, Finding, Flag, Severity


class CheckContext:
    """What a rule may need besides the document: the language, today, the accepted terms, and shared lookups."""

    def __init__(self, doc: PlanDocument, *, lang: str, today: date, allow_terms: Iterable[str]):
        self.doc = doc
        self.lang = lang
        self.today = today
        self.allow_terms = frozenset(t.strip().casefold() for t in allow_terms if t.strip())

    @cached_property
    def partners(self) -> dict[str, Partner]:
        return {p.key: p for p in self.doc.network.partners}

    @cached_property
    def organisations(self) -> dict[str, Organisation]:
        return {o.key: o for o in self.doc.network.organisations}

    @cached_property
    def goals(self) -> dict[str, Goal]:
        return {g.key: g for g in self.doc.goals}

    @cached_property
    def present_partners(self) -> list[Partner]:
        """Partners who take part or are invited to; inactive ones have left the network."""
        return [p for p in self.doc.network.partners if p.status != PartnerStatus.INACTIVE]

    @cached_property
    def interventions_by_goal(self) -> dict[str, list[Intervention]]:
        by_goal: dict[str, list[Intervention]] = defaultdict(list)
        for intervention in self.doc.interventions:
            for key in intervention.goals:
                by_goal[key].append(intervention)
        return by_goal

    @cached_property
    def tie_graph(self) -> nx.Graph:
        """Who works with whom, among the partners still in the network."""
        graph = nx.Graph()
        graph.add_nodes_from(p.key for p in self.present_partners)
        graph.add_edges_from(
            (t.source, t.target) for t in self.doc.network.ties if t.source in graph and t.target in graph
        )
        return graph


RuleFunction = Callable[[PlanDocument, CheckContext], Iterable[Flag]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: what it is called, how much it matters, where it belongs, and why (for the docs)."""

    code: str
    severity: Severity
    element: Element
    title: str
    why: str
    check: RuleFunction

    def findings(self, doc: PlanDocument, context: CheckContext) -> Iterable[Finding]:
        for f in self.check(doc, context):
            yield Finding(
                code=self.code,
                severity=self.severity,
                element=f.element or self.element,
                path=f.path,
                message=f.message.format(**f.params),
                hint=f.hint.format(**f.params),
                subject=f.subject,
                message_id=f.message,
                hint_id=f.hint,
                params=f.params,
            )


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str, severity: Severity, element: Element, *, title: str, why: str
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as the rule `code`."""

    def register(check: RuleFunction) -> RuleFunction:
        if code in REGISTRY:
            raise ValueError(f"rule {code} is registered twice")
        REGISTRY[code] = Rule(code, severity, element, title, why, check)
        return check

    return register
