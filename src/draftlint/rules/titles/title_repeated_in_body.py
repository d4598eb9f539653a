from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding, Fix, Span
from draftlint.lines import RUNNING_WORDS
from draftlint.rule import Rule
from draftlint.rules.titles._common import describe, title_score
from draftlint.text import normalize, title_forms, undecorated
from draftlint.titlematch import repeated_headline, spells_out


class TitleRepeatedInBody(Rule):
    """Flags a line of the body that repeats the document's title.

    ## What it flags
    A standalone line (a paragraph, a heading other than the first, or one line of a stack of short lines)
    whose text is the title, compared after normalisation (case, curly and straight quotes, dashes,
    whitespace, trailing punctuation, a site suffix such as " - Site Name" or " - News 7 - Port Ellen", a newsroom's label such as
    "UPDATED:" or "[VIDEO]", a date field run into it such as "date 2016-12-27"), or nearly the title
    (similarity at or above ``min-similarity``); the finding starts where the title does. The first heading
    is left to ``title-repeated-as-heading``.
    Also a heading or one-line paragraph that the title was cut down from, as a URL slug cuts a headline:
    every content word of the title (at least four) in order, in a line of at most two and a half times as
    many ("Massive strike cancels classes for 400,000 kids in nation's second-largest school district" under
    ``title: Strike Cancels Classes School District``); a headline the page prints twice or more needs only
    two of a front-matter title's content words ("When You Have To Close Your Market Stall" for ``title: Close
    Your Stall``; repeated-line leaves it to this rule). And a breadcrumb trail that ends in the title: a line
    of at most six words of trail, then the title, after a trail separator or run together with it ("Home >
    News > How the river was saved", "NewsPoliticsHow the river was saved").

    ## Why it matters
    Scrapers and CMS exports repeat the title under the byline, between sections and at the bottom. Readers
    see it twice or more, and search engines see a page padded with its own headline.

    ## Example
        title: How the river was saved

        How the river was saved
        The campaign began in 2019 ...

    ## How to fix
    Delete the repeated line; the title is shown once, from the front matter or the first heading.
    """

    code = "T002"
    name = "title-repeated-in-body"
    family = Family.TITLE
    # a line that is the title is named as that before a shape detector's reading of it (a title with a colon
    # is no outline label); an exact pack that names the line ("Title: …") still reports it
    specificity = 60

    @dataclass(frozen=True)
    class Options:
        min_similarity: float = field(default=0.9, metadata={"help": "0..1: how close a line must be to the title"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        if doc.title is None:
            return
        forms = title_forms(doc.title.text)
        first_heading = next((b for b in doc.blocks if b.kind == "heading"), None)
        counts: Counter | None = None
        # the head of the page: what stands before its first paragraph of running prose
        head_end = next((line.start for b in doc.prose_blocks if b.kind == "paragraph" for line in b.lines
                         if len(line.text.split()) >= RUNNING_WORDS), len(doc.text))

        def printed_twice(text: str) -> bool:
            nonlocal counts
            if counts is None:  # counted when first asked: most documents never ask
                counts = _line_counts(doc)
            return counts[normalize(text)] > 1

        for block in doc.prose_blocks:
            if block is first_heading or block.kind == "table":
                continue
            for line in block.lines:
                if line.start <= doc.title.start < line.end + 1:
                    continue
                score = title_score(line.text, forms, opts.min_similarity)
                if score >= opts.min_similarity:
                    rest = undecorated(line.text)  # from the title on: a label or date field before it is no title
                    start = line.start + len(line.text) - len(rest) if line.text.endswith(rest) and rest else line.start
                    yield self.finding(doc, start, line.end,
                                       f"line {describe(score)} “{doc.title.text}”",
                                       fix=Fix(Span(line.number, 1, line.number, 1), whole_lines=True)
                                       if block.first_line == block.last_line else None)
                elif (crumbs := breadcrumb(line.text, forms)) is not None:
                    yield self.finding(doc, line.start, line.end,
                                       f"line repeats the title “{doc.title.text}” after breadcrumb words “{crumbs}”")
                elif block.kind in ("heading", "paragraph") and not line.text.endswith(".") \
                        and (block.first_line == block.last_line or block.stacked) \
                        and (spells_out(line.text, doc.title.text) and not _SENTENCE_BREAK.search(line.text)
                             and (block.first_line == block.last_line or line.start < head_end)  # a stack's headline tops the page
                             or repeated_headline(line.text, block.kind, doc.title) and printed_twice(line.text)):
                    yield self.finding(doc, line.start, line.end,
                                       f"line is the headline that the title “{doc.title.text}” shortens")


# a full stop ending a sentence inside a line: prose ("… for weight loss. But is it worth it?"), not a headline
# (a headline may hold a question, "… Energy? A Guide to …", or an abbreviation, "U.S. Navy")
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{2})\.[\"'”’)]?\s+[A-Z“\"]")


def _line_counts(doc: Document) -> Counter:
    """How often the page prints each line of its headings and paragraphs (not a contents list's links)."""
    return Counter(normalize(line.text) for block in doc.prose_blocks if block.kind in ("heading", "paragraph")
                   for line in block.lines)


def breadcrumb(text: str, forms: frozenset[str]) -> str | None:
    """The breadcrumb words before the title when a line is a trail that ends in the title ("Home > News >
    How the river was saved", "NewsPoliticsHow the river was saved"): at most six words, ending in a trail
    separator or run together with the title. None for any other line ("Read more about how …")."""
    norm = normalize(text)
    for form in forms:
        if len(form.split()) < 3 or not norm.endswith(form) or norm == form:
            continue
        prefix = norm[:-len(form)]
        if len(prefix.split()) > 6:
            continue
        if prefix.rstrip()[-1:] in _SEPARATORS or not prefix[-1:].isspace():
            start = text.casefold().rfind(" ".join(form.split()[:2]))  # the trail as written, when it can be found
            shown = text[:start] if start > 0 else prefix
            return shown.rstrip(" " + _SEPARATORS + "»“”")
    return None


_SEPARATORS = '>|/:·•–—-"›'

