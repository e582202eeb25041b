"""Small changes to the complete plan's data, each breaking (or nearly breaking) one rule."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from .plans import TODAY

Change = Callable[[dict[str, Any]], None]


def _parent(data: dict[str, Any], path: str) -> tuple[Any, Any]:
    parts: list[Any] = [int(p) if p.isdigit() else p for p in path.split(".")]
    node = data
    for part in parts[:-1]:
        node = node[part]
    return node, parts[-1]


def setting(path: str, value: Any) -> Change:
    """Set the value at a dotted path such as `goals.1.parent`."""

    def change(data: dict[str, Any]) -> None:
        node, last = _parent(data, path)
        node[last] = value

    return change


def appending(path: str, value: Any) -> Change:
    """Append to the list at a dotted path."""

    def change(data: dict[str, Any]) -> None:
        node, last = _parent(data, path)
        node[last].append(value)

    return change


def removing(path: str, where: Callable[[Any], bool]) -> Change:
    """Drop the items of the list at a dotted path for which `where` holds."""

    def change(data: dict[str, Any]) -> None:
        node, last = _parent(data, path)
        node[last] = [item for item in node[last] if not where(item)]

    return change


def all_of(*changes: Change) -> Change:
    def change(data: dict[str, Any]) -> None:
        for c in changes:
            c(data)

    return change


def days_ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def with_analysis(analysis: dict[str, Any]) -> Change:
    """Replace the analysis; community groups lose the areas it no longer has."""

    def change(data: dict[str, Any]) -> None:
        data["analysis"] = analysis
        for group in data["network"]["community_groups"]:
            group["area"] = None

    return change


def without_goals(data: dict[str, Any]) -> None:
    data["goals"] = []
    for intervention in data["interventions"]:
        intervention["goals"] = []
    for indicator in data["monitoring"]:
        indicator["goals"] = []


def without_network(data: dict[str, Any]) -> None:
    data["network"] = {}
    data["cooperation"]["coordinator"] = None
    data["sharing"] = {}
    for intervention in data["interventions"]:
        intervention["lead"] = None
        intervention["partners"] = []


def without_cooperation(data: dict[str, Any]) -> None:
    data["cooperation"]["coordinator"] = None
    data["plan"]["cooperation_process"] = ""
    data["sharing"] = {}


def without_interventions(data: dict[str, Any]) -> None:
    data["interventions"] = []
    for indicator in data["monitoring"]:
        indicator["intervention"] = None


def without_areas(data: dict[str, Any]) -> None:
    data["analysis"]["areas"] = []
    for factor in data["analysis"]["factors"]:
        factor["areas"] = []
    for group in data["network"]["community_groups"]:
        group["area"] = None


def ties_between(*pairs: tuple[str, str]) -> Change:
    return setting("network.ties", [{"source": s, "target": t} for s, t in pairs])


def only_addressing(kind: str) -> Change:
    """A scope that addresses one kind and leaves the others out, with reasons."""
    others = ["right_wing", "left_wing", "religiously_inspired", "other"]
    scope = [{"kind": k, "addressed": k == kind, "reason": "" if k == kind else "Not seen here."} for k in others]
    return setting("plan.extremism_scope", scope)
