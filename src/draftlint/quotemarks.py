"""Quotations in a block's prose: text between double quotes (straight or curly) or curly single quotes, and
whole block quotations. What a quotation is for the rules (speech, a title, a term) is theirs to judge."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from draftlint.document import Block


@dataclass(frozen=True)
class Quote:
    """A quotation: text between double quotes (straight or curly) or curly single quotes, or a whole blockquote."""

    kind: str  # "inline" or "blockquote"
    start: int  # document offset of the opening mark (or of the blockquote text)
    end: int  # document offset after the closing mark
    text: str  # the quoted words, without the marks
    block: Block = field(repr=False, compare=False)
    closed: bool = True

    @property
    def words(self) -> int:
        return len(self.text.split())


# Straight quotes pair up in order; curly quotes open and close. A closing mark is only a closing mark
# when it is not an apostrophe-like use; double quotes are never apostrophes, so pairing is simple.
_QUOTE_MARKS = re.compile(r"[\"“”„«»]|’’|''")  # two single closing quotes close a double one (“…’’)
_OPENERS = {"“": "”", "„": "“", "«": "»"}


def find_quotes(blocks: Iterable[Block]) -> Iterator[Quote]:
    """The quotations of the prose ``blocks`` (headings hold none: a quoted headline is a title)."""
    for block in blocks:
        if block.kind == "heading":
            continue
        if block.kind == "blockquote" and not block.containers[1:]:
            text = block.text.strip()
            if text and not _QUOTE_MARKS.match(text):
                lead = len(block.text) - len(block.text.lstrip())
                yield Quote("blockquote", block.start + lead, block.start + lead + len(text), " ".join(text.split()), block)
                continue
        doubles = list(_inline_quotes(block))
        if "‘" in block.text:
            singles = list(_single_quotes(block, doubles))
            yield from sorted(doubles + singles, key=lambda q: q.start)
        else:
            yield from doubles


_ELIDED_YEAR = re.compile(r"\d\d(?:’?s)?\b")


def _single_quotes(block: Block, doubles: list[Quote]) -> Iterator[Quote]:
    """Quotations in curly single quotes (‘…’, British style), outside double-quoted spans. An opening ‘
    follows a space or an opening bracket; a closing ’ follows a non-space and is not followed by a letter or
    digit, so apostrophes inside words (don’t) never close a quote. Unclosed singles are left alone."""
    text = block.text
    taken = [(q.start - block.start, q.end - block.start) for q in doubles]
    i = text.find("‘")
    while i != -1:
        if (any(a <= i < b for a, b in taken) or (i > 0 and not (text[i - 1].isspace() or text[i - 1] in "([{—–-“\""))
                or _ELIDED_YEAR.match(text, i + 1)):  # ‘90s, ‘05: an apostrophe typed the wrong way round
            i = text.find("‘", i + 1)
            continue
        j = i + 1
        end = -1
        while True:
            j = text.find("’", j)
            if j == -1 or text.find("‘", i + 1, j) != -1 or any(i < a < j for a, _ in taken):
                break
            if not text[j - 1].isspace() and (j + 1 == len(text) or not text[j + 1].isalnum()):
                end = j
                break
            j += 1
        if end == -1 or not text[i + 1:end].strip():
            i = text.find("‘", i + 1)
            continue
        yield Quote("inline", block.start + i, block.start + end + 1, " ".join(text[i + 1:end].split()), block)
        i = text.find("‘", end + 1)


def _closes_a_word(text: str, i: int) -> bool:
    """The straight or right quote mark at ``i`` ends a word (a letter or figure right before it, a space or
    the end right after): it can only close a quotation."""
    return 0 < i and (text[i - 1].isalnum() or text[i - 1] in ".,!?") and (i + 1 == len(text) or text[i + 1].isspace())


def _inline_quotes(block: Block) -> Iterator[Quote]:
    text = block.text
    open_at: int | None = None
    closer = ""
    for match in _QUOTE_MARKS.finditer(text):
        mark, i = match.group(), match.start()
        if len(mark) == 2:  # ’’ or '': only ever a closing mark, of an open “ or "
            if open_at is not None and closer in ("”", '"'):
                inner = text[open_at + 1 : i]
                yield Quote("inline", block.start + open_at, block.start + match.end(), " ".join(inner.split()), block)
                open_at = None
            continue
        if open_at is None:
            if mark in _OPENERS:
                open_at, closer = i, _OPENERS[mark]
            elif _closes_a_word(text, i):
                pass  # `natural looking" makeup`: a closing mark whose opening one was lost opens nothing
            elif mark == '"':
                open_at, closer = i, '"'
            elif mark == "”":  # scraped text sometimes uses ” both ways
                open_at, closer = i, "”"
            continue
        if mark == closer or (closer == '"' and mark == "”") or (closer == "”" and mark == '"'):
            inner = text[open_at + 1 : i]
            yield Quote("inline", block.start + open_at, block.start + i + 1, " ".join(inner.split()), block)
            open_at = None
        elif mark in _OPENERS or mark == '"':
            # unbalanced: a new opener while one is open (a quote reopened without being closed, as in
            # scraped text). The open one ends, unclosed, before the newer opener, which starts a quote.
            inner = text[open_at + 1 : i].rstrip()
            if inner.strip():
                yield Quote("inline", block.start + open_at, block.start + open_at + 1 + len(inner),
                            " ".join(inner.split()), block, closed=False)
            open_at, closer = i, _OPENERS.get(mark, '"')
    if open_at is not None:
        inner = text[open_at + 1 :]
        yield Quote("inline", block.start + open_at, block.start + len(text.rstrip()), " ".join(inner.split()), block, closed=False)
