"""Matching the attribution cues (``_patterns``): spaCy Matchers over subsets of them, and the trigger words.

Every pattern has an anchor: a token it cannot match without, whose words are all literal. The union of the
anchors is the set of trigger words; a sentence (or a window of one) without any trigger word cannot hold a
match, which is the shortcut the analysis takes. A pattern without an anchor must say so in
``NEEDS_NO_TRIGGER``; ``check_anchors`` fails loudly at load when one does not. Further, a sentence is matched
only with the patterns whose every required literal token has a word in it (``possible``).
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Any, Iterable

from draftlint.document import Sentence
from draftlint.nlp.load import special_cases_with
from draftlint.phrases import alternation
from draftlint.rules.quotes import _patterns
from draftlint.rules.quotes._lexicon import INVISIBLE


class _Matchers:
    """The patterns of one spaCy vocabulary, and Matchers over subsets of them.

    Every pattern has an anchor (``_anchor``): a token that must match and whose words are all trigger words. Such
    a pattern can match in a stretch of text only if one of its anchor words is there, so a window around trigger
    words is matched with the patterns anchored on the words it holds (plus any pattern without an anchor): the
    same matches as all the patterns, for a fraction of the work."""

    def __init__(self, vocab) -> None:
        from spacy.strings import hash_string

        self.vocab = vocab
        self.patterns = PATTERNS
        self.always = UNANCHORED
        self.by_word = {hash_string(word): found | UNANCHORED for word, found in _BY_ANCHOR.items()}
        self.built: dict[frozenset[int], Any] = {}

    def anchored_on(self, word: int) -> frozenset[int]:
        """The patterns anchored on a trigger word (its LOWER hash), and those without an anchor."""
        return self.by_word.get(word, self.always)

    def for_words(self, hashes: Iterable[int], among: frozenset[int]) -> Any:
        """A Matcher of the patterns (of those ``among``) that can match where only these trigger words (LOWER
        hashes) occur."""
        chosen = set(self.always)
        for h in hashes:
            chosen |= self.by_word.get(h, self.always)
        return self.subset(frozenset(chosen) & among)

    def every(self) -> Any:
        """A Matcher of all the patterns."""
        return self.subset(frozenset(range(len(self.patterns))))

    def subset(self, chosen: frozenset[int]) -> Any:
        found = self.built.get(chosen)
        if found is None:
            from spacy.matcher import Matcher

            found = self.built[chosen] = Matcher(self.vocab)
            grouped: dict[str, list[list[dict]]] = {}
            for index in sorted(chosen):
                label, pattern = self.patterns[index]
                grouped.setdefault(label, []).append(pattern)
            for label, group in grouped.items():
                found.add(label, group, greedy="LONGEST")
        return found


# Words too common to anchor a pattern: a pattern's anchor is one of its other required tokens.
_NO_ANCHOR = frozenset({"it", "the", "a", "an", "to", "of", "in", "on", "for", "and", "or", "is", "was", "be", "been",
                        "as", "with", "at", "by", "from", "out", "up", "some", "most", "many", "several", "top", "leading",
                        "that", "there", "one", "another", "are", "were", "those", "who", "has", "have", "had"})
# Labels whose patterns may lack an anchor (and so are matched on every sentence). None today; a new pattern
# without a literal required token must be added here, or check_anchors refuses to load the rules.
NEEDS_NO_TRIGGER: frozenset[str] = frozenset()


def _required(pattern: list[dict]) -> list[frozenset[str]]:
    """The word sets of the pattern's required literal tokens (``LOWER`` a word or ``IN`` a list): in any
    match, one token's lowercase form is a word of each set."""
    out = []
    for spec in pattern:
        op = spec.get("OP", "1")
        if op in ("?", "*", "!") or op.startswith("{0"):
            continue
        lower = spec.get("LOWER")
        words = frozenset([lower]) if isinstance(lower, str) else frozenset((lower or {}).get("IN", ()))
        if words:
            out.append(words)
    return out


def _anchor(pattern: list[dict]) -> frozenset[str] | None:
    """The smallest set of literal words one of the pattern's required tokens must be (function words aside; of
    two sets as small, the later one): the pattern cannot match where none of them occurs. None when no required
    token is literal."""
    best = None
    for words in _required(pattern):
        if not words & _NO_ANCHOR and (best is None or len(words) <= len(best)):
            best = words  # of two as small, the later: a set phrase's last word is its rarest ("… of anonymity")
    return best


def _span_length(pattern: list[dict]) -> int:
    """The most tokens a pattern can match."""
    total = 0
    for spec in pattern:
        op = spec.get("OP", "1")
        if op == "*" or op == "+":
            raise ValueError("quote patterns must be bounded (no * or +)")
        total += int(op[1:-1].split(",")[-1]) if op.startswith("{") else 1
    return total


def check_anchors() -> tuple[frozenset[str], int]:
    """The trigger words (every pattern's anchor) and the longest span of a pattern. Fails loudly when a
    pattern has no anchor and its label is not in NEEDS_NO_TRIGGER: the trigger shortcut would drop its
    matches."""
    triggers: set[str] = set()
    longest = 0
    for label, group in _patterns.grouped().items():
        for pattern in group:
            words = _anchor(pattern)
            if words is None and label not in NEEDS_NO_TRIGGER:
                raise RuntimeError(f"quote pattern {label} {pattern!r} has no trigger word: give it a required "
                                   "literal token or list its label in NEEDS_NO_TRIGGER")
            triggers |= words or set()
            longest = max(longest, _span_length(pattern))
    return frozenset(triggers), longest


TRIGGERS, _LONGEST = check_anchors()
REACH = _LONGEST + 1  # a window this wide on either side of a trigger word holds every match that uses it


