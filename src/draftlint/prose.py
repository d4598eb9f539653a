"""A document's running prose: its paragraphs, its word count and its readability scores.

Running prose is what a reader reads as sentences: paragraphs, list items, block quotes and footnotes, never
headings, tables or code. The readability rules read its paragraphs; every run records each document's words
and scores (``Summary``), which the archive report charts. Each is made once per document.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from draftlint import nlp
from draftlint.nlp import readability
from draftlint.document import Block, Document, cached_property

_TERMINAL = (".", "!", "?", "…", ":", ";")


@dataclass(frozen=True)
class Paragraph:
    """A run of prose that sentences never cross: a block, or one line of a stack of short lines.
    ``start`` and ``end`` are document offsets of its first and last non-space characters."""

    start: int
    end: int
    text: str  # masked prose, whitespace collapsed
    block: Block

    @cached_property
    def words(self) -> int:
        return len(self.text.split())


def paragraphs(doc: Document) -> tuple[Paragraph, ...]:
    """The paragraphs of the document's running prose, split exactly as the sentence splitter splits them."""
    return doc.shared(_paragraphs)


def _paragraphs(doc: Document) -> tuple[Paragraph, ...]:
    out = []
    for block in doc.blocks:
        if block.kind not in nlp.SENTENCE_KINDS:
            continue
        for offset, piece in nlp.segments(block):
            stripped = piece.strip()
            if stripped:
                start = block.start + offset + len(piece) - len(piece.lstrip())
                out.append(Paragraph(start, start + len(stripped), " ".join(stripped.split()), block))
    return tuple(out)


class Scores(NamedTuple):
    """The size and readability of a document's running prose (scores are None when it has no words)."""

    words: int
    reading_ease: float | None  # Flesch reading ease: 0-100, higher is easier
    grade: float | None  # Flesch-Kincaid grade: US school years


def words(doc: Document) -> int:
    """The number of words of the running prose (whitespace-separated, markup and link targets left out)."""
    return sum(p.words for p in paragraphs(doc))


def scores(doc: Document) -> Scores:
    """Words and Flesch scores of the running prose, scored once per document. A paragraph
    without final punctuation (a list item, a caption) counts as a sentence of its own."""
    return doc.shared(_scores)


def _scores(doc: Document) -> Scores:
    pieces = [p.text if p.text.endswith(_TERMINAL) else p.text + "." for p in paragraphs(doc)]
    count = words(doc)
    if not count:
        return Scores(0, None, None)
    text = "\n\n".join(pieces).replace("\u00ad", "")  # soft hyphens split words for the syllable counter
    ease, grade = readability.scores(text)
    return Scores(count, ease, grade)
