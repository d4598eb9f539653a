from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.prose import paragraphs
from draftlint.rules.readability._common import head


class LongParagraph(Rule):
    """Flags a paragraph with more words than ``max-words``.

    ## What it flags
    A paragraph of running prose (a paragraph, list item, block quote or footnote) with more than
    ``max-words`` words, counting whitespace-separated tokens of its text (link targets, inline code and
    markup do not count). A hard-wrapped paragraph (lines of similar width) counts as one; a block whose
    lines are of uneven width (scraped text, where each line was a paragraph on the page, or a stack of
    labels) counts line by line, as the sentence splitter sees it. The finding spans the paragraph and
    sits on its first line and column.

    ## Why it matters
    On a screen a paragraph of 200 words is a grey block that readers skip; content-analysis tools used by
    publishers warn from 150 words and call 200 a problem. A very long paragraph is also where a scraper
    has fused separate paragraphs, or several items, into one line.

    ## Example
        The committee met on Tuesday to review the budget. (… and so on for 230 words, with no paragraph
        break, through the history of the fund, the vote, the objections and the next steps …)

    ## How to fix
    Break the paragraph where the topic turns: one idea per paragraph, usually two to five sentences.
    """

    code = "R002"
    name = "long-paragraph"
    family = Family.READABILITY

    @dataclass(frozen=True)
    class Options:
        max_words: int = field(default=200, metadata={"help": "a paragraph with more words than this is flagged"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        for para in paragraphs(doc):
            count = para.words
            if count > opts.max_words:
                yield self.finding(doc, para.start, para.end,
                                   f"paragraph of {count} words (limit {opts.max_words}): “{head(para.text)}”")
