"""Declarative rules: one YAML file per rule, of a few kinds, checked against a schema at load.

Kinds:
  phrases  a list of phrases, case-insensitive and word-bounded, compiled into one matcher; ``exceptions``
           are phrases whose matches are never reported (e.g. a longer, legitimate phrase).
  pattern  one regular expression searched in the prose.
  line     a whole line must match ``pattern`` (a regular expression) or be one of ``phrases``: for
           residue lines such as "4 min read", never for the same words inside a sentence.
  With ``skip-quoted: true``, a phrases or pattern match that starts inside a quotation (``doc.quotes``)
  is not reported: an article that quotes or discusses the words is not residue.
"""
from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import bisect
import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from re import _constants as _c, _parser  # type: ignore[attr-defined]  # re's own parse: see _shortcuts
from typing import Any, Iterable

from draftlint import safeyaml
from draftlint.document import Block, Document, PROSE_KINDS, cached_property
from draftlint.findings import Family, Finding, Fix, Severity, Span
from draftlint.rule import CODE_PATTERN, NAME_PATTERN, Rule, suggest

KINDS = ("phrases", "pattern", "line")
SCOPES = tuple(sorted(PROSE_KINDS))
COMMON_KEYS = {"code", "name", "kind", "family", "severity", "scope", "message", "docs", "examples",
               "version", "enabled", "fix", "ignore-case", "max-words"}
KIND_KEYS = {"phrases": {"phrases", "exceptions", "skip-quoted"}, "pattern": {"pattern", "exceptions", "skip-quoted"},
             "line": {"pattern", "phrases"}}
DOC_KEYS = {"what", "why", "example", "fix"}
EXAMPLE_KEYS = {"fail", "pass"}
FIXES = ("delete-line", "delete-sentence")  # delete-line for kind line, delete-sentence for the others
# A quantified group that itself ends in a quantifier: (a+)+, (\w*)*, (x+|y)+ ... can backtrack
# catastrophically, so such patterns are refused at load.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]")


class RuleFileError(ValueError):
    pass


@dataclass(frozen=True)
class Examples:
    fail: tuple[str, ...]
    passing: tuple[str, ...]


