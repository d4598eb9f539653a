"""One finding per residue line: when several rules flag the same line of residue, the most specific one
reports it and names the others.

A line of page chrome can match a general rule and an exact one at once ("4 min read" above the title is
chrome-before-title B010 and reading-time B110; a placeholder expert "Dr. [Name]" is unverifiable-expert Q004
and unfilled-placeholder B103). Two findings for one stray line are noise. After suppressions and per-file
ignores, the findings that start on one line and overlap there, when one of them is a boilerplate finding,
are folded into the one whose rule is the most specific (``Rule.specificity``: exact phrase packs over shape
detectors over positional and scored rules; the lower code on a tie); its message ends "(also: B110)", its
severity is the highest of the group, and it keeps a fix when any of them had one. Findings that share a
line without overlapping (two stock phrases in one paragraph, a quote beside a residue) stay apart. A
readability finding (a long sentence or paragraph) joins a residue finding it overlaps, but never links two
others: a long paragraph holding a placeholder and a vague attribution gives a finding for each.

Quote findings over the same words fold among themselves the same way: "Sources close to the club say" is a
vague attribution (Q002) and an anonymous source (Q003), one missing source. Other findings on those words
(a long sentence) stay apart.
"""
from __future__ import annotations

import dataclasses
from itertools import groupby
from typing import Callable, Iterable

from draftlint.findings import Finding

BOILERPLATE = "boilerplate"
QUOTE = "quote"
READABILITY = "readability"


def fold(findings: Iterable[Finding], specificity: Callable[[str], int]) -> list[Finding]:
    """``findings`` with the residue findings of each line folded, span by overlapping span, into the most
    specific of them. Findings that share a line but not a span (two stock phrases in one long paragraph)
    stay apart."""
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.column))
    out: list[Finding] = []
    for _, group in groupby(ordered, key=lambda f: (f.path, f.line)):
        found = list(group)
        # a measure of a whole sentence or paragraph joins the residue it overlaps, but links nothing else: a
        # long paragraph holding a placeholder and a vague attribution gives a finding for each
        wide = [f for f in found if f.family == READABILITY]
        here: list[Finding] = []
        for cluster in _clusters([f for f in found if f.family != READABILITY]):
            if any(f.family == BOILERPLATE for f in cluster):
                residue = [f for f in cluster if f.family == BOILERPLATE]
                taken = [w for w in wide if any(_overlap(w, r) for r in residue)]
                wide = [w for w in wide if not any(w is t for t in taken)]
                here.append(_merge(cluster + taken, specificity))
                continue
            here.extend(f for f in cluster if f.family != QUOTE)
            here.extend(_merge(group, specificity) for group in _clusters([f for f in cluster if f.family == QUOTE]))
        out.extend(sorted(here + wide, key=lambda f: (f.line, f.column)))
    return out


def _overlap(a: Finding, b: Finding) -> bool:
    return (a.line, a.column) < (b.end_line, b.end_column) and (b.line, b.column) < (a.end_line, a.end_column)


def _merge(cluster: list[Finding], specificity: Callable[[str], int]) -> Finding:
    """The most specific finding of ``cluster``, naming the others."""
    if len(cluster) == 1:
        return cluster[0]
    # a readability measure that joined the residue never names it: the residue is what the line is
    winner = min(cluster, key=lambda f: (f.family == READABILITY, -specificity(f.code), f.code, f.column))
    others = sorted({f.code for f in cluster} - {winner.code})
    fix = winner.fix or next((f.fix for f in cluster if f.fix is not None), None)
    message = winner.message + (f" (also: {', '.join(others)})" if others else "")
    return dataclasses.replace(winner, message=message, severity=max(f.severity for f in cluster), fix=fix)


def _clusters(items: list[Finding]) -> Iterable[list[Finding]]:
    """The findings of one line (sorted by column) in groups of overlapping spans."""
    group: list[Finding] = []
    end = (0, 0)
    for f in items:
        if group and (f.line, f.column) >= end:
            yield group
            group = []
        group.append(f)
        end = max(end, (f.end_line, f.end_column)) if len(group) > 1 else (f.end_line, f.end_column)
    if group:
        yield group
