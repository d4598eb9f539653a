"""The walk from an HTML tree to blocks: the document text written as a reader sees the page, with the
source map's runs (see ``parse.html`` for what the text is, and ``htmlsource`` for the map)."""
from __future__ import annotations

import re
from array import array

from draftlint.document import Block, Link
from draftlint.parse import htmlchrome
from draftlint.parse.htmlsource import Aligner, Stream
from draftlint.parse.markdown import blank

NOT_PROSE = frozenset({"head", "script", "style", "template", "noscript", "svg", "math", "select", "datalist",
                       "textarea", "iframe", "object", "embed", "video", "audio", "canvas", "map", "input"})
BLOCKS = frozenset("""address article aside blockquote body caption center details dialog dd dir div dl dt
    fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing
    main menu nav ol optgroup option p plaintext pre search section summary table tbody td tfoot th thead tr
    ul xmp""".split())
HEADINGS = {f"h{n}": n for n in range(1, 7)}
CODE = frozenset({"pre", "listing", "xmp", "plaintext"})
INLINE_CODE = frozenset({"code", "kbd", "samp", "tt"})
# A table whose cells hold any of these lays out a page; else it is a data table, one block.
_BLOCK_INSIDE = ",".join(f"td {tag}, th {tag}" for tag in """p div ul ol dl table h1 h2 h3 h4 h5 h6 blockquote
    pre section article header footer nav aside main form figure""".split())
# Runs of text whose whitespace is single spaces (copied as they are); other whitespace collapses to one space.
_RUN = re.compile(r"[^\t\n\f\r ]+(?: [^\t\n\f\r ]+)*")

# What an element's exit undoes (bits of the value pushed on its entry)
_SKIP, _CONTAINER, _HEADING, _CODE, _MASK, _LINK, _QUOTE, _TABLE, _CHROME, _BLOCK, _MAIN, _SECTIONS, _MAINS, PRUNE = (
    1 << i for i in range(14))  # PRUNE: the walk does not go into the element
_PAST = 1 << 30  # the skip count past the article (--html-main)


