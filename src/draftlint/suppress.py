"""Suppressions: inline directives, front matter ``draftlint: {ignore: [...]}`` and per-file ignores.

Directives are HTML comments, so they never show in rendered Markdown (or on an HTML page, where only
real comments count and ``disable-next-line`` reaches the next source line that holds text):
  <!-- draftlint-disable [CODE|name ...] -->            until a matching enable, or the end of the file
  <!-- draftlint-enable [CODE|name ...] -->
  <!-- draftlint-disable-next-line [CODE|name ...] -->  the next non-blank line only
  <!-- draftlint-disable-line [CODE|name ...] -->       the line the directive is on (at the end of a line)
With no codes a directive applies to every rule. Codes may be separated by spaces or commas.
"""
from __future__ import annotations

import bisect
import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Callable, Collection

from draftlint import shortcuts
from draftlint.document import Document
from draftlint.findings import Finding, Span
from draftlint.rule import suggest

DIRECTIVE = re.compile(r"<!--\s*draftlint-(disable-next-line|disable-line|disable|enable)\b(.*?)-->", re.DOTALL)
ALL = "*"


def matches(selector: str, finding: Finding) -> bool:
    return _selects(selector, (finding.code,), (finding.name,), (finding.family,))


def _selects(selector: str, codes: Collection[str], names: Collection[str], families: Collection[str]) -> bool:
    """Whether ``selector`` names one of ``codes``, ``names`` or ``families``: "*" or "all", a code, a rule's
    name, a family, or a code prefix in capitals ("B1")."""
    s = selector.strip()
    return s == ALL or s.lower() == "all" or s.upper() in codes or s.lower() in names or s.lower() in families \
        or (s[:1].isalpha() and s.isupper() and any(code.startswith(s) for code in codes))


@dataclass(frozen=True)
class Vocabulary:
    """What a selector may name: every rule's code and name, the families, and the file codes."""

    codes: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()

    def knows(self, selector: str) -> bool:
        return _selects(selector, self.codes, self.names, self.families)

    def suggest(self, selector: str) -> str:
        return suggest(selector, sorted(self.codes | self.names | self.families))


@dataclass
class Directive:
    """Where a suppression was written (an inline directive, or front matter's ``draftlint: {ignore}``), and
    which of its selectors hid a finding."""

    span: Span
    kind: str
    selectors: tuple[str, ...]
    used: set[str] = field(default_factory=set)


@dataclass
class Suppressions:
    """Line ranges (1-based, inclusive) where selectors are off, and whole-file selectors.

    ``origins`` names the directive of each range (``directives[origins[i]]``) and ``whole_file_origin`` that
    of the whole-file selectors, so that ``hides`` can record what each directive hid (unused suppressions,
    E004); a result replayed from the cache has neither, and records nothing."""

    ranges: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    whole_file: tuple[str, ...] = ()
    problems: list[str] = field(default_factory=list)  # E002 messages
    unknown: list[tuple[Span, str]] = field(default_factory=list)  # E003: where, and what is unknown
    directives: list[Directive] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)
    whole_file_origin: int | None = None

    def hides(self, finding: Finding) -> bool:
        hit = next((s for s in self.whole_file if matches(s, finding)), None)
        if hit is not None:
            self._used(self.whole_file_origin, hit)
            return True
        for index, (first, last, selectors) in enumerate(self.ranges):
            if first <= finding.line <= last:
                hit = next((s for s in selectors if matches(s, finding)), None)
                if hit is not None:
                    self._used(self.origins[index] if index < len(self.origins) else None, hit)
                    return True
        return False

    def _used(self, origin: int | None, selector: str) -> None:
        if origin is not None and origin < len(self.directives):
            self.directives[origin].used.add(selector)

    def _add(self, first: int, last: int, selectors: tuple[str, ...], origin: int) -> None:
        self.ranges.append((first, last, selectors))
        self.origins.append(origin)

    def unused(self, judged: Callable[[str], bool]) -> list[tuple[Span, str]]:
        """Selectors that hid nothing, among those ``judged`` (selectors of rules that ran on this document
        alone): E004's places and messages."""
        found = []
        for directive in self.directives:
            idle = [s for s in directive.selectors if s not in directive.used and judged(s)]
            if idle:
                what = "all rules" if idle == [ALL] else ", ".join(idle)
                found.append((directive.span, f"{directive.kind} for {what} hides no finding: delete "
                                              f"{'it' if len(idle) == len(directive.selectors) else 'those codes'}"))
        return found


def _selectors(raw: str) -> tuple[str, ...]:
    found = tuple(s for s in re.split(r"[\s,]+", raw.strip()) if s)
    return found or (ALL,)


