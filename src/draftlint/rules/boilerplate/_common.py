"""Helpers shared by the Python boilerplate rules."""
from __future__ import annotations

import re

from draftlint.document import Block

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")


def single_line(block: Block) -> str | None:
    """The text of a heading or one-line paragraph (a line that stands alone), else None."""
    if block.kind in ("heading", "paragraph") and len(block.lines) == 1:
        return block.lines[0].text
    return None


def is_short_line(block: Block, max_words: int = 12) -> bool:
    """A heading, or a one-line paragraph of a few words without a sentence ending: a title-like line."""
    text = single_line(block)
    if text is None:
        return False
    return block.kind == "heading" or (len(text.split()) <= max_words and not _SENTENCE_END.search(text))


def clip(text: str, words: int = 8) -> str:
    """The first few words of ``text``, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
