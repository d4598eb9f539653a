#!/usr/bin/env python3
"""Hostile input shapes: every rule must run in time linear in the size of its input.

    .venv/bin/python bench/adversarial.py [--size BYTES] [--shapes a,b] [--limit SECONDS] [--top N]
    .venv/bin/python bench/adversarial.py --size 10000000 --shapes "html: repeated articles"   # a 10 MB page

Each shape is built at ``--size / 4`` and at ``--size`` bytes (default 1 MB) and linted in this process with
every rule selected, stage by stage: parse, sentence splitting, then each rule (CPU time, the fastest of
``--repeat`` runs; a rule still running after ``--limit`` seconds is stopped and shown as ``>limit``). The
table gives seconds per MB at the larger size and the ratio of the two sizes' times: about 4 for linear
work, about 16 for quadratic. The slowest rules of each shape are listed after the table. The shapes named "html: ..." are HTML pages
(read as ``adversarial.html``): deep nesting, character references, tags without text, unclosed and
misnested tags, and a page of many articles.

Set DRAFTLINT_NO_SHORTCUTS=1 to measure the plain reference paths.
"""
from __future__ import annotations

import argparse
import sys
import time
from typing import Callable

from draftlint import engine, nlp, registry
from draftlint.config import Config
from draftlint.rule import Summary


def _fill(unit: Callable[[int], str], size: int) -> str:
    """Units ``unit(0)``, ``unit(1)``, ... joined until ``size`` characters."""
    parts: list[str] = []
    total = i = 0
    while total < size:
        piece = unit(i)
        parts.append(piece)
        total += len(piece)
        i += 1
    return "".join(parts)[:size]


def _nested(depth: int) -> Callable[[int], str]:
    def unit(i: int) -> str:
        lists = "".join("  " * d + f"- level {d} item\n" for d in range(depth))
        quotes = "".join(">" * d + f" quoted at depth {d}\n" for d in range(1, depth))
        return lists + "\n" + quotes + "\n" + "*a _b **c [d `e` f](g) h** i_ j*\n\n"
    return unit


SHAPES: dict[str, Callable[[int], str]] = {
    **{f"repeat {c}": (lambda c: lambda n: c * n)(c) for c in '["*_`|-'},
    "one token": lambda n: _fill(lambda i: "abcdefghij", n),
    "one-letter lines": lambda n: _fill(lambda i: "x\n", n),
    "headings": lambda n: _fill(lambda i: f"## Heading {i % 7}\n\n", n),
    "list items": lambda n: _fill(lambda i: f"- item number {i}\n", n),
    "links": lambda n: _fill(lambda i: f"[link {i}](https://example.com/{i}) " + ("\n\n" if i % 10 == 9 else ""), n),
    "quotations": lambda n: _fill(lambda i: f'"Quoted words {i}," ' + ("\n\n" if i % 10 == 9 else ""), n),
    "deep nesting": lambda n: _fill(_nested(40), n),
    # many unsourced claims between many linked paragraphs: each claim asks whether its paragraph has a link
    "claims between links": lambda n: _fill(lambda i: f"Experts say the quay will cost {i} million. "
                                                      f"Critics argue it is late.\n\n[Report {i}](https://example.com/{i})\n\n", n),
    "long lines, no spaces": lambda n: _fill(lambda i: "word.Word,word;" * 600 + "\n", n),
}


def _article(i: int) -> str:
    """One article of a page of many: headline, byline, prose with a quotation, a share widget, a sidebar."""
    return (f'<article><h2>Harbour news number {i}</h2><p class="byline">By A. Writer &middot; {i % 9 + 1} min read</p>'
            f"<p>The council met on Tuesday &amp; voted to widen quay {i}. &ldquo;It is overdue,&rdquo; said one "
            f"member, and experts say the work will take a year.</p><div class=\"share-buttons\"><a href=\"/s/{i}\">"
            f"Share</a></div><aside><p>Read more about the harbour in our archive of past reports.</p></aside>"
            f"</article>\n")


