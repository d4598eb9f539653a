"""The shape of lines of text: whether a line break runs on inside a sentence (a hard-wrapped paragraph) or
separates lines that stand on their own (a stack of labels, headlines or links)."""
from __future__ import annotations

import re
from typing import Sequence


_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


# words a sentence or a headline does not end on: articles, prepositions, conjunctions, possessives
_NO_END = frozenset("""
a an the of to in on at by for with from into onto about over under than as and or but nor that which who whom
whose his her their its our my your is are was were be been being has have had will would can could should
said says told
""".split())
_OPENING_MARKS = "\"“‘'(*_[«„"


# Editors hard-wrap prose at widths between these (git's and most style guides' 72, Emacs' 70, 79 or 80
# elsewhere): a stack's breaks are measured against a width of at least the narrowest, and a line wider
# than the widest was not wrapped.
NARROWEST_WRAP = 60
WIDEST_WRAP = 80


def looks_wrapped(lines: Sequence[str]) -> bool:
    """Whether two or more lines read as one hard-wrapped paragraph: lines of similar width, a last line no
    longer than the others (a short line followed by a long one is a title or label above its own
    paragraph, not a wrap), and a sentence running on across a break somewhere (a line that ends in a comma
    or a hyphen, or goes on in lower case): a stack of headlines or links has lines of similar width too,
    each one capitalised."""
    widths = [len(line.strip()) for line in lines[:-1]]
    if not (all(40 <= w <= 100 for w in widths) and max(widths) - min(widths) <= 30
            and len(lines[-1].strip()) <= max(widths) + 10):
        return False
    return any(runs_on(a, b) for a, b in zip(lines, lines[1:]))


def breaks_early(a: str, b: str, width: int) -> bool:
    """Whether the break after line ``a`` comes before a word that would have fit on it within ``width``
    columns (the widest line around it): an editor that hard-wraps fills each line as far as the next word
    goes, so a line that stops short was ended by the writer (or the page the text was taken from)."""
    first = b.split(None, 1)
    return bool(first) and len(a.strip()) + 1 + len(first[0]) <= width


def wraps_into(a: str, b: str) -> bool:
    """Whether line ``b`` continues line ``a`` of a hard-wrapped paragraph: ``a`` has a prose line's width
    and a sentence visibly runs on across the break."""
    return 40 <= len(a.strip()) <= 100 and runs_on(a, b)


def runs_on(a: str, b: str) -> bool:
    """Whether a sentence visibly runs on from line ``a`` into line ``b``: ``a`` ends in a comma, hyphen or
    semicolon or on a word no sentence ends on ("the", "of", "said"), leaves a quotation or a bracket open; or,
    after a line that is not a headline in Title Case ("… Setback For Putin"), ``b`` goes on in lower case."""
    a = a.rstrip()
    if a.endswith((",", "-", ";")):
        return True
    last = a.rsplit(None, 1)[-1].lower() if a.strip() else ""
    if last in _NO_END:
        return True
    if a.count("“") > a.count("”") or a.count('"') % 2 or a.count("(") > a.count(")"):
        return True
    first = b.lstrip().lstrip(_OPENING_MARKS)[:1]
    if title_case(a):
        return False
    return first.islower()  # a line of running prose that stops mid-sentence, and the next goes on in lower case


def title_case(line: str) -> bool:
    """Every word of four letters or more is capitalised: a headline, not a line of running prose."""
    words = _LONG_WORD.findall(line)
    return bool(words) and all(word[0].isupper() for word in words)

