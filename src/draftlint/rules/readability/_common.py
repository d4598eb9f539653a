"""Shared helpers of the readability rules: paragraphs, their sentences, sections, short excerpts."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterator

from draftlint import nlp
from draftlint.document import Block, Document, Sentence


@dataclass(frozen=True)
class Paragraph:
    """A run of prose that sentences never cross: a block, or one line of a stack of short lines.
    ``start`` and ``end`` are document offsets of its first and last non-space characters."""

    start: int
    end: int
    text: str  # masked prose, whitespace collapsed
    block: Block

    @property
    def words(self) -> int:
        return len(self.text.split())


def paragraphs(doc: Document) -> Iterator[Paragraph]:
    """The paragraphs of the document's running prose (paragraphs, list items, block quotes, footnotes; never
    headings, tables or code), split exactly as the sentence splitter splits them."""
    for block in doc.blocks:
        if block.kind not in nlp.SENTENCE_KINDS:
            continue
        for offset, piece in nlp.segments(block):
            stripped = piece.strip()
            if stripped:
                start = block.start + offset + len(piece) - len(piece.lstrip())
                yield Paragraph(start, start + len(stripped), " ".join(stripped.split()), block)


def sentences_by_paragraph(doc: Document) -> Iterator[tuple[Paragraph, list[Sentence]]]:
    """Each paragraph with the sentences that start inside it, in document order."""
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    for para in paragraphs(doc):
        lo = bisect.bisect_left(starts, para.start)
        hi = bisect.bisect_left(starts, para.end)
        yield para, list(sentences[lo:hi])


def head(text: str, words: int = 8) -> str:
    """The first words of a text, for a message: “The council approved the plan …”."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
