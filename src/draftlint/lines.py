"""A document's standalone lines: what line-level rules (boilerplate residue, template lines across files) read.

Each standalone line of a prose block (``Block.standalone``, tables excepted) is one ``BodyLine``: a
hard-wrapped paragraph is one line, and so is each long line of a stack that was hard-wrapped on its own, so
their pieces are never taken for lines of their own and hard-wrapping does not change what a line rule sees.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from draftlint.document import Block, Document, Line, cached_property


@dataclass(frozen=True)
class BodyLine:
    """One line of a prose block, with its block and its index in the document's sequence of lines."""

    index: int
    line: Line
    block: Block
    last: int  # the number of its last source line (a hard-wrapped paragraph or long line spans several)

    @property
    def text(self) -> str:
        return self.line.text

    @cached_property
    def words(self) -> int:
        return len(self.line.text.split())


def body_lines(doc: Document) -> tuple[BodyLine, ...]:
    """The standalone lines of the prose blocks (``Block.standalone``, tables excepted), in document order; a
    hard-wrapped paragraph or long line is one line, so its pieces are never taken for lines of their own.
    Made once per document."""
    return doc.shared(_body_lines)


def _body_lines(doc: Document) -> tuple[BodyLine, ...]:
    out: list[BodyLine] = []
    for block in doc.prose_blocks:
        if block.kind != "table":
            lines = block.standalone
            # the number of each line's last source line, where some stand for several
            ends = {line.end: line.number for line in block.lines} if len(lines) < len(block.lines) else None
            for line in lines:
                out.append(BodyLine(len(out), line, block, ends[line.end] if ends else line.number))
    return tuple(out)


# A line of running text: the article itself. The head of a page is what comes before the first such line,
# its tail what comes after the last one.
RUNNING_WORDS = 20
TASK_ITEM = re.compile(r"\[[ xX]\]")  # "[x] Docs update(s):": an item of a checklist, a form's field
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# Function words (jusText's cue: prose is dense with them, page chrome is not).
STOP_WORDS = frozenset("""a an the of to in on at for with from by and or but if then than that this these those is are
was were be been being has have had do does did will would can could should may might must it its he she they we
you i me my our your their his her them us who which what when where why how not no as so into about after
before over under up out""".split())


def is_prose(text: str) -> bool:
    """Reads as a sentence: it ends like one and has enough words, or it is dense with function words."""
    words = text.split()
    if len(words) < 6:
        return False
    ends = SENTENCE_END.search(text) is not None
    if ends and len(words) >= 8:
        return True  # the stop words need no counting
    if not ends and len(words) < 10:
        return False
    stops = sum(w.casefold().strip(".,;:!?\"'“”‘’()") in STOP_WORDS for w in words) / len(words)
    return stops >= (0.2 if ends else 0.35)


def is_running(item: BodyLine) -> bool:
    """A line of the article's running text: not a heading, ``RUNNING_WORDS`` words or more; or a good piece
    (8 words or more) of a stack of lines that reads as prose of that length (paragraphs wrapped line by
    line, ragged, read as a stack)."""
    if item.block.kind == "heading":
        return False
    return item.words >= RUNNING_WORDS or (item.words >= 8 and item.block.stacked and _prose_stack(item.block))


def _prose_stack(block: Block) -> bool:
    """Whether a stacked block reads as prose as a whole; worked out once per block (its lines ask in turn)."""
    found = block.__dict__.get("_prose_stack")
    if found is None:
        found = block.__dict__["_prose_stack"] = len(block.plain.split()) >= RUNNING_WORDS and is_prose(block.plain)
    return found
