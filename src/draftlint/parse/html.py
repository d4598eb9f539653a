"""HTML pages to the same blocks as Markdown: headings, paragraphs, list items, block quotes, tables, code.

The tree comes from lexbor (selectolax), an HTML5 parser: broken markup, unclosed tags and misnested
formatting are repaired as a browser repairs them. The document text is the page's text as a reader sees
it: each block on lines of its own (blocks apart by a blank line, ``<br>`` a line break, two or more a new
block), whitespace collapsed, character references decoded; a data table has a line per row and `` | ``
between cells. It is not the source, so ``Document.origin`` (a ``htmlsource.SourceMap``) maps each offset
of it back to the line and column of the HTML source: rules use ``doc.span`` as for Markdown, and their
findings point into the page while their excerpts are the decoded text.

Not prose: ``head`` (but for the title), ``script``, ``style``, ``template``, ``noscript``, ``svg``,
``math``, form controls' values, embedded media, comments and attribute
values (text hidden by ``hidden`` or a style is still the page's text, often shown by a script). Inline ``<code>`` is in the text but masked in ``Block.text``, as in Markdown;
``<q>`` gets quotation marks, as a browser shows it; ``<blockquote cite>`` counts as a link of its quote.
Page structure (navigation, sidebars, share and comment widgets) is kept on each block as ``Block.chrome``
(see ``htmlchrome``).
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from draftlint.document import Block, Link, Title
from draftlint.parse import htmlchrome, htmlmain
from draftlint.parse.htmlblocks import Builder, walk
from draftlint.parse.htmlsource import SourceMap, Stream, scan

class Page:
    """What ``parse`` makes of a page: the document text, its blocks and links, title, and source map."""

    def __init__(self, text: str, blocks: list[Block], links: list[Link], title: Title | None, origin: SourceMap) -> None:
        self.text, self.blocks, self.links, self.title, self.origin = text, blocks, links, title, origin


_OG_TITLE = re.compile(r"""<meta\b[^>]*?\bog:title\b[^>]*>""", re.I)
_CONTENT = re.compile(r"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _meta_title(tree: LexborHTMLParser, stream: Stream) -> tuple[str, int, bool] | None:
    """The page's title from ``og:title``, else ``<title>``: its text, its stream offset, and whether the
    stream holds it as it is (else the offset is only where it was found)."""
    for meta in tree.css("meta"):
        attrs = meta.attributes
        if "og:title" in ((attrs.get("property") or "") + " " + (attrs.get("name") or "")).split():
            value = attrs.get("content") or ""
            if value.strip():
                return (value, *_attribute_offset(stream, value))
    node = tree.css_first("title")
    value = node.text() if node is not None else ""
    if not value.strip():
        return None
    found = stream.text.find(value)
    return (value, found, True) if found >= 0 else (value, 0, False)


def _attribute_offset(stream: Stream, value: str) -> tuple[int, bool]:
    """og:title's content attribute, added to the end of the stream so that its characters map."""
    tag = _OG_TITLE.search(stream.source_text)
    content = _CONTENT.search(tag.group()) if tag else None
    if tag is None or content is None:
        return 0, False
    group = next(i for i in (1, 2, 3) if content.group(i) is not None)
    start, end = tag.start() + content.start(group), tag.start() + content.end(group)
    return stream.append(value, start, end), True


def parse(source: str, main_only: bool = False) -> Page:
    """The blocks of an HTML page (``source`` decoded, ``\\n`` line breaks); see the module's docstring.
    ``main_only``: only the article (``htmlmain.main_element``), and the title."""
    from draftlint.text import normalize, similarity, title_forms

    stream = scan(source)
    tree = LexborHTMLParser(stream.tree_source())
    builder = Builder(stream)
    meta = _meta_title(tree, stream)
    title_range = None
    if meta is not None:
        builder.flow(*meta)
        title_range = builder.cut(keep=False)
    meta_text = " ".join(meta[0].split()) if meta else None
    forms = title_forms(meta_text) if meta_text else frozenset()

    def is_title(line: str) -> bool:
        norm = normalize(line)
        return any(similarity(norm, form, 0.9) >= 0.9 for form in forms)

    if main_only:
        builder.main = htmlmain.main_element(tree, is_title if meta_text else None)
    if tree.root is not None:
        walk(builder, tree.root)
    blocks = builder.blocks
    text = "".join(builder.parts)
    index = htmlchrome.headline(blocks, meta_text, is_title)
    builder.chrome.label(blocks, builder.chrome_of, builder.link_share, builder.prose, index)
    title = None
    if index is not None:
        line = blocks[index].lines[0]
        title = Title(meta_text or blocks[index].plain, line.start, line.start + len(blocks[index].text.strip()),
                      "h1", line.number)
    elif meta_text and title_range is not None:
        title = Title(meta_text, title_range[0], title_range[1], "front-matter", 1)
    origin = SourceMap(stream, builder.at, builder.target, builder.copy)
    return Page(text, blocks, builder.links, title, origin)

