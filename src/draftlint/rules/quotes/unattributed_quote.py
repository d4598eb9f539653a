from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document, Quote
from draftlint.findings import Family, Finding
from draftlint.rule import Rule

SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|asked|asks|explained|explains|noted|notes|wrote|writes|argued|argues|"
    r"acknowledged|recalled|recalls|insisted|insists|warned|warns|continued|replied|responded|announced|claimed|"
    r"claims|admitted|confirmed|stated|states|posted|tweeted|according\s+to|reported|reports|remarked|observed|"
    r"commented|declared|testified|conceded|stressed|emphasi[sz]ed|quipped|put\s+it|in\s+a\s+statement)\b",
    re.IGNORECASE,
)


class UnattributedQuote(Rule):
    """Flags a quotation with no speaker or source in its paragraph.

    ## What it flags
    Words in double quotes (straight or curly), at least ``min-words`` long, in a paragraph that names no
    speaker or source: no speech verb ("said", "told", "wrote", "according to" ...), and no link or footnote.
    Short quoted phrases are terms or scare quotes, not quotations, and are left alone.

    ## Why it matters
    A quotation is a claim that someone said something. Without a speaker the reader cannot weigh it, and
    an invented or misremembered quote is indistinguishable from a real one.

    ## Example
        "This changes everything for the neighbourhood and nobody asked us."

    Instead:
        "This changes everything for the neighbourhood and nobody asked us," said Ana Ruiz, who runs the bakery.

    ## How to fix
    Name the speaker with a speech verb, or link or cite the source; if nobody said it, drop the quote marks.
    """

    code = "Q001"
    name = "unattributed-quote"
    family = Family.QUOTE

    @dataclass(frozen=True)
    class Options:
        min_words: int = field(default=6, metadata={"help": "quoted text shorter than this is a term, not a quotation"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        for quote in doc.quotes:
            if quote.words < opts.min_words or self._attributed(doc, quote):
                continue
            head = " ".join(quote.text.split()[:6])
            yield self.finding(doc, quote.start, quote.end, f"quotation “{head} …” has no speaker or source")

    @staticmethod
    def _attributed(doc: Document, quote: Quote) -> bool:
        block = quote.block
        outside = block.text[: quote.start - block.start] + " " + block.text[quote.end - block.start:]
        return bool(SPEECH.search(outside)) or bool(doc.links_in(block))