class Builder:
    def __init__(self, stream: Stream) -> None:
        self.aligner = Aligner(stream)
        self.parts: list[str] = []
        self.pos = 0
        self.line = 1
        self.at, self.target, self.copy = array("q"), array("q"), array("b")
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.chrome_of: list[int] = []  # per block: its innermost chrome container, or -1
        self.link_share: list[float] = []  # per block: the share of its characters inside links
        self.prose: list[int] = []  # per block: its weight as running prose (htmlchrome.prose_weight)
        self.skip = 0
        self.containers: list[str] = []
        self.frozen: tuple[str, ...] | None = None  # tuple(self.containers), made when a block needs it
        self.heading = 0
        self.code = 0
        self.mask = 0
        self.table: list[bool] = []  # per open table: is it a data table (one block)
        self.open_links: list[list] = []  # [href, first offset or -1, end]
        self.cite: str | None = None
        self.main: int | None = None  # the mem_id of the only element to read (--html-main), if any
        self.chrome = htmlchrome.Containers()
        self.sections = 0  # open article, aside, nav and section elements
        self.mains = 0  # open main elements
        self.block: _Open | None = None
        self.space = -1  # stream offset of a whitespace run not yet written (a space if text follows)

    # -- writing --------------------------------------------------------------------------------------
    def _put(self, piece: str, target: int, copy: bool) -> None:
        at, tgt, cp = self.at, self.target, self.copy
        if not (copy and cp and cp[-1] and tgt[-1] + self.pos - at[-1] == target):
            at.append(self.pos)
            tgt.append(target)
            cp.append(copy)
        self.parts.append(piece)
        self.pos += len(piece)
        if "\n" in piece:
            self.line += piece.count("\n")

    def _start_block(self) -> "_Open":
        if self.block is None:
            if self.pos:
                self._put("\n\n", self.aligner.cur, False)
            kind = "paragraph"
            if self.code:
                kind = "code"
            elif self.table and self.table[-1]:
                kind = "table"
            elif self.heading:
                kind = "heading"
            elif self.containers:
                kind = self.containers[-1]
            if self.frozen is None:  # blocks in the same containers share one tuple (deep nesting: memory)
                self.frozen = tuple(self.containers)
            self.block = _Open(kind, len(self.parts), self.pos, self.line, self.heading or None, self.frozen,
                               self.chrome.innermost(), self.cite)
            self.cite = None
        return self.block

    def write(self, piece: str, target: int, copy: bool = True) -> None:
        """Add text to the open block (opening one), after the pending space if any."""
        block = self._start_block()
        if self.space >= 0 and block.start != self.pos and self.parts[-1][-1] not in " \n":
            self._put(" ", self.space, False)
        self.space = -1
        start = self.pos
        self._put(piece, target, copy)
        if self.mask:
            block.masked.append((start, self.pos))
        if self.open_links:
            link = self.open_links[-1]
            if link[1] < 0:
                link[1] = start
            link[2] = self.pos

    def text(self, content: str) -> None:
        found = self.aligner.find(content)
        if self.skip or not content:
            return
        if found >= 0:
            self.flow(content, found, True)
        else:
            self.flow(content, self.aligner.cur, False)

    def flow(self, content: str, target: int, copy: bool) -> None:
        """Write a text node that starts at stream offset ``target`` (else anchor it there), its runs of
        whitespace collapsed to one space (kept as they are in code)."""
        if self.code:
            self.write(content, target, copy)
            return
        end = 0
        for m in _RUN.finditer(content):
            a, end = m.span()
            if a and self.space < 0:
                self.space = target + (a if copy else 0)
            self.write(content[a:end], target + (a if copy else 0), copy)
        if end < len(content) and self.block is not None:
            self.space = target + (end if copy else 0)

    def synthetic(self, piece: str) -> None:
        self.write(piece, self.aligner.cur, False)

    def line_break(self) -> None:
        block = self.block
        if block is None or block.start == self.pos:
            return
        if self.parts[-1].endswith("\n"):  # a second <br>: a new block, as the page shows a blank line
            self.cut()
        else:
            self._put("\n", self.aligner.cur, False)
            self.space = -1

    def cut(self, keep: bool = True) -> tuple[int, int] | None:
        """Close the open block, if any, and make it a Block (``keep``); return its range of the text."""
        block, self.block = self.block, None
        self.space = -1
        if block is None:
            return None
        body = "".join(self.parts[block.part:]).rstrip()
        if not body.strip() or not keep:
            return block.start, block.start + len(body)
        if block.kind == "code":
            masked = blank(body)
        elif block.masked:
            prose = list(body)
            for a, b in block.masked:
                for i in range(a - block.start, min(b, block.start + len(body)) - block.start):
                    if prose[i] != "\n":
                        prose[i] = " "
            masked = "".join(prose)
        else:
            masked = body
        last_line = block.line + body.count("\n")
        made = Block(block.kind, block.start, masked, block.line, last_line, level=block.level,
                     containers=block.containers, raw=body if block.kind == "code" else "")
        self.blocks.append(made)
        self.chrome_of.append(block.chrome)
        linked = 0
        for href, a, b in block.links:
            self.links.append(Link("link", href, a, b, made))
            linked += len(body[a - block.start:b - block.start].replace(" ", ""))
        if block.cite:
            self.links.append(Link("link", block.cite, block.start, block.start + len(body), made))
        chars = len(body.replace(" ", "").replace("\n", ""))
        self.link_share.append(linked / max(1, chars))
        self.prose.append(htmlchrome.prose_weight(chars, linked))

    # -- elements -------------------------------------------------------------------------------------
    def enter(self, node, tag: str) -> int:
        """Open an element; the value returned says what its exit undoes."""
        if self.main is not None and tag != "html":
            if node.mem_id != self.main:
                self.skip += 1
                return _SKIP
            self.main = None  # inside the article: read as usual
            self.skip = 0
            return self.enter(node, tag) | _MAIN
        if self.skip:
            self.skip += 1
            return _SKIP | PRUNE if self.skip > _PAST else _SKIP  # past the article: not even walked
        if tag in NOT_PROSE:
            self.skip += 1
            return _SKIP
        attrs = node.attributes
        done = 0
        in_data_table = bool(self.table) and self.table[-1]
        if tag == "br":
            self.line_break()
            return 0
        if tag in BLOCKS and not in_data_table:
            self.cut()
            done |= _BLOCK
            if tag in ("li", "blockquote"):
                self.containers.append("list-item" if tag == "li" else "blockquote")
                self.frozen = None
                done |= _CONTAINER
                if tag == "blockquote" and attrs.get("cite"):
                    self.cite = attrs["cite"]
            elif tag in HEADINGS:
                self.heading = HEADINGS[tag]
                done |= _HEADING
            elif tag in CODE:
                self.code += 1
                done |= _CODE
            elif tag == "table":
                self.table.append(node.css_first(_BLOCK_INSIDE) is None)
                done |= _TABLE
        elif in_data_table and tag in ("tr", "td", "th", "caption"):
            block = self.block
            if block is not None and block.start != self.pos:
                if tag in ("tr", "caption"):
                    self.line_break()
                elif not self.parts[-1].endswith("\n"):
                    self.synthetic(" | ")
                    block.masked.append((self.pos - 2, self.pos - 1))
        elif tag in INLINE_CODE:
            self.mask += 1
            done |= _MASK
        elif tag == "a" and attrs.get("href"):
            self.open_links.append([attrs["href"], -1, -1])
            done |= _LINK
        elif tag == "q":
            self.synthetic("“")
            done |= _QUOTE
        scope = "section" if self.sections else "main" if self.mains else ""
        kind, evidence = htmlchrome.chrome_of(tag, attrs, scope)
        if tag in htmlchrome.SECTIONS:
            self.sections += 1
            done |= _SECTIONS
        elif tag == "main":
            self.mains += 1
            done |= _MAINS
        if kind:
            self.chrome.open(kind, len(self.blocks), evidence)
            done |= _CHROME
        if tag == "main" or attrs.get("role") == "main":
            self.chrome.holds_main()
        return done

    def exit(self, done: int) -> None:
        if done & _MAIN:
            self.skip = _PAST  # past the article: nothing more is read
        if done & _SKIP:
            self.skip -= 1
            return
        if done & _QUOTE:
            self.synthetic("”")
        if done & _LINK:
            href, a, b = self.open_links.pop()
            if a >= 0 and self.block is not None and a >= self.block.start:
                self.block.links.append((href, a, b))
        if done & _MASK:
            self.mask -= 1
        if done & _BLOCK:
            self.cut()
        if done & _CONTAINER:
            self.containers.pop()
            self.frozen = None
        if done & _HEADING:
            self.heading = 0
        if done & _CODE:
            self.code -= 1
        if done & _TABLE:
            self.table.pop()
        if done & _CHROME:
            self.chrome.close(len(self.blocks))
        if done & _SECTIONS:
            self.sections -= 1
        if done & _MAINS:
            self.mains -= 1


