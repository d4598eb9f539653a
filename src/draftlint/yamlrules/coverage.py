"""Does every match of a pack's pattern hold one of its declared needles? A check by reading the pattern.

The needle shortcut searches a pattern only in the blocks or lines that hold a needle, so an alternative of
the pattern whose matches hold none is never searched: its findings are lost without a sound, unless the
pack's examples happen to exercise it. This reads the pattern (Python's syntax, verbose mode or not, as the
packs write it; our own reader, no ``re`` internals) into alternatives and sequences, and asks of each way
through it whether it must match a run of literal text that holds a needle. It is conservative: a way it
cannot prove covered is reported. The test suite requires it of every bundled pack; a user's pack that it
cannot prove runs without its needles (``proved``).

Only what the packs use is read: escapes, classes, groups (non-capturing, named, scoped flags, conditionals,
lookarounds), quantifiers and alternation. Whitespace in the searched text is one space (``searchable``), so
``\\s`` or ``\\ `` with at least one repetition stands for one space.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

SPACE = " "
_RUNS_CAP = 1024  # ways through plain-text groups followed at once; past this a run ends


@dataclass
class Item:
    kind: str  # "lit" (text), "any" (a class, "." or an escape class), "zero" (anchors, lookarounds), "group"
    text: str = ""
    alts: list[list["Item"]] = field(default_factory=list)
    low: int = 1
    high: int | None = 1
    source: str = ""  # the pattern text it was read from


def _strip_verbose(pattern: str) -> str:
    """The pattern without verbose mode's whitespace and comments (kept inside classes and after a backslash)."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
            out.append(ch)
        elif ch == "[":
            in_class = True
            out.append(ch)
            if pattern[i + 1:i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1:i + 2] == "]":
                out.append("]")
                i += 1
        elif ch == "#":
            while i < len(pattern) and pattern[i] != "\n":
                i += 1
            continue
        elif not ch.isspace():
            out.append(ch)
        i += 1
    return "".join(out)


class _Reader:
    def __init__(self, source: str) -> None:
        self.s = source
        self.i = 0

    def alternatives(self) -> list[list[Item]]:
        alts = [self.sequence()]
        while self.i < len(self.s) and self.s[self.i] == "|":
            self.i += 1
            alts.append(self.sequence())
        return alts

    def sequence(self) -> list[Item]:
        items: list[Item] = []
        while self.i < len(self.s) and self.s[self.i] not in "|)":
            start = self.i
            item = self.atom()
            if item is not None:
                self.quantifier(item)
                item.source = self.s[start:self.i]
                items.append(item)
        return items

    def atom(self) -> Item | None:
        s, ch = self.s, self.s[self.i]
        if ch == "\\":
            esc = s[self.i + 1]
            self.i += 2
            if esc.isdigit() or esc in "xuUN":  # a back-reference, a character by its code: not read as text
                return Item("any")
            if esc == "s":
                return Item("lit", SPACE)
            if esc in "dDwWS":
                return Item("any")
            if esc in "bBAZ":
                return Item("zero")
            if esc == "n":
                return Item("lit", "\n")
            return Item("lit", esc)
        if ch == "[":
            j = self.i + 1
            if s[j:j + 1] == "^":
                j += 1
            if s[j:j + 1] == "]":
                j += 1
            while s[j] != "]":
                j += 2 if s[j] == "\\" else 1
            body, self.i = s[self.i + 1:j], j + 1
            chars = body.replace("\\", "")
            if len(chars) == 3 and chars[1] == "-" and ord(chars[2]) - ord(chars[0]) < 4:  # a short range: "[1-3]"
                body = chars = "".join(chr(c) for c in range(ord(chars[0]), ord(chars[2]) + 1))
            if body.startswith("^") or "-" in body.strip("-") or any("\\" + c in body for c in "wdsWDS") or len(chars) > 4:
                return Item("any")
            if set(chars) <= {" ", "t"} and "\\t" in body or set(chars) <= {" "}:
                return Item("lit", SPACE)  # "[ \t]": whitespace, one space in the searched text
            return Item("group", alts=[[Item("lit", c)] for c in dict.fromkeys(chars)])
        if ch == "(":
            return self.group()
        self.i += 1
        if ch in "^$":
            return Item("zero")
        if ch == ".":
            return Item("any")
        return Item("lit", ch)

    def group(self) -> Item | None:
        s = self.s
        self.i += 1
        zero = False
        if s.startswith("?", self.i):
            rest = s[self.i + 1:]
            if rest[:1] in "=!" or rest[:2] in ("<=", "<!"):
                # a lookaround matches nothing, but what a positive one sees is in the searched text too
                zero = "!" in rest[:2]
                self.i += 2 if rest[:1] in "=!" else 3
            elif rest.startswith("P<"):
                self.i = s.index(">", self.i) + 1
            elif rest.startswith("("):  # a conditional: (?(name)yes|no)
                self.i = s.index(")", self.i) + 1
            elif rest.startswith(":"):
                self.i += 2
            else:  # flags: (?x) alone, or scoped (?-i: …)
                j = self.i + 1
                while s[j] not in ":)":
                    j += 1
                if s[j] == ")":
                    self.i = j + 1
                    return None
                self.i = j + 1
        alts = self.alternatives()
        self.i += 1  # ")"
        return Item("zero") if zero else Item("group", alts=alts)

    def quantifier(self, item: Item) -> None:
        s = self.s
        if self.i >= len(s):
            return
        ch = s[self.i]
        if ch in "?*+":
            item.low, item.high = {"?": (0, 1), "*": (0, None), "+": (1, None)}[ch]
            self.i += 1
        elif ch == "{" and (s[self.i + 1:self.i + 2].isdigit() or s[self.i + 1:self.i + 2] == ","):
            j = s.index("}", self.i)
            low, _, high = s[self.i + 1:j].partition(",")
            item.low = int(low or 0)
            item.high = int(high) if high else (item.low if "," not in s[self.i + 1:j] else None)
            self.i = j + 1
        else:
            return
        if self.i < len(s) and s[self.i] in "?+":  # lazy or possessive
            self.i += 1


