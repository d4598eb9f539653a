from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import DATE_LINE, SENTENCE_END, BodyLine, body_lines, is_headline

_LABEL_WORDS = 4


class HeadlineStack(Rule):
    """Flags a sidebar of other stories: headlines each followed by a date line ("This week", "Latest").

    ## What it flags
    A run of at least ``min-teasers`` teasers, where a teaser is a headline (a heading, or a short line
    without a full stop) directly followed by a paragraph line that is only a date ("April 28, 2022"; a
    date set as a heading starts a section of a change log or timeline). The finding
    sits on the widget's label when a short heading or line stands just above the first headline ("This
    week", "Latest"), otherwise on the first headline. Known labels ("Trending", "Most read") are also
    reported by ``related-widget``; this rule finds the widget by its shape, whatever its label says.

    ## Why it matters
    Sidebars and "latest stories" boxes list other articles with their dates. A scraper that keeps them
    ends the draft with a column of unrelated headlines that readers take for part of the story.

    ## Example
        #### This week

        ### Harbour master retires after 30 years

        April 30, 2022

        ### New fish market opens on the quay

        April 28, 2022

    ## How to fix
    Delete the label, the headlines and their dates.
    """

    code = "B014"
    name = "headline-stack"
    family = Family.BOILERPLATE

    @dataclass(frozen=True)
    class Options:
        min_teasers: int = field(default=2, metadata={"help": "fewest headline-and-date pairs that make a widget"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        lines = body_lines(doc)
        teasers: list[BodyLine] = []  # the headline of each teaser of the current run
        last_date = -1
        for item in lines:
            if item.index == 0 or item.block.kind != "paragraph" or not DATE_LINE.fullmatch(item.text):
                continue
            headline = lines[item.index - 1]
            if not is_headline(headline) or DATE_LINE.fullmatch(headline.text):
                continue
            if teasers and headline.index != last_date + 1:
                yield from self._report(doc, lines, teasers, opts)
                teasers = []
            teasers.append(headline)
            last_date = item.index
        yield from self._report(doc, lines, teasers, opts)

    def _report(self, doc: Document, lines: list[BodyLine], teasers: list[BodyLine], opts: Options) -> Iterator[Finding]:
        if len(teasers) < opts.min_teasers:
            return
        first = teasers[0]
        label = lines[first.index - 1] if first.index else None
        if label is not None and (label.words > _LABEL_WORDS or SENTENCE_END.search(label.text) or DATE_LINE.fullmatch(label.text)):
            label = None
        at = label or first
        yield self.finding(doc, at.line.start, at.line.end,
                           f"list of {len(teasers)} other stories' headlines and dates left from the page, starting “{at.text}”")
