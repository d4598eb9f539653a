"""One regular expression for a list of phrases, as the phrase-list rules search for them.

A phrase is words; in the text they may be joined by any run of whitespace (a phrase hard-wrapped across a
line break still matches). The phrases are compiled as a trie (one branch per next character at each point,
shared prefixes written once), not as a flat alternation: at each position of the text the engine tries the
few characters that can come next rather than every phrase in turn, several times faster on lists of a
hundred phrases or more. It matches what the flat alternation of the phrases sorted longest first matches:
at each node the longer continuations are tried before the phrase that ends there.
"""
from __future__ import annotations

import re
from typing import Iterable

_END = ""  # the trie key of "a phrase ends here" (every other key is a piece of regex for one character or a gap)
GAP = r"\s+"


def _pieces(phrase: str, apostrophes: bool, fold: bool) -> list[str]:
    pieces: list[str] = []
    for word in phrase.split():
        if pieces:
            pieces.append(GAP)
        for ch in word:
            if apostrophes and ch in "'’":
                pieces.append("['’]")
            else:
                # Matching ignores case: a letter and its case-folded form are one branch (one that folds to
                # several characters stays as it is), so that no two branches at a point match one character.
                low = ch.casefold() if fold else ch
                pieces.append(re.escape(low if len(low) == 1 else ch))
    return pieces


def alternation(phrases: Iterable[str], *, apostrophes: bool = False, fold: bool = False) -> str:
    """The source of a regular expression (no group around it) that matches any of ``phrases``, longest
    first; with ``apostrophes``, an apostrophe in a phrase (straight or curly) matches either; ``fold``: the
    expression will be compiled to ignore case. Empty phrases are left out."""
    trie: dict = {}
    for phrase in phrases:
        pieces = _pieces(phrase, apostrophes, fold)
        if not pieces:
            continue
        node = trie
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[_END] = {}
    return _render(trie)


def _render(node: dict) -> str:
    # Iterative (a phrase of many characters would otherwise recurse as deep as it is long): each node's
    # source is made after its children's.
    order: list[dict] = []
    stack = [node]
    while stack:
        current = stack.pop()
        order.append(current)
        stack.extend(child for key, child in current.items() if key != _END)
    source: dict[int, str] = {}
    for current in reversed(order):
        options = [key + source[id(child)] for key, child in sorted(current.items()) if key != _END]
        if not options:
            source[id(current)] = ""
        elif _END in current:
            source[id(current)] = f"(?:{'|'.join(options)})?" if len(options) > 1 or len(options[0]) > 1 \
                else f"{options[0]}?"
        else:
            source[id(current)] = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
    return source[id(node)]


def phrase_regex(phrases: Iterable[str], flags: int = 0, *, boundary: str = r"\w", apostrophes: bool = False) -> re.Pattern[str]:
    """One matcher for ``phrases``, bounded on both sides by a character that is not ``boundary`` (a word
    character by default; ``[^\\W_]`` lets an underscore touch the phrase)."""
    body = alternation(phrases, apostrophes=apostrophes, fold=bool(flags & re.IGNORECASE))
    return re.compile(rf"(?<!{boundary})(?:{body})(?!{boundary})", flags)
