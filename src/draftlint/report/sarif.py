"""SARIF 2.1.0: one run, the tool's rules with their documentation, one result per finding.

Uploaded to GitHub code scanning (github/codeql-action/upload-sarif) or read by any SARIF viewer.
Locations are relative to the working folder, or to ``GITHUB_WORKSPACE`` when it is set (``uriBaseId``
``SRCROOT``, declared in ``originalUriBaseIds``); columns count Unicode code points (``columnKind``), end
columns are exclusive as in SARIF. ``partialFingerprints["draftlint/v1"]`` is the baseline fingerprint of the finding (the code, the
flagged text and its context on the line) plus its occurrence number, so it does not change when lines
are inserted above the finding. A document-level finding (line 0) has no region.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from draftlint import filecodes
from draftlint.baseline import Sources, fingerprints
from draftlint.findings import Finding, Severity
from draftlint.report.context import Context

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _section(doc: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc, re.MULTILINE | re.DOTALL)
    return m.group(1).strip() if m else ""


def _descriptor(rule) -> dict:
    """A rule's descriptor with its whole documentation as help (the text of ``draftlint explain CODE``)."""
    doc = rule.doc_text()
    summary = rule.summary()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": _section(doc, "What it flags") or summary},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [str(rule.family)]},
    }


def _location(ctx: Context, f: Finding) -> dict:
    rel = ctx.relative(f.path)
    artifact = {"uri": quote(rel), "uriBaseId": "SRCROOT"} if rel is not None else {"uri": Path(f.path).resolve().as_uri()}
    physical: dict = {"artifactLocation": artifact}
    if f.line >= 1:
        region = {"startLine": f.line, "startColumn": max(f.column, 1), "endLine": max(f.end_line, f.line),
                  "endColumn": max(f.end_column, 1)}
        if f.excerpt:
            region["snippet"] = {"text": f.excerpt}
        physical["region"] = region
    return {"physicalLocation": physical}


def render(ctx: Context) -> str:
    findings = ctx.result.findings
    descriptors, index = [], {}
    for rule in ctx.rules:
        index[rule.code] = len(descriptors)
        descriptors.append(_descriptor(rule))
    for f in findings:  # codes outside the selection: file errors (E001/E002), corpus or plugin codes
        if f.code not in index:
            rule = ctx.registry.resolve(f.code)
            index[f.code] = len(descriptors)
            if rule is None:
                rule = filecodes.CODES.get(f.code)
            if rule is not None:
                descriptors.append(_descriptor(rule))
            else:
                descriptors.append({"id": f.code, "name": f.name})
    results = []
    for f, (fp, occurrence) in zip(findings, fingerprints(findings, ctx.sources or Sources())):
        results.append({
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [_location(ctx, f)],
            "partialFingerprints": {"draftlint/v1": f"{fp}:{occurrence}"},
        })
    notifications = [{"level": "error", "message": {"text": crash}} for crash in ctx.result.crashes]
    notifications += [{"level": "note", "message": {"text": note}} for note in ctx.result.notes]
    invocation: dict = {"executionSuccessful": not ctx.result.crashes}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": {"name": "draftlint", "version": ctx.version, "rules": descriptors}},
        "originalUriBaseIds": {"SRCROOT": {"uri": ctx.root.as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation],
        "results": results,
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"
