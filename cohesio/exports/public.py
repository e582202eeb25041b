"""What the public version of a plan shows: one table, field by field, and the function that applies it.

The public version is for the municipality's website. It names organisations and roles, never people; it leaves
out partners' interests, doubts and conditions, the details of the information each organisation holds, and
internal notes (among them each row's `source_ref`, where the people entering the plan copied it from); and it
has no annex with the checker's findings. `test_public.py` checks that the table decides
every field of the open plan format, so a new field stays out of the public version until someone decides.
"""

import copy
from collections.abc import Callable

# path in the document (lists stand for their rows) -> field -> shown in the public version?
PUBLIC: dict[str, dict[str, bool]] = {
    "": {
        "format_version": True,
        "locality": True,
        "plan": True,
        "goals": True,
        "political_support": True,
        "definitions": True,
        "analysis": True,
        "network": True,
        "cooperation": True,
        "sharing": True,
        "interventions": True,
        "monitoring": True,
    },
    "locality": {"name": True, "kind": True, "fictional": True},
    "plan": {
        "title": True,
        "status": True,
        "period_start": True,
        "period_end": True,
        "review_date": True,
        "vision": True,
        "protection_statement": True,
        "setting_fit": True,
        "cooperation_process": True,
        "extremism_scope": True,
        "language": True,
        "currency": True,
        "accepted_terms": False,  # a setting of the checker, internal
    },
    "plan.extremism_scope": {"kind": True, "addressed": True, "reason": True},
    "goals": {
        "key": True,
        "title": True,
        "description": True,
        "kind": True,
        "parent": True,
        "prevention_level": True,
        "extremism_kinds": True,
        "shared_by_all": True,
        "source_ref": False,
    },
    "political_support": {
        "owner_name": False,  # a person: the office says who owns the plan
        "owner_office": True,
        "decisions": True,
        "budget_lines": True,
    },
    "political_support.decisions": {
        "key": True,
        "title": True,
        "decided_on": True,
        "reference": True,
        "summary": True,
        "outcome": True,  # what the council or executive decided is on the public record
        "kind": True,
        "reservation": True,
        "source_ref": False,
    },
    "political_support.budget_lines": {
        "key": True,
        "name": True,
        "amount": True,
        "currency": True,
        "year_from": True,
        "year_to": True,
        "funding_source": True,
        "shared_with": True,
        "source_ref": False,
    },
    "definitions": {
        "key": True,
        "term": True,
        "text": True,
        "local_wording": True,
        "audience": True,
        "source_ref": False,
    },
    "analysis": {"summary": True, "areas": True, "sources": True, "factors": True, "indicators": True},
    "analysis.areas": {"key": True, "name": True, "geometry": True, "source_ref": False},
    "analysis.sources": {
        "key": True,
        "name": True,
        "kind": True,
        "description": True,
        "collected_on": True,
        "source_ref": False,
    },
    "analysis.factors": {
        "key": True,
        "kind": True,
        "title": True,
        "description": True,
        "extremism_kinds": True,
        "areas": True,
        "sources": True,
        "timeframe": True,
        "urgency": True,
        "source_ref": False,
    },
    "analysis.indicators": {
        "key": True,
        "name": True,
        "unit": True,
        "synthetic": True,
        "source": True,
        "observations": True,
        "source_ref": False,
    },
    "analysis.indicators.observations": {"area": True, "period": True, "value": True},
    "network": {"organisations": True, "partners": True, "community_groups": True, "ties": True},
    "network.organisations": {"key": True, "name": True, "sector": True, "member_sectors": True, "source_ref": False},
    "network.partners": {
        "key": True,
        "name": False,  # a person
        "function": True,
        "organisation": True,
        "sector": True,
        "network": True,
        "status": False,  # invited, active, left: how the network is built, internal
        "interests": False,
        "doubts": False,
        "conditions": False,
        "role": True,
        "mandate": True,
        "tasks": True,
        "accepts_coordinator": False,
        "source_ref": False,
    },
    "network.community_groups": {
        "key": True,
        "name": True,
        "description": True,
        "area": True,
        "contact": False,  # a person
        "source_ref": False,
    },
    "network.ties": {
        "source": True,
        "target": True,
        "kind": True,
        "source_ref": False,
    },  # shown between organisations only
    "cooperation": {"coordinator": True},  # shown as the coordinator's function and organisation
    "sharing": {"information_types": True, "rules": True, "agreement": True, "evaluations": False},
    "sharing.information_types": {
        "key": True,
        "organisation": True,
        "name": True,
        "description": False,  # the information inventory's details
        "sensitivity": False,
        "legal_basis": False,
        "source_ref": False,
    },
    "sharing.rules": {
        "key": True,
        "information_type": True,
        "recipients": True,
        "recipient_roles": True,
        "purposes": True,
        "legal_bases": True,  # the grounds in law a public body relies on are public
        "legal_reference": True,
        "conditions": True,
        "channel": True,
        "receiver_use": True,
        "onward_sharing": True,
        "retention_amount": True,
        "retention_unit": True,
        "retention_from": True,
        "valid_until": True,
        "purpose": True,
        "why": True,
        "when": True,
        "how": True,
        "retention": True,
        "source_ref": False,
    },
    "sharing.agreement": {
        "title": True,
        "text": True,
        "based_on": True,
        "version": True,
        "state": True,
        "in_force_from": True,
        "signed_on": True,
        "review_date": True,
        "evaluate_every_months": False,  # how the partners organise their own evaluation
        "signatories": True,
    },
    "sharing.agreement.signatories": {
        "organisation": True,
        "signed_by": False,
        "signed_on": True,
        "version": True,
    },  # a person
    "sharing.evaluations": {
        "key": False,
        "scheduled_for": False,
        "done_on": False,
        "right_information_on_time": False,
        "handled_as_agreed": False,
        "notes": False,
        "answers": False,
    },
    "sharing.evaluations.answers": {
        "organisation": False,
        "answered_by": False,  # a person
        "answered_on": False,
        "right_information_on_time": False,
        "handled_as_agreed": False,
        "notes": False,
    },
    "interventions": {
        "key": True,
        "name": True,
        "description": True,
        "prevention_level": True,
        "extremism_kinds": True,
        "target_group": True,
        "goals": True,
        "lead": True,  # shown as the lead's organisation
        "lead_organisation": True,  # organisations are public
        "partners": True,  # shown as organisations
        "status": True,
        "starts_on": True,
        "ends_on": True,
        "budget": True,
        "source_ref": False,
    },
    "monitoring": {
        "key": True,
        "name": True,
        "unit": True,
        "baseline": True,
        "target": True,
        "direction": True,
        "kind": True,
        "goals": True,
        "intervention": True,
        "synthetic": True,
        "measurements": True,
        "source_ref": False,
    },
    "monitoring.measurements": {"measured_on": True, "value": True, "note": False},  # internal notes
}

# Whole rows left out of the public version, whatever their fields say.
PUBLIC_ROWS: dict[str, Callable[[dict], bool]] = {
    # people in the informal network take part in their own name, without an organisation to stand for them
    "network.partners": lambda row: row.get("network") == "formal" and bool(row.get("organisation")),
    "definitions": lambda row: row.get("audience") != "internal",
}

# Parts of an export beyond the document itself.
# (`where_from`: the annex listing where each part of a plan entered from existing documents was taken from)
PUBLIC_SECTIONS = {"annex": False, "where_from": False, "version_note": False, "published_by": False}


def _filtered(node, path: str):
    table = PUBLIC.get(path)
    if isinstance(node, list):
        keep = PUBLIC_ROWS.get(path, lambda row: True)
        return [_filtered(row, path) for row in node if not isinstance(row, dict) or keep(row)]
    if not isinstance(node, dict) or table is None:
        return node
    return {
        name: _filtered(value, f"{path}.{name}" if path else name)
        for name, value in node.items()
        if table.get(name, False)  # a field the table does not know is not public
    }


def public_document(data: dict) -> dict:
    """A copy of a document's JSON dump with only what the public version shows (not a valid plan document)."""
    return _filtered(copy.deepcopy(data), "")
