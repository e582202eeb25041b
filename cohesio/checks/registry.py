"""The registry of plan rules: each rule a small function, registered with its code, severity and element."""

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import networkx as nx

from cohesio.format import PlanDocument
from cohesio.format.document import Goal, Intervention, Organisation, Partner
from cohesio.format.vocabulary import NetworkKind, PartnerStatus, PlanStatus

from .findings import Element, Finding, Flag, Group, Severity


@dataclass(frozen=True)
class CoCreation:
    """How much partners from outside the municipality took part in writing the plan: counts only, no names.

    The plan format does not hold this; an application that records comments, proposals and endorsements
    (Cohesio does) passes the counts to `check_plan`.
    """

    comments: int = 0
    proposals: int = 0
    endorsements: int = 0

    @property
    def total(self) -> int:
        return self.comments + self.proposals + self.endorsements


class CheckContext:
    """What a rule may need besides the document: the language, today, the accepted terms, and shared lookups."""

    def __init__(
        self,
        doc: PlanDocument,
        *,
        lang: str,
        today: date,
        allow_terms: Iterable[str],
        cocreation: CoCreation | None = None,
    ):
        self.doc = doc
        self.lang = lang
        self.today = today
        self.allow_terms = frozenset(t.strip().casefold() for t in allow_terms if t.strip())
        self.cocreation = cocreation

    @property
    def adopted(self) -> bool:
        """The plan is adopted: prompts to work things out with partners have had their time.

        A plan under review is not: its review is made with partners again, and the prompts come back."""
        return self.doc.plan.status == PlanStatus.ADOPTED

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
    def cooperation_members(self) -> list[tuple[int, Partner]]:
        """(position, partner) of the formal partners still in the network: the cooperation structure."""
        return [
            (i, p)
            for i, p in enumerate(self.doc.network.partners)
            if p.network == NetworkKind.FORMAL and p.status != PartnerStatus.INACTIVE
        ]

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
    groups: dict[str, Group]

    def findings(self, doc: PlanDocument, context: CheckContext) -> Iterable[Finding]:
        for f in self.check(doc, context):
            element = f.element or self.element
            text = self.groups.get(f.group)
            # without a group text, only findings with the same message read as one
            kind = f.group if text is not None else f.group or _short_hash(f.message)
            group = ":".join(part for part in (self.code, element.value, kind, f.group_by) if part)
            yield Finding(
                code=self.code,
                severity=f.severity or self.severity,
                element=element,
                path=f.path,
                message=f.message.format(**f.params),
                hint=f.hint.format(**f.params),
                subject=f.subject,
                message_id=f.message,
                hint_id=f.hint,
                params=f.params,
                group=group,
                group_text=text,
                total=f.total,
            )


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:8]


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    severity: Severity,
    element: Element,
    *,
    title: str,
    why: str,
    group: Group | None = None,
    groups: dict[str, Group] | None = None,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as the rule `code`.

    `group` is how several of its findings in one element read together; a rule that reports more than one
    kind of finding names a group text per kind in `groups` and says which in each flag (`flag(group=...)`).
    """

    def register(check: RuleFunction) -> RuleFunction:
        if code in REGISTRY:
            raise ValueError(f"rule {code} is registered twice")
        texts = dict(groups or {})
        if group is not None:
            texts[""] = group
        REGISTRY[code] = Rule(code, severity, element, title, why, check, texts)
        return check

    return register
