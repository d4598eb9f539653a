from __future__ import annotations

import re
from typing import Iterator

from draftlint.document import Block, Document, Line
from draftlint.findings import Family, Finding, Fix, Span
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import is_short_line, is_short_text, single_line
from draftlint.text import normalize

# Labels that can only mean a table of contents; "contents" alone can also head a section about what a box
# or a report contains, so it needs a stronger sign (see below).
_TOC_LABELS = frozenset({"table of contents", "table of content", "in this article", "in this post", "on this page", "article contents",
                         "jump to", "what's in this article"})
_AMBIGUOUS = frozenset({"contents"})
# A generator macro that a site renders into the list: [TOC], [[_TOC_]], {:toc}, ${toc}, <!-- toc -->.
_TOC_MACRO = re.compile(r"\[\[?\s*_?toc_?\s*\]\]?|\{:\s*toc\s*\}|\$\{toc\}", re.I)
_TOC_COMMENT = re.compile(r"<!--\s*toc\b", re.I)


class EmptyTableOfContents(Rule):
    """Flags a "Table of Contents" heading or line with no list of entries under it.

    ## What it flags
    A heading or a line standing alone (also one line of a stack of separate lines) that is only a
    table-of-contents label ("Table of Contents", "In this
    article", "On this page", "Jump to", "Contents") when no entries follow it: the next block is not a list,
    carries no links, is not a run of two or more short title lines and is not a macro that the site renders
    into the list (``[TOC]``, ``[[_TOC_]]``, ``{:toc}``, ``<!-- toc -->``). "Table of Contents" directly above
    the first section heading, above an ordinary paragraph or at the end of the text is flagged; a bare
    "Contents" only when a section heading (or nothing) follows, since "Contents" can head a section about
    what a box or a report contains.

    ## Why it matters
    Page builders and generators insert a table-of-contents widget that scrapers and exports drop, leaving
    only its label. The reader gets a promise of a list that is not there.

    ## Example
        Article with TOC

        Table of Contents

        The Lack of Credibility Surrounding the Offer
        The offer came after months of shelling ...

    ## How to fix
    Delete the label (``draftlint check --fix`` does it), or put the list of sections back under it.
    """

    code = "B001"
    name = "empty-table-of-contents"
    family = Family.BOILERPLATE

    def check(self, doc: Document, opts: Rule.Options) -> Iterator[Finding]:
        blocks = [b for b in doc.blocks if b.kind != "html" or _TOC_COMMENT.match(b.raw.strip())]
        for i, block in enumerate(blocks):
            text = single_line(block)
            if text is None or (doc.title and block.start <= doc.title.start < block.end):
                continue
            label = normalize(text)
            if label not in _TOC_LABELS and label not in _AMBIGUOUS:
                continue
            if doc.links_in(block) or _has_entries(doc, blocks[i + 1:], prose_follows_ok=label in _AMBIGUOUS):
                continue
            yield self._finding(doc, block.lines[0])
        for i, block in enumerate(blocks):  # the label as one line of a stack ("… on a ketogenic diet." / "Table of Contents")
            if block.kind != "paragraph" or len(block.lines) < 2 or not block.stacked:
                continue
            lines = block.standalone
            for k, line in enumerate(lines):
                if normalize(line.text) not in _TOC_LABELS:
                    continue
                rest = lines[k + 1:]
                if rest:  # entries: two or more title lines below it in the stack
                    entries = len(rest) > 1 and is_short_text(rest[0].text) and is_short_text(rest[1].text)
                else:
                    entries = _has_entries(doc, blocks[i + 1:], prose_follows_ok=False)
                if not entries:
                    yield self._finding(doc, line)

    def _finding(self, doc: Document, line: Line) -> Finding:
        return self.finding(doc, line.start, line.end, f"“{line.text}” has no list of entries under it",
                            fix=Fix(Span(line.number, 1, line.number, 1), whole_lines=True))


def _has_entries(doc: Document, rest: list[Block], prose_follows_ok: bool) -> bool:
    """Whether what follows a table-of-contents label looks like its entries (or, with ``prose_follows_ok``,
    like anything but the start of the next section)."""
    if not rest:
        return False
    first = rest[0]
    if first.kind in ("list-item", "html") or doc.links_in(first) or _TOC_MACRO.fullmatch(first.plain):
        return True
    if first.kind == "heading":
        return False
    if is_short_line(first):
        # two or more title lines in a row: a list that lost its bullets
        return len(rest) > 1 and is_short_line(rest[1]) and rest[1].kind != "heading"
    return prose_follows_ok
