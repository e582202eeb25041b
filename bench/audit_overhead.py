"""What the audit trail costs a write: the share of a save's request time spent recording its audit event.

Run: .venv/bin/python bench/audit_overhead.py [--saves N]   (a throw-away SQLite database, or DATABASE_URL: a
PostgreSQL database you can throw away, as the demo is loaded into it)

The demo coordinator opens the adopted demo plan for review and saves a goal through its edit form (the page
people use: form, service, guarded update,
edit history, audit event, redirect) N times, each with a new title. Every call of `cohesio.audit.services.record`
is timed where it happens (the chain head locked and updated, the event sealed and written), so the figure is the
request time with the event and without it, from the same requests. Target (issue 20): at most 10 %.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cohesio.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("COHESIO_VAR_DIR", tempfile.mkdtemp(prefix="cohesio-bench-"))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from cohesio.audit import services as audit  # noqa: E402
from cohesio.cocreation.services import plan_status_change  # noqa: E402
from cohesio.demo.load import load_demo  # noqa: E402
from cohesio.format.vocabulary import PlanStatus  # noqa: E402
from cohesio.plans.models import Goal, Plan  # noqa: E402

TARGET = 0.10
COORDINATOR = "coordinator@riverton.example"


class TimedRecord:
    """`record` as it is, timed: put in place of every module's reference to it."""

    def __init__(self, original):
        self.original, self.seconds, self.calls = original, 0.0, 0

    def __call__(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self.original(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1


def time_record_everywhere() -> TimedRecord:
    """Services import `record` by name; replace it in each module that holds it."""
    original = audit.record
    timed = TimedRecord(original)
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("cohesio") and getattr(module, "record", None) is original:
            module.record = timed
    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    with redirect_stdout(StringIO()):
        load_demo(quiet=True)
    coordinator = get_user_model().objects.get(email=COORDINATOR)
    client = Client()
    client.force_login(coordinator)
    plan = Plan.objects.get(locality__slug="riverton")
    if plan.status == PlanStatus.ADOPTED:  # the demo plan is adopted: a review opens it for changes
        plan_status_change(acting_user=coordinator, plan=plan, to_status=PlanStatus.UNDER_REVIEW)
    goal = Goal.objects.filter(plan__locality__slug="riverton").order_by("position").first()
    url = reverse("plans:edit", kwargs={"locality": "riverton", "kind": "goal", "pk": goal.pk})
    base = {"kind": goal.kind, "prevention_level": goal.prevention_level, "description": goal.description}
    timed = time_record_everywhere()

    def save(n: int) -> float:
        revision = Goal.objects.get(pk=goal.pk).revision
        started = time.perf_counter()
        response = client.post(url, {**base, "title": f"{goal.title} ({n})", "revision": revision})
        elapsed = time.perf_counter() - started
        if response.status_code != 302:
            raise SystemExit(f"audit_overhead: the save answered HTTP {response.status_code}, not 302")
        return elapsed

    for n in range(10):  # warm up: templates, the plan document
        save(n)
    timed.seconds, timed.calls = 0.0, 0
    requests, shares = [], []
    for n in range(args.saves):
        before = timed.seconds
        requests.append(save(10 + n))
        shares.append((timed.seconds - before) / requests[-1])
    total = sum(requests)
    if timed.calls < args.saves:
        raise SystemExit(f"audit_overhead: {timed.calls} audit events timed for {args.saves} saves")
    print(f"# {args.saves} saves of a goal through its edit form; {timed.calls} audit events recorded")
    print(f"request median {statistics.median(requests) * 1000:.1f} ms")
    print(
        f"request without the audit event, median {statistics.median(r * (1 - s) for r, s in zip(requests, shares, strict=True)) * 1000:.1f} ms"
    )
    print(f"audit event median {statistics.median(r * s for r, s in zip(requests, shares, strict=True)) * 1000:.2f} ms")
    share = timed.seconds / total
    print(
        f"audit share of the request time: {share:.1%} overall, median {statistics.median(shares):.1%} (target at most {TARGET:.0%}) {'met' if share <= TARGET else 'NOT MET'}"
    )


if __name__ == "__main__":
    main()
