"""Where each character of an HTML page's text came from in its source.

The HTML5 parsers that could serve (lexbor through selectolax, libxml2 through lxml, html5lib) build a tree
whose text nodes carry no source position (libxml2 keeps an element's line, no column, nothing for text). So
positions come from a second, light pass over the source: ``scan`` tokenises it as the HTML5 tokenizer does
(tags with quoted attribute values, comments, raw-text and RCDATA elements, character references) and keeps
the page's text in source order, decoded, with the source offset of every character: the *stream*. The
tree's text nodes come in the same order (save the few the tree builder moves, such as text fostered out of
a table), so ``Aligner`` finds each one in the stream, mostly by a single ``startswith``. The document text
that ``parse.html`` writes is made of pieces of the stream (copied one to one) and of characters it adds
(a space for a run of whitespace, line breaks between blocks, quotation marks for ``<q>``), each anchored
to a stream offset; ``SourceMap`` turns an offset of that text back into source line and column.
"""
from __future__ import annotations

import bisect
import html
import re
from array import array

from draftlint.positions import LineMap
from draftlint.findings import Span

_SPACE = "\t\n\f\r "
# A start or end tag: the name, then attributes whose quoted values may hold ">" (possessive: no backtracking).
_TAG = re.compile(r"""</?([A-Za-z][^\t\n\f\r />]*+)(?:[\t\n\f\r /]++|[^\t\n\f\r />][^\t\n\f\r />=]*+"""
                  r"""(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:"[^"]*+"|'[^']*+'|[^\t\n\f\r >]*+))?+)*+>""")
_COMMENT_END = re.compile(r"--!?>")
# The character references of html.unescape (HTML5's rules: numeric, named, legacy names without ";").
_CHARREF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_LEADING_SPACE = re.compile(r"[\t\n\f\r ]*")
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes"})
# Elements that nest only by their end tag: not void, not closed by a sibling's start tag (p, li, td, a ...)
_SELF_ENDING = frozenset("""area base br col embed hr img input link meta param source track wbr keygen frame
    basefont bgsound image p li dt dd option optgroup rb rp rt rtc tr td th tbody thead tfoot caption colgroup
    html head body a button form nobr h1 h2 h3 h4 h5 h6 select table plaintext title textarea""".split()) | RAW_TEXT
MAX_DEPTH = 256  # deeper elements are read as if their tags were not there (lexbor's tree building slows
# down with the depth of the open elements: 100,000 nested divs took 12 s); browsers cap it too (Blink: 512)
RCDATA = frozenset({"title", "textarea"})
_TEXT_ELEMENTS = RAW_TEXT | RCDATA | {"plaintext"}  # a start tag of these is followed by text, not markup
_CLOSERS: dict[str, re.Pattern[str]] = {}

COPY = -1  # a run of the stream copied one to one from the source


