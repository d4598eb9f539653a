"""draftlint.phrases: the trie of a phrase list matches what the flat alternation of the phrases, sorted
longest first, matches (same spans, same order), with and without ignoring case, with apostrophes."""
from __future__ import annotations

import random
import re

import pytest

from draftlint.phrases import alternation, phrase_regex


def _flat(phrases, flags=0, boundary=r"\w", apostrophes=False):
    def piece(word):
        escaped = re.escape(word)
        return re.sub("['’]", "['’]", escaped) if apostrophes else escaped
    parts = sorted({r"\s+".join(map(piece, p.split())) for p in phrases if p.split()}, key=len, reverse=True)
    return re.compile(rf"(?<!{boundary})(?:{'|'.join(parts)})(?!{boundary})", flags)


def _spans(pattern, text):
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def test_longest_phrase_at_a_position_wins_and_words_join_across_whitespace():
    pattern = phrase_regex(["share", "share this", "share this story", "sign up"])
    text = "Share this story now. share\nthis. Please sign   up, or share."
    assert [m.group() for m in pattern.finditer(text)] == ["share\nthis", "sign   up", "share"]
    assert phrase_regex(["share"], re.IGNORECASE).findall("SHARE shared Share") == ["SHARE", "Share"]


def test_boundary_and_apostrophes():
    assert phrase_regex(["don't miss"], apostrophes=True).findall("Don’t miss, don't miss") == ["don't miss"]
    assert phrase_regex(["don’t miss"], re.IGNORECASE, apostrophes=True).findall("Don't miss") == ["Don't miss"]
    assert phrase_regex(["tag"], boundary=r"[^\W_]").findall("_tag tags tag_") == ["tag", "tag"]
    assert phrase_regex(["tag"]).findall("_tag tags tag_ tag") == ["tag"]


def test_special_characters_are_literal():
    pattern = phrase_regex(["a.b", "c+", "(d)", "e|f", "[x]"], boundary=r"[^\W_]")
    assert [m.group() for m in pattern.finditer("a.b axb c+ (d) e|f e [x] x")] == ["a.b", "c+", "(d)", "e|f", "[x]"]


def test_empty_phrases_are_left_out():
    assert alternation(["", "  ", "ok"]) == "ok"


@pytest.mark.parametrize("seed", range(40))
def test_trie_matches_the_flat_alternation(seed):
    rng = random.Random(seed)
    letters = "abcAB'’ "
    phrases = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 7))) for _ in range(rng.randint(1, 30))]
    text = "".join(rng.choice(letters + "\n_.") for _ in range(400))
    for flags in (0, re.IGNORECASE):
        for apostrophes in (False, True):
            for boundary in (r"\w", r"[^\W_]"):
                trie = phrase_regex(phrases, flags, boundary=boundary, apostrophes=apostrophes)
                flat = _flat(phrases, flags, boundary, apostrophes)
                assert _spans(trie, text) == _spans(flat, text), (phrases, flags, apostrophes, boundary)


def test_a_long_phrase_does_not_recurse():
    word = "x" * 5000
    assert phrase_regex([word]).fullmatch(word)
