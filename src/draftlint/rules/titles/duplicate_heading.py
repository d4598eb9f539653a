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
    """Flags a heading whose text was already used by an earlier sibling heading.

    ## What it flags
    The second and later occurrences of the same heading text (the same words, whatever their case,
    quotation marks and punctuation) at the same level under the same parent heading, naming the line of
    the first. With ``siblings-only = false`` any two headings of the document are compared. Headings shorter than
    ``min-words`` words are left alone: one-word labels such as "Example" or "Advertisement" repeat by
    design or are page furniture for the boilerplate rules. Headings that repeat the title are left to
    ``title-repeated-as-heading`` and ``title-repeated-in-body``.

    ## Why it matters
    Two sections with one heading are either a section pasted twice (a merge or export accident, or a text
    generator looping) or two sections a reader cannot tell apart in the table of contents. Anchors
    generated from headings also collide.

    ## Example
        ## What the council decided
        The vote was seven to two ...

        ## What the council decided
        Councillors also approved ...

    ## How to fix
    Delete the repeated section if it is a copy; otherwise rename one of the headings so that each says
    what its section holds.
    """

    code = "T003"
    name = "duplicate-heading"
    family = Family.TITLE

    @dataclass(frozen=True)
    class Options:
        min_words: int = field(default=2, metadata={"help": "ignore headings with fewer words than this"})
        siblings_only: bool = field(default=True, metadata={
            "help": "compare only headings of the same level under the same parent heading"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        forms = title_forms(doc.title.text) if doc.title else frozenset()
        first: dict[tuple, Block] = {}
        parents: list[Block] = []  # the open heading at each level above the current one
        for block in doc.headings:
            level = block.level or 1
            while parents and (parents[-1].level or 1) >= level:
                parents.pop()
            parent = parents[-1] if parents else None
            parents.append(block)
            text = " ".join(words(normalize(heading_source(doc, block))))
            if len(text.split()) < opts.min_words or not block.lines:
                continue
            if doc.title and (doc.title.start >= block.start and doc.title.start < block.end
                              or title_score(block.plain, forms, _TITLE_LIKE) >= _TITLE_LIKE):
                continue
            key = (text, level, id(parent)) if opts.siblings_only else (text,)
            earlier = first.setdefault(key, block)
            if earlier is block:
                continue
            line = block.lines[0]
            yield self.finding(doc, doc.lines.line_start(line.number), line.end,
                               f"heading “{block.plain}” repeats the heading on line {earlier.first_line}")
