"""Page structure as evidence for boilerplate: which blocks of an HTML page sit in its chrome.

``Block.chrome`` names the innermost chrome container a block sits in, or is "" for the article's text:

- by element or ARIA role: ``nav`` (``role=navigation``), ``aside`` (``complementary``), ``header``
  (``banner``), ``footer`` (``contentinfo``), ``form`` (``search``);
- by a word of the element's ``class`` or ``id`` (split on punctuation and camel case): ``share``,
  ``related``, ``newsletter``, ``comments``, ``breadcrumb``, ``tags``, ``ad``, ``cookie``, and the
  ``nav``, ``aside``, ``header`` and ``footer`` of pages built from ``div``\\ s (``class="sidebar"``);
- ``links``: a block (not the title) whose characters are mostly link text, outside any container above.

A container that holds the page's ``main`` element or its headline is a wrapper, not chrome (a page wrapped
in one ``<form>``, ``<body class="has-sidebar">``, an article's own ``<header>`` around its title).
"""
from __future__ import annotations

import functools
import re
from typing import Mapping

from draftlint.document import Block

_BY_TAG = {"nav": "nav", "aside": "aside", "header": "header", "footer": "footer", "form": "form"}
_BY_ROLE = {"navigation": "nav", "complementary": "aside", "banner": "header", "contentinfo": "footer",
            "search": "form"}
# Words of class and id values, by the kind of widget they name (CMS and plugin conventions).
_WORDS = {
    "share": "share sharing sharer sharebar sharethis addthis addtoany sharedaddy social socials",
    "related": "related relatedposts recommended recommendations trending popular outbrain taboola yarpp",
    "newsletter": "newsletter newsletters subscribe subscription subscriptions signup optin mailchimp",
    "comments": "comment comments disqus respond discussion replies",
    "breadcrumb": "breadcrumb breadcrumbs crumbs",
    "tags": "tags tagcloud taglist",
    "ad": "ad ads advert adverts advertisement advertising adsense adslot adunit sponsored dfp",
    "cookie": "cookie cookies consent gdpr",
    "nav": "nav navbar navigation menu menubar",
    "aside": "sidebar",
    "header": "masthead",
    "footer": "footer colophon",
}
_KIND_OF_WORD = {word: kind for kind, words in _WORDS.items() for word in words.split()}
_PIECES = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
LINK_SHARE = 0.8  # a block with at least this share of its characters in links is link-dense


@functools.lru_cache(maxsize=4096)
def _kind_of_names(names: str) -> str:
    for piece in _PIECES.findall(names):
        found = _KIND_OF_WORD.get(piece.lower())
        if found:
            return found
    return ""


def kind(tag: str, attrs: Mapping[str, str | None]) -> str:
    """The chrome kind an element names by its tag, role, class or id, or ""."""
    found = _BY_TAG.get(tag) or _BY_ROLE.get((attrs.get("role") or "").strip().lower(), "")
    if found:
        return found
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()
    return _kind_of_names(names) if names else ""


class Containers:
    """The chrome containers of a page: their kinds, the range of blocks each holds, and whether it holds
    the page's ``main`` element (then it is a wrapper)."""

    def __init__(self) -> None:
        self.kinds: list[str] = []
        self.first: list[int] = []
        self.last: list[int] = []
        self.wrapper: list[bool] = []
        self.stack: list[int] = []

    def open(self, kind: str, blocks: int) -> None:
        self.stack.append(len(self.kinds))
        self.kinds.append(kind)
        self.first.append(blocks)
        self.last.append(blocks)
        self.wrapper.append(False)

    def close(self, blocks: int) -> None:
        self.last[self.stack.pop()] = blocks

    def open_ids(self) -> tuple[int, ...]:
        return tuple(self.stack)

    def holds_main(self) -> None:
        for index in self.stack:
            self.wrapper[index] = True

    def label(self, blocks: list[Block], chrome_of: list[tuple[int, ...]], link_share: list[float],
              headline: int | None) -> None:
        """Set ``chrome`` on every block, now that the headline is known."""
        if headline is not None:
            for index, (first, last) in enumerate(zip(self.first, self.last)):
                if first <= headline < last:
                    self.wrapper[index] = True
        for number, (block, ids) in enumerate(zip(blocks, chrome_of)):
            kind = next((self.kinds[i] for i in reversed(ids) if not self.wrapper[i]), "")
            if not kind and number != headline and link_share[number] >= LINK_SHARE:
                kind = "links"
            block.chrome = kind


def headline(blocks: list[Block], title: str | None, matches) -> int | None:
    """The index of the page's headline: the first level-1 heading that is the title (``matches``), else,
    on a page with no level-1 heading, the first heading that is; with no title, the first level-1 heading."""
    h1 = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 1 and b.plain]
    if title is None:
        return h1[0] if h1 else None
    candidates = h1 or [i for i, b in enumerate(blocks) if b.kind == "heading" and b.plain]
    return next((i for i in candidates if matches(blocks[i].plain)), None)
