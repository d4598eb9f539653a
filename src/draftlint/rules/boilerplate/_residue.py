"""Helpers of the scraper-residue rules (B010-B019): standalone lines in reading order, and title matching."""
from __future__ import annotations

import re
from dataclasses import dataclass

from draftlint.document import Block, Document, Line
from draftlint.findings import Fix, Span
from draftlint.rules.boilerplate._common import _SENTENCE_END as SENTENCE_END  # noqa: F401 - re-exported
from draftlint.text import normalize, similarity, title_forms

_EDGE = " \t.,;:!?|·•-–—*#>»›<«‹"


@dataclass(frozen=True)
class BodyLine:
    """One line of a prose block, with its block and its index in the document's sequence of lines."""

    index: int
    line: Line
    block: Block

    @property
    def text(self) -> str:
        return self.line.text

    @property
    def words(self) -> int:
        return len(self.line.text.split())


def body_lines(doc: Document) -> list[BodyLine]:
    """The lines of the prose blocks (tables excepted), in document order; a hard-wrapped paragraph (a block
    of several lines that is not ``stacked``) is one line, so its pieces are never taken for lines of their
    own."""
    out: list[BodyLine] = []
    for block in doc.prose_blocks:
        if block.kind == "table" or not block.lines:
            continue
        lines = block.lines
        if len(lines) > 1 and not block.stacked:
            lines = (Line(lines[0].number, lines[0].start, block.plain, lines[-1].end),)
        for line in lines:
            out.append(BodyLine(len(out), line, block))
    return out


def bare(text: str) -> str:
    """Lower case, single spaces, no punctuation at either end: for comparing a line with a label."""
    return " ".join(text.casefold().split()).strip(_EDGE)


def title_match(text: str, forms: set[str], min_similarity: float = 0.9) -> bool:
    """True when ``text`` is the title (one of ``forms``), allowing small differences."""
    norm = normalize(text)
    return bool(norm) and any(norm == f or similarity(norm, f) >= min_similarity for f in forms)


def titles_of(doc: Document) -> set[str]:
    return title_forms(doc.title.text) if doc.title else set()


def delete_lines(first: int, last: int) -> Fix:
    return Fix(Span(first, 1, last, 1), whole_lines=True)


def line_end(line: Line) -> int:
    return line.end


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
# A line that is only a calendar date with a year: "April 28, 2022", "Tuesday, 28 April 2022", "2022-04-28".
DATE_LINE = re.compile(
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s)?"
    rf"(?:{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH},?\s\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})", re.I)