class _Open:
    """A block being written: where it starts, what it is, and its masked ranges and links so far."""

    __slots__ = ("kind", "part", "start", "line", "level", "containers", "chrome", "cite", "masked", "links")

    def __init__(self, kind: str, part: int, start: int, line: int, level: int | None, containers: tuple[str, ...],
                 chrome: int, cite: str | None) -> None:
        self.kind, self.part, self.start, self.line, self.level = kind, part, start, line, level
        self.containers = containers
        self.chrome, self.cite = chrome, cite
        self.masked: list[tuple[int, int]] = []
        self.links: list[tuple[str, int, int]] = []


def walk(builder: Builder, root) -> None:
    """Visit the tree in document order without recursion (pages nest deeply)."""
    open_elements: list[int] = []  # what each open element's exit undoes
    node = root
    while node is not None:
        if node.is_element_node:
            done = builder.enter(node, node.tag)
            child = None if done & PRUNE else node.child
            if child is not None:
                open_elements.append(done)
                node = child
                continue
            builder.exit(done)
        elif node.is_text_node:
            builder.text(node.text_content or "")
        while True:  # on to the next sibling, closing the elements that end here
            nxt = node.next
            if nxt is not None or not open_elements:
                node = nxt
                break
            node = node.parent
            builder.exit(open_elements.pop())
    builder.cut()
