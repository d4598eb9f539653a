"""Metamorphic transformations of drafts: changes a writer's editor makes that must not change the findings.

Each returns the new text and a map from each new line (1-based, index + 1) to the line it came from, so
findings before and after can be compared line for line.
"""
from __future__ import annotations

import re
import textwrap

_BLOCK_START = re.compile(r"^\s*(?:[#>|*+-]|\d+[.)]\s|```|~~~|<!--)")


def hard_wrap(text: str, width: int = 72) -> tuple[str, list[int]]:
    """Wrap every paragraph line longer than ``width`` at word boundaries, as many writers' editors do.
    Front matter, headings, list items, block quotes, tables, code and indented lines stay as they are."""
    out: list[str] = []
    origin: list[int] = []
    lines = text.split("\n")
    front = bool(lines) and lines[0] in ("---", "+++")
    fence = False
    for number, line in enumerate(lines, 1):
        if front:
            out.append(line)
            origin.append(number)
            front = not (number > 1 and line in ("---", "+++"))
            continue
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        keep = fence or len(line) <= width or _BLOCK_START.match(line) or line != line.lstrip()
        pieces = [line] if keep else textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
        out.extend(pieces or [line])
        origin.extend([number] * len(pieces or [line]))
    return "\n".join(out), origin


def straight_quotes(text: str) -> tuple[str, list[int]]:
    """Curly double quotes made straight (one character for one, so lines and columns stay); front matter,
    where a quote mark is YAML syntax, is left alone."""
    head, body = _front_matter(text)
    return head + body.translate({0x201C: '"', 0x201D: '"'}), list(range(1, text.count("\n") + 2))


def _front_matter(text: str) -> tuple[str, str]:
    m = re.match(r"(?:---|\+\+\+)\n.*?\n(?:---|\+\+\+)\n", text, re.S)
    return (m.group(), text[m.end():]) if m else ("", text)


def curly_quotes(text: str) -> tuple[str, list[int]]:
    """Straight double quotes made curly as smart-quote tools do: opening and closing in turn within each
    paragraph, except that a mark ending a word (a letter, figure or full stop before it, a space or the end
    after it) is always a closing one."""
    head, body = _front_matter(text)
    out = [head]
    for paragraph in re.split(r"(\n\s*\n)", body):
        opening = True
        chars = []
        for i, ch in enumerate(paragraph):
            if ch == '"':
                ends_a_word = i > 0 and (paragraph[i - 1].isalnum() or paragraph[i - 1] in ".,!?") \
                    and (i + 1 == len(paragraph) or paragraph[i + 1].isspace())
                chars.append("“" if opening and not ends_a_word else "”")
                opening = not opening or ends_a_word
            else:
                chars.append(ch)
        out.append("".join(chars))
    return "".join(out), list(range(1, text.count("\n") + 2))


def recase(text: str, lines: set[int], upper: bool) -> tuple[str, list[int]]:
    """The given lines (1-based) upper- or lower-cased."""
    changed = [(line.upper() if upper else line.lower()) if number in lines else line
               for number, line in enumerate(text.split("\n"), 1)]
    return "\n".join(changed), list(range(1, len(changed) + 1))
