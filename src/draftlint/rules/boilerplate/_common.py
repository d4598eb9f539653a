"""Helpers shared by the Python boilerplate rules: standalone lines in reading order, short title-like
lines, dates, and matching a line against the title."""
from __future__ import annotations

import functools
import re
from typing import Iterator, Sequence

from draftlint.document import Block, Document
from draftlint.lines import SENTENCE_END, BodyLine, body_lines  # noqa: F401  (the boilerplate rules' view of a document)
from draftlint.findings import Fix, Span
from draftlint.text import normalize, similarity

HEADLINE_WORDS = 20  # a line of more words is text, not a headline or a link


def is_headline(item: BodyLine) -> bool:
    """A heading, or a short line without a full stop: a headline or a link text."""
    return item.block.kind == "heading" or (item.words <= HEADLINE_WORDS and not SENTENCE_END.search(item.text))


def markup_matches(doc: Document, pattern: re.Pattern[str], needles: tuple[str, ...]) -> Iterator[tuple[Block, re.Match[str]]]:
    """Matches of ``pattern`` in the Markdown source of every block but code (HTML that a draft holds, on a
    line of its own or inside a paragraph), leaving out those inside a code span (an example of the markup).
    Every match holds one of ``needles``: a document or block without any is passed over unsearched."""
    if not any(needle in doc.text for needle in needles):
        return
    for block in doc.blocks:
        if block.kind == "code":
            continue
        source = block.raw if block.kind == "html" else doc.text[block.start:block.end]
        if not any(needle in source for needle in needles):
            continue
        ticks = seen = 0  # the backticks before ``seen``, counted once however many matches a block has
        for m in pattern.finditer(source):
            if block.kind != "html":
                ticks += source.count("`", seen, m.start())
                seen = m.start()
                if ticks % 2:
                    continue
            yield block, m


def single_line(block: Block) -> str | None:
    """The text of a heading or one-line paragraph (a line that stands alone), else None."""
    if block.kind in ("heading", "paragraph") and len(block.lines) == 1:
        return block.lines[0].text
    return None


def is_short_line(block: Block, max_words: int = 12) -> bool:
    """A heading, or a one-line paragraph of a few words without a sentence ending: a title-like line."""
    text = single_line(block)
    if text is None:
        return False
    return block.kind == "heading" or is_short_text(text, max_words)


def is_short_text(text: str, max_words: int = 12) -> bool:
    """A few words without a sentence ending: a title-like line of text."""
    return len(text.split()) <= max_words and not SENTENCE_END.search(text)


def clip(text: str, words: int = 8) -> str:
    """The first few words of ``text``, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")

_EDGE = " \t.,;:!?|·•-–—*#>»›<«‹"


@functools.lru_cache(maxsize=65536)
def bare(text: str) -> str:
    """Lower case, single spaces, no punctuation at either end: for comparing a line with a label."""
    return " ".join(text.casefold().split()).strip(_EDGE)


def title_match(text: str, forms: frozenset[str], min_similarity: float = 0.9) -> bool:
    """True when ``text`` is the title (one of ``forms``), allowing small differences."""
    norm = normalize(text)
    return bool(norm) and any(norm == f or similarity(norm, f, min_similarity) >= min_similarity for f in forms)


_NUMBERED = re.compile(r"\s*\d{1,3}[.)]\s")


def numbered(doc: Document, item: BodyLine) -> bool:
    """The line is an item of a numbered list ("8. Eat regularly"): the article's own list (an excerpt may start
    in the middle of a listicle), not a label of the page."""
    return item.block.kind == "list-item" and bool(_NUMBERED.match(doc.source_lines[item.line.number - 1]))


# a field of a fact list: "Address: 6424 Canoga Ave.", "Closing date: 14 Aug"
_FIELD = re.compile(r"[A-Z][\w'’ ]{0,30}:\s+\S")


def in_field_list(lines: Sequence[BodyLine], item: BodyLine) -> bool:
    """The line is a field ("Category: B, 81 points") in a list whose items next to it are fields too
    ("Address: …", "Closing date: …"): a fact box of the article, not the page's tags or labels."""
    if item.block.kind != "list-item" or not _FIELD.match(item.text):
        return False
    near = [lines[k] for k in (item.index - 1, item.index + 1) if 0 <= k < len(lines)]
    return any(other.block.kind == "list-item" and _FIELD.match(other.text) for other in near)


def delete_lines(first: int, last: int) -> Fix:
    return Fix(Span(first, 1, last, 1), whole_lines=True)


MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
# A line that is only a calendar date with a year: "April 28, 2022", "Tuesday, 28 April 2022", "2022-04-28".
DATE_LINE = re.compile(
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s)?"
    rf"(?:{MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s{MONTH},?\s\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})", re.I)