def collect(doc: Document, vocabulary: Vocabulary | None = None) -> Suppressions:
    """The document's suppressions; with a ``vocabulary``, selectors and front matter keys it does not know
    are listed in ``unknown`` (E003)."""
    result = Suppressions()
    _front_matter(doc, result, vocabulary)
    open_ranges: dict[str, tuple[int, int]] = {}  # selector -> (first line, directive)
    last_line, next_line, found = _directives_of(doc)
    for line, column, end_line, action, raw in found:
        selectors = _selectors(raw)
        kind = f"draftlint-{action}"
        span = Span(line, column, line, column + len(kind) + 5)
        _check(selectors, vocabulary, span, kind, result)
        origin = len(result.directives)
        if action != "enable":
            result.directives.append(Directive(span, kind, selectors))
        if action == "disable-next-line":
            target = next_line(end_line)
            result._add(target, target, selectors, origin)
        elif action == "disable-line":
            result._add(line, line, selectors, origin)
        elif action == "disable":
            for s in selectors:
                open_ranges.setdefault(s, (line, origin))
        else:
            closing = list(open_ranges) if selectors == (ALL,) else selectors
            for s in closing:
                if s in open_ranges:
                    first, opened = open_ranges.pop(s)
                    result._add(first, line, (s,), opened)
    for s, (first, opened) in open_ranges.items():
        result._add(first, last_line, (s,), opened)
    return result


_Found = tuple[int, int, int, str, str]  # line, column, last line, action, selectors as written


def _directives_of(doc: Document) -> tuple[int, Callable[[int], int], list[_Found]]:
    """The file's last line, where a ``disable-next-line`` ending on a line points, and the directives."""
    if doc.origin is not None:
        return _page_directives(doc)
    found: list[_Found] = []
    last_line = len(doc.source_lines)

    def next_line(line: int) -> int:  # the next line that is not blank
        target = line + 1
        while target <= last_line and not doc.source_lines[target - 1].strip():
            target += 1
        return target

    if shortcuts.enabled() and "draftlint-" not in doc.text:  # every directive holds it
        return last_line, next_line, found
    code_lines = set()
    for block in doc.blocks:
        if block.kind == "code":
            code_lines.update(range(block.first_line, block.last_line + 1))
    lines = doc.lines
    for m in DIRECTIVE.finditer(doc.text):
        line, column = lines.position(m.start())
        if line not in code_lines:
            found.append((line, column, lines.position(m.end())[0], m.group(1), m.group(2)))
    return last_line, next_line, found


def _page_directives(doc: Document) -> tuple[int, Callable[[int], int], list[_Found]]:
    """Directives in the comments of an HTML page; the line after one is the next source line with text."""
    origin = doc.origin
    source, lines = origin.source, origin.lines
    found: list[_Found] = []
    for start, end in origin.comments:
        m = DIRECTIVE.match(source, start, end)
        if m:
            line, column = lines.position(start)
            found.append((line, column, lines.position(end)[0], m.group(1), m.group(2)))
    last_line = len(lines.starts)
    text_lines = sorted({doc.line_of(line.start) for block in doc.blocks for line in block.lines}) if found else []

    def next_line(line: int) -> int:
        index = bisect.bisect_right(text_lines, line)
        return text_lines[index] if index < len(text_lines) else last_line + 1

    return last_line, next_line, found


def _front_matter(doc: Document, result: Suppressions, vocabulary: Vocabulary | None) -> None:
    ignore = doc.front_matter.get("draftlint") if isinstance(doc.front_matter, dict) else None
    if not isinstance(ignore, dict):
        return
    span = _key_span(doc)
    if vocabulary is not None:
        for key in ignore:
            if key != "ignore":
                result.unknown.append((span, f'front matter draftlint: unknown key "{key}"{suggest(str(key), ["ignore"])}'))
    values = ignore.get("ignore", [])
    values = [values] if isinstance(values, str) else values
    if isinstance(values, list) and all(isinstance(v, str) for v in values):
        result.whole_file = tuple(values)
        _check(result.whole_file, vocabulary, span, "front matter draftlint.ignore", result)
        result.whole_file_origin = len(result.directives)
        result.directives.append(Directive(span, "front matter draftlint.ignore", result.whole_file))
    else:
        result.problems.append("front matter draftlint.ignore must be a list of rule codes or names")


def _key_span(doc: Document) -> Span:
    """The line of the ``draftlint:`` key in the front matter (line 1 when it cannot be told)."""
    for number, line in enumerate(doc.source_lines[1:], 2):
        if line.strip() in ("---", "+++"):
            break
        if line.startswith("draftlint"):
            return Span(number, 1, number, len(line.rstrip()) + 1)
    return Span(1, 1, 1, 1)


def _check(selectors: tuple[str, ...], vocabulary: Vocabulary | None, span: Span, where: str,
           result: Suppressions) -> None:
    if vocabulary is None:
        return
    for s in selectors:
        if not vocabulary.knows(s):
            result.unknown.append((span, f'{where}: "{s}" is not a rule code, code prefix, name or family'
                                         f"{vocabulary.suggest(s)}"))


def per_file_selectors(path: str, table: dict[str, list[str]]) -> tuple[str, ...]:
    """Selectors that ``per-file-ignores`` switches off for a path (globs match the path or its name)."""
    pure = PurePath(path)
    found: list[str] = []
    for pattern, selectors in table.items():
        if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(pure.name, pattern) or pure.match(pattern):
            found.extend(selectors)
    return tuple(found)
