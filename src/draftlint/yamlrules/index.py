"""The document as the YAML rules search it, built once per document and shared by all of them.

A rule's needles are strings one of which every match of its pattern holds (see ``YamlRule.needles``): most
rules find none of theirs in most documents, and only a few blocks or lines otherwise, so a rule runs its
pattern only over the blocks or lines that hold one (``containing``). The needles of three characters or
more of every rule used so far are found in one Aho-Corasick pass per haystack; shorter ones, which are in
most texts, are each searched on their own.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Any, Iterable

from draftlint.document import Block, Document, Line, PROSE_KINDS

SHORT = 3  # needles shorter than this ("-", "[") are in most texts: each is searched on its own

# The only characters that re's IGNORECASE matches with an ASCII letter and that str.lower() does not turn into
# that letter (checked over all of Unicode): after this and lower(), an ASCII run matched by a pattern is a substring.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """``text`` folded for the needles, character by character (so of the same length)."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()  # ASCII has none of _FOLD's keys


def searchable(text: str) -> str:
    """``text`` as needles are looked for in it: folded, each whitespace run one space (a pattern's space class
    matches the line break of a hard-wrapped phrase, which a needle's space must find too)."""
    return " ".join(folded(text).split())


def needle_character(ch: str) -> bool:
    """Whether a needle may hold ``ch``: an ASCII character (compared folded, see ``folded``) or one without
    case (it matches only itself). A cased letter beyond ASCII may match, ignoring case, a letter that
    ``lower()`` does not turn into it (σ and ς), so it cannot be compared folded."""
    return ch.isascii() or ch.lower() == ch.upper()


@functools.lru_cache(maxsize=65536)
def norm_line(text: str) -> str:
    """A line as a ``line`` rule's phrases are compared with it: case-folded, whitespace runs collapsed,
    edge punctuation left out."""
    return " ".join(text.casefold().split()).strip(" .:!|·•-–—")


class Automaton:
    """The needles of SHORT characters or more of every YAML rule used so far in this process, in one
    Aho-Corasick automaton: one pass over a haystack finds them all. A rule adds its needles when it is first
    used, which makes a new ``version``."""

    def __init__(self) -> None:
        self.needles: set[str] = set()
        self.version = 0
        self._built: Any = None

    def add(self, needles: Iterable[str]) -> None:
        new = {needle for needle in needles if len(needle) >= SHORT} - self.needles
        if new:
            self.needles |= new
            self.version += 1
            self._built = None

    def find(self, text: str) -> Iterable[tuple[int, str]]:
        """(offset of the last character, needle) of every occurrence in ``text``, in order of their ends."""
        if not self.needles:
            return ()
        if self._built is None:
            import ahocorasick

            self._built = ahocorasick.Automaton()
            for needle in self.needles:
                self._built.add_word(needle, needle)
            self._built.make_automaton()
        return self._built.iter(text)


AUTOMATON = Automaton()


class Haystack:
    """Items (blocks or lines) and their texts, ``searchable`` and joined by NUL, which no needle contains: one
    search over ``text`` finds every item that contains a needle."""

    __slots__ = ("items", "text", "starts", "_hits", "_version")

    def __init__(self, items: tuple, texts: list[str]) -> None:
        self.items = items
        texts = [searchable(text) for text in texts]
        self.text = "\0".join(texts)
        starts, pos = [], 0
        for text in texts:
            starts.append(pos)
            pos += len(text) + 1
        self.starts = tuple(starts)
        self._hits: dict[str, list[int]] = {}
        self._version = -1

    def hits(self) -> dict[str, list[int]]:
        """For each needle of the automaton that the haystack holds, the items that hold it, in order; found
        in one pass, again only when rules have added needles since."""
        if self._version != AUTOMATON.version:
            found: dict[str, list[int]] = {}
            starts = self.starts
            for end, needle in AUTOMATON.find(self.text):
                i = bisect.bisect_right(starts, end) - 1
                items = found.get(needle)
                if items is None:
                    found[needle] = [i]
                elif items[-1] != i:
                    items.append(i)
            self._hits, self._version = found, AUTOMATON.version
        return self._hits


def containing(haystack: Haystack, needles: tuple[str, ...] | None) -> list[int]:
    """The indices of the items that contain at least one of ``needles`` (all of them when None), in order."""
    if needles is None:
        return list(range(len(haystack.items)))
    found: set[int] = set()
    text, starts = haystack.text, haystack.starts
    hits = haystack.hits() if any(len(needle) >= SHORT for needle in needles) else {}
    for needle in needles:
        if len(needle) >= SHORT:
            found.update(hits.get(needle, ()))
            continue
        pos = text.find(needle)
        while pos != -1:
            i = bisect.bisect_right(starts, pos) - 1
            found.add(i)
            pos = text.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1
    return sorted(found)


@dataclass(frozen=True)
class DocIndex:
    blocks: Haystack  # every block of a kind that a scope can name (PROSE_KINDS)
    # every line that stands on its own, as (block, line), in document order: the only line of its block, a
    # line of a stack, or a hard-wrapped paragraph as one line (its pieces are not lines of their own)
    lines: Haystack
    line_norms: dict[str, list[int]]  # ``norm_line`` of a standalone line -> the indices of such lines


def index(doc: Document) -> DocIndex:
    return doc.shared(_make_index)


def _make_index(doc: Document) -> DocIndex:
    blocks: tuple[Block, ...] = tuple(block for block in doc.blocks if block.kind in PROSE_KINDS)
    lines: tuple[tuple[Block, Line], ...] = tuple((block, line) for block in blocks for line in block.standalone)
    norms: dict[str, list[int]] = {}
    for i, (_, line) in enumerate(lines):
        norms.setdefault(norm_line(line.text), []).append(i)
    return DocIndex(Haystack(blocks, [block.text for block in blocks]),
                    Haystack(lines, [line.text for _, line in lines]), norms)
