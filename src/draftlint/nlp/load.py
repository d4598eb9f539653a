"""The spaCy pipeline, loaded once per process on first use: spaCy's blank English pipeline with our
rule-based sentence splitter (``_Sentences``), or the trained pipeline named in config when the user has one
installed; and what the rules ask of its tokenizer without running it (its exceptions).
"""
from __future__ import annotations

import functools
import re

from draftlint.nlp import facts


_MODEL: str | None = None
_NLP = None
_SPECIAL: frozenset[str] | None = None  # the tokenizer's exceptions
BATCH_SIZE = 256
LONGEST_CHUNK = 64  # characters without whitespace that the pipeline reads as text (see ``readable``)
_LONG_CHUNK = re.compile(r"\S{%d,}" % (LONGEST_CHUNK + 1))


class PipelineError(Exception):
    pass


def configure(model: str | None) -> None:
    """Choose the pipeline: None for the blank English pipeline, or a package name / folder path."""
    global _MODEL, _NLP, _SPECIAL
    if model != _MODEL:
        _MODEL, _NLP, _SPECIAL = model, None, None
        _WITH.clear()
        for memo in _PER_PIPELINE:
            memo.cache_clear()


_PER_PIPELINE: list = []


def per_pipeline(func):
    """``func`` (of a string, answered by the pipeline's tokenizer) memoised until the pipeline changes."""
    memo = functools.lru_cache(maxsize=65536)(func)
    _PER_PIPELINE.append(memo)
    return memo


def readable(text: str) -> str:
    """``text`` as the pipeline reads it: each run of more than LONGEST_CHUNK characters without whitespace
    (no word is that long: a hash, a run of symbols, words glued together by a scraper) becomes zeros with a
    space every LONGEST_CHUNK characters, number-like tokens. The tokenizer takes time quadratic in the length
    of a chunk that it splits affix by affix (20,000 "[" took 30 s), and this keeps it linear. Of the same
    length, so offsets are unchanged, and what it does is the same with or without the shortcuts. A line break
    inside a segment (a hard-wrapped paragraph) reads as a space: the words on either side are neighbours, not
    separated by a whitespace token."""
    return _LONG_CHUNK.sub(_placeholder, text).replace("\n", " ")