HTML_SHAPES: dict[str, Callable[[int], str]] = {
    "html: nested divs": lambda n: "<div>" * (n // 11) + "Deep text" + "</div>" * (n // 11),
    "html: nested formatting": lambda n: _fill(lambda i: f"<b id={i}>", n // 2) + _fill(lambda i: "<p>x", n - n // 2),
    "html: entities": lambda n: "<p>" + _fill(lambda i: "&amp;&eacute;&#8217;&#x201C; &notanentity ", n) + "</p>",
    "html: tags without text": lambda n: _fill(lambda i: "<span></span><br><img src=x><i></i>", n),
    "html: unclosed tags": lambda n: _fill(lambda i: f"<p>Paragraph {i} <b>bold <i>italic <a href='/{i}'>link <div>"
                                                     f"<table><tr><td>cell ", n),
    "html: repeated articles": lambda n: "<!DOCTYPE html><title>Harbour news</title>" + _fill(_article, n),
}


def path_of(shape: str) -> str:
    return "adversarial.html" if shape in HTML_SHAPES else "adversarial.md"


def measure(text: str, plan: engine.Plan, limit: float, repeat: int, path: str = "adversarial.md") -> tuple[float, dict[str, float]]:
    """The fastest time of each stage and rule over ``repeat`` runs, and their total."""
    times: dict[str, float] = {}

    def keep(key: str, seconds: float) -> None:
        times[key] = min(times.get(key, seconds), seconds)

    for _ in range(repeat):
        t = time.process_time()
        doc, _ = engine.read_document(path, text.encode("utf-8"))
        keep("parse", time.process_time() - t)
        assert doc is not None
        t = time.process_time()
        nlp.annotate([doc])
        keep("sentences", time.process_time() - t)
        for rule in plan.document_rules:
            opts = plan.options[rule.code]
            t = time.process_time()
            with engine.rule_alarm(limit) as arm:
                try:
                    arm(True)
                    list(rule.check(doc, opts))
                except engine.RuleTimeout:
                    keep(rule.code, float("inf"))
                    continue
                finally:
                    arm(False)
            keep(rule.code, time.process_time() - t)
        t = time.process_time()
        engine.finish([engine.FileResult(doc.path, summary=Summary.of(doc, plan.scores, plan.template_lines))], plan)
        keep("summary + corpus rules", time.process_time() - t)
    return sum(times.values()), times


def show(seconds: float, limit: float) -> str:
    return f">{limit:g}" if seconds == float("inf") else f"{seconds:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of the larger input (default 1 MB)")
    parser.add_argument("--shapes", default=None, help="comma-separated subset of: " + ", ".join({**SHAPES, **HTML_SHAPES}))
    parser.add_argument("--limit", type=float, default=30.0, help="seconds before a rule is stopped")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--top", type=int, default=3, help="slowest stages shown per shape")
    args = parser.parse_args()
    shapes = {**SHAPES, **HTML_SHAPES}
    names = [s.strip() for s in args.shapes.split(",")] if args.shapes else list(shapes)
    plan = engine.make_plan(registry.load(), Config(select=["ALL"]))
    engine.tune_gc()
    nlp.pipeline()
    small, large = args.size // 4, args.size
    print(f"{'shape':<24} {'N (s)':>8} {'4N (s)':>8} {'ratio':>6} {'s/MB':>6}  slowest at 4N")
    worst = 0.0
    for name in names:
        make = shapes[name]
        t_small, _ = measure(make(small), plan, args.limit, args.repeat, path_of(name))
        t_large, parts = measure(make(large), plan, args.limit, args.repeat, path_of(name))
        per_mb = t_large / (large / 1_000_000)
        worst = max(worst, per_mb)
        ratio = t_large / t_small if t_small and t_large != float("inf") else float("inf")
        slow = sorted(parts.items(), key=lambda kv: -kv[1])[:args.top]
        print(f"{name:<24} {show(t_small, args.limit):>8} {show(t_large, args.limit):>8} {ratio:6.1f} "
              f"{show(per_mb, args.limit):>6}  " + ", ".join(f"{k} {show(v, args.limit)}" for k, v in slow), flush=True)
    print(f"worst: {show(worst, args.limit)} s per MB")
    sys.exit(0)


if __name__ == "__main__":
    main()
