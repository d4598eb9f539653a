from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.readability._common import head


class LongSentence(Rule):
    """Flags a sentence with more words than ``max-words``.

    ## What it flags
    A sentence of prose (paragraphs, list items, block quotes) whose word count, counting whitespace-separated
    tokens, reaches ``max-words``. Sentences come from spaCy's rule-based sentencizer; they never cross a
    block, and in a stack of separate lines (not hard-wrapped prose) each line stands alone. Common
    abbreviations and initials (Mr., Dr., U.S., Jan., J.) do not end a sentence, a sentence's opening quote
    mark belongs to it (the finding starts there), and a lowercase word never starts a sentence
    (``"Stop!" said the guard.`` is one).

    ## Why it matters
    Past about 40 words a reader has to hold too much in mind before the sentence resolves; news style aims
    far lower. Very long sentences are also where scraped text fuses separate items into one run.

    ## Example
        The council approved the plan, which had been debated for months by residents who feared the
        traffic it would bring and by shop owners who hoped for more customers, after a session that ran
        past midnight and ended with a vote that surprised even the members who had called for it.

    ## How to fix
    Split the sentence at its natural joints (", which", ", and", "after"), one idea per sentence.
    """

    code = "R001"
    name = "long-sentence"
    family = Family.READABILITY
    needs = frozenset({"sentences"})

    @dataclass(frozen=True)
    class Options:
        max_words: int = field(default=45, metadata={"help": "a sentence with this many words or more is flagged"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        for sentence in doc.sentences:
            count = sentence.words
            if count >= opts.max_words:
                yield self.finding(doc, sentence.start, sentence.end,
                                   f"sentence of {count} words (limit {opts.max_words}): “{head(sentence.text)}”")
