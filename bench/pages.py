"""Queries, time and memory per page for the demo plan and a plan ten times its size.

Run: .venv/bin/python bench/pages.py   (uses a throw-away SQLite database, or DATABASE_URL)
"""

import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cohesio.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("COHESIO_VAR_DIR", tempfile.mkdtemp(prefix="cohesio-bench-"))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from cohesio.core.models import Locality, Membership  # noqa: E402
from cohesio.demo.riverton import riverton_document  # noqa: E402
from cohesio.document.services import import_plan  # noqa: E402
from cohesio.plans.tests.documents import scaled  # noqa: E402

PAGES = ["", "analysis/", "strategy/", "political-support/", "definitions/", "network/", "cooperation/",
         "interventions/", "check/", "plan.json"]


def measure(client, url, runs=5, kept=False):
    """HTTP status, queries and median ms of `url` seen again; unless `kept`, the parts of pages kept for the
    reader (cohesio.core.kept) are dropped before each request, as after any change in the locality."""
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    client.get(url)
    if not kept:
        caches["pages"].clear()
    with connection.execute_wrapper(count):
        client.get(url)
    timings = []
    for _ in range(runs):
        if not kept:
            caches["pages"].clear()
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return response.status_code, len(executed), statistics.median(timings)


def main():
    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_user("bench@example.org", "bench@example.org", "x")
    for slug, factor in (("demo", 1), ("demo-x10", 10)):
        locality = Locality.objects.create(name=slug, slug=slug)
        start = time.perf_counter()
        doc = riverton_document() if factor == 1 else scaled(riverton_document(), factor)
        import_plan(doc, locality)
        print(f"# {slug}: imported {len(doc.network.partners)} partners, {len(doc.interventions)} interventions "
              f"in {(time.perf_counter() - start):.1f} s")
        Membership.objects.create(user=user, locality=locality, role="coordinator")
    client = Client()
    client.force_login(user)
    print("# after a change: the first view once anything in the locality changed; kept: the page seen again")
    print(f"{'page':<22}{'HTTP':>4}{'demo q':>8}{'x10 q':>8}{'demo ms':>10}{'x10 ms':>10}"
          f"{'kept q':>8}{'kept ms':>9}{'x10 kept ms':>12}")
    for page in PAGES:
        try:
            small, big = measure(client, f"/l/demo/{page}"), measure(client, f"/l/demo-x10/{page}")
            small_kept = measure(client, f"/l/demo/{page}", kept=True)
            big_kept = measure(client, f"/l/demo-x10/{page}", kept=True)
        except Exception as exc:  # noqa: BLE001 - a page that fails is reported, the others still measured
            print(f"{page or 'overview':<22} failed: {exc}")
            continue
        print(f"{page or 'overview':<22}{small[0]:>4}{small[1]:>8}{big[1]:>8}{small[2]:>10.1f}{big[2]:>10.1f}"
              f"{small_kept[1]:>8}{small_kept[2]:>9.1f}{big_kept[2]:>12.1f}")
    tracemalloc.start()  # separately: tracing memory slows everything down
    client.get("/l/demo-x10/")
    _, peak = tracemalloc.get_traced_memory()
    print(f"peak Python memory while serving the x10 overview: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
