from __future__ import annotations

import re
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import markup_matches

# The WordPress block editor's delimiters: "<!-- wp:paragraph -->", "<!-- /wp:list-item -->", a block with its
# attributes as JSON ("<!-- wp:image {"id":42} -->", which the editor writes with "<", ">" and "--" escaped) and a
# block with no content ("<!-- wp:separator /-->"); a plugin's blocks are named "wp:plugin/block". The
# attributes stop at the next "<" or ">": a match never runs past the next tag (so one pass is linear).
_DELIMITER = re.compile(r"<!--\s?(/?)wp:([a-z][a-z0-9-]*(?:/[a-z][a-z0-9-]*)?)(?:\s[^<>]*?)?\s?/?-->")


class BlockEditorComment(Rule):
    """Flags a WordPress block-editor comment left in the text (``<!-- wp:paragraph -->``).

    ## What it flags
    The comments with which the WordPress block editor marks where each block of a post starts and ends
    (``<!-- wp:paragraph -->``, ``<!-- /wp:list-item -->``, ``<!-- wp:image {"id":42} -->``,
    ``<!-- wp:separator /-->``, a plugin's ``<!-- wp:acf/faq-block {…} -->``), on a line of their own or run
    into the text. They come with a post copied out of the editor's code view or its database rather than
    from the published page. Comments inside code (a fenced block or backticks) are examples and are left
    alone; so is any other HTML comment.

    ## Why it matters
    The markers belong to the editor of the site the text came from. A Markdown renderer hides them, but
    they stay in the draft, in its diffs and in any plain-text copy, and they show that the text was taken
    from another system's storage rather than written or edited here; pasted back into a WordPress editor
    they can split the text into blocks nobody meant.

    ## Example
        <!-- wp:paragraph -->
        The harbour board met on Thursday and agreed to widen the north quay.
        <!-- /wp:paragraph -->

    ## How to fix
    Delete the comments and keep the text between them. If the post has many, convert it again from the
    published page or export it as Markdown.
    """

    code = "B019"
    name = "block-editor-comment"
    family = Family.BOILERPLATE

    def check(self, doc: Document, opts: Rule.Options) -> Iterator[Finding]:
        for block, m in markup_matches(doc, _DELIMITER, ("wp:",)):
            shown = m.group() if len(m.group()) <= 60 else m.group()[:57].rstrip() + "…"
            yield self.finding(doc, block.start + m.start(), block.start + m.end(),
                               f"WordPress block-editor comment “{shown}” left in the text")
