"""Sentences: the prose of many documents split in one batched pass of the pipeline, set on each document.

Shortcuts (off with DRAFTLINT_NO_SHORTCUTS=1, when the pipeline splits every segment whole): with the blank
pipeline, a paragraph is first cut where a sentence certainly starts (``_pieces``), and a piece that can only
be one sentence (``_one_sentence``: most pieces, list items and short paragraphs) skips the pass: its sentence
is the whole piece, and its tokens are made on first use (``_first_sentence``).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable, Iterator

from draftlint import shortcuts
from draftlint.document import Block, Document, Sentence
from draftlint.nlp.load import (BATCH_SIZE, end_marks, model, one_token, pipeline, readable,
                                special_case)
from draftlint.nlp.tokens import CHUNK, chunk_tokens


def segments(block: Block) -> Iterator[tuple[int, str]]:
    """(offset in block, text) pieces that sentences never cross (``Block.pieces``)."""
    return iter(block.pieces)


SENTENCE_KINDS = frozenset({"paragraph", "list-item", "blockquote", "footnote"})


def annotate(docs: Iterable[Document]) -> list[list[Sentence]]:
    """Split the prose of many documents into sentences in one batched pass, and set them on each document
    (``doc.sentences``). With the shortcuts, see the module's docstring."""
    docs = list(docs)
    cut = model() is None and shortcuts.enabled()  # the blank pipeline's shortcuts apply
    jobs: list[tuple[int, Block, int, str]] = []
    for index, doc in enumerate(docs):
        for block in doc.blocks:
            if block.kind in SENTENCE_KINDS:
                for offset, text in segments(block):
                    text = readable(text)
                    if cut:
                        jobs.extend((index, block, offset + cut, piece) for cut, piece in _pieces(text))
                    else:
                        jobs.append((index, block, offset, text))
    results: list[list[Sentence]] = [[] for _ in docs]
    if not jobs:
        _store(docs, results)
        return results
    alone = [cut and _one_sentence(text) for _, _, _, text in jobs]
    rest = [job[3] for job, one in zip(jobs, alone) if not one]
    parsed = pipeline().pipe(rest, batch_size=BATCH_SIZE) if rest else iter(())  # spaCy only when needed
    for (index, block, offset, text), one in zip(jobs, alone):
        if one:
            stripped = text.strip()
            if stripped:
                start = block.start + offset + len(text) - len(text.lstrip())
                results[index].append(Sentence(start, start + len(stripped), _words(block, start, len(stripped)),
                                               block, functools.partial(_first_sentence, text)))
            continue
        for sent in next(parsed).sents:
            raw = text[sent.start_char:sent.end_char]  # sent.text, without rebuilding it from its tokens
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            start = block.start + offset + sent.start_char + lead
            results[index].append(Sentence(start, start + len(stripped), _words(block, start, len(stripped)), block, sent))
    _store(docs, results)
    return results


def _words(block: Block, start: int, size: int) -> str:
    """The sentence's text in the source (not as the pipeline read it, see ``readable``), words joined by one space."""
    begin = start - block.start
    return " ".join(block.text[begin:begin + size].split())


def _store(docs: list[Document], results: list[list[Sentence]]) -> None:
    for doc, found in zip(docs, results):
        doc.sentences = tuple(found)


def _one_sentence(text: str) -> bool:
    """Whether the sentence splitter finds at most one sentence in ``text`` (besides trailing whitespace):
    it has no end mark token, or nothing but punctuation follows its first one (``… the end.”)``). A
    sentence starts only at a token after an end mark token that is not punctuation itself (``_Sentences``),
    and every token after the first end mark is then made of punctuation characters alone. An end mark
    inside a token ("1.34", "example.com", "e.g.") is no end mark token: a chunk with a mark is asked of the
    tokenizer (once per process, ``tokens.chunk_tokens``)."""
    body = text.rstrip()
    _, pattern, ascii_marks = end_marks()
    if body.isascii():
        found = [i for i in map(body.find, ascii_marks) if i >= 0]
        first = min(found) if found else -1
    else:
        match = pattern.search(body)
        first = match.start() if match else -1
    if first < 0 or _only_punctuation(body, first):
        return True
    first = _first_end_token(body, body.rfind(" ", 0, first) + 1)
    return first < 0 or _only_punctuation(body, first)


def _only_punctuation(text: str, start: int) -> bool:
    return all(unicodedata.category(c)[0] == "P" for c in text[start:])


def _first_end_token(text: str, start: int) -> int:
    """The offset of the first token of ``text`` that is an end mark, from the chunk that begins at
    ``start`` on; -1 when there is none (the tokenizer splits each whitespace-delimited chunk on its own)."""
    marks, pattern, _ = end_marks()
    for chunk in CHUNK.finditer(text, start):
        word = chunk.group()
        if pattern.search(word):
            for offset, token, _, _, _ in chunk_tokens(word):
                if token in marks:
                    return chunk.start() + offset
    return -1


# an end mark and up to three more characters closing a chunk, whitespace (group 1), then an ASCII capital


_CUT = re.compile(r"[.!?]\S{0,3}(\s+)(?=[A-Z])")


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of ``text`` cut where the splitter certainly starts a sentence, so that each piece splits
    the same alone as inside ``text`` (often as one sentence, see ``_one_sentence``).

    spaCy tokenises each whitespace-delimited chunk on its own. When a chunk's tokens end with an end mark and
    then punctuation only (``word.``, ``word.)``; not ``Dr.`` or ``U.S.``), and whitespace and an ASCII capital
    follow, ``_Sentences`` starts a sentence at the next token whatever came before: at the capital, or at a
    whitespace token before it. The cut is at that token (after the one space the mark's token keeps), where
    the sentence starts in the same state as at the start of a text."""
    start = 0
    for match in _CUT.finditer(text):
        end = match.start(1)  # the chunk's end
        if _ends_sentence(text[text.rfind(" ", 0, end) + 1:end].split()[-1]):
            cut = end + 1 if text[end] == " " else end
            yield start, text[start:cut]
            start = cut
    yield start, text[start:]


def _ends_sentence(chunk: str) -> bool:
    """Whether the tokens of ``chunk`` (no whitespace) end with an end mark and then punctuation only. They do
    for ASCII letters, the last one lowercase, and a mark (spaCy's suffix rules split ``.`` after a lowercase
    letter, and ``!`` and ``?`` anywhere; the letters stay one token), unless the chunk is an exception
    (``etc.``) or the letters are (``id.`` is ``i`` and ``d.``, an exception re-joined with its mark); other
    chunks are asked of the tokenizer."""
    word = chunk[:-1]
    if chunk[-1] in ".!?" and one_token(word) and word[-1].islower():
        return not special_case(chunk)
    return _tokenized_end(chunk)


def _tokenized_end(chunk: str) -> bool:
    marks = end_marks()[0]
    for _, token, _, _, punct in reversed(chunk_tokens(chunk)):
        if token in marks:
            return True
        if not punct:
            return False
    return False


def _first_sentence(text: str):
    """The first sentence of ``text`` as the pipeline splits it: a one-sentence piece's span, made when first
    asked for. Unless the text ends in a whitespace token (which may make a sentence of its own), all its
    tokens are that sentence, and the tokenizer alone makes them."""
    nlp = pipeline()
    doc = nlp.make_doc(text)
    if len(doc) and not doc[-1].is_space:
        return doc[:]
    return next(iter(nlp(text).sents))
