"""The plan checker: reads a plan document and says, element by element, what is missing or risky (no Django)."""

from .checker import RuleInfo, check_plan, rules
from .findings import Element, Finding, Severity, by_element, summarise
from .lexicon import languages

__all__ = [
    "Element",
    "Finding",
    "RuleInfo",
    "Severity",
    "by_element",
    "check_plan",
    "languages",
    "rules",
    "summarise",
]
