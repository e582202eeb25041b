"""The plan checker: reads a plan document and says, element by element, what is missing or risky (no Django)."""

from .checker import RuleInfo, check_plan, rules
from .findings import Element, Finding, FindingGroup, Group, Severity, by_element, group_findings, summarise
from .lexicon import languages
from .registry import CoCreation

__all__ = [
    "CoCreation",
    "Element",
    "Finding",
    "FindingGroup",
    "Group",
    "RuleInfo",
    "Severity",
    "by_element",
    "check_plan",
    "group_findings",
    "languages",
    "rules",
    "summarise",
]
