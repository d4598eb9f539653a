"""Shared helpers of the readability rules: paragraphs, their sentences, sections, short excerpts."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterator

from draftlint import nlp
from draftlint.document import Block, Document, Sentence, cached_property


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
    """The paragraphs of the document's running prose (paragraphs, list items, block quotes, footnotes; never
    headings, tables or code), split exactly as the sentence splitter splits them. Made once per document."""
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


def sentences_by_paragraph(doc: Document) -> Iterator[tuple[Paragraph, list[Sentence]]]:
    """Each paragraph with the sentences that start inside it, in document order."""
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    for para in paragraphs(doc):
        lo = bisect.bisect_left(starts, para.start)
        hi = bisect.bisect_left(starts, para.end)
        yield para, list(sentences[lo:hi])


class Quotations:
    """Where the document's quotations are (inline and block quotations, marks included)."""

    def __init__(self, doc: Document) -> None:
        spans = sorted((q.start, q.end) for q in doc.quotes)
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]

    def opens(self, doc: Document, sentence: Sentence) -> bool:
        """Whether the sentence's first letter or digit is quoted: the sentence holds a speaker's words, which
        the writer cannot restyle."""
        text = doc.text
        first = next((i for i in range(sentence.start, sentence.end) if text[i].isalnum()), None)
        return first is not None and self.covers(first)


def head(text: str, words: int = 8) -> str:
    """The first words of a text, for a message: “The council approved the plan …”."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
