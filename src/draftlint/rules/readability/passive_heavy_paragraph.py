from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterator

from draftlint import nlp, shortcuts
from draftlint.document import Document, Sentence
from draftlint.findings import Family, Finding, Severity
from draftlint.rule import Rule
from draftlint.rules.readability._common import Quotations, head, sentences_by_paragraph

BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "'re", "’re"})
_ADVERBS = frozenset({"not", "n't", "n’t", "also", "still", "already", "often", "never", "always", "now", "then",
                      "just", "only", "even", "soon", "once", "again", "all", "both", "each", "seldom"})
_MAX_BETWEEN = 3  # adverbs or further forms of "be" between "be" and the participle: "is not yet being built"


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_participle(word: str) -> bool:
    """A past participle, without a tagger: an irregular form from the shipped list, or a regular "-ed"
    word that is not a common adjective or a non-verb ("tired", "based", "need", "hundred")."""
    if word in _words("irregular_participles.txt"):
        return True
    return (len(word) >= 5 and word.endswith("ed") and word.isalpha()
            and word not in _words("not_passive_ed.txt"))


def is_passive(words: list[str]) -> bool:
    """A form of "be", up to three adverbs (or further forms of "be"), then a past participle."""
    for i, word in enumerate(words):
        if word not in BE:
            continue
        for nxt in words[i + 1:i + 2 + _MAX_BETWEEN]:
            if is_participle(nxt):
                return True
            if not (nxt in BE or nxt in _ADVERBS or (nxt.endswith("ly") and len(nxt) > 4)):
                break
    return False


@lru_cache(maxsize=None)
def _be_pattern(special: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted(w for w in BE if w.isalpha())
    others = sorted(w for w in BE if not w.isalpha()) + sorted(special)
    return re.compile(r"(?<![a-z])(?:" + "|".join(words) + r")(?![a-z])|" + "|".join(map(re.escape, others)))


def _may_be_passive(sentence: Sentence) -> bool:
    """False only when no token of the sentence can be a form of "be", from its text alone, so that its tokens
    are made only when they may matter. A token's text is in the sentence's, so a form of "be" shows there:
    with no letter beside it, unless a tokenizer exception split it from one ("isn't"), or a soft hyphen that
    ``_sentence_words`` drops hides it."""
    text = sentence.text.lower()
    return "\u00ad" in text or _be_pattern(nlp.special_cases_with(BE)).search(text) is not None


def _sentence_words(sentence: Sentence) -> list[str]:
    """The sentence's tokens, lowercased, without punctuation."""
    # soft hyphens (U+00AD) inside a word would hide it from the word lists
    return [lower.replace("\u00ad", "") for _, _, lower, _, punct in nlp.token_attributes(sentence) if not punct]


class PassiveHeavyParagraph(Rule):
    """Flags a paragraph in which most sentences are in the passive voice.

    ## What it flags
    A paragraph of at least ``min-sentences`` sentences in which the share of passive sentences exceeds
    ``max-share``. A sentence is passive when it holds a form of "be" (am, is, are, was, were, be, been,
    being), optionally followed by adverbs ("not", "also", "-ly" words) or another form of "be", and then a
    past participle: an irregular form from the shipped list (written, taken, held, ...) or a regular
    "-ed" word. Without a part-of-speech tagger, common adjectives in "-ed" ("was tired", "is based in",
    "were worried") and non-verbs ("need", "hundred") are listed as exceptions and never count. The finding
    sits on the paragraph's first line and column. Sentences that open inside a quotation are a speaker's
    words, which the writer cannot restyle: they are left out of the count. Severity is ``info``: some
    passages are rightly passive, so a finding asks for a second look, not a rewrite.

    ## Why it matters
    One passive sentence is often right (the actor is unknown or beside the point). A paragraph built of
    them hides who did what, reads slowly and sounds official; content-analysis tools used by publishers
    warn when more than about 10% of a text's sentences are passive. Counting per paragraph points at the
    places where it piles up instead of at every single use.

    ## Example
        The budget was approved on Monday. The new rules were drafted by a committee. Objections were
        raised but were not discussed.

    ## How to fix
    Name the actor and make it the subject: "The council approved the budget on Monday. A committee drafted
    the new rules." Keep the passive where the actor truly does not matter.
    """

    code = "R005"
    name = "passive-heavy-paragraph"
    family = Family.READABILITY
    severity = Severity.INFO
    needs = frozenset({"sentences"})

    @dataclass(frozen=True)
    class Options:
        min_sentences: int = field(default=3, metadata={"help": "paragraphs with fewer sentences are not checked"})
        max_share: float = field(default=0.5, metadata={
            "help": "0..1: a paragraph whose share of passive sentences is above this is flagged"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        quotations = Quotations(doc)
        for para, found in sentences_by_paragraph(doc):
            sentences = [s for s in found if not quotations.opens(doc, s)]
            if len(sentences) < opts.min_sentences:
                continue
            candidates = [s for s in sentences if _may_be_passive(s)] if shortcuts.enabled() else sentences
            if len(candidates) / len(sentences) <= opts.max_share:
                continue  # even if all of them were passive
            passive = sum(1 for s in candidates if is_passive(_sentence_words(s)))
            if passive / len(sentences) > opts.max_share:
                yield self.finding(doc, para.start, para.end,
                                   f"{passive} of {len(sentences)} sentences in the passive voice: “{head(para.text)}”")
