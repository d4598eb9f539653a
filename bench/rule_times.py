#!/usr/bin/env python3
"""Where a run's time goes, per stage and per rule, in one process (a profiling aid for the speed work).

    .venv/bin/python bench/rule_times.py FILE... [--top N] [--repeat N] [--ignore CODE,...]

Reads and parses every file, splits sentences in one batched pass, then runs each rule, in the engine's
order, over all the documents, and makes each document's summary for the corpus rules (with what the plan's
rules need of it: template lines for B022, readability scores for R003), with garbage collection tuned as
in a lint process. This is done ``--repeat`` times on freshly parsed documents (so per-document caches are
rebuilt each time and charged to the rule that fills them), and the fastest time of each stage and rule is
shown, in seconds of CPU time (steadier than wall time on a shared machine) and as a share of the total,
slowest first. Findings are not reported.

One run is the default, and the one to trust: caches kept per process and keyed by text (spaCy's vocabulary
and tokenizer cache, the memoised normalisation, syllable and title helpers) are warm for a second run over
the same files, which a real run never sees; on the benchmark corpus a second run takes half the time of the
first (measured 7 Dec 2026: 7.70 s against 3.45 s for 238 files).
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from draftlint import config as configmod, engine, nlp, registry
from draftlint.rule import Summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=1, help="runs; the fastest time of each part is shown")
    parser.add_argument("--ignore", default="", help="rules left out of the plan (comma-separated codes or names)")
    args = parser.parse_args()
    config = configmod.load(None, isolated=True)
    config.ignore = [code for code in args.ignore.split(",") if code]
    plan = engine.make_plan(registry.load(), config)
    items = [(str(p), p.read_bytes()) for p in args.files]
    words = sum(len(data.split()) for _, data in items)
    engine.tune_gc()  # as in a lint process
    t = time.process_time()
    nlp.pipeline()
    load = time.process_time() - t
    stages: dict[str, float] = defaultdict(lambda: float("inf"))
    rules: dict[str, float] = defaultdict(lambda: float("inf"))

    def timed(table: dict[str, float], key: str, work):
        t = time.process_time()
        value = work()
        table[key] = min(table[key], time.process_time() - t)
        return value

    for _ in range(args.repeat):
        docs = timed(stages, "parse", lambda: [d for d in (engine.read_document(p, data)[0] for p, data in items) if d])
        timed(stages, "sentences", lambda: nlp.annotate(docs))
        for rule in plan.document_rules:
            opts = plan.options[rule.code]
            timed(rules, f"{rule.code} {rule.name}", lambda: [list(rule.check(doc, opts)) for doc in docs])
        timed(stages, "summaries", lambda: [Summary.of(doc, plan.scores, plan.template_lines) for doc in docs])
    stages["rules"] = sum(rules.values())
    total = sum(stages.values())
    print(f"{len(items)} files, {words:,} words: {total:.2f} s ({words / total:,.0f} words/s), "
          f"plus {load:.2f} s to load spaCy")
    for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<40} {secs:7.2f} s {secs / total:6.1%}")
    print("rules:")
    for name, secs in sorted(rules.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"  {name:<40} {secs:7.2f} s {secs / total:6.1%}")


if __name__ == "__main__":
    main()
