"""Plain text to blocks: paragraphs split on blank lines, bullet lines as list items.

Scraped and exported text usually keeps one paragraph per line, while hand-typed text may be hard-wrapped;
a run of lines is one paragraph when it looks wrapped (every line but the last of similar, prose width);
otherwise each line is a block of its own, except where a long line visibly runs on into the next.
"""
from __future__ import annotations

import re

from draftlint.document import Block
from draftlint.lineshape import wraps_into
from draftlint.positions import LineMap

BULLET = re.compile(r"^(\s*)([•\-*·‣◦▪–]|\d{1,3}[.)])(\s+)(?=\S)")


def _wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return True
    widths = [len(line.strip()) for line in lines[:-1]]
    return all(40 <= w <= 100 for w in widths) and max(widths) - min(widths) <= 30


def _runs(group: list[int], source: list[str]) -> list[list[int]]:
    """A group of lines that is not one wrapped paragraph: each line on its own, except where a long line
    runs on into the next (a wrapped paragraph under a label line)."""
    runs: list[list[int]] = []
    for i in group:
        if runs and wraps_into(source[runs[-1][-1]], source[i]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def parse(text: str, lines: LineMap, first_line: int = 0) -> list[Block]:
    source = text.split("\n")
    blocks: list[Block] = []
    group: list[int] = []

    def flush() -> None:
        if not group:
            return
        runs = [group[:]] if _wrapped([source[i] for i in group]) else _runs(group, source)
        for run in runs:
            start = lines.starts[run[0]]
            end = start + sum(len(source[i]) + 1 for i in run) - 1
            blocks.append(Block("paragraph", start, text[start:end], run[0] + 1, run[-1] + 1))
        group.clear()

    for index in range(first_line, len(source)):
        line = source[index]
        if not line.strip():
            flush()
            continue
        bullet = BULLET.match(line)
        if bullet:
            flush()
            start = lines.starts[index]
            marker = bullet.end()
            blocks.append(Block("list-item", start, " " * marker + line[marker:], index + 1, index + 1, containers=("list-item",)))
            continue
        group.append(index)
    flush()
    return blocks
