"""Reading, writing and comparing plan documents, and the published JSON Schema."""

import hashlib
import json
from typing import Any

from pydantic import ValidationError

from .document import DEFAULT_CURRENCY, FORMAT_VERSION, NUL_MESSAGE, PlanDocument
from .references import PlanFormatError, Problem

SUPPORTED_VERSIONS = {"1.0", "1.1", FORMAT_VERSION}


def upgrade(data: dict) -> dict:
    """A document of an older format version as the current version holds it (a new dict; the input is kept).

    Each step takes a document one version further, so a 1.0 file goes through every step in turn."""
    for version, step in UPGRADES:
        if data.get("format_version", FORMAT_VERSION) == version:
            data = step(data)
    return data


def _from_1_0(data: dict) -> dict:
    """1.0 -> 1.1: the agreement gained versions and a state. A 1.0 agreement with a signing date was in force
    from that day, as version 1 signed by its signatories; one without was a draft."""
    data = {**data, "format_version": "1.1"}
    sharing = data.get("sharing")
    agreement = sharing.get("agreement") if isinstance(sharing, dict) else None
    if isinstance(agreement, dict) and "state" not in agreement:
        agreement = dict(agreement)
        if agreement.get("signed_on"):
            agreement["state"] = "in_force"
            agreement.setdefault("in_force_from", agreement["signed_on"])
        data["sharing"] = {**sharing, "agreement": agreement}
    return data


def _from_1_1(data: dict) -> dict:
    """1.1 -> 1.2: a format that fits real plans (docs/design-notes.md, "Format 1.2"). Every 1.1 file is a
    valid 1.2 file except where a step below rewrites a field that changed shape."""
    data = {**data, "format_version": "1.2"}
    for step in STEPS_1_2:
        data = step(data)
    return data


def _interventions_1_2(data: dict) -> dict:
    """Interventions and monitoring: an indicator may measure several goals, so 1.1's one `goal` becomes the
    list `goals` (empty when it was not set). The other new fields (an intervention's lead organisation, a level
    not stated, an indicator's direction and kind) are optional and need no rewrite."""
    monitoring = data.get("monitoring")
    if not isinstance(monitoring, list):
        return data
    rows = []
    for row in monitoring:
        if isinstance(row, dict) and "goal" in row:
            goal = row["goal"]
            row = {name: value for name, value in row.items() if name != "goal"}
            row.setdefault("goals", [] if goal is None else [goal])
        rows.append(row)
    return {**data, "monitoring": rows}


def _political_support_1_2(data: dict) -> dict:
    """1.1 -> 1.2, political support: a budget line's `year` becomes its period, `year_from` and `year_to` the same
    year (a line without a year stays without a period), and a line without a currency is in euros, the only
    currency 1.1 knew. Decisions only gained fields (outcome, kind, reservation), none of them required."""
    support = data.get("political_support")
    lines = support.get("budget_lines") if isinstance(support, dict) else None
    if not isinstance(lines, list):
        return data
    rewritten = []
    for line in lines:
        if isinstance(line, dict):
            line = dict(line)
            if "year" in line:
                year = line.pop("year")
                line.setdefault("year_from", year)
                line.setdefault("year_to", year)
            line.setdefault("currency", DEFAULT_CURRENCY)
        rewritten.append(line)
    return {**data, "political_support": {**support, "budget_lines": rewritten}}


# The 1.1 -> 1.2 rewrites, one per part of the plan: each takes the whole document (a new dict) and returns it.
STEPS_1_2: list = [_interventions_1_2, _political_support_1_2]

UPGRADES = (("1.0", _from_1_0), ("1.1", _from_1_1))


def _versions() -> str:
    *older, newest = sorted(SUPPORTED_VERSIONS, key=lambda v: tuple(int(n) for n in v.split(".")))
    return f"{', '.join(older)} and {newest}"


# A plan file bigger or deeper than this is refused before it is validated. A real plan is well under 1 MB and
# nests about 9 levels (the coordinates of a MultiPolygon area). Callers may pass other limits.
MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 32
# Enough problems to fix a file by; a file that is wrong everywhere is not listed in full.
MAX_PROBLEMS = 50


def _json_path(loc: tuple) -> str:
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def size_text(n: int) -> str:
    """A number of bytes as people read it: 10 MB, 512 KB."""
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"


def too_big(size: int | None, max_bytes: int) -> Problem:
    """The problem of a file of `size` bytes (None: more than the limit, not counted further)."""
    limit = f"plan files may be at most {size_text(max_bytes)}"
    return Problem("$", f"the file is {size_text(size)}; {limit}" if size else f"the file is larger: {limit}")


