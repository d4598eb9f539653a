from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document, Line
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.lines import is_prose
from draftlint.rules.boilerplate._common import clip
from draftlint.rules.boilerplate._furniture import evidence
from draftlint.text import normalize, title_forms
from draftlint.titlematch import repeated_headline

_SKIPPED_KINDS = ("heading", "table", "list-item")
# "Weight: 2 kg with the battery fitted": a fact-box or spec row, which two product sections may share.
_LABEL_VALUE = re.compile(r"^[^:\s]+(?:\s[^:\s]+){0,2}:\s")


def _quoted(source: str) -> bool:
    """A line that opens with a quotation mark: a passage quoted from a statement that the text also prints."""
    return source.lstrip()[:1] in "\"“”‘'«"


class RepeatedLine(Rule):
    """Flags a line of text that repeats an earlier line of the same document.

    ## What it flags
    The second and later occurrences of a line of at least ``min-words`` words (compared after normalising
    case, quote marks, dashes, spaces and end punctuation), naming the line of the first. Headings, table
    rows, list items, "Label: value" lines (spec lists and fact boxes repeat on purpose), lead-ins that end
    in a colon ("Then run:" before each listing), lines inside
    block quotes (pull quotes repeat the text on purpose), short lines and lines that are the title
    (``title-repeated-in-body`` reports those) are skipped.

    A line that opens with a quotation mark, or repeats one that does, is left alone: a report quotes a
    statement and then prints it whole. So is a sentence of the article's prose with no word of page chrome
    ("The bridge reopened on Monday after six weeks of repairs."): a paragraph printed twice is a slip of the
    copy, not residue of the page; the banners and widget lines that pages repeat are flagged.

    ## Why it matters
    A banner or a widget line that appears twice is scraped page furniture (a donation banner at the top and
    the bottom, a store's buttons under each product). Readers notice at once, and the duplicate pads the
    word count.

    ## Example
        Our reporting is funded by readers like you.
        ...
        Our reporting is funded by readers like you.

    ## How to fix
    Delete the repeated line; if it is site furniture, delete both.
    """

    code = "B004"
    name = "repeated-line"
    family = Family.BOILERPLATE
    specificity = 30

    @dataclass(frozen=True)
    class Options:
        min_words: int = field(default=5, metadata={"help": "fewest words for a line to count"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        titles = title_forms(doc.title.text) if doc.title else frozenset()
        seen: dict[str, Line] = {}
        for block in doc.prose_blocks:
            if block.kind in _SKIPPED_KINDS or block.in_blockquote:
                continue
            # The lines that stand on their own (Block.standalone): a hard-wrapped paragraph is compared whole,
            # its lines being pieces of sentences. Keys use the source text, so lines that differ only in inline
            # code or link targets are not "the same".
            for first_line in block.standalone:
                end = first_line.end
                source = doc.text[first_line.start:end]
                if len(source.split()) < opts.min_words or _LABEL_VALUE.match(source) or source.endswith(":"):
                    continue
                key = normalize(source)
                if key in titles or repeated_headline(source, block.kind, doc.title):
                    continue  # the title, or the headline a short title was cut from: title-repeated-in-body's
                first = seen.setdefault(key, first_line)
                if first is first_line or _quoted(source) or _quoted(doc.text[first.start:first.end]):
                    continue
                if is_prose(first_line.text) and not evidence(first_line.text).coverage:
                    continue  # a paragraph of the article printed twice: a slip of the copy, not the page's furniture
                yield self.finding(doc, first_line.start, end,
                                   f"line repeats line {doc.line_of(first.start)}: “{clip(' '.join(source.split()))}”")
