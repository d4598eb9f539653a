#!/usr/bin/env python3
"""Timing of the duplicate-title search (``draftlint.titlematch.find_pairs``), never part of the test run.

    .venv/bin/python bench/titles_bench.py [--sizes 1000,10000,100000] [--corpus ../shared/bench-corpus/full]

Synthetic titles come from the generator the scaling test uses (tests/test_titles.py: Zipf-distributed
content words); for each size the script prints the titles, the candidate pairs scored, scored pairs per
title, pairs found, and the wall and CPU time of the search (the CPU time is the one to compare on a
shared machine). With ``--corpus`` it also indexes the real titles of
that folder (as ``draftlint index`` does) and lists the pairs that ``duplicate-title`` would report.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from draftlint.titlematch import Stats, find_pairs  # noqa: E402
from test_titles import synthetic_titles  # noqa: E402

THRESHOLD, MIN_SHARED = 0.5, 3  # duplicate-title's defaults


def synthetic(sizes: list[int]) -> None:
    print(f"{'titles':>8} {'scored':>10} {'per title':>9} {'pairs':>6} {'wall s':>8} {'cpu s':>8}")
    for size in sizes:
        titles = synthetic_titles(size, random.Random(size))
        stats = Stats()
        start, cpu = time.perf_counter(), time.process_time()
        pairs = sum(1 for _ in find_pairs(titles, THRESHOLD, MIN_SHARED, stats=stats))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"{size:>8,} {stats.comparisons:>10,} {stats.comparisons / size:>9.1f} {pairs:>6} {seconds:>8.2f} "
              f"{cpu:>8.2f}")


def corpus(folder: str) -> None:
    from draftlint.config import Config
    from draftlint.titles_index import index_files

    entries, _ = index_files([folder], Config(), jobs=2)
    stats = Stats()
    start = time.perf_counter()
    pairs = list(find_pairs([e.tokens for e in entries], THRESHOLD, MIN_SHARED, stats=stats))
    seconds = time.perf_counter() - start
    print(f"\n{folder}: {len(entries):,} titles, {stats.comparisons:,} pairs scored, {len(pairs)} reported, "
          f"{seconds:.2f} s")
    for i, j, value in pairs:
        print(f"  {value:.2f}  {entries[i].title}  |  {entries[j].title}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--corpus", default=None)
    args = parser.parse_args()
    synthetic([int(s) for s in args.sizes.split(",")])
    if args.corpus:
        corpus(args.corpus)


if __name__ == "__main__":
    main()
