"""Reading a stored plan that holds values the format does not allow (saved before a limit existed, or written
around the forms): the document without those values, and a list of what was left out, so pages can still show
the rest and say what could not be checked. Never for import: a plan file must be right as a whole."""

import copy
import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from .document import NUL_MESSAGE, PlanDocument
from .io import _json_path
from .references import PlanFormatError, Problem

# Each round repairs every value pydantic reports; leaving out a value can show one more (a required field
# removed makes its row go), so a few rounds are needed at most.
MAX_ROUNDS = 8

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Salvaged:
    """The document that could be read, and each place that was left out or shortened to read it."""

    document: PlanDocument
    left_out: list[Problem]


def salvage(data: dict[str, Any]) -> Salvaged:
    """`data` as a plan document, leaving out or shortening each value that breaks the format.

    Text that is too long is shortened, NUL characters removed, lists cut to their limit; any other bad value is
    left out (a field goes back to its default; when it has none, its row is left out). Raises PlanFormatError
    when what remains is still no document (the plan itself cannot be left out).
    """
    try:
        return Salvaged(PlanDocument.model_validate(data), [])
    except (ValidationError, PlanFormatError):
        data = copy.deepcopy(data)  # repaired on a copy: the caller's data stays as stored
    left_out: list[Problem] = []
    for _ in range(MAX_ROUNDS):
        try:
            return Salvaged(PlanDocument.model_validate(data), left_out)
        except ValidationError as exc:
            errors = [(tuple(e["loc"]), e["type"], e["msg"], e.get("ctx") or {}) for e in exc.errors()]
        except PlanFormatError as exc:  # references and repeated keys or names, found on the whole document
            errors = [(_loc(p.path), "reference", p.message, {}) for p in exc.problems]
        left_out += [Problem(_json_path(loc), msg) for loc, kind, msg, _ in errors if kind != "missing"]
        _repair(data, errors)
    raise PlanFormatError(left_out)


def _loc(path: str) -> Loc:
    """`$.goals[2].parent` -> ("goals", 2, "parent")."""
    return tuple(int(i) if i else name for name, i in re.findall(r"\.(\w+)|\[(\d+)\]", path))


def _repair(data: dict[str, Any], errors: list[tuple[Loc, str, str, dict]]) -> None:
    removals: set[Loc] = set()
    for loc, kind, msg, ctx in errors:
        if kind == "string_too_long":
            _set(data, loc, lambda text, n=ctx["max_length"]: text[:n])
        elif kind == "too_long":
            _set(data, loc, lambda items, n=ctx["max_length"]: items[:n])
        elif NUL_MESSAGE in msg:
            _set(data, loc, lambda text: text.replace("\x00", ""))
        elif kind == "missing":
            removals.add(_enclosing_row(loc))
        else:
            removals.add(loc)
    # the deepest and last places first, so that leaving one out does not move the others
    for loc in sorted(removals, key=lambda loc: [(isinstance(p, int), p) for p in loc], reverse=True):
        _remove(data, loc)


def _enclosing_row(loc: Loc) -> Loc:
    """The row of the list around `loc`: a required field cannot be left out, its row can."""
    for end in range(len(loc) - 1, -1, -1):
        if isinstance(loc[end], int):
            return loc[: end + 1]
    raise PlanFormatError([Problem(_json_path(loc), "a part of the plan without which it cannot be read")])


def _parent(data: Any, loc: Loc) -> Any:
    for part in loc[:-1]:
        data = data[part]
    return data


def _set(data: dict[str, Any], loc: Loc, change) -> None:
    parent = _parent(data, loc)
    parent[loc[-1]] = change(parent[loc[-1]])


def _remove(data: dict[str, Any], loc: Loc) -> None:
    if not loc:
        raise PlanFormatError([Problem("$", "the plan cannot be read")])
    try:
        parent = _parent(data, loc)
        del parent[loc[-1]]
    except (KeyError, IndexError, TypeError):
        pass  # already gone with the row around it