PATTERNS: list[tuple[str, list[dict]]] = [(label, pattern) for label, group in _patterns.grouped().items() for pattern in group]
_ANCHORS = [_anchor(pattern) for _, pattern in PATTERNS]
# per pattern, its required word sets made of ASCII letters only (the others are not looked for in the text),
# but its anchor: the patterns to check are those anchored on a trigger word of the text
_LETTER_SETS = [[words for words in _required(pattern) if words != anchor
                 and all(w.isascii() and w.isalpha() for w in words)] for (_, pattern), anchor in zip(PATTERNS, _ANCHORS)]
# each trigger word, the patterns anchored on it
_BY_ANCHOR: dict[str, frozenset[int]] = {}
for _index, _words in enumerate(_ANCHORS):
    for _word in _words or ():
        _BY_ANCHOR[_word] = _BY_ANCHOR.get(_word, frozenset()) | {_index}
UNANCHORED = frozenset(i for i, anchor in enumerate(_ANCHORS) if anchor is None)
_RUN = re.compile("[a-z]+")
# per pattern, its required word sets of ASCII letters (the anchor's too), and the union of their words: each
# required token is a token of its own, so a match needs as many occurrences of these words as there are sets
# ("report" is both a study and a verb of "reports show", but one "report" cannot be both)
_ALL_LETTER_SETS = [[words for words in _required(pattern) if all(w.isascii() and w.isalpha() for w in words)]
                    for _, pattern in PATTERNS]
_LETTER_UNIONS = [frozenset().union(*sets) for sets in _ALL_LETTER_SETS]


def possible(text: str) -> frozenset[int]:
    """The patterns (indices in ``PATTERNS``) that may match in a sentence whose lowercased text is ``text``:
    for each of a pattern's required tokens, one of its words is a run of letters in the text, or the text
    holds a tokenizer exception that makes such a token ("cannot" makes "not"); and the text has at least as
    many runs among those words as the pattern has required tokens. Exact, not a guess: the
    tokenizer splits a run of ASCII letters only by its exceptions (``nlp.load.one_token``)."""
    found = _RUN.findall(text)
    runs = set(found)
    anchored = set(UNANCHORED)
    for word in runs.intersection(TRIGGERS):
        anchored |= _BY_ANCHOR[word]
    if any(key in text for key in special_cases_with(TRIGGERS)):  # none with the blank pipeline
        anchored = set(range(len(PATTERNS)))
    return frozenset(i for i in anchored
                     if all(not words.isdisjoint(runs) or any(k in text for k in special_cases_with(words))
                            for words in _LETTER_SETS[i]) and _enough_words(i, found, text))


def _enough_words(i: int, found: list[str], text: str) -> bool:
    """Whether the runs of letters ``found`` hold as many words of pattern ``i``'s required sets as it has sets
    (a tokenizer exception can make two tokens of one run: then the count says nothing)."""
    union = _LETTER_UNIONS[i]
    need = len(_ALL_LETTER_SETS[i])
    if need < 2 or sum(1 for word in found if word in union) >= need:
        return True
    return any(key in text for key in special_cases_with(union))


@functools.lru_cache(maxsize=1)
def _trigger_run() -> re.Pattern[str]:
    """A trigger word as a whole run of letters, in lowercased text (compiled when first needed)."""
    return re.compile(r"(?<![a-z])(?:" + alternation(TRIGGERS) + r")(?![a-z])")


def with_trigger_words(sentences: list[Sentence]) -> list[int]:
    """The indices of the sentences (in document order, none overlapping) that hold a trigger word, found with
    one search of each block: the others can hold no cue (``possible``). Every sentence of a block is kept
    whose lowercased text is not aligned with it or that holds characters ``plain`` removes; and all of
    them when a pattern has no anchor or a tokenizer exception makes a trigger word (neither happens with
    the blank pipeline)."""
    keep: set[int] = set()
    starts = [s.start for s in sentences]
    blocks = {id(s.block): s.block for s in sentences}
    by_block: dict[int, list[int]] | None = None  # the sentences of each block, grouped once when first needed
    whole = bool(UNANCHORED) or any(special_cases_with(TRIGGERS))
    for key, block in blocks.items():
        text = block.text
        low = text.lower()
        if whole or len(low) != len(text) or INVISIBLE.search(text):
            if by_block is None:
                by_block = {}
                for i, s in enumerate(sentences):
                    by_block.setdefault(id(s.block), []).append(i)
            keep.update(by_block[key])
            continue
        for m in _trigger_run().finditer(low):
            offset = block.start + m.start()
            i = bisect.bisect_right(starts, offset) - 1
            if i >= 0 and offset < sentences[i].end:
                keep.add(i)
    return sorted(keep)


@functools.lru_cache(maxsize=None)
def patterns_of(labels: tuple[str, ...]) -> frozenset[int]:
    """The patterns (indices in ``PATTERNS``) of these labels."""
    return frozenset(i for i, (label, _) in enumerate(PATTERNS) if label in labels)


_MATCHERS: dict[int, _Matchers] = {}


def matchers(vocab) -> _Matchers:
    """The patterns and Matchers of a spaCy vocabulary (the pipeline can be reconfigured), made on first use."""
    found = _MATCHERS.get(id(vocab))
    if found is None or found.vocab is not vocab:
        found = _MATCHERS[id(vocab)] = _Matchers(vocab)
    return found


@functools.lru_cache(maxsize=1)
def trigger_hashes() -> frozenset[int]:
    """The trigger words as spaCy LOWER hashes."""
    from spacy.strings import hash_string

    return frozenset(hash_string(w) for w in TRIGGERS)
