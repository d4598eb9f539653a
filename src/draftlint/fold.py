"""One finding per residue line: when several rules flag the same line of residue, the most specific one
reports it and names the others.

A line of page chrome can match a general rule and an exact one at once ("4 min read" above the title is
chrome-before-title B010 and reading-time B110; a placeholder expert "Dr. [Name]" is unverifiable-expert Q004
and unfilled-placeholder B103). Two findings for one stray line are noise. After suppressions and per-file
ignores, the findings of one file and line that include a boilerplate finding are folded into the one whose
rule is the most specific (``Rule.specificity``: exact phrase packs over shape detectors over positional and
scored rules; the lower code on a tie); its message ends "(also: B110)", its severity is the highest of the
group, and it keeps a fix when any of them had one. A finding of another family folds only when the
boilerplate finding's span overlaps its own (the same residue, not a quote that merely shares the line).
"""
from __future__ import annotations

import dataclasses
from itertools import groupby
from typing import Callable, Iterable

from draftlint.findings import Finding

BOILERPLATE = "boilerplate"


def fold(findings: Iterable[Finding], specificity: Callable[[str], int]) -> list[Finding]:
    """``findings`` with each line's residue findings folded into its most specific one (order kept)."""
    ordered = sorted(findings, key=lambda f: (f.path, f.line))
    out: list[Finding] = []
    for _, group in groupby(ordered, key=lambda f: (f.path, f.line)):
        items = list(group)
        residue = [f for f in items if f.family == BOILERPLATE]
        if not residue or len(items) == 1:
            out.extend(items)
            continue
        folded = [f for f in items if f.family == BOILERPLATE or any(_overlap(f, r) for r in residue)]
        keep = [f for f in items if f not in folded]
        if len(folded) == 1:
            out.extend(items)
            continue
        winner = min(folded, key=lambda f: (-specificity(f.code), f.code, f.column))
        others = sorted({f.code for f in folded if f is not winner} - {winner.code})
        fix = winner.fix or next((f.fix for f in folded if f.fix is not None), None)
        message = winner.message + (f" (also: {', '.join(others)})" if others else "")
        out.append(dataclasses.replace(winner, message=message, severity=max(f.severity for f in folded), fix=fix))
        out.extend(keep)
    return out


def _overlap(a: Finding, b: Finding) -> bool:
    return (a.line, a.column) < (b.end_line, b.end_column) and (b.line, b.column) < (a.end_line, a.end_column)
