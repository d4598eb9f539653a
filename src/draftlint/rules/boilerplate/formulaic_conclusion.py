from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Block, Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule

_OPENER = re.compile(r"^\s*(?P<opener>(?:in\s+conclusion|in\s+summary|to\s+sum\s+up|to\s+summari[sz]e|to\s+conclude|"
                     r"in\s+closing|all\s+in\s+all)\s*,)", re.I)
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_BODY_KINDS = ("paragraph", "list-item", "blockquote")


class FormulaicConclusion(Rule):
    """Flags a closing paragraph that opens "In conclusion," and restates the title word for word.

    ## What it flags
    The last substantial paragraph of the text (no paragraph of ``min-words`` words or more follows it) when it
    opens with "In conclusion,", "In summary,", "To sum up,", "To conclude," or "In closing," and repeats a
    run of at least ``min-title-run`` consecutive words of the title (the whole title if it is shorter).
    "In conclusion" elsewhere, or in a final paragraph that says something new, is not flagged: essays
    conclude, and that is fine.

    ## Why it matters
    This is the ending of a template: announce the conclusion, repeat the headline's key phrase for search
    engines, restate the sections. It tells the reader nothing new and marks the article as generated or
    padded. It is a warning, not info, because both signs must be present (the last word of the article, and
    the headline repeated word for word); either alone is left to the writer.

    ## Example
        title: How the Harbour Toll Became a Setback for the Council
        ...
        In conclusion, the harbour toll has proven to be a setback for the council, lacking support ...

    ## How to fix
    End on something the reader has not read yet (what happens next, a date, a consequence), or cut the
    paragraph; at the least drop the "In conclusion," and the repeated headline.
    """

    code = "B003"
    name = "formulaic-conclusion"
    family = Family.BOILERPLATE

    @dataclass(frozen=True)
    class Options:
        min_title_run: int = field(default=4, metadata={"help": "consecutive title words the paragraph must repeat"})
        min_words: int = field(default=25, metadata={"help": "a later paragraph this long means this one is not the ending"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        if doc.title is None:
            return
        title_tokens = _WORD.findall(doc.title.text)
        title = [_fold(w) for w in title_tokens]
        if not title:
            return
        closing = _closing_opener(doc, opts.min_words)
        if closing is None:
            return
        last, opener = closing
        start, end = _longest_common_run(title, [_fold(w) for w in _WORD.findall(last.text)])
        if end > start and end - start >= min(opts.min_title_run, len(title)):
            yield self.finding(doc, last.start + opener.start("opener"), last.start + opener.end("opener"),
                               f"“{opener.group('opener')}” opens a closing summary that repeats the title "
                               f"(“{' '.join(title_tokens[start:end])}”)")


def _closing_opener(doc: Document, min_words: int) -> tuple[Block, re.Match[str]] | None:
    """The last paragraph that opens with a conclusion formula, unless a substantial paragraph follows it."""
    for block in reversed(doc.blocks):
        if block.kind not in _BODY_KINDS:
            continue
        opener = _OPENER.match(block.text)
        if opener:
            return block, opener
        if len(block.text.split()) >= min_words:
            return None
    return None


def _fold(word: str) -> str:
    return word.casefold().replace("’", "'")


def _longest_common_run(a: list[str], b: list[str]) -> tuple[int, int]:
    """(start, end) in ``a`` of the longest run of words that also occurs in ``b``."""
    best = (0, 0)  # length, end index in a
    previous = [0] * (len(b) + 1)
    for i, word in enumerate(a, 1):
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if word == other:
                current[j] = previous[j - 1] + 1
                if current[j] > best[0]:
                    best = (current[j], i)
        previous = current
    return best[1] - best[0], best[1]
