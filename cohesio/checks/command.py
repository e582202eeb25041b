"""The `cohesio check` command: check a plan file and report, as text or JSON; the exit code tells CI the result."""

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from cohesio.format.files import read_plan_file
from cohesio.format.io import MAX_BYTES

from .checker import check_plan
from .findings import Element, Finding, FindingGroup, Severity, group_findings, summarise
from .lexicon import languages

EXIT_CLEAN = 0
EXIT_ERRORS = 1
EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cohesio check",
        description="Check a local action plan (open plan format, JSON) against the plan rules LAPnnn.",
        epilog="Exit status: 0 no errors, 1 the plan has errors, 2 the file could not be read.",
    )
    parser.add_argument("file", metavar="FILE.json", help="the plan file, or - to read standard input")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.add_argument("--lang", choices=languages(), default="en", help="language of the plan's texts (default: en)")
    parser.add_argument(
        "--min-severity",
        choices=[s.value for s in Severity],
        default=Severity.TIP.value,
        help="leave out findings below this severity (default: tip, i.e. show everything)",
    )
    parser.add_argument(
        "--allow",
        metavar="TERM",
        action="append",
        default=[],
        help="a term the plan's partners have accepted; may be given more than once",
    )
    return parser


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary_line(findings: list[Finding]) -> str:
    """What the text output shows, counted as shown (a group counts once), and how many findings that is."""
    groups = group_findings(findings)
    counts = summarise(groups)
    line = ", ".join(
        [_plural(counts["errors"], "error"), _plural(counts["warnings"], "warning"), _plural(counts["tips"], "tip")]
    )
    return line if len(groups) == len(findings) else f"{line} (grouped from {len(findings)} findings)"


def _by_element(groups: list[FindingGroup]) -> dict[Element, list[FindingGroup]]:
    elements: dict[Element, list[FindingGroup]] = {element: [] for element in Element}
    for group in groups:
        elements[group.element].append(group)
    return {element: shown for element, shown in elements.items() if shown}


def write_text(findings: list[Finding], out: TextIO) -> None:
    """Findings per element, one line each with an indented hint, then a summary line.

    Several findings of one rule in one element are shown once, with a headline, the rows under it (each
    finding's path, and what names the row, or its message) and one hint.
    """
    for element, groups in _by_element(group_findings(findings)).items():
        out.write(f"{element.label}\n")
        for group in groups:
            if group.count == 1:
                f = group.findings[0]
                out.write(f"  {f.code} {f.severity.value:<7} {f.path}  {f.message}\n")
            else:
                out.write(f"  {group.code} {group.severity.value:<7} {group.message}\n")
                for f, row in zip(group.findings, group.rows, strict=True):
                    out.write(f"      - {f.path}  {row}\n" if row else f"      - {f.path}\n")
            out.write(f"      hint: {group.hint}\n")
        out.write("\n")
    out.write(summary_line(findings) + "\n")


def write_json(findings: list[Finding], out: TextIO) -> None:
    """Every finding (one per row, each naming its group), the groups as the text shows them, and the counts."""
    data = {
        "findings": [f.to_dict() for f in findings],
        "groups": [g.to_dict() for g in group_findings(findings) if g.count > 1],
        "summary": summarise(findings),
    }
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def main(argv: Sequence[str] | None = None, *, max_bytes: int = MAX_BYTES) -> int:
    """Run `cohesio check`; return the exit status. Files over `max_bytes` are refused (exit 2)."""
    args = _parser().parse_args(argv)
    doc = read_plan_file(args.file, prog="cohesio check", max_bytes=max_bytes)
    if doc is None:
        return EXIT_BAD_INPUT
    findings = check_plan(doc, lang=args.lang, allow_terms=args.allow)
    shown = [f for f in findings if f.severity >= args.min_severity]
    (write_json if args.format == "json" else write_text)(shown, sys.stdout)
    return EXIT_ERRORS if any(f.severity == Severity.ERROR for f in findings) else EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
