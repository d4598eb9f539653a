"""What the quote analysis reads: the paragraphs ("segments") of a document's prose, and its sentences with
those that a line break cut short joined up."""
from __future__ import annotations

import re

from draftlint import nlp
from draftlint.document import PROSE_KINDS, Document, Sentence
from draftlint.lineshape import title_case
from draftlint.rules.quotes._tokens import Segment


def segments(doc: Document) -> list[Segment]:
    """The paragraphs of the document's prose as the quote rules read them (``nlp.segments``), numbered."""
    out: list[Segment] = []
    for block in doc.blocks:
        if block.kind not in PROSE_KINDS:
            continue
        pieces = list(nlp.segments(block))
        for k, (offset, text) in enumerate(pieces):
            start = block.start + offset
            end = block.start + pieces[k + 1][0] if k + 1 < len(pieces) else block.end
            out.append(Segment(len(out), block, start, end))
    return out


_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")


def across_wraps(doc: Document) -> list[Sentence]:
    """The document's sentences, with a sentence that a line break cut short joined to the next one of its
    block: a line of eight words or more that stops without punctuation (`… says Dr. Mira` / `Hale, a
    leading expert …`). Sentence splitting keeps each line of a stack apart; the speaker of a quotation is
    looked for across such a break all the same."""
    out: list[Sentence] = []
    for sentence in doc.sentences:
        previous = out[-1] if out else None
        if (previous is not None and previous.block is sentence.block
                and "\n" in doc.text[previous.end:sentence.start] and len(previous.text.split()) >= 8
                and not _SENTENCE_END.search(previous.text) and not title_case(previous.text)):
            out[-1] = Sentence(previous.start, sentence.end, previous.text + " " + sentence.text, sentence.block)
        else:
            out.append(sentence)
    return out
