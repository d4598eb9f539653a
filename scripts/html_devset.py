#!/usr/bin/env python3
"""Compare draftlint on the devset's original HTML pages with the labels of their converted documents.

    .venv/bin/python scripts/html_devset.py [--devset ../shared/devset] [--html-main] [-v]

The labels of ``devset/labels.jsonl`` refer to lines of the converted documents (``devset/docs``), not to
the pages (``devset/html``). So each finding on a page is carried over to the converted document by its
text: the first line of the text it flags is looked up among the document's lines (whitespace and case
aside), in order. A finding whose text the conversion dropped (the page's menus, sidebars, footers that a
"careful" conversion left out) is *outside*: counted per code, not scored. The carried findings and, for
comparison, draftlint's findings on the converted documents themselves are scored with ``score.py`` (the
same matching, ±1 line) over the documents that have a page. Readability's document-level and passive
codes are left out, as in the devset's usual scoring.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

from draftlint import engine, registry
from draftlint.config import Config

REPO = Path(__file__).resolve().parent.parent
IGNORED = ("R003", "R004", "R005", "R006")


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def carry(findings, doc_lines: list[str]) -> tuple[list[dict], list]:
    """Findings placed on the converted document's lines, and the findings found outside it."""
    lines = [_norm(line) for line in doc_lines]
    if doc_lines and doc_lines[0].strip() == "---":  # front matter: the title is the page's, not a line of it
        end = next((i for i, line in enumerate(doc_lines[1:], 1) if line.strip() == "---"), 0)
        lines[:end + 1] = [""] * (end + 1)
    placed, outside = [], []
    cursor = 0
    for f in findings:
        text = _norm(f.excerpt)
        if not text:
            outside.append(f)
            continue
        hits = [i for i, line in enumerate(lines) if line and (text in line or (len(line) > 20 and line in text))]
        if not hits:
            outside.append(f)
            continue
        after = [i for i in hits if i >= cursor]
        index = after[0] if after else hits[0]
        cursor = index
        placed.append({"line": index + 1, "code": f.code})
    return placed, outside


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", default=str(REPO.parent / "shared" / "devset"))
    parser.add_argument("--html-main", action="store_true", help="lint only each page's article")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the codes found outside")
    args = parser.parse_args()
    devset = Path(args.devset)
    spec = importlib.util.spec_from_file_location("score", devset / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    pages = sorted((devset / "html").glob("*.html"))
    names = {p.stem: next(iter(sorted((devset / "docs").glob(p.stem + ".*")))) for p in pages}
    plan = engine.make_plan(registry.load(), Config(html_main=args.html_main))
    carried, direct, outside = [], [], Counter()
    for page in pages:
        doc_path = names[page.stem]
        [result] = engine.lint_batch([(str(page), page.read_bytes())], plan)
        found = [f for f in result.findings if f.code not in IGNORED]
        placed, out = carry(found, doc_path.read_text(encoding="utf-8").split("\n"))
        carried += [{"path": doc_path.name, **p} for p in placed]
        outside.update(f.code for f in out)
        [md] = engine.lint_batch([(str(doc_path), doc_path.read_bytes())], plan)
        direct += [{"path": doc_path.name, "line": f.line, "code": f.code} for f in md.findings if f.code not in IGNORED]
    labels, docs = score.load_labels(devset / "labels.jsonl")
    stems = {names[p.stem].name for p in pages}
    labels = [label for label in labels if label["doc"] in stems]
    docs = {d for d in docs if d in stems}
    print(f"{len(pages)} pages; findings carried to the converted documents: {len(carried)}, "
          f"outside them: {sum(outside.values())}")
    print(f"{'family':<12} {'labels':>6} | {'Markdown: tp':>12} {'fp':>4} {'P':>6} {'R':>6} | {'HTML: tp':>8} {'fp':>4} {'P':>6} {'R':>6}")
    results = []
    for findings in (direct, carried):
        path = Path(f"/tmp/html_devset_{len(results)}.json")
        path.write_text(json.dumps(findings), encoding="utf-8")
        kept, _, _, _ = score.load_findings(str(path), dict(score.CODE_FAMILY), set(), docs)
        results.append(score.score(labels, docs, kept, 1))
    for family in (*score.FAMILIES, "total"):
        md, page = (r["total"] if family == "total" else r["per_family"][family] for r in results)
        print(f"{family:<12} {md['labels']:>6} | {md['tp']:>12} {md['fp']:>4} {md['precision']:>6.3f} {md['recall']:>6.3f} | "
              f"{page['tp']:>8} {page['fp']:>4} {page['precision']:>6.3f} {page['recall']:>6.3f}")
    if args.verbose:
        print("outside the converted documents, by code:", dict(sorted(outside.items())))
        for name, result in zip(("Markdown", "HTML"), results):
            print(f"\n{name}: misses"), [print("  ", *m) for m in result["misses"]]
            print(f"{name}: false positives"), [print("  ", *m) for m in result["false_positives"]]
    return 0


if __name__ == "__main__":
    sys.exit(main())
