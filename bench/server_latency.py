#!/usr/bin/env python3
"""Latency of ``draftlint server``, measured as an editor sees it, never part of the test run.

    .venv/bin/python bench/server_latency.py [--file DRAFT] [--words 2000] [--edits 30]

Starts the server in a subprocess, speaks JSON-RPC to it over standard input and output (tests/lsp_client.py),
opens a draft of about ``--words`` words (by default the sample drafts of fixtures/samples, repeated with
numbered headings until long enough), then types ``--edits`` times: each edit is an incremental
``textDocument/didChange`` of one word, and its latency is the time until the diagnostics of that version
arrive. Prints the start-up (initialize to the first diagnostics), then the median, 90th percentile and
worst re-lint latency. Target: a warm re-lint of a 2,000-word draft within 50 ms.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from lsp_client import LspClient, initialize, open_document  # noqa: E402


def sample_draft(words: int) -> str:
    parts, count, n = [], 0, 0
    samples = sorted((ROOT / "fixtures" / "samples").glob("*.md"))
    while count < words:
        source = samples[n % len(samples)].read_text(encoding="utf-8")
        body = source.split("\n---\n", 1)[-1] if source.startswith("---") else source
        parts.append(f"## Part {n + 1}\n\n{body.strip()}\n")
        count += len(body.split())
        n += 1
    return "# A long draft\n\n" + "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, help="a draft to open (default: the sample drafts, repeated)")
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()
    text = args.file.read_text(encoding="utf-8") if args.file else sample_draft(args.words)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "draft.md"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        client = LspClient(root)
        initialize(client, root)
        open_document(client, path, text)
        client.wait("textDocument/publishDiagnostics", lambda p: p["version"] == 1)
        startup = time.perf_counter() - started
        line = text.count("\n") // 2
        latencies = []
        for version in range(2, args.edits + 2):
            change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
                      "text": "word "}
            sent = time.perf_counter()
            client.notify("textDocument/didChange", {"textDocument": {"uri": path.as_uri(), "version": version},
                                                     "contentChanges": [change]})
            found = client.wait("textDocument/publishDiagnostics", lambda p, v=version: p["version"] == v)
            latencies.append(time.perf_counter() - sent)
        client.close()
    ms = sorted(1000 * t for t in latencies)
    print(f"draft: {len(text.split())} words, {len(found['diagnostics'])} diagnostics")
    print(f"start-up (spawn, initialize, first diagnostics): {startup:.2f} s")
    print(f"re-lint after one edit, {len(ms)} edits: median {statistics.median(ms):.1f} ms, "
          f"p90 {ms[int(0.9 * (len(ms) - 1))]:.1f} ms, worst {ms[-1]:.1f} ms")


if __name__ == "__main__":
    main()
