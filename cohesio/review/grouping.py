"""Repeated findings shown as one on the pages: one card per rule and element, the rows listed under it.

The checker groups its findings (`cohesio.checks.group_findings`); here each group is paired with the reviewed
rows it holds, so every row keeps its own place, edit link and acceptance.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext

from cohesio.checks import Finding, group_findings, summarise

if TYPE_CHECKING:
    from .selectors import ReviewedFinding


@dataclass
class ShownFinding:
    """What a page shows as one finding: a single finding, or several of one rule in one element."""

    rows: list["ReviewedFinding"]
    message: str
    hint: str
    id: str = ""

    @property
    def finding(self) -> Finding:
        """The first row's finding: code, severity and element are those of the whole group."""
        return self.rows[0].finding

    @property
    def grouped(self) -> bool:
        return len(self.rows) > 1

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def accepted(self) -> bool:
        """Every row is accepted; a group with some rows accepted is still open."""
        return all(r.accepted for r in self.rows)

    @property
    def accepted_count(self) -> int:
        return sum(r.accepted for r in self.rows)

    @property
    def anchor(self) -> str:
        return f"group-{self.rows[0].anchor}" if self.grouped else self.rows[0].anchor

    @property
    def page_url(self) -> str:
        return self.rows[0].page_url

    def to_dict(self) -> dict:
        """The group as the JSON lists it beside the rows: headline, hint, and how many rows are accepted."""
        finding = self.finding
        return {
            "group": self.id,
            "code": finding.code,
            "severity": max(r.finding.severity for r in self.rows).value,
            "element": finding.element.value,
            "message": self.message,
            "hint": self.hint,
            "count": self.count,
            "accepted": self.accepted_count,
        }


def shown_findings(reviewed: list["ReviewedFinding"]) -> list[ShownFinding]:
    """The reviewed findings as the pages show them, grouped, in the order of each group's first finding."""
    by_finding = {id(r.finding): r for r in reviewed}
    return [
        ShownFinding([by_finding[id(f)] for f in group.findings], group.message, group.hint, group.id)
        for group in group_findings([r.finding for r in reviewed], gettext)
    ]


def group_dicts(reviewed: list["ReviewedFinding"]) -> list[dict]:
    """The groups of more than one finding, as the JSON lists them beside the rows (the CLI's `groups`)."""
    return [shown.to_dict() for shown in shown_findings(reviewed) if shown.grouped]


def shown_counts(reviewed: list["ReviewedFinding"]) -> dict[str, int]:
    """Errors, warnings and tips as shown (a group once), how many of them are accepted, and how many in all."""
    shown = shown_findings(reviewed)
    counts = summarise([s.finding for s in shown])
    counts["accepted"] = sum(s.accepted for s in shown)
    counts["total"] = len(shown)
    return counts