class Stream:
    """The page's text in source order, decoded, and where each character of it starts in the source.

    Runs: ``at[i]`` is the stream offset where run i starts, ``source[i]`` its source offset, and
    ``width[i]`` is ``COPY`` for text copied one to one, else the source length of a character reference
    that the run's characters decode."""

    def __init__(self, text: str) -> None:
        self.source_text = text
        self.parts: list[str] = []
        self.length = 0
        self.at = array("q")
        self.source = array("q")
        self.width = array("q")
        self.comments: list[tuple[int, int]] = []  # source ranges of comments (where directives live)
        self.text = ""
        self.flattened: list[tuple[int, int]] = []  # source ranges of tags past MAX_DEPTH
        self.depth = 0  # open elements that nest (see _SELF_ENDING), up to MAX_DEPTH
        self.over = 0  # start tags past MAX_DEPTH whose end tag has not come

    def nest(self, start: int, end: int, closing: bool) -> None:
        """Count the nesting of a tag of an element that nests (not ``_SELF_ENDING``); a tag past
        ``MAX_DEPTH`` (and the end tag of one) is flattened."""
        if closing:
            if self.over:
                self.over -= 1
                self.flattened.append((start, end))
            elif self.depth:
                self.depth -= 1
        elif self.depth < MAX_DEPTH:
            self.depth += 1
        else:
            self.over += 1
            self.flattened.append((start, end))

    def tree_source(self) -> str:
        """The source for the tree builder: the same, with each flattened tag turned into a bogus comment
        of the same length (``<?   >``), so that the tree's text is the page's and never deeper than
        ``MAX_DEPTH``."""
        if not self.flattened:
            return self.source_text
        parts, pos = [], 0
        for start, end in self.flattened:
            parts += [self.source_text[pos:start], "<?", " " * (end - start - 3), ">"]
            pos = end
        parts.append(self.source_text[pos:])
        return "".join(parts)

    def add(self, piece: str, source: int, width: int = COPY) -> None:
        if not piece:
            return
        at, src, wid = self.at, self.source, self.width
        if width == COPY and wid and wid[-1] == COPY and src[-1] + self.length - at[-1] == source:
            pass  # continues the previous copied run
        else:
            at.append(self.length)
            src.append(source)
            wid.append(width)
        self.parts.append(piece)
        self.length += len(piece)

    def add_text(self, start: int, end: int) -> None:
        """Character data: character references decoded, each one a run of its own."""
        text = self.source_text
        if text.find("&", start, end) == -1:
            self.add(text[start:end], start)
            return
        pos = start
        for m in _CHARREF.finditer(text, start, end):
            decoded = html.unescape(m.group())
            if decoded == m.group():
                continue
            self.add(text[pos:m.start()], pos)
            self.add(decoded, m.start(), m.end() - m.start())
            pos = m.end()
        self.add(text[pos:end], pos)

    def finish(self) -> "Stream":
        self.text = "".join(self.parts)
        self.parts = []
        return self

    def append(self, piece: str, start: int, end: int) -> int:
        """Add text found outside the page's text (an attribute value, decoded) to the end of the stream:
        copied from ``start`` when it is the source as it is, else all of it standing for ``start``..``end``.
        Returns its stream offset."""
        at = len(self.text)
        self.at.append(at)
        self.source.append(start)
        self.width.append(COPY if self.source_text[start:end] == piece else end - start)
        self.text += piece
        self.length = len(self.text)
        return at

    def source_range(self, offset: int) -> tuple[int, int]:
        """Source start and end of the stream character at ``offset`` (the whole reference it came from)."""
        if offset >= self.length or not self.at:
            end = len(self.source_text)
            return end, end
        i = bisect.bisect_right(self.at, offset) - 1
        if i < 0:
            return 0, 0
        if self.width[i] == COPY:
            start = self.source[i] + offset - self.at[i]
            return start, start + 1
        return self.source[i], self.source[i] + self.width[i]


def _closer(name: str) -> re.Pattern[str]:
    found = _CLOSERS.get(name)
    if found is None:
        found = _CLOSERS[name] = re.compile(rf"</{re.escape(name)}[\t\n\f\r />]", re.I)
    return found


