"""Precision and recall of the terminology word lists, per language, on the fresh labelled set.

Run: .venv/bin/python bench/terminology.py. The fresh set (cohesio/checks/tests/data/fresh/) was written after the
lists were last widened and is not used to tune them; the tuning sets (dev and held-out) are reported beside it.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cohesio.checks.lexicon import harsh_terms  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "cohesio" / "checks" / "tests" / "data"


def scores(lang: str, rows: list[dict]) -> str:
    lexicon = harsh_terms(lang)
    found = [(bool(lexicon.find(r["text"])), r["harsh"]) for r in rows]
    tp = sum(1 for f, h in found if f and h)
    fp = sum(1 for f, h in found if f and not h)
    harsh = sum(1 for _, h in found if h)
    return f"{len(found):3d} sentences  precision {tp / (tp + fp):.2f}  recall {tp / harsh:.2f}"


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> None:
    for lang in ("en", "nl"):
        tuning = read(DATA / f"terminology_{lang}.jsonl")
        print(f"{lang}  fresh     {scores(lang, read(DATA / 'fresh' / f'terminology_{lang}.jsonl'))}")
        print(f"{lang}  held-out  {scores(lang, [r for r in tuning if r['split'] == 'heldout'])}  (tuned on since)")
        print(f"{lang}  tuning    {scores(lang, tuning)}")


if __name__ == "__main__":
    main()
