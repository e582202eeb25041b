"""Reading a plan file for the command line: one place that turns every way it can fail into a clear message."""

import sys
from pathlib import Path

from .document import PlanDocument
from .io import load
from .references import PlanFormatError


def read_plan_file(file: str, *, prog: str, refused: str = "") -> PlanDocument | None:
    """The plan in `file` ("-" for standard input), or None after printing why it cannot be used."""
    try:
        # utf-8-sig: files saved by some editors start with a byte-order mark.
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8-sig")
        return load(text)
    except FileNotFoundError:
        print(f"{prog}: {file}: no such file", file=sys.stderr)  # noqa: T201
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{prog}: {file}: cannot be read ({exc})", file=sys.stderr)  # noqa: T201
    except PlanFormatError as exc:
        print(f"{prog}: {file} is not a valid plan{refused}:", file=sys.stderr)  # noqa: T201
        for problem in exc.problems:
            print(f"  {problem.path}: {problem.message}", file=sys.stderr)  # noqa: T201
    return None
