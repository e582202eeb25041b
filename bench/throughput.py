"""Throughput of the plan pages under gunicorn, as ratios to two reference pages of a minimal Django project.

Run: .venv/bin/python bench/throughput.py [--quick] [--pages overview,check] [--sizes 1,10]

For every page (the overview, the seven element pages, the check page) and every plan size (the demo plan and a
plan ten times its size), it runs the shared `pair.sh` (../shared/perf/, see its README): Cohesio under gunicorn
(2 sync workers, DEBUG off) and the reference app side by side, measured alternately with wrk, logged in as the
demo coordinator (coordinator@riverton.example). It prints, per page, target/hello (a bare template page that
extends a layout) and target/table (a 200-row, 7-column template table), the spread of the per-round ratios and
whether the issue 20 targets are met: the demo overview at least 0.25 x hello, each element page at least
1.0 x table at 1x and 0.5 x table at 10x. Compare ratios, not requests per second, between runs.

Everything runs on a throw-away SQLite database (and cache, e-mail and media) in a temporary folder: migrate,
load the demo (`riverton`), import the demo scaled ten times as a second locality (`riverton-x10`) with the
demo coordinator as its coordinator. The developer's database and .env settings for database, cache and e-mail
are never used. The first request of a page fills the plan document and review cache; pair.sh warms each URL.

wrk keeps 4 connections open (pair.sh's default is 16): with 2 workers a request then waits for at most one other,
so a page slower than about 1 s per request still answers within wrk's 2 s timeout (at 16 it would have to take
under 0.25 s); both workers stay busy either way, so the throughput is the same for pages that fit.

Default: 8 s per wrk run, 3 rounds, 2 s warm-up: about 1.5 minutes a page, 30 minutes for all 18; --quick: 3 s,
2 rounds, 1 s warm-up: about 35 seconds a page, 11 minutes for all. --duration, --rounds, --warmup override either.
Raw wrk output of each page stays in the temporary folder (printed at the start; --keep keeps it afterwards).
"""

