"""Shared helpers of the readability rules: paragraphs' sentences, quotations, short excerpts."""
from __future__ import annotations

import bisect
from typing import Iterator

from draftlint.document import Document, Sentence
from draftlint.prose import Paragraph, paragraphs


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
