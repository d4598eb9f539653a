from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import clip

# What each kind of chrome container is, in a message
_KINDS = {"nav": "navigation", "aside": "sidebar", "header": "page header", "footer": "page footer",
          "form": "form", "share": "share widget", "related": "related-content widget",
          "newsletter": "newsletter box", "comments": "comment section", "breadcrumb": "breadcrumb trail",
          "tags": "tag list", "ad": "advertisement", "cookie": "cookie banner"}


class ChromeBlock(Rule):
    """Flags running text of an HTML page that sits in the page's chrome (a sidebar, a comment thread, a footer), not in its article.

    ## What it flags
    On an HTML draft, each paragraph, list item or quotation of at least ``min-words`` words outside links
    whose container is the page's structure rather than its article (``Block.chrome``): a ``nav``,
    ``aside``, ``header``, ``footer`` or ``form`` element or its ARIA role, or an element whose ``class`` or
    ``id`` names a share, related-content, newsletter, comments, breadcrumb, tags, ad or cookie widget, a
    sidebar, a masthead or a footer. The message names the kind of container and the evidence: ``share
    widget (a block inside <div class="share-buttons">)``.

    Not flagged: the article. A container that holds the page's ``main`` element, its headline or half its
    running prose is the page's wrapper, not chrome (``<div class="entry-content no-share">``); a
    ``header`` or ``footer`` inside an ``article``, ``section`` or ``main`` and an ``aside`` inside an
    ``article`` or ``section`` are that article's own. Headings, labels, menus and lists of links are left
    to the rules that know their shapes (a line that one of them names is reported by it, with this code
    after "also"); code is not prose; Markdown and plain text have no page structure.

    ## Why it matters
    A page saved from a CMS or a browser carries its menus, sidebars, comment threads and footer around the
    article. In a draft they are residue that would be published a second time, and a sidebar's teaser or
    a reader's comment reads like the article's own prose: no phrase list finds it, only the page's own
    structure says where it came from.

    ## Example
        <div class="sidebar">
          <p>The river festival returns in June with boat races and a night market.</p>
        </div>

    ## How to fix
    Delete the chrome from the draft, or lint only the article with ``--html-main`` (config
    ``html-main: true``), which reads the page's ``main`` element, its only ``article``, or the element that
    holds most of its running prose.
    """

    code = "B030"
    name = "chrome-block"
    family = Family.BOILERPLATE
    # The page's structure names the container, not the line: a rule that names the line's own kind (a
    # share label, a subscription prompt, furniture above the title) reports it; page-furniture's general
    # judgement (10) and duplicate-heading (5) defer to this one.
    specificity = 15

    @dataclass(frozen=True)
    class Options:
        min_words: int = field(default=8, metadata={"help": "fewest words outside links that make a block prose"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        linked: dict[int, int] = {}  # words of link text per block (by id), in one pass over the links
        for link in doc.links:
            if link.block.chrome:
                key = id(link.block)
                linked[key] = linked.get(key, 0) + len(doc.text[link.start:link.end].split())
        for block in doc.blocks:
            if block.chrome in ("", "links") or block.kind in ("heading", "code"):
                continue
            if len(block.plain.split()) - linked.get(id(block), 0) < opts.min_words:
                continue  # a label, a menu, a list of links: the rules of their shapes say what they are
            yield self.finding(doc, block.start, block.end, f"{_KINDS[block.chrome]} (a block inside {block.chrome_by}) "
                                                            f"left from the page: “{clip(block.plain)}”")