class YamlRule(Rule):
    """A rule loaded from a YAML file."""

    def __init__(self, spec: dict[str, Any], path: Path, source: str) -> None:
        self.path = path
        self.code = spec["code"]
        self.name = spec["name"]
        self.family = spec["family"]
        self.kind = spec["kind"]
        self.severity = Severity.parse(spec.get("severity", "warning"))
        self.default_enabled = spec.get("enabled", True)
        self.source = source
        self.version = str(spec.get("version", "1"))
        self.scope = frozenset(spec.get("scope") or SCOPES)
        self.message = spec["message"]
        self.docs = spec.get("docs") or {}
        self.max_words = spec.get("max-words")
        self.fix = spec.get("fix")
        examples = spec.get("examples") or {}
        self.examples = Examples(tuple(examples.get("fail", ())), tuple(examples.get("pass", ())))
        flags = re.IGNORECASE if spec.get("ignore-case", True) else 0
        self.matcher = None
        self.line_set: frozenset[str] = frozenset()
        if self.kind == "phrases":
            self.matcher = _phrase_regex(spec["phrases"], flags)
        elif spec.get("pattern"):
            self.matcher = re.compile(spec["pattern"], flags)
        if self.kind == "line" and spec.get("phrases"):
            self.line_set = frozenset(_norm_line(p) for p in spec["phrases"])
        exceptions = spec.get("exceptions") or ()
        self.exceptions = _phrase_regex(exceptions, flags) if exceptions else None
        self.skip_quoted = spec.get("skip-quoted", False)
        self._subsets: dict[tuple[int, ...], re.Pattern[str] | None] = {}  # see _matcher_for

    @cached_property
    def _shortcuts(self) -> tuple[tuple[int, int], tuple[str, ...] | None]:
        """The lengths the pattern can match (a line of another length never fullmatches), and strings one of
        which every match contains (a text with none is skipped without running the regex); worked out on
        first use, so a run that does not select the rule never pays for it."""
        found = _shortcuts(self.matcher, self._parsed) if self.matcher is not None else ((0, 0), None)
        _AUTOMATON.add(found[1] or ())
        return found

    def doc_text(self) -> str:  # type: ignore[override]
        what = self.docs.get("what", "").strip()
        parts = [what.split("\n", 1)[0], "", "## What it flags", what, "", "## Why it matters", self.docs.get("why", "").strip(),
                 "", "## Example"]
        parts += [f"    {line}" for line in self.examples.fail[:3]]
        if self.examples.passing:
            parts += ["", "Not flagged:"] + [f"    {line}" for line in self.examples.passing[:3]]
        parts += ["", "## How to fix", self.docs.get("fix", "").strip()]
        return "\n".join(parts)

    def summary(self) -> str:  # type: ignore[override]
        return self.docs.get("what", "").strip().split("\n", 1)[0]

    def check(self, doc: Document, opts: Any) -> Iterable[Finding]:
        index = _index(doc)
        if self.kind == "line":
            yield from self._check_lines(doc, index)
        elif self.matcher is not None:
            blocks = index.blocks
            for i in _containing(blocks, self._shortcuts[1]):
                block = blocks.items[i]
                if block.kind in self.scope:
                    yield from self._check_text(doc, block, blocks.folded(i))

    def _check_lines(self, doc: Document, index: "_DocIndex") -> Iterable[Finding]:
        (low, high), needles = self._shortcuts
        candidates: set[int] = set()
        if self.matcher is not None:  # only lines of a length the pattern can match: a slice of the index
            first = bisect.bisect_left(index.line_lengths, low)
            candidates.update(_containing(index.lines, needles, first, bisect.bisect_right(index.line_lengths, high)))
        for phrase in self.line_set:
            candidates.update(index.line_norms.get(phrase, ()))
        for i in sorted(candidates, key=lambda i: index.lines.items[i][1].start):
            block, line = index.lines.items[i]
            text = line.text
            if block.kind not in self.scope:
                continue
            if self.max_words and text.count(" ") + 1 > self.max_words:  # Line.text: words joined by one space
                continue
            if self.line_set and _norm_line(text) in self.line_set:
                matched = True
            else:
                matched = bool(self.matcher and low <= len(text) <= high and self.matcher.fullmatch(text))
            if matched:
                fix = Fix(Span(line.number, 1, line.number, 1), whole_lines=True) if self.fix == "delete-line" else None
                yield self.finding(doc, line.start, line.end, self.message.replace("{match}", text), fix)

    @cached_property
    def _branches(self) -> list[tuple[str, tuple[str, ...] | None]] | None:
        """For a pattern that is an alternation at the top, each branch's source and required strings (see
        ``_shortcuts``); None for any other pattern."""
        return _branches(self.matcher, self._parsed) if self.matcher is not None else None

    @cached_property
    def _parsed(self) -> Any:
        return _parse(self.matcher) if self.matcher is not None else None

    def _matcher_for(self, folded: str) -> re.Pattern[str] | None:
        """The pattern without the branches whose required strings the text (folded) lacks: they cannot match
        in it, and the branches are tried in order at each position, so the matches are the same."""
        branches = self._branches
        if branches is None:
            return self.matcher
        chosen = tuple(k for k, (_, needles) in enumerate(branches)
                       if needles is None or any(needle in folded for needle in needles))
        if chosen not in self._subsets:
            assert self.matcher is not None
            self._subsets[chosen] = re.compile("|".join(branches[k][0] for k in chosen),
                                               self.matcher.flags) if chosen else None
        return self._subsets[chosen]

    def _check_text(self, doc: Document, block: Block, folded: str) -> Iterable[Finding]:
        text = block.text
        matcher = self._matcher_for(folded)
        matches = list(matcher.finditer(text)) if matcher is not None else []
        if not matches:
            return
        skip = [m.span() for m in self.exceptions.finditer(text)] if self.exceptions else []
        if self.skip_quoted:
            skip += [(q.start - block.start, q.end - block.start) for q in doc.quotes if q.block is block]
        for m in matches:
            if any(a <= m.start() < b for a, b in skip):
                continue
            matched = " ".join(m.group().split())
            lead = len(m.group()) - len(m.group().lstrip())  # a pattern anchored with ^\s* reports from its first word
            fix = _sentence_fix(doc, block, m.start() + lead) if self.fix == "delete-sentence" else None
            yield self.finding(doc, block.start + m.start() + lead, block.start + m.end(),
                               self.message.replace("{match}", matched), fix)


