"""Tokens of a sentence for the quote rules, with document offsets, quotedness and proper-noun guesses."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from draftlint.document import Block
from draftlint.rules.quotes._lexicon import COMMON_STARTS, NAME_STOP, plain

@dataclass(frozen=True)
class Segment:
    """A paragraph for the quote rules: a block, or one line of a block that is a stack of separate lines."""

    index: int
    block: Block
    start: int
    end: int


@dataclass(frozen=True)
class Tok:
    """A token of a sentence with its document offsets."""

    i: int  # index in the sentence
    start: int
    end: int
    text: str  # as written (soft hyphens removed)
    lower: str
    quoted: bool  # inside quotation marks
    proper: bool  # a proper noun: tagged PROPN, or (untagged) capitalised where a common word would not be


@dataclass(frozen=True)
class Hit:
    label: str
    start: int  # token index in the sentence
    end: int



class Tokens:
    """A sentence's tokens without whitespace, each built on first access (a sentence can hold hundreds)."""

    __slots__ = ("_analysis", "_span", "_base", "_tagged", "_order", "_cache")

    def __init__(self, analysis: Any, span, base: int, tagged: bool, order: list[int]) -> None:
        # ``analysis``: a weak proxy of the document's Analysis, asked which offsets are quoted
        self._analysis, self._span, self._base, self._tagged, self._order = analysis, span, base, tagged, order
        self._cache: list[Tok | None] = [None] * len(order)

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[Tok]:
        for i in range(len(self._order)):
            yield self[i]

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._order)))]
        if i < 0:
            i += len(self._order)
        tok = self._cache[i]
        if tok is None:
            tok = self._cache[i] = self._build(i)
        return tok

    def _build(self, i: int) -> Tok:
        t = self._span[self._order[i]]
        start = self._base + t.idx
        text = plain(t.text) or t.text
        if self._tagged and t.pos_:  # a tagger's word on proper nouns beats capital letters
            proper = t.pos_ == "PROPN"
        else:
            proper = looks_proper(text, self._opening(i))
        return Tok(i, start, start + len(t.text), text, text.lower(), self._analysis.quoted(start), proper)

    def _opening(self, i: int) -> bool:
        """Whether token ``i`` stands where any word is capitalised: at the start, or after a colon or an
        opening quote mark with no word since."""
        j = i - 1
        while j >= 0:
            prev = self._span[self._order[j]].text
            if prev[:1].isalnum():
                return False
            if prev in OPENING_PUNCT:
                return True
            j -= 1
        return True


def join_tokens(tokens: list[Tok]) -> str:
    out = []
    prev_end = None
    for t in tokens:
        if prev_end is not None and t.start > prev_end:
            out.append(" ")
        out.append(t.text)
        prev_end = t.end
    return "".join(out)


OPENING_PUNCT = frozenset({":", "“", '"', "‘", "—", "–", "(", "•", "-", "*", "«", "„"})


def looks_proper(text: str, first: bool) -> bool:
    if not text[:1].isupper() or not text[:1].isalpha():
        return False
    if text.lower() in NAME_STOP:
        return False
    if first:  # a capital at the start of a sentence says nothing, unless the word is not a common one
        return len(text) > 1 and (text[1:].lower() != text[1:] or text.lower() not in COMMON_STARTS)
    return True

