"""Markdown to blocks with exact positions, from pyromark's events (pulldown-cmark: CommonMark with tables and
strikethrough) and their source ranges.

Every event comes with its source range, so a block's prose is exactly the ranges of its text events; all else
in the block's lines (container markers, emphasis markers, link targets, inline code, HTML) is blanked.
"""
from __future__ import annotations

import bisect
import re

import pyromark

from draftlint import shortcuts
from draftlint.document import Block, Link
from draftlint.positions import LineMap

_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH

_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>\[\]\"“”‘’]+[^\s<>\[\]\"“”‘’.,;:!?)]")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_FOOTNOTE_DEF = re.compile(r"^\s*\[\^[^\]\s]+\]:")

# Inline events other than text (with _OPTIONS): in a tight list item they come with no paragraph around them.
_INLINE_EVENTS = frozenset({"Code", "InlineHtml"})
_INLINE_MARKS = frozenset({"SoftBreak", "HardBreak"})
_INLINE_TAGS = frozenset({"Emphasis", "Strong", "Strikethrough", "Link", "Image"})


def blank(text: str) -> str:
    """Replace every character but line breaks with a space."""
    if "\n" not in text:  # most gaps are inline markup within a line
        return " " * len(text)
    return "\n".join(" " * len(part) for part in text.split("\n"))


class _Offsets:
    """UTF-8 byte offsets (pyromark's ranges, always on character boundaries) to offsets in the text: the
    identity for ASCII text, else the byte offset less the extra bytes of the non-ASCII characters before it."""

    def __init__(self, text: str) -> None:
        self.ascii = shortcuts.enabled() and text.isascii()  # shortcut: no conversion (it would be the identity)
        self.byte_ends: list[int] = []  # the byte offset just after each non-ASCII character
        self.extra = [0]  # extra bytes of the first k non-ASCII characters
        if self.ascii:
            return
        total = 0
        for m in _NON_ASCII.finditer(text):
            for k, char in enumerate(m.group()):
                code = ord(char)
                total += 1 if code < 0x800 else 2 if code < 0x10000 else 3
                self.byte_ends.append(m.start() + k + 1 + total)
                self.extra.append(total)

    def __call__(self, offset: int) -> int:
        return offset - self.extra[bisect.bisect_right(self.byte_ends, offset)]


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


class _Leaf:
    """A block being collected: its kind, the range it spans so far, and its prose spans and links."""

    __slots__ = ("kind", "start", "end", "level", "containers", "spans", "links")

    def __init__(self, kind: str, start: int, end: int, containers: tuple[str, ...], level: int | None = None) -> None:
        self.kind, self.start, self.end, self.level, self.containers = kind, start, end, level, containers
        self.spans: list[tuple[int, int]] = []
        self.links: list[tuple[str, str, int, int]] = []