_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?][\"”’)]?)\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?=\s|$)")


def _sentence_fix(doc: Document, block: Block, start: int) -> Fix | None:
    """Delete the sentence that the match at ``start`` (block offset) opens: the whole block when the sentence is
    all of it, else the sentence and the spaces after it (or before it, at the end of the block). No fix when
    the match does not open a sentence, the sentence has no end mark, or it spans lines."""
    text = block.text
    if not _SENTENCE_BEFORE.search(text[:start]):
        return None
    end_mark = _SENTENCE_END.search(text, start)
    if end_mark is None:
        return None
    end = end_mark.end()
    if not text[:start].strip() and not text[end:].strip():
        return Fix(Span(block.first_line, 1, block.last_line, 1), whole_lines=True)
    if text[end:].strip():
        while end < len(text) and text[end] == " ":
            end += 1
    else:
        while start > 0 and text[start - 1] == " ":
            start -= 1
    span = doc.span(block.start + start, block.start + end)
    return Fix(span) if span.line == span.end_line else None


def _phrase_regex(phrases: Iterable[str], flags: int) -> re.Pattern[str]:
    parts = sorted({r"\s+".join(re.escape(word) for word in p.split()) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", flags)


_MAX_NEEDLES = 256  # strings of _SHORT characters or more cost one lookup each (see _Automaton)
_MAX_SHORT = 8  # shorter strings are each searched on their own
_MAX_CHOICES = 8  # a run of literals through small character sets ("h[1-3]:") is this many strings at most


def _parse(pattern: re.Pattern[str]) -> Any:
    """re's own parse of ``pattern``, None if that fails (a parser detail changed: no shortcuts)."""
    try:
        return _parser.parse(pattern.pattern, pattern.flags)
    except Exception:
        return None


def _shortcuts(pattern: re.Pattern[str], parsed: Any = None) -> tuple[tuple[int, int], tuple[str, ...] | None]:
    """From re's own parse of ``pattern`` (``parsed``, when already made): the shortest and longest text it can
    match, in characters; and lower-case strings one of which occurs (folded, see ``_folded``) in every text it
    can match (see ``_required``), None when there are none."""
    parsed = _parse(pattern) if parsed is None else parsed
    if parsed is None:
        return (0, sys.maxsize), None
    try:
        return parsed.getwidth(), _sorted(_required(parsed))
    except Exception:  # a parser detail changed: no shortcut
        return (0, sys.maxsize), None


def _sorted(found: frozenset[str] | None) -> tuple[str, ...] | None:
    return tuple(sorted(found)) if found else None


def _char(code: int) -> str | None:
    """The character as a needle holds it: an ASCII one folded (case-insensitive patterns match its other case,
    which ``_folded`` turns into it); another only if it has no case (it matches only itself)."""
    if code < 128:
        return chr(code).lower()
    return None if _sre.unicode_iscased(code) else chr(code)


def _chars(op: Any, av: Any) -> list[str] | None:
    """The characters a LITERAL or a small IN set (no negation, no category) can match, else None."""
    if op is _c.LITERAL:
        found = [_char(av)]
    elif op is _c.IN and all(o in (_c.LITERAL, _c.RANGE) for o, _ in av) and sum(
            1 if o is _c.LITERAL else a[1] - a[0] + 1 for o, a in av) <= _MAX_CHOICES:
        found = [_char(code) for o, a in av for code in ([a] if o is _c.LITERAL else range(a[0], a[1] + 1))]
    else:
        return None
    return None if None in found else sorted(set(found))  # type: ignore[arg-type]


def _required(items: Any) -> frozenset[str] | None:
    """Of parsed pattern items, strings one of which every match holds: a run of literal characters (through
    small sets of them), or one per branch of an alternation; the set whose shortest string is longest, of at
    most _MAX_NEEDLES strings (_MAX_SHORT of them shorter than _SHORT); None when there is none."""
    best: frozenset[str] | None = None
    runs = [""]  # the literal text just read: one string per choice of the small sets in it

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if (found and len(found) <= _MAX_NEEDLES and sum(len(n) < _SHORT for n in found) <= _MAX_SHORT
                and (best is None or min(map(len, found)) > min(map(len, best)))):
            best = found

    for op, av in list(items) + [(None, None)]:
        step = _chars(op, av) if op in (_c.LITERAL, _c.IN) else None
        if step is not None and len(runs) * len(step) <= _MAX_CHOICES:
            runs = [run + ch for run in runs for ch in step]
            continue
        if op is _c.MAX_REPEAT and av[0] >= 1 and len(av[2]) == 1 and av[2][0][0] is _c.LITERAL:
            ch = _char(av[2][0][1])
            if ch is not None:
                runs = [run + ch * av[0] for run in runs]  # "X+" or "X{2,}": at least that many X
                if av[0] == av[1]:
                    continue  # X{3}: the run goes on
        if runs != [""]:
            consider(frozenset(runs))
            runs = [""]
        if op is _c.SUBPATTERN:
            consider(_required(av[3]))
        elif op is _c.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(branches):
                consider(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
        elif op is _c.ATOMIC_GROUP:
            consider(_required(av))
    return best


def _branches(pattern: re.Pattern[str], parsed: Any = None) -> list[tuple[str, tuple[str, ...] | None]] | None:
    """The branches of a pattern that is an alternation at the top ("a|b|c"), as sources with their required
    strings; None for another pattern, or one with capturing groups (their numbers would change) or in
    verbose mode (a comment may hold a bar)."""
    if pattern.groups or pattern.flags & re.VERBOSE:
        return None
    parsed = _parse(pattern) if parsed is None else parsed
    if parsed is None or len(parsed.data) != 1 or parsed.data[0][0] is not _c.BRANCH:
        return None
    source = _GLOBAL_FLAGS.sub("", pattern.pattern)  # they are in pattern.flags, given to every subset
    sources, depth, start, i, in_set = [], 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_set:
            in_set = ch != "]"
        elif ch == "[":
            in_set = True
            i += 1 + (source[i + 1:i + 2] == "^")
            i += source[i:i + 1] == "]"  # "[]" and "[^]" open with a literal bracket
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            sources.append(source[start:i])
            start = i + 1
        i += 1
    sources.append(source[start:])
    branches = parsed.data[0][1][1]
    if len(sources) != len(branches):
        return None
    return [(text, _sorted(_required(branch))) for text, branch in zip(sources, branches)]


_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


# The only characters that re's IGNORECASE matches with an ASCII letter and that str.lower() does not turn into
# that letter (checked over all of Unicode): after this and lower(), an ASCII run matched by a pattern is a substring.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _folded(text: str) -> str:
    """``text`` folded for the required strings, character by character (so of the same length)."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()  # ASCII has none of _FOLD's keys


_SHORT = 3  # required strings shorter than this ("-", "[") are in most texts: each is searched on its own


class _Automaton:
    """The required strings of _SHORT characters or more of every YAML rule used so far in this process, in
    one Aho-Corasick automaton: one pass over a haystack finds them all. A rule adds its strings when it is
    first used, which makes a new ``version``."""

    def __init__(self) -> None:
        self.needles: set[str] = set()
        self.version = 0
        self._built: Any = None

    def add(self, needles: Iterable[str]) -> None:
        new = {needle for needle in needles if len(needle) >= _SHORT} - self.needles
        if new:
            self.needles |= new
            self.version += 1
            self._built = None

    def find(self, text: str) -> Iterable[tuple[int, str]]:
        """(offset of the last character, string) of every occurrence in ``text``, in order of their ends."""
        if not self.needles:
            return ()
        if self._built is None:
            import ahocorasick

            self._built = ahocorasick.Automaton()
            for needle in self.needles:
                self._built.add_word(needle, needle)
            self._built.make_automaton()
        return self._built.iter(text)


_AUTOMATON = _Automaton()


class _Haystack:
    """Items (blocks or lines) and their texts, folded (see ``_folded``) and joined by NUL, which no needle
    contains: one search over ``text`` finds every item that contains a needle."""

    __slots__ = ("items", "text", "starts", "_hits", "_version")

    def __init__(self, items: tuple, texts: list[str]) -> None:
        self.items = items
        self.text = "\0".join(_folded(text) for text in texts)
        starts, pos = [], 0
        for text in texts:
            starts.append(pos)
            pos += len(text) + 1
        self.starts = tuple(starts)
        self._hits: dict[str, list[int]] = {}
        self._version = -1

    def folded(self, i: int) -> str:
        """Item ``i``'s text, folded."""
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[i]:end]

    def hits(self) -> dict[str, list[int]]:
        """For each string of the automaton that the haystack holds, the items that hold it, in order; found
        in one pass, again only when rules have added strings since."""
        if self._version != _AUTOMATON.version:
            found: dict[str, list[int]] = {}
            starts = self.starts
            for end, needle in _AUTOMATON.find(self.text):
                i = bisect.bisect_right(starts, end) - 1
                items = found.get(needle)
                if items is None:
                    found[needle] = [i]
                elif items[-1] != i:
                    items.append(i)
            self._hits, self._version = found, _AUTOMATON.version
        return self._hits


def _containing(haystack: _Haystack, needles: tuple[str, ...] | None, first: int = 0,
                stop: int | None = None) -> list[int]:
    """The indices of the items (of those from ``first`` to before ``stop``) that contain at least one of
    ``needles`` (all of them when None), in order."""
    stop = len(haystack.items) if stop is None else stop
    if needles is None or first >= stop:
        return list(range(first, stop))
    found: set[int] = set()
    text, starts = haystack.text, haystack.starts
    begin, end = starts[first], (starts[stop] - 1 if stop < len(starts) else len(text))
    hits = haystack.hits() if any(len(needle) >= _SHORT for needle in needles) else {}
    for needle in needles:
        if len(needle) >= _SHORT:
            items = hits.get(needle)
            if items:
                found.update(items[bisect.bisect_left(items, first):bisect.bisect_left(items, stop)])
            continue
        pos = text.find(needle, begin, end)
        while pos != -1:
            i = bisect.bisect_right(starts, pos) - 1
            found.add(i)
            pos = text.find(needle, starts[i + 1], end) if i + 1 < stop else -1
    return sorted(found)


@dataclass(frozen=True)
class _DocIndex:
    """The document as the YAML rules search it, built once per document and shared by all of them: most
    rules find none of their required strings in most documents, and only a few blocks or lines otherwise."""

    blocks: _Haystack  # every block of a kind that a scope can name (PROSE_KINDS)
    # every line that stands on its own, as (block, line): the only line of its block, or a line of a stack
    # (the lines of a hard-wrapped paragraph are pieces of sentences, not lines of their own); shortest first,
    # so that the lines of the lengths a pattern can match are a slice
    lines: _Haystack
    line_lengths: tuple[int, ...]  # of each line's text, ascending
    line_norms: dict[str, list[int]]  # ``_norm_line`` of a standalone line -> the indices of such lines


def _index(doc: Document) -> _DocIndex:
    return doc.shared(_make_index)


def _make_index(doc: Document) -> _DocIndex:
    blocks = tuple(block for block in doc.blocks if block.kind in PROSE_KINDS)  # a rule's scope holds no others
    lines = sorted(((block, line) for block in blocks if len(block.lines) == 1 or block.stacked for line in block.lines),
                   key=lambda item: len(item[1].text))
    norms: dict[str, list[int]] = {}
    for i, (_, line) in enumerate(lines):
        norms.setdefault(_norm_line(line.text), []).append(i)
    return _DocIndex(_Haystack(blocks, [block.text for block in blocks]),
                     _Haystack(tuple(lines), [line.text for _, line in lines]),
                     tuple(len(line.text) for _, line in lines), norms)


@functools.lru_cache(maxsize=65536)
def _norm_line(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .:!|·•-–—")


# -- loading -----------------------------------------------------------------------------------------------
def load_file(path: Path, source: str) -> YamlRule:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{where}: cannot read rule file: {exc}") from None
    try:
        spec = safeyaml.load(text)
    except safeyaml.YamlError as exc:
        line = f":{exc.line}" if exc.line else ""
        raise RuleFileError(f"{where}{line}: not valid YAML: {exc}") from None
    if not isinstance(spec, dict):
        raise RuleFileError(f"{where}: a rule file must be a mapping of keys to values")
    validate(spec, where)
    return YamlRule(spec, path, source)


def validate(spec: dict[str, Any], where: str) -> None:
    def fail(message: str) -> None:
        raise RuleFileError(f"{where}: {message}")

    kind = spec.get("kind")
    if kind not in KINDS:
        fail(f'key "kind" must be one of {", ".join(KINDS)}, not {kind!r}' + (suggest(str(kind), KINDS) if kind else ""))
    allowed = COMMON_KEYS | KIND_KEYS[kind]
    for key in spec:
        if key not in allowed:
            fail(f'key "{key}" is not known for kind {kind}{suggest(str(key), allowed)}')
    for key in ("code", "name", "family", "message"):
        if not isinstance(spec.get(key), str) or not spec[key].strip():
            fail(f'key "{key}" is required and must be a string')
    if not CODE_PATTERN.match(spec["code"]):
        fail(f'key "code": {spec["code"]!r} must be one to three capital letters and three digits, like B101')
    if not NAME_PATTERN.match(spec["name"]):
        fail(f'key "name": {spec["name"]!r} must be kebab-case, like read-time-residue')
    if spec.get("severity", "warning") not in ("error", "warning", "info"):
        fail(f'key "severity" must be error, warning or info, not {spec["severity"]!r}')
    family = spec["family"]
    if not re.fullmatch(r"[a-z][a-z0-9-]*", family):
        fail(f'key "family" must be a lower-case word such as {", ".join(f.value for f in Family)}')
    scope = spec.get("scope")
    if scope is not None:
        if not isinstance(scope, list) or not scope:
            fail('key "scope" must be a list of block kinds')
        for item in scope:
            if item not in SCOPES:
                fail(f'key "scope": {item!r} is not a block kind{suggest(str(item), SCOPES)}; kinds: {", ".join(SCOPES)}')
    if kind == "phrases" or (kind == "line" and "phrases" in spec):
        phrases = spec.get("phrases")
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            fail('key "phrases" must be a non-empty list of strings')
    if kind == "pattern" or (kind == "line" and "phrases" not in spec):
        if not isinstance(spec.get("pattern"), str):
            fail('key "pattern" is required and must be a string (a regular expression)')
    if isinstance(spec.get("pattern"), str):
        # compiled with the rule's own flags, so that YamlRule gets this compiled pattern from re's cache
        check_regex(spec["pattern"], f'{where}: key "pattern"', re.IGNORECASE if spec.get("ignore-case", True) else 0)
    if "exceptions" in spec and not (isinstance(spec["exceptions"], list) and all(isinstance(p, str) for p in spec["exceptions"])):
        fail('key "exceptions" must be a list of strings')
    if "fix" in spec and spec["fix"] not in FIXES:
        fail(f'key "fix" must be one of {", ".join(FIXES)}')
    if spec.get("fix") in FIXES and (spec["fix"] == "delete-line") != (spec.get("kind") == "line"):
        fail('key "fix": delete-line goes with kind line, delete-sentence with kinds phrases and pattern')
    if "max-words" in spec and (not isinstance(spec["max-words"], int) or isinstance(spec["max-words"], bool) or spec["max-words"] < 1):
        fail('key "max-words" must be a positive integer')
    for key, allowed_keys in (("docs", DOC_KEYS), ("examples", EXAMPLE_KEYS)):
        table = spec.get(key)
        if table is None:
            continue
        if not isinstance(table, dict):
            fail(f'key "{key}" must be a mapping')
        for sub in table:
            if sub not in allowed_keys:
                fail(f'key "{key}.{sub}" is not known{suggest(str(sub), allowed_keys)}')
    for key in ("enabled", "ignore-case", "skip-quoted"):
        if key in spec and not isinstance(spec[key], bool):
            fail(f'key "{key}" must be true or false')


def check_regex(pattern: str, where: str, flags: int = 0) -> None:
    try:
        re.compile(pattern, flags)
    except re.error as exc:
        raise RuleFileError(f"{where} is not a valid regular expression: {exc}") from None
    if _NESTED_QUANTIFIER.search(pattern):
        raise RuleFileError(f"{where} has a quantified group that contains a quantifier, which can take "
                            "exponential time; rewrite it without nesting (e.g. (a+)+ as a+)")


def load_dir(folder: Path, source: str) -> list[YamlRule]:
    return [load_file(path, source) for path in sorted(folder.rglob("*.y*ml")) if path.suffix in (".yaml", ".yml")]
