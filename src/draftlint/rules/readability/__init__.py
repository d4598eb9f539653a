"""Readability: long sentences and paragraphs, walls of text, passive-heavy paragraphs, document scores."""
from draftlint.rules.readability.long_paragraph import LongParagraph
from draftlint.rules.readability.long_sentence import LongSentence
from draftlint.rules.readability.passive_heavy_paragraph import PassiveHeavyParagraph
from draftlint.rules.readability.reading_ease import ReadingEase
from draftlint.rules.readability.repeated_sentence_start import RepeatedSentenceStart
from draftlint.rules.readability.wall_of_text import WallOfText

RULES = (LongSentence, LongParagraph, ReadingEase, WallOfText, PassiveHeavyParagraph, RepeatedSentenceStart)
