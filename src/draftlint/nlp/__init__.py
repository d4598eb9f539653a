"""Language helpers, loaded lazily: nothing here imports spaCy until a rule needs it.

- ``load``: the spaCy pipeline (once per process) and its tokenizer's exceptions;
- ``sentences``: the prose of a batch of documents split into sentences, set on each document;
- ``tokens``: a sentence's token attributes, without a spaCy doc where the tokenizer's answer is known;
- ``readability``: Flesch reading ease and Flesch–Kincaid grade from syllable counts (offline).
"""
from __future__ import annotations

from draftlint.nlp.load import PipelineError, configure, model, one_token, pipeline, special_case, special_cases_with
from draftlint.nlp.sentences import SENTENCE_KINDS, annotate, segments
from draftlint.nlp.tokens import token_attributes

__all__ = ["SENTENCE_KINDS", "PipelineError", "annotate", "configure", "model", "one_token", "pipeline", "segments",
           "special_case", "special_cases_with", "token_attributes"]
