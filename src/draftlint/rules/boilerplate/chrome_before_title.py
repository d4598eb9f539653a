from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import SENTENCE_END, body_lines, numbered, title_match
from draftlint.text import titles_of
from draftlint.titlematch import spells_out

# The top of a page ends at the first block of running text: a block of this many words, or a line of
# LONG_LINE words. The article's own title, when the scraper kept it, is inside that top.
_TEXT_BLOCK_WORDS = 40
_LONG_LINE = 25
# A page header is a few lines; a copy of the title further down is the title repeated, not the headline.
_HEADER_LINES = 15
# Without a copy of the title, the first heading or paragraph of running text still marks where the
# article starts when everything above it is one or two tiny label lines ("tattoo", "Business").
_LABEL_WORDS = 3
# Two sentences of this many words above the anchor are text, not a page header.
_SENTENCE_WORDS = 8
# "Feature Name: …", "Start Date: …": a field of a metadata list above the title
_METADATA = re.compile(r"[^\W\d_][\w ]{0,30}:(?:\s\S|$)")


class ChromeBeforeTitle(Rule):
    """Flags short lines above the article's title: the site header, section label and links before it.

    ## What it flags
    In the top of the text (before the first block of running text, within the first 15 lines), the short
    lines (at most ``max-words`` words) that come before the body's first copy of the title (a line or
    heading matching the title), else before a level-1 heading (the page's headline, even when worded
    unlike the title), else before the first heading or the first paragraph of running text when only one
    or two label lines of up to three words precede it ("Business" above the first paragraph). Each such
    line is one finding: site taglines ("An independent newsroom"), menu words ("Listen Live", "Donate"),
    section labels ("Business Desk", "LocalNews"), links to other stories, widget labels ("Contact Form").

    ## Why it matters
    A scraper that starts at the top of the page keeps the header: everything printed above the headline
    belongs to the site, not to the article. Readers meet it before the first word of the story.

    ## Example
        ---
        title: Harbour dues rise for the first time in a decade
        ---

        Business Desk
        Printable version

        Harbour dues rise for the first time in a decade

        Fishing crews will pay eight percent more from April ...

    ## How to fix
    Delete the lines above the title (and the repeated title itself if the front matter holds it).
    """

    code = "B010"
    name = "chrome-before-title"
    family = Family.BOILERPLATE
    specificity = 20  # any short line above the title: a rule that names the line's kind reports it instead

    @dataclass(frozen=True)
    class Options:
        max_words: int = field(default=12, metadata={"help": "longest line, in words, that is flagged"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        lines = body_lines(doc)
        end = next((item.index for item in lines if item.words >= _LONG_LINE
                    or len(item.block.plain.split()) >= _TEXT_BLOCK_WORDS), len(lines))
        top = lines[:min(end, _HEADER_LINES + 1)]
        forms = titles_of(doc)
        source = doc.title.source if doc.title is not None else None
        own = doc.title.line if doc.title is not None and source != "front-matter" else 0
        copy = next((item for item in top if forms and item.line.number != own and title_match(item.text, forms)), None)
        if copy is None and source == "front-matter":  # the headline that a slug-like title was cut down from
            copy = next((item for item in top if item.block.kind in ("heading", "paragraph")
                         and spells_out(item.text, doc.title.text)), None)
        if source == "h1":  # the title is the body's own heading: what stands above it is the header
            copy = next((item for item in top if item.line.number == own), None)
        h1 = next((item for item in top if item.block.kind == "heading" and item.block.level == 1), None)
        if copy is not None:
            before = top[:copy.index]
        elif h1 is not None and source == "front-matter":  # the page's H1 is its headline, however worded
            before = top[:h1.index]
        else:  # the first heading (it may itself be long: a standfirst set as a heading) or running text
            start = next((item.index for item in lines[:end + 1] if item.block.kind == "heading"), end)
            before = top[:start] if start < len(lines) else []
            if len(before) > 2 or any(item.words > _LABEL_WORDS or SENTENCE_END.search(item.text)
                                      or item.text.endswith((",", ";", ":"))  # "Dear members,"
                                      or numbered(doc, item) for item in before):
                return
        if sum(item.words >= _SENTENCE_WORDS and bool(SENTENCE_END.search(item.text)) for item in before) >= 2:
            return  # sentences above the heading: the text starts there, the heading is a section of it
        for item in before:
            if item.line.number == own or title_match(item.text, forms) or _METADATA.match(item.text) and item.block.kind == "list-item":
                continue  # "- Start Date: 2020-03-02": the document's own metadata list, not the page's
            if item.words <= opts.max_words:
                yield self.finding(doc, item.line.start, item.line.end,
                                   f"page furniture above the title: “{item.text}”")