class _Builder:
    def __init__(self, text: str, lines: LineMap) -> None:
        self.text = text
        self.map = lines
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.containers: list[str] = []
        self.leaf: _Leaf | None = None
        self.implicit = False  # the open leaf is the unwrapped paragraph of a tight list item
        self.open_links: list[list] = []  # [kind, target, first text offset or -1, last text end, range start]
        self.images = 0  # depth of images: their alt text is not prose

    # -- regions -----------------------------------------------------------------------------------
    def lines_of(self, start: int, end: int) -> tuple[int, int]:
        """0-based first and last line of the source range ``start``..``end``."""
        starts = self.map.starts
        first = bisect.bisect_right(starts, start) - 1
        return first, bisect.bisect_right(starts, max(start, end - 1)) - 1

    def region(self, first: int, last: int) -> tuple[int, int]:
        """Document offsets of 0-based lines ``first``..``last``, without the final line break."""
        starts = self.map.starts
        return starts[first], (starts[last + 1] - 1 if last + 1 < len(starts) else len(self.text))

    # -- blocks ------------------------------------------------------------------------------------
    def open(self, kind: str, start: int, end: int, level: int | None = None, implicit: bool = False) -> None:
        self.close()
        self.leaf = _Leaf(kind, start, end, tuple(self.containers), level)
        self.implicit = implicit

    def close(self) -> None:
        leaf, self.leaf = self.leaf, None
        if leaf is None:
            return
        first, last = self.lines_of(leaf.start, leaf.end)
        start, end = self.region(first, last)
        text, extra = _mask_urls_and_refs(self.masked(start, end, leaf.spans), start)
        kind = leaf.kind
        if kind == "paragraph" and _FOOTNOTE_DEF.match(self.text[start:end]):
            kind = "footnote"
        block = Block(kind, start, text, first + 1, last + 1, level=leaf.level, containers=leaf.containers)
        self.blocks.append(block)
        for link_kind, target, a, b in leaf.links:
            self.links.append(Link(link_kind, target, a, b, block))
        for link in extra:
            self.links.append(Link(link.kind, link.target, link.start, link.end, block))

    def raw(self, kind: str, start: int, end: int) -> None:
        self.close()
        first, last = self.lines_of(start, end)
        a, b = self.region(first, last)
        raw = self.text[a:b]
        self.blocks.append(Block(kind, a, blank(raw), first + 1, last + 1, containers=tuple(self.containers), raw=raw))

    def masked(self, start: int, end: int, spans: list[tuple[int, int]]) -> str:
        out, pos = [], start
        for a, b in sorted(spans):
            a, b = max(a, pos), min(b, end)
            if a >= b:
                continue
            out.append(blank(self.text[pos:a]))
            out.append(self.text[a:b])
            pos = b
        out.append(blank(self.text[pos:end]))
        return "".join(out)

    # -- inline ------------------------------------------------------------------------------------
    def inline(self, start: int, end: int) -> _Leaf:
        """The leaf that an inline event belongs to, opening a tight list item's paragraph if none is open."""
        leaf = self.leaf
        if leaf is None:
            self.open(self.containers[-1] if self.containers else "paragraph", start, end, implicit=True)
            leaf = self.leaf
            assert leaf is not None
        elif self.implicit:
            leaf.end = max(leaf.end, end)
        return leaf

    def text_event(self, content: str, start: int, end: int) -> None:
        leaf = self.inline(start, end)
        if self.images:
            return
        source = self.text[start:end]
        if source != content:  # an escape or an entity: keep the characters that read as the content
            found = source.find(content)
            if found == -1:
                return
            start, end = start + found, start + found + len(content)
        if self.open_links:
            link = self.open_links[-1]
            if link[2] < 0:
                link[2] = start
            link[3] = end
            if link[0] == "url":
                return
        leaf.spans.append((start, end))

    def start_link(self, payload: dict, start: int, end: int) -> None:
        self.inline(start, end)
        kind = "url" if payload.get("link_type") in ("Autolink", "Email") else "link"
        self.open_links.append([kind, str(payload.get("dest_url", "")), -1, -1, start])

    def end_link(self) -> None:
        if not self.open_links:
            return
        kind, target, first, last, at = self.open_links.pop()
        if first < 0:
            first = last = at
        if self.leaf is not None:
            self.leaf.links.append((kind, target, first, last))

    # -- events ------------------------------------------------------------------------------------
    def feed(self, events, offset: _Offsets) -> None:
        raw_depth = 0  # inside a code or HTML block: its text is not prose
        ascii = offset.ascii
        for event, where in events:
            start, end = (where["start"], where["end"]) if ascii else (offset(where["start"]), offset(where["end"]))
            if isinstance(event, str):
                if event in _INLINE_MARKS and not raw_depth:
                    self.inline(start, end)
                elif event == "Rule":
                    self.close()
                continue
            (name, value), = event.items()
            if name == "Text":
                if not raw_depth:
                    self.text_event(value, start, end)
            elif name in _INLINE_EVENTS:
                self.inline(start, end)
            elif name == "Start":
                tag, payload = (value, None) if isinstance(value, str) else next(iter(value.items()))
                if tag in _INLINE_TAGS:
                    if tag == "Link":
                        self.start_link(payload, start, end)
                    else:
                        self.inline(start, end)
                        self.images += tag == "Image"
                elif tag == "Paragraph":
                    self.open(self.containers[-1] if self.containers else "paragraph", start, end)
                elif tag == "Heading":
                    self.open("heading", start, end, level=int(payload["level"][1:]))
                elif tag == "Table":
                    self.open("table", start, end)
                elif tag in ("TableHead", "TableRow", "TableCell"):
                    pass
                elif tag == "CodeBlock":
                    self.raw("code", start, end)
                    raw_depth += 1
                elif tag == "HtmlBlock":
                    self.raw("html", start, end)
                    raw_depth += 1
                else:  # lists, list items and block quotes
                    self.close()
                    if tag in ("BlockQuote", "Item"):
                        self.containers.append("blockquote" if tag == "BlockQuote" else "list-item")
            elif name == "End":
                tag = value if isinstance(value, str) else next(iter(value))
                if tag == "Link":
                    self.end_link()
                elif tag == "Image":
                    self.images -= 1
                elif tag in ("Paragraph", "Heading", "Table"):
                    self.close()
                elif tag in ("CodeBlock", "HtmlBlock"):
                    raw_depth -= 1
                elif tag in ("BlockQuote", "Item"):
                    self.close()
                    self.containers.pop()
        self.close()


def _mask_urls_and_refs(text: str, start: int) -> tuple[str, list[Link]]:
    links: list[Link] = []
    if shortcuts.enabled() and "www." not in text and "://" not in text and "[^" not in text:
        return text, links  # every URL or footnote reference holds one of these
    for pattern, kind in ((_BARE_URL, "url"), (_FOOTNOTE_REF, "footnote")):
        for m in pattern.finditer(text):
            links.append(Link(kind, m.group(), start + m.start(), start + m.end(), None))  # type: ignore[arg-type]
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text, links


def parse(text: str, lines: LineMap) -> tuple[list[Block], list[Link]]:
    """Blocks and links of a Markdown text (front matter already blanked out by the caller)."""
    builder = _Builder(text, lines)
    builder.feed(pyromark.events_with_range(text, options=_OPTIONS), _Offsets(text))
    return builder.blocks, builder.links
