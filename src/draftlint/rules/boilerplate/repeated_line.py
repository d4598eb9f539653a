from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
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
_RUN = 3  # the longest run of lines that a layout prints twice in a row
_BULLETS = "•◦▪‣►"  # a list item drawn as a character ("• 2 tsp onion powder" in two recipes): lists repeat on purpose


def _quoted(source: str) -> bool:
    """A line that opens with a quotation mark: a passage quoted from a statement that the text also prints."""
    return source.lstrip()[:1] in "\"“”‘'«"


def _doubled(keys: list[str], j: int, i: int) -> bool:
    """Line ``i`` repeats line ``j`` within a run of at most _RUN lines printed again right after itself, as a
    listing prints a headline and its link or a scraper doubles a passage: the page's layout, not its furniture."""
    m = i - j
    return m <= _RUN and any(keys[k:k + m] == keys[k + m:k + 2 * m] for k in range(max(0, j - m + 1), j + 1))


class RepeatedLine(Rule):
    """Flags a line of text that repeats an earlier line of the same document.

    ## What it flags
    The second and later occurrences of a line of at least ``min-words`` words (compared after normalising
    case, quote marks, dashes, spaces and end punctuation), naming the line of the first. Headings, table
    rows, list items (also those drawn with a bullet character), "Label: value" lines (spec lists and fact
    boxes repeat on purpose), lead-ins that end in a colon ("Then run:" before each listing), lines inside
    block quotes (pull quotes repeat the text on purpose), short lines and lines that are the title
    (``title-repeated-in-body`` reports those) are skipped, and so is a run of up to three lines printed again
    right after itself (a listing that prints each headline as a heading and as its link, a scraper that
    doubles a passage): the page's layout, not furniture it repeats.

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
        # The lines that stand on their own (Block.standalone): a hard-wrapped paragraph is compared whole, its
        # lines being pieces of sentences. Keys use the source text, so lines that differ only in inline code or
        # link targets are not "the same".
        lines = [(block, line, doc.text[line.start:line.end]) for block in doc.prose_blocks
                 if block.kind not in _SKIPPED_KINDS and not block.in_blockquote for line in block.standalone]
        # (a line too short to count keeps its text: it is only compared as a neighbour, in _doubled)
        keys = [normalize(source) if len(source.split()) >= opts.min_words else source for _, _, source in lines]
        seen: dict[str, int] = {}
        for i, (block, line, source) in enumerate(lines):
            if len(source.split()) < opts.min_words or _LABEL_VALUE.match(source) or source.endswith(":") \
                    or source.lstrip()[:1] in _BULLETS:
                continue
            key = keys[i]
            if key in titles or repeated_headline(source, block.kind, doc.title):
                continue  # the title, or the headline a short title was cut from: title-repeated-in-body's
            j = seen.setdefault(key, i)
            first = lines[j][1]
            if j == i or _quoted(source) or _quoted(lines[j][2]) or _doubled(keys, j, i):
                continue
            if is_prose(line.text) and not evidence(line.text).coverage:
                continue  # a paragraph of the article printed twice: a slip of the copy, not the page's furniture
            yield self.finding(doc, line.start, line.end,
                               f"line repeats line {doc.line_of(first.start)}: “{clip(' '.join(source.split()))}”")
