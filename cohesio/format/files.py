"""Reading a plan file, from the command line or an upload: one place that turns every way it can fail into a
clear message."""

import sys
from pathlib import Path

from .document import PlanDocument
from .io import MAX_BYTES, MAX_DEPTH, load, too_big
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
