"""Token attributes of a sentence without a spaCy doc where the tokenizer's answer is known.

Shortcut (off with DRAFTLINT_NO_SHORTCUTS=1, when every sentence's tokens come from its spaCy span): the
tokenizer splits each whitespace-delimited chunk on its own, so a sentence's tokens are its chunks' tokens;
a chunk of ASCII letters that is no exception is one token, and other chunks are tokenized once per process.
"""
from __future__ import annotations

import re
from typing import Iterator

from draftlint import shortcuts
from draftlint.document import Sentence
from draftlint.nlp.load import LONGEST_CHUNK, one_token, per_pipeline, pipeline, readable


CHUNK = re.compile(r"\S+")  # a whitespace-delimited chunk, which the tokenizer splits on its own


def token_attributes(sentence: Sentence) -> Iterator[tuple[int, str, str, bool, bool]]:
    """The sentence's tokens but whitespace, as (offset in the document, text, lowercase, is_alpha, is_punct),
    for rules that need these of many sentences. The tokenizer splits each whitespace-delimited chunk on its
    own, so when the sentence starts and ends at whitespace they are its chunks' tokens (no spaCy doc needed);
    otherwise (a sentence started inside a chunk: ``end."Next``) they come from its span."""
    block = sentence.block
    text = block.text
    a, b = sentence.start - block.start, sentence.end - block.start
    if shortcuts.enabled() and (a == 0 or text[a - 1].isspace()) and (b == len(text) or text[b].isspace()):
        for chunk in CHUNK.finditer(text, a, b):
            base = block.start + chunk.start()
            word = chunk.group()
            if len(word) > LONGEST_CHUNK:
                for offset, token, lower, alpha, punct in chunk_tokens(readable(word)):
                    yield base + offset, token, lower, alpha, punct
                continue
            if one_token(word):
                yield base, word, word.lower(), True, False
                continue
            for offset, token, lower, alpha, punct in chunk_tokens(word):
                yield base + offset, token, lower, alpha, punct
        return
    first = None
    for t in sentence.tokens:
        if not t.is_space:
            first = t.idx if first is None else first
            yield sentence.start + t.idx - first, t.text, t.lower_, t.is_alpha, t.is_punct


@per_pipeline
def chunk_tokens(chunk: str) -> tuple[tuple[int, str, str, bool, bool], ...]:
    return tuple((t.idx, t.text, t.lower_, t.is_alpha, t.is_punct) for t in pipeline().tokenizer(chunk))
