"""Machine output, version 1: ``{"version", "tool", "summary", "findings", "documents"}`` (schema in the README);
each finding carries its rule's one-line ``description``."""
from __future__ import annotations

import json
from collections import Counter

from draftlint.report.context import Context


def document(ctx: Context) -> dict:
    """The JSON output as a dict (the archive report is built from the same)."""
    findings = ctx.result.findings
    levels = Counter(str(f.severity) for f in findings)
    described: dict[str, str] = {}  # code -> the rule's one-line description, looked up once per code

    def description(code: str) -> str:
        if code not in described:
            described[code] = ctx.describe(code)
        return described[code]

    doc = {
        "version": 1,
        "tool": {"name": "draftlint", "version": ctx.version},
        "summary": {
            "files": ctx.result.files,
            "files_skipped": len(ctx.result.skipped),
            "files_with_findings": len({f.path for f in findings}),
            "findings": len(findings),
            "by_severity": {k: levels.get(k, 0) for k in ("error", "warning", "info")},
            "by_code": dict(sorted(Counter(f.code for f in findings).items())),
            "fail_on": ctx.fail_on,
        },
        "findings": [{**f.to_dict(), "description": description(f.code)}
                     for f in findings],
        "documents": [{"path": s.path, "title": s.title, "words": s.scores.words,
                       "reading_ease": _score(s.scores.reading_ease), "grade": _score(s.scores.grade)}
                      for s in sorted(ctx.result.summaries, key=lambda s: s.path)],
    }
    if ctx.baseline is not None:
        doc["summary"]["baseline"] = {"hidden": ctx.baseline.matched, "stale": ctx.baseline.stale_count}
    return doc


def render(ctx: Context) -> str:
    return json.dumps(document(ctx), indent=2, ensure_ascii=False) + "\n"


def _score(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
