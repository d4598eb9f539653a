from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Block, Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.titles._common import title_score
from draftlint.text import normalize, title_forms, words

_TITLE_LIKE = 0.9  # headings this close to the title are left to title-repeated-as-heading / -in-body
_OPENING = re.compile(r"^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?#{0,6}(?:\s+|$)")
_CLOSING = re.compile(r"\s+#+\s*$")


def heading_source(doc: Document, block: Block) -> str:
    """The heading's first source line without container and heading markers: inline code and link
    targets kept, so that "Effect on `a`" and "Effect on `b`" stay different."""
    line = doc.text[block.start:block.end].split("\n", 1)[0]
    return _CLOSING.sub("", _OPENING.sub("", line, count=1))


class DuplicateHeading(Rule):
    """Flags a heading whose text was already used by an earlier heading, or that a later body line repeats.

    ## What it flags
    The second and later occurrences of the same heading text (the same words, whatever their case,
    quotation marks and punctuation), naming the line of the first, when the repeats are

    - siblings: the same level under the same parent heading;
    - anywhere in the document, when the heading is long (``long-words`` words or more), appears three or
      more times (a gallery or video widget's header repeated across a page's sections), or repeats the
      document's first top-level heading (the page's own title heading) — except in a parallel outline,
      where each section carries the same set of two or more subheadings ("What we liked" / "What we did
      not like" under each of two hotels);
    - a long heading repeated word for word as a later paragraph (a standfirst set as a heading and again
      as the first paragraph), flagged on the paragraph.

    With ``siblings-only = false`` any two headings of the document are compared. Headings shorter than
    ``min-words`` words are left alone: one-word labels such as "Example" or "Advertisement" repeat by design
    or are page furniture for the boilerplate rules. Headings that repeat the front-matter title are left to
    ``title-repeated-as-heading`` and ``title-repeated-in-body``.

    ## Why it matters
    Two sections with one heading are either a section pasted twice (a merge or export accident, a scraper
    keeping a widget once per section, or a text generator looping) or two sections a reader cannot tell
    apart in the table of contents. Anchors generated from headings also collide.

    ## Example
        ## What the council decided
        The vote was seven to two ...

        ## What the council decided
        Councillors also approved ...

    ## How to fix
    Delete the repeated section, widget or paragraph if it is a copy; otherwise rename one of the headings so
    that each says what its section holds.
    """

    code = "T003"
    name = "duplicate-heading"
    family = Family.TITLE
    version = "2"
    specificity = 5  # a repeated widget header that a boilerplate rule names is reported as that residue

    @dataclass(frozen=True)
    class Options:
        min_words: int = field(default=2, metadata={"help": "ignore headings with fewer words than this"})
        siblings_only: bool = field(default=True, metadata={
            "help": "compare only siblings, long headings, headings repeated three times and the first top-level "
                    "heading; false: compare any two headings"})
        long_words: int = field(default=5, metadata={
            "help": "a heading of this many words or more is a duplicate wherever it repeats"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        forms = title_forms(doc.title.text) if doc.title else frozenset()
        seen: dict[str, list[tuple[Block, int]]] = {}  # heading text -> (heading, id of its parent), in order
        parents: list[Block] = []  # the open heading at each level above the current one
        top = None  # the first top-level heading: the page's own title heading
        for block in doc.headings:
            level = block.level or 1
            while parents and (parents[-1].level or 1) >= level:
                parents.pop()
            parent = parents[-1] if parents else None
            parents.append(block)
            text = _key(doc, block)
            if top is None and level == 1:
                top = text
            if len(text.split()) < opts.min_words or not block.lines:
                continue
            if doc.title and (doc.title.start >= block.start and doc.title.start < block.end
                              or title_score(block.plain, forms, _TITLE_LIKE) >= _TITLE_LIKE):
                continue
            seen.setdefault(text, []).append((block, id(parent)))
        children = _children(seen)
        for text, places in seen.items():
            anywhere = not opts.siblings_only or text == top or (
                (len(text.split()) >= opts.long_words or len(places) >= 3) and not _parallel(places, children))
            first: dict[tuple[int, int | None], Block] = {}  # the first heading under each parent, at each level
            for k, (block, parent) in enumerate(places):
                earlier = places[0][0] if anywhere and k else first.get((parent, block.level))
                first.setdefault((parent, block.level), block)
                if earlier is not None:
                    line = block.lines[0]
                    yield self.finding(doc, doc.lines.line_start(line.number), line.end,
                                       f"heading “{block.plain}” repeats the heading on line {doc.line_of(earlier.start)}")
        yield from self._repeated_as_paragraph(doc, seen, opts)

    def _repeated_as_paragraph(self, doc: Document, seen: dict[str, list[tuple[Block, int]]], opts: Options
                               ) -> Iterator[Finding]:
        long = {text: places[0][0] for text, places in seen.items() if len(text.split()) >= opts.long_words}
        if not long:
            return
        for block in doc.blocks:
            if block.kind != "paragraph" or not block.lines:
                continue
            heading = long.get(" ".join(words(normalize(block.plain))))
            if heading is not None and heading.start < block.start:
                line = block.lines[0]
                yield self.finding(doc, line.start, block.lines[-1].end,
                                   f"paragraph repeats the heading on line {doc.line_of(heading.start)}")


def _key(doc: Document, block: Block) -> str:
    return " ".join(words(normalize(heading_source(doc, block))))


def _children(seen: dict[str, list[tuple[Block, int]]]) -> dict[int, set[str]]:
    """For each parent heading, the texts of its child headings that are repeated somewhere."""
    out: dict[int, set[str]] = {}
    for text, places in seen.items():
        if len(places) > 1:
            for _, parent in places:
                out.setdefault(parent, set()).add(text)
    return out


def _parallel(places: list[tuple[Block, int]], children: dict[int, set[str]]) -> bool:
    """A parallel outline: every repeat sits under its own parent, and each of those parents holds the same
    two or more repeated subheadings."""
    parents = [p for _, p in places]
    if len(set(parents)) != len(parents):
        return False
    sets = [children.get(p, set()) for p in parents]
    return len(sets[0]) >= 2 and all(s == sets[0] for s in sets)
