"""Words for the parts and fields of a plan document, as the versions page and the exports show them."""

from django.utils.translation import gettext_lazy as _

from cohesio.checks import Element
from cohesio.core.choices import label
from cohesio.format import vocabulary as v
from cohesio.format.diff import PlanDiff, RowChange

PART_LABELS = {
    "plan": _("Plan"),
    "analysis": _("Analysis"),
    "analysis.areas": _("Areas"),
    "analysis.sources": _("Sources"),
    "analysis.factors": _("Risk and protective factors"),
    "analysis.indicators": _("Indicators of the analysis"),
    "goals": _("Goals"),
    "political_support": _("Political owner"),
    "political_support.decisions": _("Decisions"),
    "political_support.budget_lines": _("Budget"),
    "definitions": _("Definitions"),
    "network.organisations": _("Organisations"),
    "network.partners": _("Partners"),
    "network.community_groups": _("Community groups"),
    "network.ties": _("Ties between partners"),
    "cooperation": _("Coordinator"),
    "sharing.information_types": _("Information types"),
    "sharing.rules": _("Sharing rules"),
    "sharing.agreement": _("Agreement"),
    "sharing.evaluations": _("Evaluations of sharing"),
    "interventions": _("Interventions"),
    "monitoring": _("Monitoring indicators"),
}

FIELD_LABELS = {
    "title": _("title"),
    "name": _("name"),
    "term": _("term"),
    "text": _("text"),
    "description": _("description"),
    "summary": _("summary"),
    "status": _("status"),
    "vision": _("vision"),
    "prevention_level": _("prevention level"),
    "extremism_kinds": _("kinds of extremism"),
    "budget": _("budget"),
    "amount": _("amount"),
    "year": _("year"),
    "year_from": _("first year"),
    "year_to": _("last year"),
    "currency": _("currency"),
    "outcome": _("outcome"),
    "reservation": _("reservation"),
    "member_sectors": _("sectors it brings together"),
    "lead": _("lead"),
    "lead_organisation": _("lead organisation"),
    "direction": _("which way is better"),
    "partners": _("partners"),
    "goals": _("goals"),
    "role": _("role"),
    "mandate": _("mandate"),
    "tasks": _("tasks"),
    "function": _("function"),
    "organisation": _("organisation"),
    "starts_on": _("starts on"),
    "ends_on": _("ends on"),
    "target_group": _("target group"),
    "purpose": _("purpose"),
    "recipients": _("recipients"),
}


def element_label(code: str) -> str:
    return label(Element, code)


def part_label(part: str) -> str:
    return str(PART_LABELS.get(part, part))


def field_label(name: str) -> str:
    return str(FIELD_LABELS.get(name, name.replace("_", " ")))


# Which list of words a stored code comes from, by field (and by part where one field name means two things).
VALUE_ENUMS = {
    "prevention_level": v.PreventionLevel,
    "extremism_kinds": v.ExtremismKind,
    "sector": v.Sector,
    "member_sectors": v.Sector,
    "network": v.NetworkKind,
    "audience": v.DefinitionAudience,
    "sensitivity": v.Sensitivity,
    "timeframe": v.Timeframe,
    "urgency": v.Urgency,
    "shared_with": v.PolicyField,
    ("plan", "status"): v.PlanStatus,
    ("interventions", "status"): v.InterventionStatus,
    ("network.partners", "status"): v.PartnerStatus,
    ("goals", "kind"): v.GoalKind,
    ("analysis.factors", "kind"): v.FactorKind,
    ("analysis.sources", "kind"): v.SourceKind,
    ("network.ties", "kind"): v.TieKind,
    ("monitoring", "kind"): v.IndicatorKind,
    ("monitoring", "direction"): v.IndicatorDirection,
    ("political_support.decisions", "kind"): v.DecisionKind,
    ("political_support.decisions", "outcome"): v.DecisionOutcome,
}


def value_text(part: str, name: str, value) -> str:
    """A field's value as people read it: codes by their label, lists joined, nothing as a dash."""
    enum = VALUE_ENUMS.get((part, name)) or VALUE_ENUMS.get(name)
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(value_text(part, name, item) for item in value)
    if isinstance(value, dict):
        return "…"
    return label(enum, value) if enum else str(value)


def labelled_changes(diff: PlanDiff) -> list[tuple[str, list[RowChange]]]:
    """The changes of a diff per element label, each changed field's old and new value in words (`old_text`,
    `new_text`), as the compare and import pages show them."""
    for change in diff.changes:
        for f in change.fields:
            f.old_text, f.new_text = value_text(change.part, f.field, f.old), value_text(change.part, f.field, f.new)
    return [(element_label(e.element), e.changes) for e in diff.elements]
