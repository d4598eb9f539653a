from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Block, Document
from draftlint.findings import Family, Finding, Severity
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import SENTENCE_END

_BULLETS = "-*+•"
# A headline starts with a capital letter and has no code, task-list or option syntax in it.
_HEADLINE = re.compile(r"(?![A-Z]+\b)[A-Z][^\[\]=/`_<>{}]*")
# A line that stops on one of these words was cut off (a wrapped sentence), it is no headline.
_DANGLING = frozenset("a an and as at by for from in into of on or the to with".split())


def _is_bullet(doc: Document, block: Block) -> bool:
    source = doc.source_lines[block.first_line - 1].lstrip(" >")
    return bool(source) and source[0] in _BULLETS


class LoneLinkBullet(Rule):
    """Flags a one-item bullet list between paragraphs: an inline "related story" link left from the page.

    ## What it flags
    A bullet list of exactly one item, set between paragraphs of running text, whose item is one line of
    ``min-words`` to ``max-words`` words with no sentence punctuation at its end and no colon (for
    example "- The latest news about the storm, free to read"). In a draft whose links survived (Markdown
    with links), the item must itself hold a link; in text scraped without links its shape is all there is.
    The item must read like a headline: it starts with a capital letter, holds no code, task-list or
    option syntax (``[x]``, ``--flag``, ``a/b``, ``=``) and does not stop on a word such as "in" or "the".
    Numbered items (a listicle's "1. Start early") and items that end like sentences are left alone.

    ## Why it matters
    News pages drop boxes of links to other stories into the middle of an article; a scraper turns a
    one-link box into a lone bullet that interrupts the text with another story's headline.

    ## Example
        The ferry will run twice a day from April, the operator said.

        - The latest on the harbour works, free to read

        Tickets will cost the same as last year.

    ## How to fix
    Delete the bullet (if the linked story matters, cite it in a sentence with its link).
    """

    code = "B016"
    name = "lone-link-bullet"
    family = Family.BOILERPLATE
    severity = Severity.INFO  # its shape is all it has to go on: a hint, not a verdict

    @dataclass(frozen=True)
    class Options:
        min_words: int = field(default=4, metadata={"help": "fewest words in the bullet"})
        max_words: int = field(default=15, metadata={"help": "most words in the bullet"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        blocks = [b for b in doc.blocks if b.kind != "html"]
        has_links = any(link.kind == "link" for link in doc.links)
        linked = {id(link.block) for link in doc.links}
        for i, block in enumerate(blocks):
            if block.kind != "list-item" or len(block.standalone) != 1 or block.containers[:-1] or not 0 < i < len(blocks) - 1:
                continue  # one line (hard-wrapped or not), not nested
            before, after = blocks[i - 1], blocks[i + 1]
            if before.kind != "paragraph" or after.kind == "list-item" or not _is_bullet(doc, block):
                continue
            line = block.standalone[0]
            if has_links and id(block) not in linked:
                continue  # where links survived, a related-story bullet is a link
            words = len(line.text.split())
            if (opts.min_words <= words <= opts.max_words and ":" not in line.text and "--" not in line.text
                    and not SENTENCE_END.search(line.text) and _HEADLINE.fullmatch(line.text)
                    and line.text.split()[-1].casefold() not in _DANGLING):
                yield self.finding(doc, line.start, line.end,
                                   f"lone bullet “{line.text}” between paragraphs: a link to another story left from the page")
