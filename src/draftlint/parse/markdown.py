"""Markdown to blocks with exact positions, through markdown-it-py's block tokens.

markdown-it-py puts line maps on block tokens only, so each inline ``content`` is aligned back to its
source lines, and the inline children (text, links, code, HTML) decide which characters are prose.
"""
from __future__ import annotations

import re
from typing import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from draftlint.document import Block, LineMap, Link

_PARSER: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        _PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
        _PARSER.core.ruler.disable("inline")  # run lazily per block: see _Builder.children
    return _PARSER


# Characters that can start inline markup; content without any of them is plain text.
_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]!<&~]")


_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>\[\]\"“”‘’]+[^\s<>\[\]\"“”‘’.,;:!?)]")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_FOOTNOTE_DEF = re.compile(r"^\s*\[\^[^\]\s]+\]:")


def blank(text: str) -> str:
    """Replace every character but line breaks with a space."""
    return "\n".join(" " * len(part) for part in text.split("\n"))


class _Builder:
    def __init__(self, text: str, lines: LineMap, env: dict) -> None:
        self.env = env
        self.text = text
        self.map = lines
        self.source_lines = text.split("\n")
        self.blocks: list[Block] = []
        self.links: list[Link] = []

    # -- regions -----------------------------------------------------------------------------------
    def region(self, first: int, last: int) -> tuple[int, int]:
        """Document offsets of 0-based lines ``first``..``last - 1``, without the final line break."""
        start = self.map.starts[first]
        end = self.map.starts[last] - 1 if last < len(self.map.starts) else len(self.text)
        return start, end

    def align(self, content: str, first_line: int, cell_from: int | None = None) -> list[int | None]:
        """Document offset of the start of each line of an inline ``content`` (None: not found)."""
        bases: list[int | None] = []
        for j, piece in enumerate(content.split("\n")):
            index = first_line + j
            if index >= len(self.source_lines):
                bases.append(None)
                continue
            source = self.source_lines[index]
            line_start = self.map.starts[index]
            core = piece.strip()
            if not core:
                bases.append(line_start + len(source) - len(piece))
                continue
            lead = len(piece) - len(piece.lstrip())
            if cell_from is not None:
                col = source.find(core, cell_from)
            else:
                stripped = source.rstrip()
                col = len(stripped) - len(core) if stripped.endswith(core) else source.find(core)
            bases.append(None if col < 0 else line_start + col - lead)
        return bases

    # -- inline ------------------------------------------------------------------------------------
    def prose_intervals(self, inline: Token, bases: list[int | None]) -> tuple[list[tuple[int, int]], list[Link]]:
        content = inline.content
        line_offsets = [0]
        for piece in content.split("\n")[:-1]:
            line_offsets.append(line_offsets[-1] + len(piece) + 1)

        def to_doc(pos: int) -> int | None:
            j = _line_index(line_offsets, pos)
            base = bases[j]
            return None if base is None else base + pos - line_offsets[j]

        spans: list[tuple[int, int]] = []
        links: list[Link] = []
        if not _INLINE_SPECIAL.search(content):
            spans.append((0, len(content)))  # plain text: the inline parser would return it unchanged
            children: list[Token] = []
        else:
            children = []
            _parser().inline.parse(content, _parser(), self.env, children)
        cursor = 0
        link_stack: list[tuple[str, str, int]] = []  # kind, target, offset of the first text (-1: none yet)
        link_ends: list[int] = []
        for child in children:
            kind = child.type
            if kind in ("text", "text_special"):
                pos = content.find(child.content, cursor)
                if pos == -1:
                    continue
                end = pos + len(child.content)
                if not (link_stack and link_stack[-1][0] == "url"):
                    spans.append((pos, end))
                if link_stack:
                    kind_, href_, first_ = link_stack[-1]
                    link_stack[-1] = (kind_, href_, pos if first_ < 0 else first_)
                    link_ends[-1] = end
                cursor = end
            elif kind in ("code_inline", "html_inline"):
                pos = content.find(child.content, cursor)
                if pos != -1:
                    cursor = pos + len(child.content)
            elif kind == "link_open":
                link_kind = "url" if child.markup == "autolink" else "link"
                link_stack.append((link_kind, str(child.attrs.get("href", "")), -1))
                link_ends.append(cursor)
            elif kind == "link_close" and link_stack:
                link_kind, href, start = link_stack.pop()
                end = link_ends.pop()
                cursor = _skip_link_tail(content, cursor)
                start = end if start < 0 else start
                a, b = to_doc(start), to_doc(end)
                if a is not None and b is not None:
                    links.append(Link(link_kind, href, a, b, None))  # type: ignore[arg-type]
            elif kind == "image":
                pos = content.find("![", cursor)
                if pos != -1:
                    cursor = _skip_link_tail(content, content.find("]", pos + 2))
        doc_spans = []
        for a, b in spans:
            for piece_start, piece_end in _split_lines(line_offsets, a, b):
                start = to_doc(piece_start)
                if start is not None:
                    doc_spans.append((start, start + piece_end - piece_start))
        return doc_spans, links

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

    # -- blocks ------------------------------------------------------------------------------------
    def add(self, kind: str, token_map: list[int], inlines: list[Token], *, level: int | None = None,
            containers: tuple[str, ...] = (), cells: bool = False) -> None:
        first, last = token_map
        start, end = self.region(first, last)
        spans: list[tuple[int, int]] = []
        links: list[Link] = []
        for inline in inlines:
            line = inline.map[0] if inline.map else first
            if cells:
                row_start = self.map.starts[line]
                found = self.text.find(inline.content.strip(), self._cell_cursor.get(line, row_start), end) if inline.content.strip() else -1
                bases = self.align(inline.content, line, cell_from=(found - row_start) if found != -1 else len(self.source_lines[line]))
                if found != -1:
                    self._cell_cursor[line] = found + len(inline.content.strip())
            else:
                bases = self.align(inline.content, line)
            inline_spans, inline_links = self.prose_intervals(inline, bases)
            spans.extend(inline_spans)
            links.extend(inline_links)
        text = self.masked(start, end, spans)
        text, extra = _mask_urls_and_refs(text, start)
        if kind == "paragraph" and _FOOTNOTE_DEF.match(self.text[start:end]):
            kind = "footnote"
        block = Block(kind, start, text, first + 1, max(first + 1, last), level=level, containers=containers)
        self.blocks.append(block)
        for link in links + extra:
            self.links.append(Link(link.kind, link.target, link.start, link.end, block))

    def add_raw(self, kind: str, token: Token, containers: tuple[str, ...]) -> None:
        if not token.map:
            return
        start, end = self.region(*token.map)
        raw = self.text[start:end]
        self.blocks.append(Block(kind, start, blank(raw), token.map[0] + 1, token.map[1], containers=containers, raw=raw))

    def build(self, tokens: list[Token]) -> None:
        containers: list[str] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "blockquote_open":
                containers.append("blockquote")
            elif kind == "list_item_open":
                containers.append("list-item")
            elif kind in ("blockquote_close", "list_item_close"):
                containers.pop()
            elif kind == "heading_open" and token.map:
                self.add("heading", token.map, [tokens[i + 1]], level=int(token.tag[1:]), containers=tuple(containers))
                i += 2
            elif kind == "paragraph_open" and token.map:
                inner = containers[-1] if containers else "paragraph"
                self.add(inner, token.map, [tokens[i + 1]], containers=tuple(containers))
                i += 2
            elif kind in ("fence", "code_block"):
                self.add_raw("code", token, tuple(containers))
            elif kind == "html_block":
                self.add_raw("html", token, tuple(containers))
            elif kind == "table_open" and token.map:
                close = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
                self._cell_cursor: dict[int, int] = {}
                inlines = [t for t in tokens[i:close] if t.type == "inline"]
                self.add("table", token.map, inlines, containers=tuple(containers), cells=True)
                i = close
            i += 1


