#!/usr/bin/env python3
"""HTML input speed: words per second on HTML pages against the same text as Markdown.

    .venv/bin/python bench/html_speed.py [PAGES] [--repeat N] [--select RULES]

PAGES defaults to ../shared/devset/html (every ``*.html`` under it). Each page is read as draftlint reads
it (``parse.html``: lexbor's tree, the source map); its blocks are then written out as Markdown (``#``
headings, ``-`` list items, ``>`` quotes, fenced code, pipe tables, paragraphs), so both runs see the same
words. Both sets are linted in this process with the same rules (default: every rule on by default), in
memory (no disk, no cache), ``--repeat`` times; the table shows the fastest time of each, words per second
(prose words of the blocks, the same count for both) and the ratio HTML / Markdown, then the HTML parse
alone (tokeniser, tree, walk, source map) against Markdown's.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from draftlint import engine, nlp, parse, registry
from draftlint.config import Config

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO.parent / "shared" / "devset" / "html"


def as_markdown(doc) -> str:
    """The blocks of a parsed page written as Markdown."""
    out = []
    for block in doc.blocks:
        text = doc.text[block.start:block.end]
        if block.kind == "heading":
            out.append("#" * (block.level or 1) + " " + " ".join(text.split()))
        elif block.kind == "code":
            out.append("```\n" + block.raw + "\n```")
        elif block.kind == "table":
            rows = ["| " + row + " |" for row in text.split("\n")]
            cells = rows[0].count(" | ") + 1
            out.append("\n".join([rows[0], "|" + "---|" * cells] + rows[1:]))
        else:
            prefix = "".join("> " if c == "blockquote" else "  " for c in block.containers[:-1])
            marker = {"list-item": "- ", "blockquote": "> "}.get(block.kind, "")
            out.append("\n".join(prefix + marker + line if i == 0 else prefix + " " * len(marker) + line
                                 for i, line in enumerate(text.split("\n"))))
    return "\n\n".join(out) + "\n"


def lint_all(items: list[tuple[str, bytes]], plan) -> float:
    t = time.perf_counter()
    for path, data in items:
        engine.lint_batch([(path, data)], plan)
    return time.perf_counter() - t


def parse_all(items: list[tuple[str, bytes]]) -> float:
    t = time.perf_counter()
    for path, data in items:
        parse.build(path, parse.decode(data, path))
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--select", default=None, help="rules to run (default: those on by default)")
    args = parser.parse_args()
    files = sorted(Path(args.pages).rglob("*.html"))
    if not files:
        sys.exit(f"no .html files under {args.pages}")
    pages = [(str(f), f.read_bytes()) for f in files]
    docs = [parse.build(path, parse.decode(data, path)) for path, data in pages]
    words = sum(doc.words for doc in docs)
    markdown = [(path[:-5] + ".md", as_markdown(doc).encode("utf-8")) for (path, _), doc in zip(pages, docs)]
    md_words = sum(parse.build(p, d.decode()).words for p, d in markdown)
    plan = engine.make_plan(registry.load(), Config(select=args.select.split(",") if args.select else None))
    engine.tune_gc()
    nlp.pipeline()
    lint_all(markdown[:2], plan)  # warm up: the pipeline's first documents
    best = {"html": float("inf"), "markdown": float("inf"), "parse html": float("inf"), "parse markdown": float("inf")}
    for _ in range(args.repeat):
        best["html"] = min(best["html"], lint_all(pages, plan))
        best["markdown"] = min(best["markdown"], lint_all(markdown, plan))
        best["parse html"] = min(best["parse html"], parse_all(pages))
        best["parse markdown"] = min(best["parse markdown"], parse_all(markdown))
    size = sum(len(d) for _, d in pages)
    print(f"{len(pages)} pages, {size / 1e6:.1f} MB of HTML; {words:,} prose words "
          f"(as Markdown: {md_words:,} words, {sum(len(d) for _, d in markdown) / 1e6:.2f} MB)")
    print(f"{'':<16} {'seconds':>8} {'words/s':>10}")
    for key in best:
        print(f"{key:<16} {best[key]:8.2f} {words / best[key]:10,.0f}")
    print(f"HTML / Markdown throughput, lint: {best['markdown'] / best['html']:.2f}")


if __name__ == "__main__":
    main()
