"""Reading a plan file, from the command line or an upload: one place that turns every way it can fail into a
clear message."""

import sys
from pathlib import Path

from pydantic import ValidationError

from .document import PlanDocument, Sharing
from .io import MAX_BYTES, MAX_DEPTH, MAX_PROBLEMS, _json_path, _parse, load, structure_problems, too_big
from .references import PlanFormatError, Problem


def plan_from_bytes(data: bytes, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> PlanDocument:
    """The plan in a file's bytes; PlanFormatError naming each bad JSON path (too big, too deep, not UTF-8...)."""
    if len(data) > max_bytes:
        raise PlanFormatError([too_big(len(data), max_bytes)])
    try:
        # utf-8-sig: files saved by some editors start with a byte-order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanFormatError([Problem("$", "the file is not UTF-8 text")]) from None
    return load(text, max_bytes=max_bytes, max_depth=max_depth)


def sharing_from_bytes(
    data: bytes,
    *,
    organisations: set[str],
    information_types: set[str],
    max_bytes: int,
    max_depth: int = MAX_DEPTH,
) -> Sharing:
    """Information types and sharing rules in a file shaped as a plan's `sharing` part, to add to a plan whose
    organisations and information types have the given keys.

    PlanFormatError names each problem at its JSON path: the file's size, its JSON, a value the format refuses,
    an organisation or information type that is neither in the plan nor (for types) in the file.
    """
    if len(data) > max_bytes:
        raise PlanFormatError([too_big(len(data), max_bytes)])
    try:
        parsed = _parse(data.decode("utf-8-sig"), max_depth)
    except UnicodeDecodeError:
        raise PlanFormatError([Problem("$", "the file is not UTF-8 text")]) from None
    problems = structure_problems(parsed, max_depth=max_depth)
    if problems:
        raise PlanFormatError(problems)
    if not isinstance(parsed, dict):
        raise PlanFormatError([Problem("$", "the file must hold one JSON object with information_types and rules")])
    try:
        sharing = Sharing.model_validate(parsed)
    except ValidationError as exc:
        raise PlanFormatError(
            [Problem(_json_path(e["loc"]), e["msg"]) for e in exc.errors(include_url=False)[:MAX_PROBLEMS]]
        ) from None
    problems = _sharing_reference_problems(sharing, organisations, information_types)
    if problems:
        raise PlanFormatError(problems[:MAX_PROBLEMS])
    return sharing


def _sharing_reference_problems(sharing: Sharing, organisations: set[str], information_types: set[str]) -> list:
    problems = []
    own: set[str] = set()
    for i, kind in enumerate(sharing.information_types):
        if kind.key in own:
            problems.append(
                Problem(f"$.information_types[{i}].key", f"another information type has the key '{kind.key}'")
            )
        own.add(kind.key)
        if kind.organisation not in organisations:
            problems.append(
                Problem(f"$.information_types[{i}].organisation", f"the plan has no organisation '{kind.organisation}'")
            )
    for i, rule in enumerate(sharing.rules):
        if rule.information_type not in own | information_types:
            problems.append(
                Problem(
                    f"$.rules[{i}].information_type",
                    f"neither the file nor the plan has the information type '{rule.information_type}'",
                )
            )
        for j, organisation in enumerate(rule.recipients):
            if organisation not in organisations:
                problems.append(
                    Problem(f"$.rules[{i}].recipients[{j}]", f"the plan has no organisation '{organisation}'")
                )
    return problems


def _read(file: str, max_bytes: int) -> bytes:
    """The file's bytes, or PlanFormatError when there are more than `max_bytes` (read no further than that)."""
    if file == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read(max_bytes + 1) if stream is not None else sys.stdin.read(max_bytes + 1).encode()
        if len(data) > max_bytes:
            raise PlanFormatError([too_big(None, max_bytes)])
        return data
    size = Path(file).stat().st_size
    if size > max_bytes:
        raise PlanFormatError([too_big(size, max_bytes)])
    return Path(file).read_bytes()


def read_plan_file(
    file: str, *, prog: str, refused: str = "", max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> PlanDocument | None:
    """The plan in `file` ("-" for standard input), or None after printing why it cannot be used.

    Files over `max_bytes` or nested deeper than `max_depth` are refused with a message, before validation.
    """
    try:
        text = _read(file, max_bytes).decode("utf-8-sig")  # utf-8-sig: see plan_from_bytes
        return load(text, max_bytes=max_bytes, max_depth=max_depth)
    except FileNotFoundError:
        print(f"{prog}: {file}: no such file", file=sys.stderr)  # noqa: T201
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{prog}: {file}: cannot be read ({exc})", file=sys.stderr)  # noqa: T201
    except PlanFormatError as exc:
        print(f"{prog}: {file} is not a valid plan{refused}:", file=sys.stderr)  # noqa: T201
        for problem in exc.problems:
            print(f"  {problem.path}: {problem.message}", file=sys.stderr)  # noqa: T201
    return None