def _line_index(line_offsets: list[int], pos: int) -> int:
    lo, hi = 0, len(line_offsets) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if line_offsets[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _split_lines(line_offsets: list[int], a: int, b: int) -> Iterator[tuple[int, int]]:
    j = _line_index(line_offsets, a)
    while a < b:
        line_end = line_offsets[j + 1] - 1 if j + 1 < len(line_offsets) else b
        piece_end = min(b, line_end)
        if piece_end > a:
            yield a, piece_end
        a = line_end + 1
        j += 1


def _skip_link_tail(content: str, pos: int) -> int:
    """Given the offset of a link's closing ``]``, return the offset after ``(target)`` or ``[ref]``."""
    if pos < 0 or pos >= len(content) or content[pos] != "]":
        return max(pos, 0)
    pos += 1
    if pos < len(content) and content[pos] in "([":
        close = ")" if content[pos] == "(" else "]"
        depth, j = 0, pos
        while j < len(content):
            if content[j] == content[pos]:
                depth += 1
            elif content[j] == close:
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
    return pos


def _mask_urls_and_refs(text: str, start: int) -> tuple[str, list[Link]]:
    links: list[Link] = []
    if "www." not in text and "://" not in text and "[^" not in text:
        return text, links
    for pattern, kind in ((_BARE_URL, "url"), (_FOOTNOTE_REF, "footnote")):
        for m in pattern.finditer(text):
            links.append(Link(kind, m.group(), start + m.start(), start + m.end(), None))  # type: ignore[arg-type]
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text, links


def parse(text: str, lines: LineMap) -> tuple[list[Block], list[Link]]:
    """Blocks and links of a Markdown text (front matter already blanked out by the caller)."""
    env: dict = {}
    tokens = _parser().parse(text, env)
    builder = _Builder(text, lines, env)
    builder.build(tokens)
    return builder.blocks, builder.links