import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAIR = Path(os.environ.get("COHESIO_PAIR_SH", ROOT.parent / "shared" / "perf" / "pair.sh"))
COORDINATOR = "coordinator@riverton.example"
SIZES = {1: "riverton", 10: "riverton-x10"}
# name -> path under /l/<slug>/; element pages in the order of the navigation
PAGES = {
    "overview": "",
    "analysis": "analysis/",
    "strategy": "strategy/",
    "political-support": "political-support/",
    "definitions": "definitions/",
    "network": "network/",
    "cooperation": "cooperation/",
    "interventions": "interventions/",
    "check": "check/",
}
ELEMENT_PAGES = set(PAGES) - {"overview", "check"}
PRESETS = {"default": (8, 3, 2), "quick": (3, 2, 1)}  # duration s, rounds, warm-up s
RATIO = re.compile(
    r"RATIO target_rps / (hello|table)_rps = ([\d.]+)\s+\(best/best ([\d.]+); per round ([\d., ]+)\)"
)
# pair.sh's per-round lines: "1     target       40.8   373.990   538.700       123 -" (or "... socket 5")
ROUND_LINE = re.compile(r"^\d+\s+(hello|target|table)\s+([\d.]+)\s+\S+\s+\S+\s+(\d+)\s+(.*)$", re.MULTILINE)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated, of: {', '.join(PAGES)}")
    parser.add_argument("--sizes", default="1,10", help="plan sizes, comma-separated: 1 (the demo), 10")
    parser.add_argument("--quick", action="store_true", help="shorter and fewer rounds (a rough figure)")
    parser.add_argument("--duration", type=int, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, help="rounds of hello, target, table per page")
    parser.add_argument("--warmup", type=int, help="seconds of wrk warm-up per URL")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers for both apps")
    parser.add_argument("--conns", type=int, default=4, help="wrk connections (pair.sh's own default is 16)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, raw output)")
    args = parser.parse_args()
    args.pages = [p.strip() for p in args.pages.split(",") if p.strip()]
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    unknown = [p for p in args.pages if p not in PAGES] + [str(s) for s in args.sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown page or size: {', '.join(unknown)}")
    duration, rounds, warmup = PRESETS["quick" if args.quick else "default"]
    args.duration = args.duration or duration
    args.rounds = args.rounds or rounds
    args.warmup = warmup if args.warmup is None else args.warmup
    return args


def settings_env(var_dir: Path) -> dict[str, str]:
    """Environment for this process and the gunicorn it starts: everything in the temporary folder. Set in the
    environment, these win over a developer's .env (read with overwrite=False)."""
    return {
        "DJANGO_SETTINGS_MODULE": "cohesio.settings",
        "COHESIO_ENV": "development",
        "DEBUG": "false",
        "COHESIO_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'bench.sqlite3'}",
        "CACHE_URL": "dbcache://cohesio_cache",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "MEDIA_ROOT": str(var_dir / "media"),
        "PYTHONPATH": str(ROOT),
    }


def build_database(sizes: list[int], pages: list[str]) -> None:
    """Migrate, load the demo and the plan ten times its size, and fetch every page once (fills the cache)."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from cohesio.core.services import invitation_accept, locality_create
    from cohesio.demo.load import load_demo
    from cohesio.demo.riverton import riverton_document
    from cohesio.document.services import import_plan
    from cohesio.plans.tests.documents import scaled

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    with redirect_stdout(StringIO()):
        load_demo(quiet=True)
    coordinator = get_user_model().objects.get(email=COORDINATOR)
    if 10 in sizes:
        doc = scaled(riverton_document(), 10)
        invitation = locality_create(
            acting_user=None,
            name=f"{doc.locality.name} x10",
            slug=SIZES[10],
            kind=doc.locality.kind,
            region=None,
            coordinator_email=COORDINATOR,
            accept_url_for=lambda inv: inv.get_absolute_url(),
        )
        invitation_accept(invitation=invitation, user=coordinator)
        import_plan(doc, invitation.locality)
    print(f"# database ready in {time.perf_counter() - started:.0f} s: plans {', '.join(SIZES[s] for s in sizes)}")
    client = Client()
    client.force_login(coordinator)
    for size in sizes:
        for page in pages:
            url = f"/l/{SIZES[size]}/{PAGES[page]}"
            status = client.get(url).status_code
            if status != 200:
                raise SystemExit(f"throughput: {url} answered HTTP {status} for {COORDINATOR}, not 200")


def measure(args: argparse.Namespace, url: str, env: dict[str, str], log: Path) -> dict:
    """One pair.sh run for one URL; the ratios it printed. Only the target gets Cohesio's settings (`env`)."""
    gunicorn = Path(sys.executable).parent / "gunicorn"
    settings = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    target_cmd = (
        f"cd {shlex.quote(str(ROOT))} && exec env {settings} {shlex.quote(str(gunicorn))} -w $WORKERS"
        " -b 127.0.0.1:$PORT_T --worker-class sync --no-control-socket cohesio.wsgi:application"
    )
    pair_env = {k: v for k, v in os.environ.items() if k not in env}  # the reference app keeps its own
    command = [
        str(PAIR),
        *("--target-cmd", target_cmd, "--target-url", url),
        *("--login", f"{COORDINATOR}:riverton-demo-2026", "--login-url", "/accounts/login/"),
        *("--duration", str(args.duration), "--rounds", str(args.rounds), "--warmup", str(args.warmup)),
        *("--workers", str(args.workers), "--conns", str(args.conns)),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=pair_env)
    log.write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-5:])
        raise RuntimeError(f"pair.sh failed on {url} (exit {done.returncode}):\n{tail}")
    return parse(done.stdout, log)


