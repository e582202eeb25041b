"""Differences between two plan documents, element by element and row by row, matched by row key (no Django).

Two versions are compared as their open-format JSON dumps. Rows of a collection are matched by their `key`, so
the result says which rows were added, removed or changed; for a changed row it lists each changed field, and for
text fields a word-level diff. Rows are never matched by position: when keys are stable, the diff is exact.
"""

import difflib
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

# Where each part of the document belongs, in plan order: (element, path, kind). `rows` is a list of rows with a
# `key` (or another identity, see _IDENTITY); `single` is one object compared field by field.
PARTS: list[tuple[str, tuple[str, ...], str]] = [
    ("plan", ("plan",), "single"),
    ("analysis", ("analysis",), "single"),
    ("analysis", ("analysis", "areas"), "rows"),
    ("analysis", ("analysis", "sources"), "rows"),
    ("analysis", ("analysis", "factors"), "rows"),
    ("analysis", ("analysis", "indicators"), "rows"),
    ("strategy", ("goals",), "rows"),
    ("political_support", ("political_support",), "single"),
    ("political_support", ("political_support", "decisions"), "rows"),
    ("political_support", ("political_support", "budget_lines"), "rows"),
    ("definitions", ("definitions",), "rows"),
    ("network", ("network", "organisations"), "rows"),
    ("network", ("network", "partners"), "rows"),
    ("network", ("network", "community_groups"), "rows"),
    ("network", ("network", "ties"), "rows"),
    ("cooperation", ("cooperation",), "single"),
    ("cooperation", ("sharing", "information_types"), "rows"),
    ("cooperation", ("sharing", "rules"), "rows"),
    ("cooperation", ("sharing", "agreement"), "single"),
    ("cooperation", ("sharing", "evaluations"), "rows"),
    ("interventions", ("interventions",), "rows"),
    ("monitoring", ("monitoring",), "rows"),
]
ELEMENT_ORDER = [
    "plan",
    "analysis",
    "strategy",
    "political_support",
    "definitions",
    "network",
    "cooperation",
    "interventions",
    "monitoring",
]
_LABEL_FIELDS = ("name", "title", "term")


def _identity(path: tuple[str, ...], row: dict) -> str:
    """The key that matches a row across versions: its `key`, or what identifies a row without one."""
    if path == ("network", "ties"):
        return f"{row['source']}>{row['target']}:{row['kind']}"
    return str(row["key"])


@dataclass
class WordPiece:
    """A run of text that is the same in both versions (`equal`), only in the old one (`delete`) or the new."""

    op: str
    text: str


@dataclass
class FieldChange:
    field: str
    old: Any
    new: Any
    words: list[WordPiece] = field(default_factory=list)  # for text fields


@dataclass
class RowChange:
    """One row added, removed or changed; `part` is the collection's path joined with dots."""

    change: str  # added | removed | changed
    part: str
    key: str
    label: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class ElementDiff:
    element: str
    changes: list[RowChange]


@dataclass
class PlanDiff:
    elements: list[ElementDiff]

    @property
    def changes(self) -> list[RowChange]:
        return [c for e in self.elements for c in e.changes]

    @property
    def counts(self) -> dict[str, int]:
        counts = {"added": 0, "removed": 0, "changed": 0}
        for change in self.changes:
            counts[change.change] += 1
        return counts

    def to_dict(self) -> dict:
        return {"counts": self.counts, "elements": [asdict(e) for e in self.elements]}


def _get(data: dict, path: tuple[str, ...]) -> Any:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def words(old: str, new: str) -> list[WordPiece]:
    """A word-level diff of two texts; whitespace stays attached so the pieces join back into the texts."""
    a, b = re.findall(r"\S+\s*", old or ""), re.findall(r"\S+\s*", new or "")
    pieces: list[WordPiece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(WordPiece("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(WordPiece("delete", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(WordPiece("insert", "".join(b[j1:j2])))
    return pieces


def _field_changes(old: dict, new: dict, skip: frozenset[str]) -> list[FieldChange]:
    changes = []
    for name in dict.fromkeys([*old, *new]):
        if name in skip:
            continue
        before, after = old.get(name), new.get(name)
        if _same(before, after):
            continue
        change = FieldChange(name, before, after)
        if _is_prose(before) or _is_prose(after):  # codes and keys are shown as old -> new instead
            change.words = words(before or "", after or "")
        changes.append(change)
    return changes


def _is_prose(value: Any) -> bool:
    return isinstance(value, str) and any(c.isspace() for c in value.strip())


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def _label(row: dict, fallback: str) -> str:
    return next((str(row[f]) for f in _LABEL_FIELDS if row.get(f)), fallback)


def _rows_diff(path: tuple[str, ...], old_rows: list, new_rows: list) -> list[RowChange]:
    part = ".".join(path)
    old = {_identity(path, r): r for r in old_rows or []}
    new = {_identity(path, r): r for r in new_rows or []}
    changes = []
    for key, row in new.items():
        if key not in old:
            changes.append(RowChange("added", part, key, _label(row, key)))
        else:
            fields = _field_changes(old[key], row, frozenset({"key"}))
            if fields:
                changes.append(RowChange("changed", part, key, _label(row, key), fields))
    changes.extend(RowChange("removed", part, key, _label(row, key)) for key, row in old.items() if key not in new)
    return changes


def _single_diff(path: tuple[str, ...], old: dict | None, new: dict | None) -> list[RowChange]:
    part = ".".join(path)
    # the row collections inside a single object are compared as rows of their own (see PARTS)
    nested = frozenset(p[len(path)] for _e, p, _k in PARTS if len(p) == len(path) + 1 and p[: len(path)] == path)
    if old is None and new is None:
        return []
    if old is None or new is None:
        return [RowChange("added" if old is None else "removed", part, part, _label(new or old or {}, part))]
    fields = _field_changes(old, new, nested)
    return [RowChange("changed", part, part, _label(new, part), fields)] if fields else []


def diff_documents(old: dict, new: dict) -> PlanDiff:
    """What changed from the document `old` to `new` (both JSON dumps of the open format), per element."""
    per_element: dict[str, list[RowChange]] = {e: [] for e in ELEMENT_ORDER}
    for element, path, kind in PARTS:
        before, after = _get(old, path), _get(new, path)
        if kind == "rows":
            per_element[element].extend(_rows_diff(path, before, after))
        else:
            per_element[element].extend(_single_diff(path, before, after))
    return PlanDiff([ElementDiff(e, changes) for e, changes in per_element.items() if changes])