def scan(source: str) -> Stream:
    """Tokenise ``source`` and keep its text (see the module's docstring); linear in its length."""
    stream = Stream(source)
    n = len(source)
    pos = 0
    while pos < n:
        lt = source.find("<", pos)
        if lt == -1:
            stream.add_text(pos, n)
            break
        if lt > pos:
            stream.add_text(pos, lt)
        nxt = source[lt + 1:lt + 2]
        if nxt.isascii() and (nxt.isalpha() or nxt == "/" and source[lt + 2:lt + 3].isascii() and source[lt + 2:lt + 3].isalpha()):
            m = _TAG.match(source, lt)
            if m is None:  # a tag left open at the end of the file swallows the rest, as in HTML5
                break
            pos = m.end()
            name = m.group(1).lower()
            if nxt != "/" and name in _TEXT_ELEMENTS:
                pos = _after_start_tag(stream, name, pos)
            elif name not in _SELF_ENDING:
                stream.nest(lt, pos, nxt == "/")
        elif source.startswith("<!--", lt):
            if source.startswith(("<!-->", "<!--->"), lt):
                end = source.index(">", lt + 4) + 1
            else:
                m = _COMMENT_END.search(source, lt + 4)
                end = m.end() if m else n
            stream.comments.append((lt, end))
            pos = end
        elif nxt in ("!", "?", "/"):  # doctype, bogus comment, "</>" and the like: up to the next ">"
            end = source.find(">", lt + 2)
            pos = n if end == -1 else end + 1
        else:  # a "<" that opens nothing is text
            stream.add_text(lt, lt + 1)
            pos = lt + 1
    return stream.finish()


def _after_start_tag(stream: Stream, name: str, pos: int) -> int:
    """Where the tokenizer goes on after a start tag: raw text and RCDATA run to their end tag."""
    source = stream.source_text
    if name == "plaintext":
        stream.add(source[pos:], pos)
        return len(source)
    if name in RAW_TEXT or name in RCDATA:
        m = _closer(name).search(source, pos)
        end = m.start() if m else len(source)
        if name in RCDATA:
            stream.add_text(pos, end)
        else:
            stream.add(source[pos:end], pos)
        return end
    return pos


class Aligner:
    """Finds the tree's text nodes, in tree order, in the stream. Searching ahead past text the tree does
    not hold (a template's content, markup it dropped) is budgeted, so that the whole is linear."""

    def __init__(self, stream: Stream) -> None:
        self.text = stream.text
        self.cur = 0
        self.budget = 4 * len(self.text) + 100_000

    def find(self, piece: str) -> int:
        """The stream offset of ``piece`` (the next text node of the tree), or -1 when it cannot be found."""
        text, cur = self.text, self.cur
        if text.startswith(piece, cur):
            self.cur = cur + len(piece)
            return cur
        skip = _LEADING_SPACE.match(text, cur).end()  # type: ignore[union-attr]  # whitespace the tree dropped
        if skip != cur and text.startswith(piece, skip):
            self.cur = skip + len(piece)
            return skip
        if self.budget <= 0 or not piece.strip(_SPACE):
            return -1
        limit = len(text) if len(piece) >= 8 else min(len(text), cur + 256)
        found = text.find(piece, cur, limit)
        self.budget -= (found if found != -1 else limit) - cur
        if found == -1:
            return -1
        self.cur = found + len(piece)
        return found


class SourceMap:
    """Maps offsets of a document's text to line and column in the source it was made from.

    Runs of the text: ``at[i]`` is where run i starts in the text, ``target[i]`` a stream offset, and
    ``copy[i]`` whether the run's characters are the stream's from there on (else every character of the
    run stands for the stream character at ``target[i]``: a collapsed run of whitespace, an added line
    break or quotation mark)."""

    def __init__(self, stream: Stream, at: array, target: array, copy: array) -> None:
        self.stream = stream
        self.source = stream.source_text
        self.lines = LineMap(self.source)
        self.at, self.target, self.copy = at, target, copy
        self.comments = tuple(stream.comments)

    def source_range(self, offset: int) -> tuple[int, int]:
        """Source start and end of the text character at ``offset``."""
        i = bisect.bisect_right(self.at, offset) - 1
        if i < 0:
            return 0, 0
        if self.copy[i]:
            return self.stream.source_range(self.target[i] + offset - self.at[i])
        start = self.stream.source_range(self.target[i])[0]
        return start, start

    def span(self, start: int, end: int) -> Span:
        a = self.source_range(start)[0]
        b = self.source_range(end - 1)[1] if end > start else a
        return self.lines.span(a, b)

    def line(self, offset: int) -> int:
        return self.lines.position(self.source_range(offset)[0])[0]
