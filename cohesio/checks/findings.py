"""What the plan checker reports: a finding, its severity, and the element of the plan it belongs to."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from cohesio.format import vocabulary
from cohesio.format.vocabulary import Choice, _


class Severity(Choice):
    """How much a finding matters; `ERROR > WARNING > TIP`."""

    ERROR = "error", _("Error")
    WARNING = "warning", _("Warning")
    TIP = "tip", _("Tip")

    @property
    def rank(self) -> int:
        return _RANK[self.value]

    def __lt__(self, other: object) -> bool:
        return self.rank < _rank_of(other)

    def __le__(self, other: object) -> bool:
        return self.rank <= _rank_of(other)

    def __gt__(self, other: object) -> bool:
        return self.rank > _rank_of(other)

    def __ge__(self, other: object) -> bool:
        return self.rank >= _rank_of(other)


_RANK = {"error": 3, "warning": 2, "tip": 1}


def _rank_of(other: object) -> int:
    if isinstance(other, str) and other in _RANK:
        return _RANK[other]
    raise TypeError(f"cannot compare a severity with {other!r}")


class Element(Choice):
    """The part of the plan a finding belongs to: the seven elements, plus the plan as a whole and monitoring."""

    PLAN = "plan", _("The plan as a whole")
    ANALYSIS = "analysis", _("Regional analysis")
    STRATEGY = "strategy", _("Strategy and goals")
    POLITICAL_SUPPORT = "political_support", _("Political support")
    DEFINITIONS = "definitions", _("Definitions")
    NETWORK = "network", _("Local network")
    COOPERATION = "cooperation", _("Conditions for multi-agency cooperation")
    INTERVENTIONS = "interventions", _("Interventions")
    MONITORING = "monitoring", _("Monitoring and evaluation")


@dataclass(frozen=True)
class Group:
    """How several findings of one rule in one element read together: one headline and one hint for all.

    Both are `_()`-marked templates; besides the parameters of the group's first finding they may use
    `{count}` (how many findings the group has) and `{total}` (how many rows the rule looked at).

    `row` is what the text output lists under the headline for each finding, after its path: a pattern of
    that finding's parameters without words of its own (so nothing to translate), such as `"{partner}"` or
    `"{partner}: {fields}"`; `""` lists the path alone. Left out (`None`), each finding's own message is listed.
    """

    message: str
    hint: str
    row: str | None = None


@dataclass(frozen=True)
class Finding:
    """One thing the checker found, at a JSON path into the plan document such as `$.goals[2].prevention_level`.

    `message` and `hint` are in English; `translated(gettext)` gives the same finding in the user's language.
    `subject` is the key of the object concerned (a goal, a partner, ...), when there is one. `group` names
    the findings of the same rule in the same element that read as one (see `group_findings`).
    """

    code: str
    severity: Severity
    element: Element
    path: str
    message: str
    hint: str
    subject: str | None = None
    message_id: str = field(default="", repr=False, compare=False)
    hint_id: str = field(default="", repr=False, compare=False)
    params: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    group: str = field(default="", compare=False)
    group_text: Group | None = field(default=None, repr=False, compare=False)
    total: int | None = field(default=None, repr=False, compare=False)

    def translated(self, gettext: Callable[[str], str]) -> "Finding":
        """The finding with message and hint translated by `gettext`, then filled in.

        Vocabulary labels among the values (a kind of extremism, a sector, an element) are translated too;
        names people wrote (a goal's title) are left as they are.
        """
        params = {key: _translate_labels(value, gettext) for key, value in self.params.items()}
        return replace(
            self,
            message=gettext(self.message_id or self.message).format(**params),
            hint=gettext(self.hint_id or self.hint).format(**params),
        )

    def to_dict(self) -> dict[str, str | None]:
        """The finding as JSON-ready data, for the API, the CLI and stored check results."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "element": self.element.value,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
            "subject": self.subject,
            "group": self.group or None,
        }


@dataclass(frozen=True)
class Flag:
    """What a rule reports: where and what, in untranslated text; the registry adds code, severity and element.

    `severity` overrides the rule's own (a rule that knows the plan's stage may report less); `group` names
    one of the rule's group texts and `group_by` keeps apart findings that should not be grouped together
    (the terminology rule groups per term); `total` is how many rows the rule looked at.
    """

    path: str
    message: str
    hint: str
    subject: str | None = None
    element: Element | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None
    group: str = ""
    group_by: str = ""
    total: int | None = None


