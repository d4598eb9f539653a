"""Suppressions: inline directives, front matter ``draftlint: {ignore: [...]}`` and per-file ignores.

Directives are HTML comments, so they never show in rendered Markdown:
  <!-- draftlint-disable [CODE|name ...] -->            until a matching enable, or the end of the file
  <!-- draftlint-enable [CODE|name ...] -->
  <!-- draftlint-disable-next-line [CODE|name ...] -->  the next non-blank line only
  <!-- draftlint-disable-line [CODE|name ...] -->       the line the directive is on (at the end of a line)
With no codes a directive applies to every rule. Codes may be separated by spaces or commas.
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from draftlint import shortcuts
from draftlint.document import Document
from draftlint.findings import Finding

DIRECTIVE = re.compile(r"<!--\s*draftlint-(disable-next-line|disable-line|disable|enable)\b(.*?)-->", re.DOTALL)
ALL = "*"


def matches(selector: str, finding: Finding) -> bool:
    s = selector.strip()
    return s == ALL or s.lower() == "all" or s.upper() == finding.code or s.lower() == finding.name \
        or s.lower() == finding.family or (s[:1].isalpha() and s.isupper() and finding.code.startswith(s))


@dataclass
class Suppressions:
    """Line ranges (1-based, inclusive) where selectors are off, and whole-file selectors."""

    ranges: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    whole_file: tuple[str, ...] = ()
    problems: list[str] = field(default_factory=list)

    def hides(self, finding: Finding) -> bool:
        if any(matches(s, finding) for s in self.whole_file):
            return True
        return any(first <= finding.line <= last and any(matches(s, finding) for s in selectors)
                   for first, last, selectors in self.ranges)


def _selectors(raw: str) -> tuple[str, ...]:
    found = tuple(s for s in re.split(r"[\s,]+", raw.strip()) if s)
    return found or (ALL,)


def collect(doc: Document) -> Suppressions:
    result = Suppressions()
    ignore = doc.front_matter.get("draftlint") if isinstance(doc.front_matter, dict) else None
    if isinstance(ignore, dict):
        values = ignore.get("ignore", [])
        values = [values] if isinstance(values, str) else values
        if isinstance(values, list) and all(isinstance(v, str) for v in values):
            result.whole_file = tuple(values)
        else:
            result.problems.append("front matter draftlint.ignore must be a list of rule codes or names")
    if shortcuts.enabled() and "draftlint-" not in doc.text:  # every directive holds it
        return result
    code_lines = set()
    for block in doc.blocks:
        if block.kind == "code":
            code_lines.update(range(block.first_line, block.last_line + 1))
    open_ranges: dict[str, int] = {}
    last_line = len(doc.source_lines)
    lines = doc.lines
    for m in DIRECTIVE.finditer(doc.text):
        line, _ = lines.position(m.start())
        end_line, _ = lines.position(m.end())
        if line in code_lines:
            continue
        action, selectors = m.group(1), _selectors(m.group(2))
        if action == "disable-next-line":
            target = end_line + 1
            while target <= last_line and not doc.source_lines[target - 1].strip():
                target += 1
            result.ranges.append((target, target, selectors))
        elif action == "disable-line":
            result.ranges.append((line, line, selectors))
        elif action == "disable":
            for s in selectors:
                open_ranges.setdefault(s, line)
        else:
            closing = list(open_ranges) if selectors == (ALL,) else selectors
            for s in closing:
                if s in open_ranges:
                    result.ranges.append((open_ranges.pop(s), line, (s,)))
    for s, start in open_ranges.items():
        result.ranges.append((start, last_line, (s,)))
    return result


def per_file_selectors(path: str, table: dict[str, list[str]]) -> tuple[str, ...]:
    """Selectors that ``per-file-ignores`` switches off for a path (globs match the path or its name)."""
    pure = PurePath(path)
    found: list[str] = []
    for pattern, selectors in table.items():
        if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(pure.name, pattern) or pure.match(pattern):
            found.extend(selectors)
    return tuple(found)