def proved(pattern: str, needles: tuple[str, ...]) -> bool:
    """Whether every match of ``pattern`` is proved to hold one of ``needles`` (folded); False for a pattern
    this reader cannot follow."""
    try:
        return not uncovered(parse(pattern), needles)
    except (IndexError, ValueError, RecursionError):
        return False


def parse(pattern: str) -> list[list[Item]]:
    flags = re.match(r"\s*\(\?([a-zA-Z]+)\)", pattern)  # "(?x)", "(?mx)" at the start: the whole pattern's flags
    verbose = flags is not None and "x" in flags.group(1)
    return _Reader(_strip_verbose(pattern) if verbose else pattern).alternatives()


def _plain(seq: list[Item]) -> set[str] | None:
    """Every text a sequence of plain text can match (a character or a group of plain text repeated an exact
    number of times or made optional), lower-cased; None when it holds anything else or too many ways."""
    texts = {""}
    for item in seq:
        if item.kind == "zero":
            continue
        if item.kind == "lit":
            options = {item.text.lower()}
        elif item.kind == "group":
            inner = [_plain(alt) for alt in item.alts]
            if any(x is None for x in inner):
                return None
            options = set().union(*inner)
        else:
            return None
        if item.kind == "lit" and item.text == SPACE:  # a run of whitespace is one space in the searched text
            reps = {1} if item.low else {0, 1}
        elif item.high is None or (item.low != item.high and (item.low, item.high) != (0, 1)):
            return None
        else:
            reps = {item.low, item.high}
        texts = {t + "".join(parts) for t in texts for n in reps for parts in _choices(options, n)}
        if len(texts) > _RUNS_CAP:
            return None
    return texts


def _choices(options: set[str], n: int):
    if n == 0:
        yield ()
        return
    for first in options:
        for rest in _choices(options, n - 1):
            yield (first, *rest)


def uncovered(alts: list[list[Item]], needles: tuple[str, ...]) -> list[str]:
    """The pattern text of the ways through ``alts`` that are not proved to hold a needle: the innermost
    alternatives found wanting, where a group's other alternatives hold one."""
    out: list[str] = []
    for seq in alts:
        if _seq_covered(seq, needles):
            continue
        inner = [text for item in _flat(seq) if item.kind == "group" and item.low >= 1
                 and any(_seq_covered(alt, needles) for alt in item.alts)
                 for text in uncovered(item.alts, needles)]
        out.extend(inner or ["".join(item.source for item in seq)])
    return out


def _flat(seq: list[Item]) -> list[Item]:
    """The sequence with each group of one alternative, matched once, opened in place."""
    out: list[Item] = []
    for item in seq:
        if item.kind == "group" and item.low == item.high == 1 and len(item.alts) == 1:
            out.extend(_flat(item.alts[0]))
        else:
            out.append(item)
    return out


def _seq_covered(seq: list[Item], needles: tuple[str, ...], budget: list[int] | None = None) -> bool:
    """Whether every match of ``seq`` holds a needle. A group that is not plain text, matched once, is opened
    alternative by alternative into the sequence (each way through it checked with what comes before and
    after it), within a budget of ways; past it, the group stands on its own."""
    seq = _flat(seq)
    budget = budget if budget is not None else [4000]
    for k, item in enumerate(seq):
        if item.kind == "group" and item.low == item.high == 1 and _plain([item]) is None and budget[0] > len(item.alts):
            budget[0] -= len(item.alts)
            return all(_seq_covered(seq[:k] + alt + seq[k + 1:], needles, budget) for alt in item.alts)
    runs = {""}

    def close() -> bool:
        nonlocal runs
        done = all(any(needle in run for needle in needles) for run in runs) and runs != {""}
        runs = {""}
        return done

    for item in seq:
        if item.kind == "zero":
            continue
        if item.kind == "lit" and item.low >= 1:
            text = item.text.lower() * (1 if item.text == SPACE else item.low)
            runs = {run + text for run in runs}
            if item.high != item.low and item.text != SPACE and close():
                return True
            continue
        if item.kind == "lit" and item.high == 1 and len(runs) * 2 <= _RUNS_CAP:  # "e-?mail": with and without
            runs = runs | {run + item.text.lower() for run in runs}
            continue
        if item.kind in ("group", "lit") and item.high is not None:
            texts = _plain([item])
            if texts is not None and len(runs) * len(texts) <= _RUNS_CAP:
                runs = {run + text for run in runs for text in texts}
                continue
        if close():
            return True
        if item.kind == "group" and item.low >= 1 and all(_seq_covered(alt, needles) for alt in item.alts):
            return True
    return close()
