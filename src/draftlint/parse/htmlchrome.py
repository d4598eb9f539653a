"""Page structure as evidence for boilerplate: which blocks of an HTML page sit in its chrome.

``Block.chrome`` names the innermost chrome container a block sits in, or is "" for the article's text:

- by element or ARIA role: ``nav`` (``role=navigation``), ``aside`` (``complementary``), ``header``
  (``banner``), ``footer`` (``contentinfo``), ``form`` (``search``);
- by a word of the element's ``class`` or ``id`` (split on punctuation and camel case): ``share``,
  ``related``, ``newsletter``, ``comments``, ``breadcrumb``, ``tags``, ``ad``, ``cookie``, and the
  ``nav``, ``aside``, ``header`` and ``footer`` of pages built from ``div``\\ s (``class="sidebar"``);
- ``links``: a block (not the title) whose characters are mostly link text, outside any container above.

A container that holds the page's ``main`` element, its headline or half its running prose (``prose_weight``)
is a wrapper, not chrome (a page wrapped in one ``<form>``, ``<body class="has-sidebar">``, an article's own
``<header>`` around its title, ``<div class="entry-content no-share">``). A ``header`` or ``footer`` element
inside an ``article``, ``aside``, ``main``, ``nav`` or ``section``, and an ``aside`` inside one of these but
``main``, belong to that section, not to the page (HTML-AAM gives them no banner, contentinfo or
complementary role); a ``class`` may still name them.
"""
from __future__ import annotations

import functools
import re
from typing import Mapping

from draftlint import shortcuts
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
SECTIONS = frozenset({"article", "aside", "nav", "section"})
_SCOPED = {"main": frozenset({"header", "footer"}), "section": frozenset({"header", "footer", "aside"})}
_KIND_OF_WORD = {word: kind for kind, words in _WORDS.items() for word in words.split()}
_TOKENS = re.compile(r"[A-Za-z0-9]+")
_PIECES = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
LINK_SHARE = 0.8  # a block with at least this share of its characters in links is link-dense
MIN_CHARS = 60  # about a sentence: shorter paragraphs (labels, dates, buttons) are not running prose


def prose_weight(chars: int, linked: int) -> int:
    """What a paragraph of ``chars`` visible characters, ``linked`` of them link text, weighs as running
    prose: its characters outside links when it is a sentence or more and less than half links, else 0."""
    return chars - linked if chars >= MIN_CHARS and 2 * linked < chars else 0


def _kind_of_names(names: str) -> str:
    """The kind the first word of ``names`` (a class or id value) says; a token with digits in it is an
    identifier, not words (``card-c709-11ec-ad37`` names no ad). Shortcut (off with
    DRAFTLINT_NO_SHORTCUTS=1): a page repeats its class values, so each is looked at once (``_memo``)."""
    return _memo(names) if shortcuts.enabled() else _words_of(names)


def _words_of(names: str) -> str:
    for token in _TOKENS.findall(names):
        found = _kind_of_token(token)
        if found:
            return found
    return ""


_memo = functools.lru_cache(maxsize=16384)(_words_of)


def _kind_of_token(token: str) -> str:
    """The kind a class or id token names, or ""."""
    if token.isalpha():
        for piece in _PIECES.findall(token):
            found = _KIND_OF_WORD.get(piece.lower())
            if found:
                return found
    return ""


def kind(tag: str, attrs: Mapping[str, str | None], scope: str = "") -> str:
    """The chrome kind an element names by its tag, role, class or id, or "" (see ``chrome_of``)."""
    return chrome_of(tag, attrs, scope)[0]


def chrome_of(tag: str, attrs: Mapping[str, str | None], scope: str = "") -> tuple[str, str]:
    """The chrome kind an element names by its tag, role, class or id, and the evidence: its opening tag
    with the attribute that decided (("", "") when it names none). ``scope``: "section" inside an
    ``article``, ``aside``, ``nav`` or ``section``, "main" inside ``main`` only, else "": a ``header`` or
    ``footer`` in either, or an ``aside`` in a section, is that section's own (a fact box, an article's
    footer), not the page's banner, footer or sidebar, as HTML-AAM maps them to ARIA roles; its class or id
    may still name a widget."""
    found = _BY_TAG.get(tag)
    if found and (not scope or tag not in _SCOPED[scope]):
        return found, f"<{tag}>"
    for name in ("role", "class", "id"):
        value = attrs.get(name)
        if not value:
            continue
        found = _BY_ROLE.get(value.strip().lower(), "") if name == "role" else _kind_of_names(value)
        if found:
            value = " ".join(value.split())
            return found, f'<{tag} {name}="{value if len(value) <= 60 else value[:59] + "…"}">'
    return "", ""


class Containers:
    """The chrome containers of a page: their kinds, the range of blocks each holds, and whether it holds
    the page's ``main`` element (then it is a wrapper)."""

    def __init__(self) -> None:
        self.kinds: list[str] = []
        self.evidence: list[str] = []
        self.first: list[int] = []
        self.last: list[int] = []
        self.wrapper: list[bool] = []
        self.parent: list[int] = []  # the enclosing container of each, or -1
        self.stack: list[int] = []

    def open(self, kind: str, blocks: int, evidence: str) -> None:
        self.parent.append(self.innermost())
        self.stack.append(len(self.kinds))
        self.kinds.append(kind)
        self.evidence.append(evidence)
        self.first.append(blocks)
        self.last.append(blocks)
        self.wrapper.append(False)

    def close(self, blocks: int) -> None:
        self.last[self.stack.pop()] = blocks

    def innermost(self) -> int:
        """The innermost open container, or -1."""
        return self.stack[-1] if self.stack else -1

    def holds_main(self) -> None:
        for index in self.stack:
            self.wrapper[index] = True

    def label(self, blocks: list[Block], chrome_of: list[int], link_share: list[float],
              prose: list[int], headline: int | None) -> None:
        """Set ``chrome`` on every block, now that the headline is known. ``prose``: each block's weight as
        running prose (``prose_weight``); a container that holds half the page's prose or more is a wrapper."""
        held = [0]  # the prose of blocks before each block: a container's is held[last] - held[first]
        for weight in prose:
            held.append(held[-1] + weight)
        for index, (first, last) in enumerate(zip(self.first, self.last)):
            if headline is not None and first <= headline < last or held[-1] and 2 * (held[last] - held[first]) >= held[-1]:
                self.wrapper[index] = True
        chrome = []  # per container: itself, else its closest enclosing container that is not a wrapper, or -1
        for index, parent in enumerate(self.parent):
            chrome.append(chrome[parent] if self.wrapper[index] and parent >= 0 else -1 if self.wrapper[index] else index)
        for number, (block, innermost) in enumerate(zip(blocks, chrome_of)):
            found = chrome[innermost] if innermost >= 0 else -1
            if found >= 0:
                block.chrome, block.chrome_by = self.kinds[found], self.evidence[found]
            elif number != headline and link_share[number] >= LINK_SHARE:
                block.chrome, block.chrome_by = "links", f"{link_share[number]:.0%} link text"


def headline(blocks: list[Block], title: str | None, matches) -> int | None:
    """The index of the page's headline: the first level-1 heading that is the title (``matches``), else,
    on a page with no level-1 heading, the first heading that is; with no title, the first level-1 heading."""
    h1 = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 1 and b.plain]
    if title is None:
        return h1[0] if h1 else None
    candidates = h1 or [i for i, b in enumerate(blocks) if b.kind == "heading" and b.plain]
    return next((i for i in candidates if matches(blocks[i].plain)), None)
