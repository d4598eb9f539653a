"""Which element of a page is its article, for ``--html-main``.

The page says so when it marks it: its ``main`` element (or ``role=main``), else its only outermost
``article``. A page that marks neither (many CMS themes build pages from ``div``\\ s) gets a content-density
choice, ``densest``: the smallest element that holds most of the page's running prose, and its headline.

- Prose is counted per paragraph (the text between two block boundaries, as ``htmlblocks`` cuts blocks):
  a paragraph of at least 60 visible characters (whitespace aside) whose characters are less than half
  link text weighs its characters outside links (``htmlchrome.prose_weight``); a shorter or link-dense one (a menu, a list of
  headlines, a date, a button) weighs nothing. Text that is not prose (``script``, ``style``...) and
  text in ``nav``, ``aside``, ``footer`` and ``form`` elements (or their ARIA roles) weighs nothing either:
  a comment form or a sidebar of teasers has paragraphs too. (The words of a ``class`` are no evidence
  here: a wrapper around the whole page is often called ``has-sidebar`` or ``above-footer``.)
- Each element weighs what its paragraphs weigh. From ``body`` down, the choice goes to the heaviest child
  while that child holds at least ``SHARE`` of the page's weight in two paragraphs or more (an article is
  not one paragraph). An article split in two by an advertisement stops at the parent of its halves.
- An article body often sits below its headline's container: when the page's headline (the first ``h1``
  that is the page's title, as ``parse.html`` finds it; on a page without ``h1``, the first heading that is)
  is outside the element chosen, the choice climbs to their closest common ancestor, unless that is
  ``body``.

A page with no paragraph of running prose, or whose prose no element below ``body`` holds, is read whole.
The choice is an element of lexbor's tree (its ``mem_id``), so the walk reads that element of the page
itself, and positions still map to the source.
"""
from __future__ import annotations

from typing import Callable

from draftlint.parse import htmlchrome
from draftlint.parse.htmlblocks import BLOCKS, HEADINGS, NOT_PROSE, PRUNE, walk

SHARE = 0.6  # an element holds "most" of the page's prose from this share of it on

_SKIP, _BLOCK, _LINK, _CHROME = 1, 2, 4, 8
_CHROME_KINDS = frozenset({"nav", "aside", "footer", "form"})


def main_element(tree, is_title: Callable[[str], bool] | None = None) -> int | None:
    """The ``mem_id`` of the page's article for ``--html-main``, or None to read the whole page.
    ``is_title``: whether a heading's text is the page's title (None: the page has no title)."""
    for node in tree.css("main, [role=main]"):
        if node.text(strip=True):
            return node.mem_id
    outermost = _outermost(tree.css("article"))
    if len(outermost) == 1:
        return outermost[0].mem_id
    return densest(tree, is_title)


def _outermost(nodes: list) -> list:
    """The ``nodes`` (of one tag, in document order) that no other of them holds; linear in the tree's size,
    however deep they nest (each element's ancestors are climbed once)."""
    tag = nodes[0].tag if nodes else ""
    under: dict[int, bool] = {}  # mem_id: whether an element of ``tag`` holds it
    found = []
    for node in nodes:
        path = []
        parent = node.parent
        while parent is not None and parent.mem_id not in under and parent.tag != tag:
            path.append(parent.mem_id)
            parent = parent.parent
        inside = parent is not None and (parent.tag == tag or under[parent.mem_id])
        under.update(dict.fromkeys(path, inside))
        if not inside:
            found.append(node)
    return found


def densest(tree, is_title: Callable[[str], bool] | None = None) -> int | None:
    """The smallest element that holds most of the page's running prose and its headline (see the module's
    docstring), or None when that is the whole page."""
    body = tree.body
    if body is None or tree.root is None:
        return None
    weights = _Weights()
    walk(weights, tree.root)
    total = weights.of.get(body.mem_id, 0)
    if not total:
        return None
    node = body
    while True:
        best = max(node.iter(), key=weights.weight, default=None)
        if best is None or weights.weight(best) < SHARE * total or weights.paragraphs.get(best.mem_id, 0) < 2:
            break
        node = best
    title = _headline(tree, is_title)
    if title is not None and node is not body:
        node = _common_ancestor(node, title)
    return None if node is body or node.tag == "html" else node.mem_id


def _headline(tree, is_title: Callable[[str], bool] | None):
    """The page's headline element (see the module's docstring), or None."""
    h1 = tree.css("h1")
    if is_title is None:
        return h1[0] if h1 else None
    candidates = h1 or tree.css(",".join(HEADINGS))
    return next((node for node in candidates if is_title(" ".join(node.text().split()))), None)


def _common_ancestor(node, other):
    """The closest element that holds both ``node`` and ``other`` (``node`` itself when it holds
    ``other``); linear in the depth of the two."""
    ancestors = set()
    while node is not None:
        ancestors.add(node.mem_id)
        node = node.parent
    while other is not None and other.mem_id not in ancestors:
        other = other.parent
    return other


class _Weights:
    """The prose weight of every element (by ``mem_id``) and the paragraphs it holds, in one pass of
    ``htmlblocks.walk``."""

    def __init__(self) -> None:
        self.of: dict[int, int] = {}
        self.paragraphs: dict[int, int] = {}
        self.open: list[list[int]] = []  # per open element: [mem_id, weight so far, paragraphs so far]
        self.skip = 0
        self.links = 0
        self.chars = 0
        self.linked = 0

    def weight(self, node) -> int:
        return self.of.get(node.mem_id, 0)

    def enter(self, node, tag: str) -> int:
        if self.skip or tag in NOT_PROSE:
            self.skip += 1
            return _SKIP | PRUNE
        done = 0
        if tag in BLOCKS:
            self.cut()
            done |= _BLOCK
        if tag == "a":
            self.links += 1
            done |= _LINK
        if htmlchrome.kind(tag, {"role": node.attributes.get("role")}) in _CHROME_KINDS:
            self.skip += 1  # its text weighs nothing
            done |= _CHROME
        self.open.append([node.mem_id, 0, 0])
        return done

    def exit(self, done: int) -> None:
        if done & _SKIP:
            self.skip -= 1
            return
        if done & _BLOCK:
            self.cut()
        if done & _LINK:
            self.links -= 1
        if done & _CHROME:
            self.skip -= 1
        mem_id, weight, paragraphs = self.open.pop()
        if weight:
            self.of[mem_id] = weight
            self.paragraphs[mem_id] = paragraphs
            if self.open:
                self.open[-1][1] += weight
                self.open[-1][2] += paragraphs

    def text(self, content: str) -> None:
        if self.skip or not content:
            return
        count = len(content) - sum(content.count(space) for space in " \n\t\r\f")
        self.chars += count
        if self.links:
            self.linked += count

    def cut(self) -> None:
        weight = htmlchrome.prose_weight(self.chars, self.linked)
        if weight and self.open:
            self.open[-1][1] += weight
            self.open[-1][2] += 1
        self.chars = self.linked = 0
