"""A canonical form of a plan document, so two documents can be compared apart from their keys."""

from typing import Any

from .document import PlanDocument
from .io import dump

# (collection path, key prefix) in the order keys are assigned.
_COLLECTIONS = {
    "goal": ("goals",),
    "decision": ("political_support", "decisions"),
    "budget": ("political_support", "budget_lines"),
    "definition": ("definitions",),
    "area": ("analysis", "areas"),
    "source": ("analysis", "sources"),
    "factor": ("analysis", "factors"),
    "aindicator": ("analysis", "indicators"),
    "org": ("network", "organisations"),
    "partner": ("network", "partners"),
    "group": ("network", "community_groups"),
    "infotype": ("sharing", "information_types"),
    "rule": ("sharing", "rules"),
    "evaluation": ("sharing", "evaluations"),
    "intervention": ("interventions",),
    "indicator": ("monitoring",),
}

# Fields that hold references, as (collection path, field, target prefix, is_list).
_REFERENCES = [
    (("goals",), "parent", "goal", False),
    (("analysis", "factors"), "areas", "area", True),
    (("analysis", "factors"), "sources", "source", True),
    (("analysis", "indicators"), "source", "source", False),
    (("network", "partners"), "organisation", "org", False),
    (("network", "community_groups"), "area", "area", False),
    (("network", "community_groups"), "contact", "partner", False),
    (("network", "ties"), "source", "partner", False),
    (("network", "ties"), "target", "partner", False),
    (("sharing", "information_types"), "organisation", "org", False),
    (("sharing", "rules"), "information_type", "infotype", False),
    (("sharing", "rules"), "recipients", "org", True),
    (("sharing", "agreement", "signatories"), "organisation", "org", False),
    (("sharing", "agreement", "signatories"), "signed_by", "partner", False),
    (("interventions",), "goals", "goal", True),
    (("interventions",), "lead", "partner", False),
    (("interventions",), "lead_organisation", "org", False),
    (("interventions",), "partners", "partner", True),
    (("monitoring",), "goals", "goal", True),
    (("monitoring",), "intervention", "intervention", False),
]

_UNORDERED_LISTS = {
    "extremism_kinds",
    "shared_with",
    "member_sectors",
    "areas",
    "sources",
    "recipients",
    "goals",
    "partners",
}


def _get(data: dict, path: tuple) -> list:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
        if data is None:
            return []
    return data


def canonical(doc: PlanDocument) -> dict[str, Any]:
    """The document with every key replaced by its position, and unordered lists sorted."""
    data = dump(doc)
    renames: dict[str, dict[str, str]] = {}
    for prefix, path in _COLLECTIONS.items():
        renames[prefix] = {item["key"]: f"{prefix}-{i + 1}" for i, item in enumerate(_get(data, path))}
        for item in _get(data, path):
            item["key"] = renames[prefix][item["key"]]
    _rename_references(data, renames)
    for indicator in data["analysis"]["indicators"]:
        for observation in indicator["observations"]:
            if observation["area"] is not None:
                observation["area"] = renames["area"][observation["area"]]
    _sort_unordered(data)
    coordinator = data["cooperation"]["coordinator"]
    if coordinator is not None:
        data["cooperation"]["coordinator"] = renames["partner"][coordinator]
    data["network"]["ties"].sort(key=lambda t: (t["source"], t["target"], t["kind"]))
    if data["sharing"]["agreement"]:
        data["sharing"]["agreement"]["signatories"].sort(key=lambda s: (s["organisation"], s["version"]))
    return data


def _rename_references(data: dict, renames: dict[str, dict[str, str]]) -> None:
    for path, field, prefix, is_list in _REFERENCES:
        for item in _get(data, path):
            value = item.get(field)
            if is_list:
                item[field] = [renames[prefix][v] for v in value]
            elif value is not None:
                item[field] = renames[prefix][value]


def _sort_unordered(node: Any) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _UNORDERED_LISTS and isinstance(value, list) and all(isinstance(v, str) for v in value):
                value.sort()
            else:
                _sort_unordered(value)
    elif isinstance(node, list):
        for value in node:
            _sort_unordered(value)
