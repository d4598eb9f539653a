from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Block, Document
from draftlint.findings import Family, Finding, Severity
from draftlint.rule import Rule
from draftlint.rules.readability._common import head

_COUNTED = frozenset({"paragraph", "list-item", "blockquote", "footnote"})


class WallOfText(Rule):
    """Flags a section that runs for more than ``max-words`` words without a subheading.

    ## What it flags
    A section (the text between two headings, or from the start of the document to its first heading, or
    the whole document when it has none) whose running prose (paragraphs, list items, block quotes,
    footnotes; not tables or code) holds more than ``max-words`` words. The finding sits on the section's
    heading, or on its first line when it has no heading. Severity is ``info``. The default of 1000 words
    leaves a news story of ordinary length alone (600-900 words, by house style usually without
    subheadings); web guides and explainers are better served by 300-400, as content-analysis tools use.

    ## Why it matters
    Readers scan a page by its headings; a long stretch with none gives them nothing to hold on to and
    hides the structure of the argument. Content-analysis tools used by publishers ask for a subheading
    every 300 words or so; past 1000 words even a reported story needs signposts.

    ## Example
        ## Background
        (… 1,200 words of paragraphs, no further heading …)
        ## What happens next

    ## How to fix
    Add a subheading where the topic turns (a question the section answers works well), or split the
    section in two. For web guides and explainers, set ``max-words`` to 300-400.
    """

    code = "R004"
    name = "wall-of-text"
    family = Family.READABILITY
    severity = Severity.INFO

    @dataclass(frozen=True)
    class Options:
        max_words: int = field(default=1000, metadata={"help": "a section with more words than this is flagged"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        heading: Block | None = None
        first: Block | None = None
        words = 0
        for block in (*doc.blocks, None):
            if block is None or block.kind == "heading":
                if words > opts.max_words:
                    yield self._report(doc, heading or first, words, opts.max_words)  # type: ignore[arg-type]
                heading = block if block is not None and block.lines else None  # "#" alone: no text to point at
                first, words = None, 0
            elif block.kind in _COUNTED:
                first = first or block
                words += len(block.text.split())

    def _report(self, doc: Document, anchor: Block, words: int, limit: int) -> Finding:
        line = anchor.lines[0]
        where = f"section “{head(line.text)}”" if anchor.kind == "heading" else "text"
        return self.finding(doc, line.start, line.end,
                            f"{where} runs {words} words without a subheading (limit {limit})")
