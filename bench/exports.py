"""Benchmark the exports: time and peak memory of DOCX and PDF for the demo plan and a plan ten times its size.

Run: .venv/bin/python bench/exports.py. Each export runs in a fresh process so its peak memory (resident set,
C libraries included) is its own. Targets (issue 17): DOCX at most 3 s, PDF at most 0.2 s per page and 500 MB.
"""

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_DOCX_S, TARGET_PDF_S_PER_PAGE, TARGET_PEAK_MB = 3.0, 0.2, 500


def _one(size: int, file_format: str) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cohesio.settings")
    import django

    django.setup()
    from cohesio.demo.riverton import riverton_document
    from cohesio.exports.content import VersionInfo, plan_content
    from cohesio.exports.rendering import export_file
    from cohesio.format import dump
    from cohesio.plans.tests.documents import scaled

    doc = riverton_document() if size == 1 else scaled(riverton_document(), size)
    data, findings = dump(doc), {"summary": {}, "findings": []}
    started = time.perf_counter()
    body = export_file(plan_content(data, findings, version=VersionInfo(number=1)), file_format)
    seconds = time.perf_counter() - started
    pages = None
    if file_format == "pdf":
        import pypdf

        pages = len(pypdf.PdfReader(io.BytesIO(body)).pages)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"size": size, "format": file_format, "seconds": seconds, "bytes": len(body), "pages": pages, "peak_mb": peak_mb}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one(int(args.one[0]), args.one[1])))
        return 0
    failed = False
    print(f"{'plan':<14}{'format':<8}{'time':>9}{'pages':>7}{'s/page':>8}{'size':>10}{'peak':>9}")
    for size in (1, 10):
        for file_format in ("docx", "pdf"):
            out = subprocess.run(  # noqa: S603 - this script itself, with fixed arguments
                [sys.executable, __file__, "--one", str(size), file_format], capture_output=True, text=True, check=True
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            per_page = r["seconds"] / r["pages"] if r["pages"] else None
            ok = r["peak_mb"] <= TARGET_PEAK_MB and (
                r["seconds"] <= TARGET_DOCX_S if file_format == "docx" else per_page <= TARGET_PDF_S_PER_PAGE
            )
            failed = failed or not ok
            name = "demo" if size == 1 else f"demo x{size}"
            print(
                f"{name:<14}{file_format:<8}{r['seconds']:>8.2f}s{r['pages'] or '':>7}"
                f"{(f'{per_page:.3f}' if per_page else ''):>8}{r['bytes'] / 1024:>8.0f}KB{r['peak_mb']:>7.0f}MB"
                f"{'' if ok else '  over target'}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
