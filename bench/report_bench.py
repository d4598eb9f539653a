#!/usr/bin/env python3
"""Archive report benchmark: ``draftlint report`` over the whole bench corpus, cold and with a warm cache.

    python3 bench/report_bench.py [CORPUS] [--repeat N] [--keep DIR]

CORPUS defaults to ../shared/bench-corpus/full (1,904 files, 4M words). The runs happen in a scratch folder
(``--keep DIR`` to reuse one, and with it a cache built before), with ``--isolated`` so that no config of
this checkout counts, and the cache in that folder:

1. a cold run (``--no-cache``, then a run that fills the cache, unless the kept folder has one);
2. ``--repeat`` warm runs: the target is under 60 s on this machine (2 cores);
3. the report built from a saved ``check --format json`` run (``--from``), for comparison.

It prints wall times (minimum and median), the page's size (target: under 5 MB) and what it holds (charts,
tables, worst files listed), and writes the numbers to ``bench/results/report-<time>.json``.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DRAFTLINT = REPO / ".venv" / "bin" / "draftlint"
WARM_TARGET_S = 60.0
SIZE_TARGET_BYTES = 5_000_000


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([str(DRAFTLINT), *args], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"draftlint {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "bench-corpus" / "full"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", help="scratch folder to use (and keep, with its cache)")
    args = parser.parse_args()
    corpus = Path(args.corpus).resolve()
    if not corpus.is_dir():
        sys.exit(f"no corpus at {corpus}")
    work = Path(args.keep).resolve() if args.keep else Path(tempfile.mkdtemp(prefix="draftlint-report-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    files = sorted(corpus.rglob("*.md"))
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)
    page = work / "report.html"
    common = ["--isolated", "--no-progress", "-o", str(page)]
    results: dict = {"corpus": str(corpus), "files": len(files), "words": words}

    had_cache = (work / ".draftlint_cache").is_dir()
    if not had_cache:
        results["cold_no_cache_s"] = round(timed(["report", str(corpus), "--no-cache", *common], work), 2)
        results["fill_cache_s"] = round(timed(["report", str(corpus), *common], work), 2)
    warm = [timed(["report", str(corpus), *common], work) for _ in range(args.repeat)]
    results["warm_s"] = {"min": round(min(warm), 2), "median": round(statistics.median(warm), 2)}
    html = page.read_text(encoding="utf-8")
    results["size_bytes"] = len(html.encode("utf-8"))
    results["charts"] = len(re.findall(r'data-chart="', html))
    results["tables"] = html.count("<table")
    results["worst_files_listed"] = html.count('<article class="file"')
    results["findings_listed"] = html.count("<li><code>")

    saved = work / "run.json"
    timed(["check", str(corpus), "--isolated", "--no-progress", "-f", "json", "-o", str(saved)], work)
    from_json = [timed(["report", "--from", str(saved), "-o", str(work / "from.html")], work) for _ in range(args.repeat)]
    results["from_json_s"] = {"min": round(min(from_json), 2), "median": round(statistics.median(from_json), 2)}
    results["saved_json_bytes"] = saved.stat().st_size

    print(f"corpus: {corpus} ({len(files):,} files, {words:,} words)")
    if not had_cache:
        print(f"cold, --no-cache:      {results['cold_no_cache_s']:7.2f} s")
        print(f"cold, filling cache:   {results['fill_cache_s']:7.2f} s")
    ok_time = results["warm_s"]["median"] < WARM_TARGET_S
    ok_size = results["size_bytes"] < SIZE_TARGET_BYTES
    print(f"warm cache (x{args.repeat}):     {results['warm_s']['median']:7.2f} s median, {results['warm_s']['min']:.2f} s min"
          f"   target < {WARM_TARGET_S:g} s: {'ok' if ok_time else 'MISSED'}")
    print(f"--from saved JSON:     {results['from_json_s']['median']:7.2f} s median ({results['saved_json_bytes'] / 1e6:.1f} MB of JSON)")
    print(f"page: {results['size_bytes'] / 1e6:.2f} MB   target < {SIZE_TARGET_BYTES / 1e6:g} MB: {'ok' if ok_size else 'MISSED'};"
          f" {results['charts']} charts, {results['tables']} tables, {results['worst_files_listed']} worst files"
          f" with {results['findings_listed']:,} findings listed")
    out = BENCH / "results" / f"report-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out}; page kept at {page}" if args.keep else f"written to {out}")


if __name__ == "__main__":
    main()
