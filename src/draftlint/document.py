"""The document model: one parse per file, read by every rule.

Positions: every block keeps ``text``, a copy of its source region (``doc.text[start:end]``) of the same
length in which everything that is not prose (container markers, emphasis markers, link targets, inline
code, URLs, HTML) is replaced by spaces. An offset into ``block.text`` is therefore an offset into the
document, and ``doc.span()`` turns it into 1-based line and column of the file. Rules never re-parse.

An HTML page's ``text`` is the page's text as a reader sees it (see ``parse.html``), and its ``origin``
maps offsets of that text back to the source: ``doc.span()`` and ``doc.line_of()`` answer in source lines
and columns, while ``doc.lines``, ``Line.number`` and ``Block.first_line`` count lines of ``text``, for
comparing positions within the document. Rules that report a line number in a message use ``doc.line_of``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping, NamedTuple, TypeVar

from draftlint.findings import Span
from draftlint.lineshape import NARROWEST_WRAP, WIDEST_WRAP, breaks_early, looks_wrapped, wraps_into
from draftlint.positions import LineMap
from draftlint.quotemarks import Quote, find_quotes

T = TypeVar("T")

BLOCK_KINDS = ("heading", "paragraph", "list-item", "blockquote", "table", "code", "html", "footnote")
PROSE_KINDS = frozenset({"heading", "paragraph", "list-item", "blockquote", "table", "footnote"})


class cached_property:
    """``functools.cached_property`` without its lock, which Python 3.11 takes on every first access (a
    document is read by one thread): computed once per instance, then read from the instance's ``__dict__``."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


class Line(NamedTuple):  # a tuple: documents make hundreds of them, and a frozen dataclass is slow to make
    """One source line of a block, prose only: ``start``/``end`` are the document offsets of its first and
    last visible characters; ``text`` has its runs of whitespace (and masked markup) collapsed to one space,
    for comparisons, never for positions."""

    number: int
    start: int
    text: str
    end: int


@dataclass(eq=False)
class Block:
    kind: str
    start: int  # document offset of ``text[0]``
    text: str  # masked prose, same length as the source region
    first_line: int
    last_line: int
    level: int | None = None  # heading level
    containers: tuple[str, ...] = ()  # enclosing blockquote / list-item, outermost first
    raw: str = ""  # for code and html blocks: the source text
    # Page structure, from an HTML page: the kind of chrome container the block sits in ("nav", "aside",
    # "header", "footer", "form", "share", "related", "newsletter", "comments", "breadcrumb", "tags", "ad",
    # "cookie", or "links" for a link-dense block), "" in the article's text and in Markdown and plain text;
    # ``chrome_by`` is its evidence: the container's opening tag (``<div class="share-buttons">``) or the
    # share of link text (``87% link text``).
    chrome: str = ""
    chrome_by: str = ""

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @cached_property
    def plain(self) -> str:
        """The prose with masked runs collapsed: for comparisons, never for positions."""
        return " ".join(self.text.split())

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        out = []
        offset = self.start
        for number, piece in enumerate(self.text.split("\n"), self.first_line):
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                out.append(Line(number, offset + lead, " ".join(stripped.split()), offset + lead + len(stripped)))
            offset += len(piece) + 1
        return tuple(out)

    @cached_property
    def stacked(self) -> bool:
        """A stack of separate lines (a widget, a list of labels, an address), not one paragraph that is
        hard-wrapped (``looks_wrapped``): sentence splitting treats each line of a stack on its own (``pieces``),
        and line-level rules each line, or each long line that was hard-wrapped on its own (``standalone``)."""
        pieces = self.text.split("\n")
        return len(pieces) > 1 and not looks_wrapped(pieces)

    @cached_property
    def standalone(self) -> tuple[Line, ...]:
        """The lines that stand on their own, what line-level rules read: the whole of a hard-wrapped
        paragraph as one line (its text ``plain``, its start and end those of its first and last lines); in a
        stack, each line, except that a run of lines between breaks that come early (``breaks_early``: before
        a word that would have fit on the line) which reads as a hard-wrapped paragraph (``looks_wrapped``,
        no line but the last wider than editors wrap at) is one line too: a stack of long lines, each
        hard-wrapped on its own, stands as those long lines, not as the pieces of the wrapping."""
        lines = self.lines
        if len(lines) < 2:
            return lines
        if not self.stacked:
            return (_joined(lines, self.plain),)
        width = max(NARROWEST_WRAP, *(len(line.text) for line in lines))
        out: list[Line] = []
        start = 0
        for i in range(1, len(lines) + 1):
            if i < len(lines) and lines[i].number == lines[i - 1].number + 1 \
                    and not breaks_early(lines[i - 1].text, lines[i].text, width):
                continue  # the run goes on
            run = lines[start:i]
            texts = [line.text for line in run]
            if len(run) > 1 and max(map(len, texts[:-1])) <= WIDEST_WRAP and looks_wrapped(texts):
                out.append(_joined(run, " ".join(texts)))
            else:
                out.extend(run)
            start = i
        return tuple(out)

    @cached_property
    def pieces(self) -> tuple[tuple[int, str], ...]:
        """(offset in block, text) pieces that sentences never cross: the whole block, or, in a stack, each line
        on its own except where a long line visibly runs on into the next (a hard-wrapped paragraph under a
        label line, say), which stay one piece."""
        if not self.stacked:
            return ((0, self.text),)
        out: list[tuple[int, str]] = []
        offset = 0
        previous = ""
        for line in self.text.split("\n"):
            if line.strip():
                if out and wraps_into(previous, line):
                    start, _ = out[-1]
                    out[-1] = (start, self.text[start:offset + len(line)])
                else:
                    out.append((offset, line))
                previous = line
            offset += len(line) + 1
        return tuple(out)

    @property
    def in_blockquote(self) -> bool:
        return self.kind == "blockquote" or "blockquote" in self.containers