def _placeholder(match: re.Match[str]) -> str:
    size = len(match.group())
    unit = "0" * (LONGEST_CHUNK - 1) + " "
    out = (unit * (size // LONGEST_CHUNK + 1))[:size]
    return out[:-1] + "0" if out.endswith(" ") else out


def model() -> str | None:
    """The configured pipeline: None for the blank English pipeline with our sentence splitter."""
    return _MODEL


def pipeline():
    global _NLP
    if _NLP is None:
        import spacy

        if _MODEL:
            try:
                nlp = spacy.load(_MODEL, exclude=["ner", "lemmatizer", "textcat"])
            except (OSError, ImportError, ValueError) as exc:
                raise PipelineError(f"cannot load spaCy pipeline {_MODEL!r}: {exc}") from None
            if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
                _add_sentences(nlp)
        else:
            nlp = spacy.blank("en")
            _add_sentences(nlp)
        _NLP = nlp
    return _NLP


def special_case(text: str) -> bool:
    """Whether the pipeline's tokenizer has an exception for ``text`` (it is not split by the general rules)."""
    global _SPECIAL
    if _SPECIAL is None:
        _SPECIAL = frozenset(_exceptions())
    return text in _SPECIAL


def one_token(word: str) -> bool:
    """Whether the tokenizer keeps ``word`` (no whitespace) as one token, known without asking it: ASCII letters
    alone (no prefix, suffix or infix rule splits those) that are not an exception ("cannot", "id")."""
    return word.isascii() and word.isalpha() and not special_case(word)


_WITH: dict[frozenset[str], tuple[str, ...]] = {}


def special_cases_with(words: frozenset[str]) -> tuple[str, ...]:
    """The pipeline's tokenizer exceptions, lowercased, that make a token whose lowercase form is in ``words``."""
    found = _WITH.get(words)
    if found is None:
        found = _WITH[words] = tuple(sorted({key.lower() for key, texts in _exceptions().items()
                                             if any(text.lower() in words for text in texts)}))
    return found


def _exceptions() -> dict[str, list[str]]:
    """The tokenizer's exceptions, each with the texts of its tokens (shipped for the blank pipeline)."""
    known = facts.shipped() if _MODEL is None else None
    if known:
        return known["exceptions"]
    from spacy.attrs import ORTH

    rules = pipeline().tokenizer.rules or {}
    return {key: [str(t.get(ORTH, "")) for t in tokens] for key, tokens in rules.items()}


_OPENING_MARKS = ('"', "“", "‘", "'", "(", "[", "„", "«")


@functools.lru_cache(maxsize=None)
def end_marks() -> tuple[frozenset[str], re.Pattern[str], tuple[str, ...]]:
    """The end punctuation of spaCy's sentencizer (a sentence ends after one of these), a regex for them, and
    those of them that are ASCII (found with ``str.find`` in ASCII text, far faster than the regex)."""
    known = facts.shipped()
    if known:
        marks = frozenset(known["end_marks"])
    else:
        from spacy.pipeline.sentencizer import Sentencizer

        marks = frozenset(Sentencizer.default_punct_chars)
    return marks, re.compile("[" + re.escape("".join(sorted(marks))) + "]"), tuple(sorted(c for c in marks if c.isascii()))


_NOT_START = 2**64 - 1  # -1 (not a sentence start) as spaCy's uint64 token arrays hold it


class _Sentences:
    """Sentence starts for the blank pipeline, from token arrays rather than token objects: spaCy's rule-based
    sentencizer (its default end punctuation), then two fixes.

    The sentencizer starts a sentence at the first token after end punctuation that is neither punctuation nor
    end punctuation, so a sentence ends with its final mark *and* any punctuation that follows: the opening
    quote mark of the next sentence (``said. "Then``) lands on the previous one, and ``"Stop!" said the man``
    is split after the quote. The fixes move such a trailing opening mark to the sentence it opens, and never
    start a sentence with a lowercase word. Same result as ``nlp.add_pipe("sentencizer")`` plus those fixes,
    in about 70% of the time: spaCy's sentencizer builds a Python object for every token."""

    def __init__(self, vocab) -> None:
        strings = vocab.strings
        self.ends = frozenset(strings.add(c) for c in end_marks()[0])
        self.openers = frozenset(strings.add(c) for c in _OPENING_MARKS)

    def __call__(self, doc):
        import numpy
        from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, ORTH, SENT_START, SPACY

        n = len(doc)
        if not n:
            return doc
        rows = doc.to_array([ORTH, IS_PUNCT, IS_ALPHA, IS_LOWER, SPACY]).tolist()
        ends, openers = self.ends, self.openers
        starts = [_NOT_START] * n
        starts[0] = 1
        seen_end = False
        for i, (orth, punct, alpha, lower, _) in enumerate(rows):
            if orth in ends:
                seen_end = True
            elif seen_end and not punct:
                seen_end = False
                if alpha and lower:  # never start a sentence with a lowercase word
                    continue
                prev = rows[i - 1]
                if prev[0] in openers and not prev[4] and starts[i - 1] != 1 and rows[i - 2][4]:
                    starts[i - 1] = 1  # an opening mark attached to this word opens its sentence
                else:
                    starts[i] = 1
        doc.from_array([SENT_START], numpy.array(starts, dtype="uint64").reshape(n, 1))
        return doc


def _add_sentences(nlp) -> None:
    from spacy.language import Language

    if not Language.has_factory("draftlint_sentences"):
        Language.factory("draftlint_sentences", func=lambda nlp, name: _Sentences(nlp.vocab))
    nlp.add_pipe("draftlint_sentences")
