"""Baselines: record today's findings, then hide them so that only new problems fail a run.

An entry is keyed by the file's path (relative to the baseline file's folder), the rule code and a
fingerprint of the flagged text with up to ``CONTEXT`` characters either side of it on its line
(whitespace collapsed). Line numbers are not part of the key, so edits elsewhere in the file keep an entry
matching; editing the flagged text or its immediate surroundings makes the finding new again. Identical
findings in one file are counted, and each entry hides at most ``count`` of them.

The file is JSON, sorted, one entry per (path, code, fingerprint); the message and excerpt are there for a
reviewer reading the diff of the baseline, not for matching::

    {"version": 1, "tool": "draftlint",
     "entries": [{"path": "drafts/a.md", "code": "B101", "fingerprint": "3f0c…", "count": 1,
                  "message": "…", "excerpt": "…"}]}

An entry whose file was linted in this run but that matched no finding is *stale*: the problem was fixed (or
edited beyond recognition). Stale entries are reported in the summary; ``--write-baseline`` drops them.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from draftlint import parse
from draftlint.findings import Finding

VERSION = 1
CONTEXT = 40  # characters either side of the flagged text that take part in the fingerprint
_SPACES = re.compile(r"\s+")


class BaselineError(Exception):
    pass


class Sources:
    """The source lines of files, read once; ``given`` supplies text that is not on disk (standard input)."""

    def __init__(self, given: dict[str, str] | None = None) -> None:
        self._lines: dict[str, list[str]] = {path: parse.normalise(text).split("\n") for path, text in (given or {}).items()}

    def lines(self, path: str) -> list[str]:
        if path not in self._lines:
            try:
                self._lines[path] = parse.normalise(parse.decode(Path(path).read_bytes(), path)).split("\n")
            except (OSError, parse.ReadError):
                self._lines[path] = []
        return self._lines[path]


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def fingerprint(finding: Finding, lines: list[str]) -> str:
    """A hash of the code, the flagged text and its context on the line: stable when other lines move."""
    if 1 <= finding.line <= len(lines):
        line = lines[finding.line - 1]
        start = max(finding.column - 1, 0)
        end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
        end = max(end, start)
        parts = (line[max(start - CONTEXT, 0):start], line[start:end], line[end:end + CONTEXT])
    else:  # a document-level finding, or a file that changed since: the excerpt (or message) is all there is
        parts = ("", finding.excerpt or finding.message, "")
    key = "\x1f".join((finding.code, *(_norm(p) for p in parts)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def fingerprints(findings: Iterable[Finding], sources: Sources) -> list[tuple[str, int]]:
    """(fingerprint, occurrence) for each finding: the occurrence (1, 2, ...) tells identical findings apart."""
    seen: Counter = Counter()
    out = []
    for f in findings:
        fp = fingerprint(f, sources.lines(f.path))
        seen[(f.path, fp)] += 1
        out.append((fp, seen[(f.path, fp)]))
    return out


def _rel(path: str, base: Path) -> str:
    try:
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(os.path.abspath(path)).as_posix()


@dataclass
class Entry:
    path: str
    code: str
    fingerprint: str
    count: int = 1
    message: str = ""
    excerpt: str = ""


@dataclass
class Outcome:
    """What applying a baseline did: the findings left, how many it hid, and its stale entries."""

    findings: list[Finding]
    matched: int = 0
    stale: list[Entry] = field(default_factory=list)

    @property
    def stale_count(self) -> int:
        return sum(e.count for e in self.stale)


@dataclass
class Baseline:
    path: Path
    entries: list[Entry]

    @property
    def base(self) -> Path:
        return self.path.resolve().parent

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise BaselineError(f"baseline {path} is not valid JSON: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("entries"), list):
            raise BaselineError(f'baseline {path}: expected {{"version": {VERSION}, "entries": [...]}} '
                                f"(write one with --write-baseline)")
        entries = []
        for number, raw in enumerate(data["entries"], 1):
            try:
                entry = Entry(**raw)
                ok = all(isinstance(v, str) for v in (entry.path, entry.code, entry.fingerprint)) \
                    and isinstance(entry.count, int) and entry.count >= 1
            except TypeError:
                ok = False
            if not ok:
                raise BaselineError(f"baseline {path}: entry {number} needs path, code, fingerprint (strings) "
                                    f"and count (a positive integer)")
            entries.append(entry)
        return cls(Path(path), entries)

    @classmethod
    def of(cls, path: Path, findings: list[Finding], sources: Sources) -> "Baseline":
        base = Path(path).resolve().parent
        grouped: dict[tuple[str, str, str], Entry] = {}
        for f, (fp, _) in zip(findings, fingerprints(findings, sources)):
            key = (_rel(f.path, base), f.code, fp)
            if key in grouped:
                grouped[key].count += 1
            else:
                grouped[key] = Entry(key[0], f.code, fp, 1, f.message, f.excerpt)
        return cls(Path(path), [grouped[k] for k in sorted(grouped)])

    def write(self) -> None:
        doc = {"version": VERSION, "tool": "draftlint", "entries": [vars(e) for e in self.entries]}
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            tmp.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            raise BaselineError(f"cannot write baseline {self.path}: {exc.strerror or exc}") from None

    def apply(self, findings: list[Finding], linted: Iterable[str], sources: Sources) -> Outcome:
        """Hide the findings the baseline records; entries of linted files that matched nothing are stale."""
        base = self.base
        budget: Counter = Counter()
        for e in self.entries:
            budget[(e.path, e.code, e.fingerprint)] += e.count
        kept, matched = [], 0
        for f, (fp, _) in zip(findings, fingerprints(findings, sources)):
            key = (_rel(f.path, base), f.code, fp)
            if budget[key] > 0:
                budget[key] -= 1
                matched += 1
            else:
                kept.append(f)
        linted_rel = {_rel(p, base) for p in linted}
        stale = []
        for e in self.entries:
            key = (e.path, e.code, e.fingerprint)
            if budget[key] > 0 and e.path in linted_rel:
                stale.append(Entry(e.path, e.code, e.fingerprint, budget.pop(key), e.message, e.excerpt))
        return Outcome(kept, matched, stale)
