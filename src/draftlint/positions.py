"""Offsets in a document's text to 1-based line and column, as findings report them."""
from __future__ import annotations

import bisect

from draftlint.findings import Span


class LineMap:
    """Maps offsets in the normalised text (``\\n`` line breaks) to 1-based line and column."""

    __slots__ = ("starts", "length")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.position(start)
        end_line, end_col = self.position(max(start, end))
        return Span(line, col, end_line, end_col)

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]
