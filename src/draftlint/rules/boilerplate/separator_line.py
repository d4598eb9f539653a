from __future__ import annotations

import re
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import delete_lines

# bars and dots; or the commas of a tag list whose tags are gone (", ,")
_SEPARATORS = re.compile(r"[|•·¦‖][\s|•·¦‖]*|,(?:\s*,)+")
_FIRST = frozenset("|•·¦‖,")
_DOTS = frozenset("•·")


def _dinkus(text: str) -> bool:
    """Dots and nothing else, two or more ("• • •", "···"): a writer's mark between sections, not residue."""
    return sum(ch in _DOTS for ch in text) >= 2 and all(ch in _DOTS or ch.isspace() for ch in text)


class SeparatorLine(Rule):
    """Flags a line made only of the bars and dots that a page's layout draws between items.

    ## What it flags
    A line of a paragraph or list item that holds nothing but separators: "|", "| |", "|||||", "•", "·", or
    the commas of a tag list (", , ,"). The items they stood between (a byline and a date, share buttons, the
    cells of a layout table, tags) were dropped when the text was copied; the separators stayed. Never
    flagged: the lines of a Markdown table, the lines right under a table with no blank line between
    (GitHub's Markdown reads them as more rows of the table, whatever they hold), code spans between commas
    ("`a`, `b`"), and a row of dots that a writer puts between sections ("• • •").

    ## Why it matters
    The line carries nothing for the reader; it shows that the text was lifted from a page's layout, and
    what stood around it (a byline, a widget) may have come along too.

    ## Example
        The harbour board approved the new quay on Thursday.
        |
        |
        Work will start in the spring.

    ## How to fix
    Delete the line, and look at the lines around it for the rest of the widget.
    """

    code = "B018"
    name = "separator-line"
    family = Family.BOILERPLATE

    def check(self, doc: Document, opts: Rule.Options) -> Iterator[Finding]:
        previous = None
        for block in doc.blocks:
            under_table = previous is not None and previous.kind == "table" and block.first_line == previous.last_line + 1
            previous = block
            if block.kind not in ("paragraph", "list-item") or under_table:
                continue
            for line in block.standalone:
                # the source, not the masked text: "`a`, `b`, `c`" is code spans between commas
                if line.text[:1] in _FIRST and _SEPARATORS.fullmatch(doc.text[line.start:line.end].strip()) \
                        and not _dinkus(line.text):
                    yield self.finding(doc, line.start, line.end, f"line of separators “{line.text}” left from the page layout",
                                       fix=delete_lines(line.number, line.number))