class _Object(dict):
    """A JSON object as parsed, remembering the keys the file gave more than once."""

    repeated: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        repeated: list[str] = []
        for key, _value in pairs:
            if key in seen and key not in repeated:
                repeated.append(key)
            seen.add(key)
        obj.repeated = tuple(repeated)
    return obj


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _parse(text: str | bytes, max_depth: int) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise PlanFormatError([Problem("$", "the file is not UTF-8 text")]) from None
    except json.JSONDecodeError as exc:
        raise PlanFormatError(
            [Problem("$", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")]
        ) from None
    except RecursionError:
        raise PlanFormatError([Problem("$", f"nested more than {max_depth} levels deep")]) from None
    except ValueError as exc:  # NaN or Infinity, or a number with thousands of digits
        raise PlanFormatError([Problem("$", f"not valid JSON: {str(exc)[:120]}")]) from None


# A place in the parsed data as (parent place, key or index): cheap to make for every value, spelled out as a
# JSON path only for the few that have a problem.
_Place = tuple[Any, str | int] | None


def _path(place: _Place) -> str:
    parts: list[str | int] = []
    while place is not None:
        place, key = place
        parts.append(key)
    path = "$"
    for key in reversed(parts):
        if isinstance(key, int):
            path += f"[{key}]"
        else:
            path += f".{key}" if key.isidentifier() else f"[{json.dumps(key)[:80]}]"
    return path


def structure_problems(data: Any, *, max_depth: int = MAX_DEPTH) -> list[Problem]:
    """Keys given twice, nesting deeper than `max_depth` and NUL characters, each at its JSON path.

    One pass over the parsed data in document order, without recursion, so that any nesting is measured safely.
    """
    problems: list[Problem] = []
    stack: list[tuple[_Place, Any, int]] = [(None, data, 1)]
    while stack and len(problems) < MAX_PROBLEMS:
        place, value, depth = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                problems.append(Problem(_path(place), NUL_MESSAGE))
        elif isinstance(value, (dict, list)) and depth > max_depth:
            problems.append(Problem(_path(place), f"nested more than {max_depth} levels deep"))
        elif isinstance(value, list):
            stack.extend(((place, i), value[i], depth + 1) for i in range(len(value) - 1, -1, -1))
        elif isinstance(value, dict):
            for key in getattr(value, "repeated", ()):
                problems.append(Problem(_path((place, key)), f"the key '{key[:80]}' is given more than once"))
            if any("\x00" in key for key in value):
                problems.append(Problem(_path(place), f"a key: {NUL_MESSAGE}"))
            stack.extend(((place, key), item, depth + 1) for key, item in reversed(value.items()))
    return problems[:MAX_PROBLEMS]


def load(data: str | bytes | dict[str, Any], *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> PlanDocument:
    """Parse and validate a plan document; raise PlanFormatError naming each bad JSON path.

    Text longer than `max_bytes` (UTF-8) or nested deeper than `max_depth` is refused before validation.
    """
    if isinstance(data, (str, bytes)):
        size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise PlanFormatError([too_big(size, max_bytes)])
        data = _parse(data, max_depth)
    problems = structure_problems(data, max_depth=max_depth)
    if problems:
        raise PlanFormatError(problems)
    if not isinstance(data, dict):
        raise PlanFormatError([Problem("$", "a plan document must be a JSON object")])
    version = data.get("format_version", FORMAT_VERSION)
    if not isinstance(version, str) or version not in SUPPORTED_VERSIONS:
        shown = str(version)[:20]
        raise PlanFormatError(
            [
                Problem(
                    "$.format_version",
                    f"version '{shown}' is not supported (this Cohesio reads {_versions()})",
                )
            ]
        )
    try:
        return PlanDocument.model_validate(upgrade(data))
    except ValidationError as exc:
        raise PlanFormatError(
            [Problem(_json_path(e["loc"]), e["msg"]) for e in exc.errors(include_url=False)[:MAX_PROBLEMS]]
        ) from None


def dump(doc: PlanDocument) -> dict[str, Any]:
    """The document as plain JSON-ready data."""
    return doc.model_dump(mode="json")


def dumps(doc: PlanDocument) -> str:
    return json.dumps(dump(doc), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def digest(doc: PlanDocument) -> str:
    """A short fingerprint of the document's content: two documents with the same digest say the same."""
    text = json.dumps(dump(doc), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def schema() -> dict[str, Any]:
    """The JSON Schema of the open plan format."""
    s = PlanDocument.model_json_schema(mode="validation")
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["$id"] = f"https://cohesio.example/schema/plan-{FORMAT_VERSION}.json"
    s["title"] = "Cohesio local action plan"
    return s
