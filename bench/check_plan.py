"""Benchmark the plan checker on a large plan (about 1,000 objects): median check time and peak memory.

Run: .venv/bin/python bench/check_plan.py [--runs N]. Target: median at most 50 ms (the word lists compiled once
per process; what is noted of a plan's texts serves one check only, see `cohesio.checks.lexicon.forget_texts`).
"""

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cohesio.checks import check_plan, rules, summarise  # noqa: E402
from cohesio.format import PlanDocument, dump, load  # noqa: E402

TARGET_MS = 50
KINDS = ["right_wing", "left_wing", "religiously_inspired", "other"]
LEVELS = ["general", "specific", "individual"]
SECTORS = ["education", "police", "mental_health", "civil_society", "community", "youth_work", "social_services"]
SENTENCES = [
    "Young people in the area meet in the park after school and talk about what they see online.",
    "Youth workers notice more hostile talk in group chats, and some pupils share violent videos.",
    "Parents ask for support when their children withdraw from friends and family.",
    "The sports club and the library offer places where teenagers meet trusted adults.",
    "Some posts call radicalised groups heroes; teachers discuss this openly in class.",
    "The security of the data shared between partners is arranged in the agreement.",
]


def _text(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def _partners_and_ties(rng: random.Random, n_orgs: int, n_partners: int, n_ties: int) -> dict[str, Any]:
    organisations = [
        {"key": f"o{i}", "name": f"Organisation {i}", "sector": SECTORS[i % len(SECTORS)]} for i in range(n_orgs)
    ]
    partners = [
        {
            "key": f"p{i}",
            "name": f"Partner {i}",
            "organisation": f"o{i % n_orgs}",
            "role": _text(rng, 1),
            "mandate": _text(rng, 1),
            "tasks": _text(rng, 1),
            "doubts": _text(rng, 1),
            "accepts_coordinator": rng.random() > 0.05,
        }
        for i in range(n_partners)
    ]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < n_ties:
        a, b = rng.randrange(n_partners), rng.randrange(n_partners)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    ties = [{"source": f"p{a}", "target": f"p{b}"} for a, b in sorted(pairs)]
    return {"organisations": organisations, "partners": partners, "ties": ties}


def large_plan(seed: int = 1) -> PlanDocument:
    """A plausible but imperfect plan of about 1,000 objects, so most rules find something."""
    rng = random.Random(seed)
    n_goals, n_interventions, n_factors, n_orgs = 80, 120, 200, 30
    goals = [
        {
            "key": f"g{i}",
            "title": f"Goal {i}",
            "description": _text(rng),
            "kind": "general" if i < 10 else "sub_goal",
            "parent": None if i < 10 else f"g{rng.randrange(10)}",
            "prevention_level": LEVELS[i % 3] if i % 17 else None,
            "shared_by_all": i == 0,
        }
        for i in range(n_goals)
    ]
    interventions = [
        {
            "key": f"iv{i}",
            "name": f"Intervention {i}",
            "description": _text(rng, 4),
            "prevention_level": LEVELS[i % 3],
            "extremism_kinds": rng.sample(KINDS, rng.randrange(3)),
            "goals": [f"g{rng.randrange(n_goals)}" for _ in range(rng.randrange(3))],
            "lead": f"p{rng.randrange(150)}",
            "budget": "1500.00",
        }
        for i in range(n_interventions)
    ]
    data = {
        "locality": {"name": "Benchmark city", "fictional": True},
        "plan": {
            "title": "A large plan",
            "period_start": "2026-01-01",
            "period_end": "2029-12-31",
            "review_date": "2027-01-01",
            "vision": _text(rng, 6),
            "protection_statement": _text(rng, 1),
            "extremism_scope": [{"kind": k} for k in KINDS],
        },
        "goals": goals,
        "political_support": {
            "owner_name": "Mayor",
            "decisions": [{"key": f"d{i}", "title": f"Decision {i}"} for i in range(5)],
            "budget_lines": [{"key": f"b{i}", "name": f"Line {i}", "amount": "30000.00"} for i in range(5)],
        },
        "definitions": [
            {"key": f"def{i}", "term": term, "text": _text(rng, 2)}
            for i, term in enumerate(["Radicalisation", "Violent extremism", "Polarisation", "Right-wing extremism"])
        ],
        "analysis": {
            "areas": [{"key": f"a{i}", "name": f"Area {i}"} for i in range(20)],
            "sources": [{"key": f"s{i}", "name": f"Source {i}", "kind": "frontline"} for i in range(20)],
            "factors": [
                {
                    "key": f"f{i}",
                    "kind": "risk" if i % 3 else "protective",
                    "title": f"Factor {i}",
                    "description": _text(rng, 2),
                    "areas": [f"a{rng.randrange(20)}"],
                    "sources": [f"s{rng.randrange(20)}"] if i % 11 else [],
                    "urgency": "medium" if i % 7 else None,
                }
                for i in range(n_factors)
            ],
        },
        "network": {
            **_partners_and_ties(rng, n_orgs, 150, 250),
            "community_groups": [{"key": f"c{i}", "name": f"Group {i}"} for i in range(10)],
        },
        "cooperation": {"coordinator": "p0"},
        "sharing": {
            "information_types": [
                {"key": f"it{i}", "organisation": f"o{i % n_orgs}", "name": f"Information {i}"} for i in range(40)
            ],
            "rules": [
                {"key": f"r{i}", "information_type": f"it{i}", "recipients": [f"o{(i + 1) % n_orgs}"], "purpose": "x"}
                for i in range(40)
            ],
            "agreement": {"title": "Agreement", "signatories": [{"organisation": f"o{i}"} for i in range(20)]},
        },
        "interventions": interventions,
        "monitoring": [
            {"key": f"m{i}", "name": f"Indicator {i}", "goals": [f"g{i}"], "baseline": 1 if i % 5 else None}
            for i in range(n_goals)
        ],
    }
    return load(data)


def count_objects(node: Any) -> int:
    """Every object held in a list of the document (goals, factors, partners, ties, rules, ...), at any depth."""
    if isinstance(node, dict):
        return sum(count_objects(v) for v in node.values())
    if isinstance(node, list):
        return sum(isinstance(v, dict) + count_objects(v) for v in node)
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    doc = large_plan()
    today = date(2026, 6, 1)
    check_plan(doc, today=today)  # warm up: word lists are read and compiled once per process
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        findings = check_plan(doc, today=today)
        times.append((time.perf_counter() - start) * 1000)
    tracemalloc.start()
    check_plan(doc, today=today)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    median = statistics.median(times)
    print(f"objects: {count_objects(dump(doc))}")
    print(f"rules: {len(rules())}, findings: {len(findings)} {summarise(findings)}")
    print(f"check time: median {median:.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms over {args.runs} runs")
    print(f"peak memory during one check: {peak / 1_000_000:.2f} MB")
    print(f"target: {TARGET_MS} ms, {'met' if median <= TARGET_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
