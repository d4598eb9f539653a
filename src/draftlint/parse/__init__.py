"""Reading files and building Documents."""
from __future__ import annotations

import re
from pathlib import Path

from draftlint.document import Block, Document, Problem, Title
from draftlint.positions import LineMap
from draftlint.findings import Span
from draftlint.parse import frontmatter, markdown, text as plaintext

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
_LINE_BREAKS = re.compile(r"\r\n?")
_TITLE_KEY = re.compile(r"^title\s*[:=]")


class ReadError(Exception):
    """A file that cannot be linted; ``skip`` marks a note (binary file) rather than an error."""

    def __init__(self, message: str, skip: bool = False, span: Span = Span(1, 1, 1, 1)) -> None:
        super().__init__(message)
        self.skip = skip
        self.span = span  # where the problem is: the first byte that cannot be decoded


def decode(data: bytes, path: str | None = None) -> str:
    """The text of a file's bytes: UTF-8 (a byte-order mark dropped), or for an HTML page (``path``) the
    charset its ``<meta>`` declares, as a browser reads it."""
    head = data[:8192]
    if b"\x00" in head and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if _looks_like_utf16(head):
            raise ReadError("not valid UTF-8 (looks like UTF-16 without a byte-order mark): save it as UTF-8")
        raise ReadError("binary file (contains NUL bytes)", skip=True)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif path is not None and kind_of(path) == "html":
        return _decode_html(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = " (looks like UTF-16)" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ""
        raise ReadError(f"not valid UTF-8{hint}: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded",
                        span=_byte_span(data, exc.start)) from None


def _byte_span(data: bytes, offset: int) -> Span:
    """The line and column (in characters, as findings count them) of byte ``offset``, all of whose
    preceding bytes decode; a CR, LF or CRLF ends a line."""
    before = data[:offset].decode("utf-8")
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    column = len(before) - line_start + 1
    return Span(line, column, line, column + 1)


# The HTML5 prescan: a charset declared in the first 1024 bytes (<meta charset> or http-equiv's content).
_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
# Labels that browsers read as windows-1252 (the WHATWG Encoding Standard).
_WINDOWS_1252 = frozenset({"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "cp1252",
                           "windows-1252", "x-cp1252", "iso_8859-1", "cp819", "ibm819"})


def _decode_html(data: bytes) -> str:
    """The text of an HTML page's bytes (no byte-order mark): UTF-16 by its mark; bytes that are valid
    UTF-8 as UTF-8 (a page re-saved by an editor keeps its old declaration); else the charset that the page
    declares. A ReadError for bytes that are neither."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    found = _CHARSET.search(data, 0, 1024)
    label = found.group(1).decode("ascii", "replace").lower() if found else "utf-8"
    codec = "cp1252" if label in _WINDOWS_1252 else label
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if codec.replace("_", "-") in ("utf-8", "utf8"):
            raise ReadError(f"not valid UTF-8 (the charset {'declared' if found else 'assumed'} for this page):"
                            f" byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded",
                            span=_byte_span(data, exc.start)) from None
    try:
        return data.decode(codec)
    except LookupError:
        raise ReadError(f"not valid UTF-8, and the page declares a charset Python does not know: {label}") from None
    except UnicodeDecodeError as exc:
        raise ReadError(f"not valid {label} (the charset the page declares), nor UTF-8: byte 0x{data[exc.start]:02x}"
                        f" at offset {exc.start} cannot be decoded") from None


def _looks_like_utf16(head: bytes) -> bool:
    """Text in UTF-16 has a NUL in every other byte (ASCII range), on one side only."""
    even, odd = head[0::2], head[1::2]
    nul_even, nul_odd = even.count(0) / max(len(even), 1), odd.count(0) / max(len(odd), 1)
    return max(nul_even, nul_odd) > 0.4 and min(nul_even, nul_odd) < 0.05


def normalise(source: str) -> str:
    return _LINE_BREAKS.sub("\n", source) if "\r" in source else source


def kind_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "html" if suffix in HTML_SUFFIXES else "text"


def build(path: str, source: str, kind: str | None = None, html_main: bool = False) -> Document:
    """Parse decoded source text into a Document (``html_main``: of an HTML page, only its article)."""
    text = normalise(source)
    kind = kind or kind_of(path)
    if kind == "html":
        from draftlint.parse import html  # imported for a page only: a Markdown run never loads the HTML parser

        page = html.parse(text, main_only=html_main)
        return Document(path, page.text, kind, tuple(page.blocks), {}, None, page.title, tuple(page.links),
                        origin=page.origin)
    lines = LineMap(text)
    fm = frontmatter.split(text)
    problems: list[Problem] = []
    data: dict = {}
    body_line = 0
    fm_lines = None
    if fm is not None:
        data = fm.data
        if fm.problem:
            problems.append(fm.problem)
        if fm.problem is None or fm.last_line > 1:
            body_line = fm.last_line
            fm_lines = (fm.first_line, fm.last_line)
    if kind == "markdown":
        cut = lines.starts[body_line] if body_line < len(lines.starts) else len(text)
        body = markdown.blank(text[:cut]) + text[cut:] if body_line else text
        blocks, links = markdown.parse(body, lines)
    else:
        blocks, links = plaintext.parse(text, lines, body_line), []
    title, blocks = _title(text, lines, data, fm_lines, blocks, kind)
    return Document(path, text, kind, tuple(blocks), data, fm_lines, title, tuple(links), tuple(problems))


def _title(text: str, lines: LineMap, data: dict, fm_lines, blocks: list[Block], kind: str) -> tuple[Title | None, list[Block]]:
    value = data.get("title")
    if isinstance(value, (str, int, float)) and str(value).strip() and fm_lines:
        source_lines = text.split("\n")
        for number in range(fm_lines[0] + 1, fm_lines[1]):
            line = source_lines[number - 1]
            if _TITLE_KEY.match(line):
                start = lines.starts[number - 1]
                return Title(" ".join(str(value).split()), start, start + len(line), "front-matter", number), blocks
        start = lines.starts[fm_lines[0] - 1]
        return Title(" ".join(str(value).split()), start, start + 3, "front-matter", fm_lines[0]), blocks
    if kind == "markdown":
        for block in blocks:
            if block.kind == "heading" and block.level == 1 and block.plain:
                return _title_from(block, "h1"), blocks
        return None, blocks
    first = next((b for b in blocks), None)
    if first is not None and first.kind == "paragraph" and first.first_line == first.last_line:
        words = first.plain.split()
        if 0 < len(words) <= 20 and not first.plain.endswith((".", ",", ";", ":")):
            heading = Block("heading", first.start, first.text, first.first_line, first.last_line, level=1)
            return _title_from(heading, "first-line"), [heading, *blocks[1:]]
    return None, blocks


def _title_from(block: Block, source: str) -> Title:
    line = block.lines[0]
    return Title(block.plain, line.start, line.start + len(block.text.strip()), source, line.number)


__all__ = ["ReadError", "build", "decode", "kind_of", "Span"]