def _joined(lines: tuple[Line, ...], text: str) -> Line:
    return Line(lines[0].number, lines[0].start, text, lines[-1].end)


@dataclass(frozen=True)
class Link:
    kind: str  # "link" (inline or reference), "url" (bare or autolink), "footnote" (a [^ref] citation)
    target: str
    start: int
    end: int
    block: Block = field(repr=False, compare=False)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    block: Block = field(repr=False, compare=False)
    # the spaCy Span this sentence came from (tokens, and tags when a trained pipeline is configured), or a
    # function that makes it on first use; ``doc.text[start:end]`` starts at its first non-space character.
    # None when built without spaCy.
    span: Any = field(default=None, repr=False, compare=False)

    @property
    def tokens(self) -> Any:
        """The spaCy Span (see ``span``), made now if it was left for first use."""
        span = self.span
        if callable(span):
            span = span()
            object.__setattr__(self, "span", span)
        return span

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Title:
    text: str
    start: int
    end: int
    source: str  # "front-matter", "h1" or "first-line"
    line: int


@dataclass(frozen=True)
class Problem:
    """Something wrong with the file itself (front matter), reported as a finding by the engine."""

    code: str
    message: str
    span: Span


@dataclass(eq=False)
class Document:
    path: str
    text: str  # normalised: no BOM, ``\n`` line breaks
    kind: str  # "markdown" or "text"
    blocks: tuple[Block, ...]
    front_matter: Mapping[str, Any]
    front_matter_lines: tuple[int, int] | None  # first and last line of the front matter block
    title: Title | None
    links: tuple[Link, ...]
    problems: tuple[Problem, ...] = ()
    # When ``text`` is not the file itself (an HTML page's text): maps offsets of ``text`` to the source
    # (``span``, ``line``), and holds the source's comments (``comments``: ranges in ``source``).
    origin: Any = None

    def shared(self, make: Callable[["Document"], T]) -> T:
        """``make(self)``, made on first use and kept on the document: a view of it that several rules read
        (the quote analysis, the YAML rules' index, the body lines). It goes when the document goes."""
        cache = self.__dict__.setdefault("_shared", {})
        found = cache.get(make)
        if found is None:
            found = cache[make] = make(self)
        return found

    @cached_property
    def lines(self) -> LineMap:
        return LineMap(self.text)

    @cached_property
    def source_lines(self) -> list[str]:
        return self.text.split("\n")

    def span(self, start: int, end: int) -> Span:
        """Line and column in the file (for an HTML page, in its source) of the text from ``start`` to ``end``."""
        return self.lines.span(start, end) if self.origin is None else self.origin.span(start, end)

    def line_of(self, offset: int) -> int:
        """The line of the file that a user sees for ``offset`` of ``text`` (the source line of an HTML page)."""
        return self.lines.position(offset)[0] if self.origin is None else self.origin.line(offset)

    def excerpt(self, start: int, end: int) -> str:
        return self.text[start:end]

    @property
    def prose_blocks(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.kind in PROSE_KINDS)

    @property
    def headings(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "heading")

    def links_in(self, block: Block) -> list[Link]:
        return [link for link in self.links if link.block is block]

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        return tuple(find_quotes(block for block in self.blocks if block.kind in PROSE_KINDS))

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences of the prose, in document order: set by the engine (``nlp.annotate``) before the
        rules run, when a selected rule declares ``needs = {"sentences"}``."""
        try:
            return self.__dict__["_sentences"]
        except KeyError:
            raise RuntimeError(f"{self.path}: sentences were not split: a rule that reads them must declare "
                               'needs = frozenset({"sentences"})') from None

    @sentences.setter
    def sentences(self, found: tuple[Sentence, ...]) -> None:
        self.__dict__["_sentences"] = tuple(found)

    @cached_property
    def words(self) -> int:
        return sum(len(b.text.split()) for b in self.prose_blocks if b.kind != "heading")