def flag(
    path: str,
    message: str,
    hint: str,
    *,
    subject: str | None = None,
    element: Element | None = None,
    severity: Severity | None = None,
    group: str = "",
    group_by: str = "",
    total: int | None = None,
    **params: Any,
) -> Flag:
    """A place the rule flags; `message` and `hint` are `_()`-marked templates filled in with `params`."""
    return Flag(path, message, hint, subject, element, params, severity, group, group_by, total)


@dataclass(frozen=True)
class FindingGroup:
    """Findings of one rule in one element, shown as one: a headline, one hint, and the findings under it.

    A group of one is that finding, with its own message and hint. `rows` is what the text output lists under
    the headline for each finding, after its path (see `Group.row`).
    """

    id: str
    findings: tuple[Finding, ...]
    message: str
    hint: str
    rows: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return self.findings[0].code

    @property
    def severity(self) -> Severity:
        return max(f.severity for f in self.findings)

    @property
    def element(self) -> Element:
        return self.findings[0].element

    @property
    def count(self) -> int:
        return len(self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.id,
            "code": self.code,
            "severity": self.severity.value,
            "element": self.element.value,
            "message": self.message,
            "hint": self.hint,
            "count": self.count,
        }


def group_findings(findings: list[Finding], gettext: Callable[[str], str] | None = None) -> list[FindingGroup]:
    """The findings as the text output and the pages show them: per group, in the order of each first finding.

    Pass the `gettext` the findings were translated with, so the group headlines are in the same language.
    """
    members: dict[str, list[Finding]] = {}
    for finding in findings:
        members.setdefault(finding.group or f"{finding.code}:{finding.path}:{id(finding)}", []).append(finding)
    return [_group(key, tuple(group), gettext or (lambda text: text)) for key, group in members.items()]


def _group(key: str, findings: tuple[Finding, ...], gettext: Callable[[str], str]) -> FindingGroup:
    first = findings[0]
    messages = tuple(f.message for f in findings)
    if len(findings) == 1 or first.group_text is None:
        return FindingGroup(key, findings, first.message, first.hint, messages)
    params = {name: _translate_labels(value, gettext) for name, value in first.params.items()}
    params.update(count=len(findings), total=first.total if first.total is not None else len(findings))
    text = first.group_text
    rows = messages if text.row is None else tuple(_row(text.row, f, gettext) for f in findings)
    return FindingGroup(
        key, findings, gettext(text.message).format(**params), gettext(text.hint).format(**params), rows
    )


def _row(pattern: str, finding: Finding, gettext: Callable[[str], str]) -> str:
    return pattern.format(**{name: _translate_labels(value, gettext) for name, value in finding.params.items()})


def by_element(findings: list[Finding]) -> dict[Element, list[Finding]]:
    """Findings grouped per element, elements in plan order, leaving out elements without findings."""
    groups: dict[Element, list[Finding]] = {element: [] for element in Element}
    for finding in findings:
        groups[finding.element].append(finding)
    return {element: group for element, group in groups.items() if group}


def summarise(findings: "list[Finding] | list[FindingGroup]") -> dict[str, int]:
    """How many errors, warnings and tips there are (findings, or groups of them)."""
    counts = {"errors": 0, "warnings": 0, "tips": 0}
    for finding in findings:
        counts[finding.severity.value + "s"] += 1
    return counts


def _vocabulary_labels() -> frozenset[str]:
    enums = [obj for obj in vars(vocabulary).values() if isinstance(obj, type) and issubclass(obj, Choice)]
    return frozenset(m.label for enum in [*enums, Element, Severity] for m in enum)


LABELS = _vocabulary_labels()
LOWER_LABELS = {label.lower(): label for label in LABELS}  # rules put labels mid-sentence in lower case


def _translate_label(part: str, gettext: Callable[[str], str]) -> str | None:
    if part in LABELS:
        return gettext(part)
    if part in LOWER_LABELS:
        return gettext(LOWER_LABELS[part]).lower()
    return None


def _translate_labels(value: Any, gettext: Callable[[str], str]) -> Any:
    """Translate a label, or a comma-separated list made only of labels; anything else unchanged."""
    if not isinstance(value, str):
        return value
    translated = [_translate_label(part, gettext) for part in value.split(", ")]
    return value if None in translated else ", ".join(translated)
