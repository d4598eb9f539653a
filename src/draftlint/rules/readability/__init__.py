"""Readability: long sentences and paragraphs, walls of text, passive-heavy paragraphs, document scores."""
from draftlint.rules.readability.long_sentence import LongSentence

RULES = (LongSentence,)
