from __future__ import annotations

import re
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import markup_matches

# an image or frame tag in the Markdown source (HTML a draft may hold; an HTML page's text has no tags left)
_TAG = re.compile(r"<(img|iframe)\b([^<>]{0,2000})>", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# attribute values in straight quotes, in none, or in the curly quotes that a word processor typed over them
_WIDTH = re.compile(r"\bwidth\s*=\s*[\"'“”‘’]?([01])(?:px)?(?![\w.])", re.I)
_HEIGHT = re.compile(r"\bheight\s*=\s*[\"'“”‘’]?([01])(?:px)?(?![\w.])", re.I)
_SOURCE_HOST = re.compile(r"\bsrc\s*=\s*[\"'“”‘’]?(?:https?:)?//([^/\"'“”‘’\s>?#]+)", re.I)


def _hidden(attributes: str) -> bool:
    """Whether a tag's attributes keep it from being seen: no more than one pixel wide and high, or hidden by
    its style."""
    return bool(_HIDDEN_STYLE.search(attributes) or (_WIDTH.search(attributes) and _HEIGHT.search(attributes)))


class TrackingPixel(Rule):
    """Flags a hidden image or frame tag in the text: an analytics or advertising tracking pixel.

    ## What it flags
    An ``<img>`` or ``<iframe>`` tag in the draft's Markdown (on a line of its own or inside a paragraph)
    that no reader can see: one pixel (or none) wide and high, or hidden by its style (``display:none``,
    ``visibility:hidden``). These are the ``<noscript>`` fallbacks of page trackers (an advertising
    network's pixel, a tag manager's frame) that a scraper copies along with the text. Tags inside code
    (a fenced block or backticks) are examples, not residue, and are left alone; so is any visible image.

    ## Why it matters
    The tag does nothing for the reader; published again, it reports every reader of the new page to the
    original site's tracker, and it shows that the text was lifted from another page's markup.

    ## Example
        <img height="1" width="1" style="display:none" src="https://pixel.example.net/tr?id=1234&noscript=1">
        The harbour board met on Thursday.

    ## How to fix
    Delete the tag. If the text was taken from another page, check what else came with it.
    """

    code = "B017"
    name = "tracking-pixel"
    family = Family.BOILERPLATE

    def check(self, doc: Document, opts: Rule.Options) -> Iterator[Finding]:
        for block, m in markup_matches(doc, _TAG, ("<i", "<I")):  # both tags start so
            if not _hidden(m.group(2)):
                continue
            host = _SOURCE_HOST.search(m.group(2))
            where = f" from {host.group(1)}" if host else ""
            yield self.finding(doc, block.start + m.start(), block.start + m.end(),
                               f"hidden <{m.group(1).lower()}> tag{where} left in the text: a tracking pixel from the page it was copied from")
