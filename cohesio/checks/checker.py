"""Running the plan checker: every registered rule over one plan document, findings sorted."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from cohesio.format import PlanDocument

# Importing the rule modules registers their rules.
from . import (  # noqa: F401
    analysis,
    cooperation,
    definitions,
    framing,
    interventions,
    monitoring,
    network,
    plan,
    political_support,
    readability,
    sharing,
    strategy,
    terminology,
)
from .findings import Element, Finding, Severity
from .lexicon import forget_texts, languages
from .registry import REGISTRY, CheckContext, CoCreation


@dataclass(frozen=True)
class RuleInfo:
    """What a rule checks and why, for documentation and the UI."""

    code: str
    severity: Severity
    element: Element
    title: str
    why: str


def rules() -> list[RuleInfo]:
    """Every registered rule, by code."""
    return [RuleInfo(r.code, r.severity, r.element, r.title, r.why) for _, r in sorted(REGISTRY.items())]


def check_plan(
    doc: PlanDocument,
    *,
    lang: str = "en",
    today: date | None = None,
    allow_terms: Iterable[str] = (),
    cocreation: CoCreation | None = None,
) -> list[Finding]:
    """All findings for `doc`, errors first, then by code.

    `lang` chooses the word lists (see `languages()`), `today` the day overdue dates are judged against,
    `allow_terms` the terms the plan's partners have accepted, and `cocreation` how much partners outside the
    municipality took part (left out: not known, and the rule on it stays silent).
    """
    if lang not in languages():
        raise ValueError(f"there are no word lists for the language '{lang}' (known: {', '.join(languages())})")
    context = CheckContext(doc, lang=lang, today=today or date.today(), allow_terms=allow_terms, cocreation=cocreation)
    try:
        findings = [finding for rule in REGISTRY.values() for finding in rule.findings(doc, context)]
    finally:
        forget_texts()  # what was noted of the plan's texts serves this check only: nothing of them stays behind
    findings.sort(key=lambda f: (-f.severity.rank, f.code))
    return findings