def parse(output: str, log: Path) -> dict:
    """pair.sh's output: the target's median rps and requests, errors in any round, the ratios and their spread."""
    rounds: dict[str, list[tuple[float, int, str]]] = {}
    for page, rps, requests, errors in ROUND_LINE.findall(output):
        rounds.setdefault(page, []).append((float(rps), int(requests), errors.strip()))
    if set(rounds) != {"hello", "target", "table"}:
        raise RuntimeError(f"pair.sh printed no rounds; see {log}")
    result = {
        "rps": statistics.median(rps for rps, _, _ in rounds["target"]),
        "requests": sum(n for _, n, _ in rounds["target"]),
        "errors": any(e != "-" for page in rounds.values() for _, _, e in page),
    }
    for ref, ratio, _best, per_round in RATIO.findall(output):
        per = [float(x) for x in per_round.split(",")]
        result[ref] = float(ratio)
        result[f"{ref}_spread"] = max(per) / min(per) - 1 if min(per) > 0 else None
    return result


def row(page: str, size: int, r: dict, queue: float) -> str:
    """One line of the table: the ratios, their spread, the target; a page too slow to measure says so."""
    start = f"{page:<19}{f'{size}x':<6}"
    if not r["requests"]:
        return f"{start}   no answer within wrk's 2 s timeout: over about {2 / queue:.1f} s a request"
    spreads = [r["hello_spread"], r["table_spread"]]
    spread = f"{max(spreads):>7.0%}" if None not in spreads else f"{'-':>7}"
    notes = " NOISY" if None in spreads or max(spreads) > 0.15 else ""
    notes += " ERRORS" if r["errors"] else ""
    return f"{start}{r['rps']:>8.1f}{r['hello']:>9.3f}{r['table']:>9.3f}{spread}{notes}  {verdict(page, size, r)}"


def verdict(page: str, size: int, r: dict) -> str:
    """The issue 20 target for this page, met or not ('' where the issue sets none)."""
    if page == "overview" and size == 1:
        return "met" if r["hello"] >= 0.25 else "NOT met (>= 0.25 x hello)"
    if page in ELEMENT_PAGES:
        floor = 1.0 if size == 1 else 0.5
        return "met" if r["table"] >= floor else f"NOT met (>= {floor} x table)"
    return ""


def main() -> int:
    args = parse_args()
    if not os.access(PAIR, os.X_OK):
        print(f"throughput: no pair.sh at {PAIR} (set COHESIO_PAIR_SH)", file=sys.stderr)
        return 2
    var_dir = Path(tempfile.mkdtemp(prefix="cohesio-throughput-"))
    env = settings_env(var_dir)
    os.environ.update(env)
    runs = len(args.pages) * len(args.sizes)
    print(f"# {runs} page runs of {args.rounds} rounds x 3 x {args.duration} s (+ {args.warmup} s warm-up x 3);"
          f" {args.workers} gunicorn sync workers each,"
          f" {args.conns} connections; folder {var_dir}")
    header = f"{'page':<19}{'plan':<6}{'rps':>8}{'/hello':>9}{'/table':>9}{'spread':>8}  target"
    try:
        build_database(args.sizes, args.pages)
        print(f"# load {' '.join(Path('/proc/loadavg').read_text().split()[:3])}; {os.cpu_count()} cores\n{header}")
        for page in args.pages:
            for size in args.sizes:
                url = f"/l/{SIZES[size]}/{PAGES[page]}"
                r = measure(args, url, env, var_dir / f"pair.{page}.x{size}.txt")
                print(row(page, size, r, max(1.0, args.conns / args.workers)), flush=True)
    except RuntimeError as failed:
        print(f"throughput: {failed}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"# kept {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)
    print("\n# /hello, /table: median target rps / median reference rps; spread: largest max/min - 1 of the per-round"
          " ratios (NOISY above 15 %: rerun or add --rounds); ERRORS: a round had non-2xx answers or socket errors"
          " (timeouts: answers over wrk's 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
