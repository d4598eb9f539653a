"""What a run produces: one FileResult per file, one RunResult per run, and the file-level findings (E001,
E002) that the engine reports about a file itself rather than about its prose.

Kept apart from the engine so that the cache, the reporters and other faces (a language server, an archive
report) can read results without importing the machinery that makes them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from draftlint import filecodes, suppress
from draftlint.findings import Finding, Span
from draftlint.rule import Summary



@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    summary: Summary | None = None
    suppressions: suppress.Suppressions | None = None
    crashes: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class RunResult:
    findings: list[Finding]
    crashes: list[str]
    notes: list[str]
    files: int  # files linted
    skipped: list[str] = field(default_factory=list)  # files left out with a note (binary, over max-file-size)
    paths: list[str] = field(default_factory=list)  # every file of the run, linted or skipped
    summaries: list[Summary] = field(default_factory=list)  # title and headings of each linted file, in run order


def file_finding(path: str, code: str, message: str, span: Span = Span(1, 1, 1, 1)) -> Finding:
    """A finding about the file itself (E001 unreadable, E002 invalid front matter, E003 unknown suppression,
    E004 unused suppression; ``draftlint.filecodes``)."""
    kind = filecodes.CODES[code]
    return Finding(path, span.line, span.col, span.end_line, span.end_col, code, kind.name, kind.family, kind.severity,
                   message)
