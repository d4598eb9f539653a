#!/usr/bin/env python3
"""Cold start of the command line: one file, every rule on by default, a fresh process each time (no result
cache), never part of the test run.

    .venv/bin/python bench/cold_start.py [--runs 5] [FILE ...]

Times ``draftlint check --isolated --no-cache FILE`` in a new process, ``--runs`` times per file, and prints
the median wall time and the median CPU time of the process (user + system; the one to compare on a shared
machine), and whether spaCy was imported. Default files: a draft none of whose sentences needs spaCy's
tokenizer (written by this script: sentences cut at certain ends, no word that the quote rules look at), fixtures/samples/clean-article.md (quotations: the quote rules need
tokens), and the seed article from ../shared/seed when it is there. Target: <= 0.6 s for a draft that needs
no tokenizer.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAIN = """# Harbour works begin in March

The council approved the harbour works on Tuesday. Work starts in March and ends before the summer season.

The new pier will be longer than the old one. Two ferries can then dock at the same time. The fish market
moves to the east quay while the work goes on.

## What changes for visitors

- The car park on the west side closes for six weeks
- Boats to the island leave from the east quay
- The cafe stays open every day

Residents can see the plans in the library. The drawings include the pier, the new steps and the lighting.
"""
PROBE = ("import sys, runpy\nsys.argv = ['draftlint', 'check', '--isolated', '--no-cache', '-q', sys.argv[1]]\n"
         "try:\n    runpy.run_module('draftlint', run_name='__main__')\nexcept SystemExit:\n    pass\n"
         "print('spacy' in sys.modules, file=sys.stderr)\n")


def measure(path: Path, runs: int) -> tuple[float, float, bool]:
    walls, cpus, spacy = [], [], False
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        spacy = proc.stderr.strip().endswith("True")
    return statistics.median(walls), statistics.median(cpus), spacy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = args.files
        if not files:
            plain = Path(folder) / "plain-draft.md"
            plain.write_text(PLAIN, encoding="utf-8")
            seed = ROOT.parent / "shared" / "seed" / "content-farm-article.txt"
            files = [plain, ROOT / "fixtures" / "samples" / "clean-article.md"] + ([seed] if seed.is_file() else [])
        print(f"load average {os.getloadavg()[0]:.1f}; {args.runs} runs each")
        print(f"{'file':<28} {'wall s':>7} {'cpu s':>7}  spaCy imported")
        for path in files:
            wall, cpu, spacy = measure(path, args.runs)
            print(f"{path.name:<28} {wall:7.2f} {cpu:7.2f}  {'yes' if spacy else 'no'}")


if __name__ == "__main__":
    main()
