"""The declarative rule kinds: a YAML file's spec (checked by ``schema``) made into a rule.

  phrases  a list of phrases, case-insensitive and word-bounded, compiled into one matcher; ``exceptions``
           are phrases whose matches are never reported (e.g. a longer, legitimate phrase).
  pattern  one regular expression searched in the prose.
  line     a whole line must match ``pattern`` (a regular expression) or be one of ``phrases``: for
           residue lines such as "4 min read", never for the same words inside a sentence. With
           ``skip-title: true``, a line that is the document's title (a newsroom's label such as "Watch:"
           and a site suffix aside) is not reported: it is the page's own headline, which the title rules
           report, not a teaser for another page.
  With ``skip-quoted: true``, a phrases or pattern match that starts inside a quotation (``doc.quotes``)
  is not reported: an article that quotes or discusses the words is not residue.

Shortcut (off with DRAFTLINT_NO_SHORTCUTS=1): a rule runs its pattern only over the blocks or lines that hold
one of its needles (a phrase's longest word; the ``needles`` a pattern declares), and looks a line up among
its phrases by their normal form instead of comparing every line.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from draftlint import shortcuts
from draftlint.document import Block, Document, PROSE_KINDS
from draftlint.findings import Finding, Fix, Severity, Span
from draftlint.rule import Rule
from draftlint.phrases import phrase_regex
from draftlint.text import normalize, titles_of, undecorated
from draftlint.yamlrules.index import AUTOMATON, DocIndex, containing, folded, index, needle_character, norm_line

SCOPES = tuple(sorted(PROSE_KINDS))


@dataclass(frozen=True)
class Examples:
    fail: tuple[str, ...]
    passing: tuple[str, ...]


class YamlRule(Rule):
    """A rule loaded from a YAML file."""

    specificity = 70  # an exact phrase list or whole-line pattern: the most specific name for a line

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
        self._flags = re.IGNORECASE if spec.get("ignore-case", True) else 0
        self._phrases: tuple[str, ...] = tuple(spec["phrases"]) if self.kind == "phrases" else ()
        self._pattern: str | None = spec.get("pattern") if self.kind != "phrases" else None
        self.has_pattern = bool(self._phrases or self._pattern)  # the regular expressions are compiled on first use
        self.line_set: frozenset[str] = frozenset()
        if self.kind == "line" and spec.get("phrases"):
            self.line_set = frozenset(norm_line(p) for p in spec["phrases"])
        self._exceptions: tuple[str, ...] = tuple(spec.get("exceptions") or ())
        self.skip_quoted = spec.get("skip-quoted", False)
        self.skip_title = spec.get("skip-title", False)
        # strings one of which every match holds, folded: a block or line with none is never searched
        self.needles = phrase_needles(spec["phrases"]) if self.kind == "phrases" else declared_needles(spec)
        self._added = False  # the needles are added to the automaton on first use

    @functools.cached_property
    def matcher(self) -> re.Pattern[str] | None:
        """The rule's regular expression, compiled when a document first needs it: a run over one file needs
        few of the packs (a block or line without a rule's needle is never searched)."""
        if self._phrases:
            return phrase_regex(self._phrases, self._flags, apostrophes=True)
        return re.compile(self._pattern, self._flags) if self._pattern else None

    @functools.cached_property
    def exceptions(self) -> re.Pattern[str] | None:
        return phrase_regex(self._exceptions, self._flags, apostrophes=True) if self._exceptions else None

    def doc_text(self) -> str:  # type: ignore[override]
        # a pack's "what" opens with its one-line summary; the lines after it, when there are any, say it in full
        summary, _, body = self.docs.get("what", "").strip().partition("\n")
        parts = [summary, "", "## What it flags", body.strip() or summary, "", "## Why it matters",
                 self.docs.get("why", "").strip(), "", "## Example"]
        parts += [f"    {line}" for line in self.examples.fail[:3]]
        if self.examples.passing:
            parts += ["", "Not flagged:"] + [f"    {line}" for line in self.examples.passing[:3]]
        parts += ["", "## How to fix", self.docs.get("fix", "").strip()]
        return "\n".join(parts)

    def summary(self) -> str:  # type: ignore[override]
        return self.docs.get("what", "").strip().split("\n", 1)[0]

    def prepare(self, opts: Any) -> None:  # type: ignore[override]
        """Add the needles to the shared automaton when the plan is made: it is then built once for all the
        plan's packs, not again each time another pack is first used."""
        self._needles()

    def _needles(self) -> tuple[str, ...] | None:
        if not shortcuts.enabled():
            return None  # the plain path: every block or line
        if not self._added:
            AUTOMATON.add(self.needles or ())
            self._added = True
        return self.needles

    def check(self, doc: Document, opts: Any) -> Iterable[Finding]:
        found = index(doc)
        if self.kind == "line":
            yield from self._check_lines(doc, found)
        elif self.has_pattern:
            blocks = found.blocks
            for i in containing(blocks, self._needles()):
                block = blocks.items[i]
                if block.kind in self.scope:
                    yield from self._check_text(doc, block)

    def _check_lines(self, doc: Document, found: DocIndex) -> Iterable[Finding]:
        lines = found.lines
        if not shortcuts.enabled():
            candidates: Iterable[int] = range(len(lines.items))
        else:
            chosen = set(containing(lines, self._needles())) if self.has_pattern else set()
            for phrase in self.line_set:
                chosen.update(found.line_norms.get(phrase, ()))
            candidates = sorted(chosen)
        for i in candidates:
            block, line = lines.items[i]
            text = line.text
            if block.kind not in self.scope:
                continue
            if self.max_words and text.count(" ") + 1 > self.max_words:  # Line.text: words joined by one space
                continue
            if ((self.line_set and norm_line(text) in self.line_set) or (self.has_pattern and self.matcher.fullmatch(text))) \
                    and not (self.skip_title and normalize(undecorated(text)) in titles_of(doc)):
                last = doc.span(line.start, line.end).end_line  # a hard-wrapped paragraph ends lines later
                fix = Fix(Span(line.number, 1, last, 1), whole_lines=True) if self.fix == "delete-line" else None
                yield self.finding(doc, line.start, line.end, self.message.replace("{match}", text), fix)

    def _check_text(self, doc: Document, block: Block) -> Iterable[Finding]:
        assert self.matcher is not None
        text = block.text
        matches = list(self.matcher.finditer(text))
        if not matches:
            return
        skip = [m.span() for m in self.exceptions.finditer(text)] if self.exceptions else []
        if self.skip_quoted:
            skip += [(a - block.start, b - block.start) for a, b in doc.shared(_quotes_by_block).get(id(block), ())]
        for m in matches:
            if any(a <= m.start() < b for a, b in skip):
                continue
            matched = " ".join(m.group().split())
            lead = len(m.group()) - len(m.group().lstrip())  # a pattern anchored with ^\s* reports from its first word
            fix = _sentence_fix(doc, block, m.start() + lead) if self.fix == "delete-sentence" else None
            yield self.finding(doc, block.start + m.start() + lead, block.start + m.end(),
                               self.message.replace("{match}", matched), fix)


def phrase_needles(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """Each phrase's longest word (or part of a word between apostrophes) that a needle may hold, folded (a
    match of the phrase holds all its words, whatever whitespace joins them); None when a phrase has none."""
    needles = set()
    for phrase in phrases:
        # an apostrophe in a phrase matches a straight or a curly one: a needle holds none
        words = [folded(part) for word in phrase.split() for part in re.split("['’]", word)
                 if part and all(map(needle_character, part))]
        if not words:
            return None
        needles.add(max(words, key=len))
    return tuple(sorted(needles))


def declared_needles(spec: dict[str, Any]) -> tuple[str, ...] | None:
    found = spec.get("needles")
    return tuple(sorted({folded(needle) for needle in found})) if found else None


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


def _quotes_by_block(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """The spans of the document's quotations, by the block that holds them (by id)."""
    out: dict[int, list[tuple[int, int]]] = {}
    for q in doc.quotes:
        out.setdefault(id(q.block), []).append((q.start, q.end))
    return out
