"""Template lines: the standalone lines of a document that a site's template could print on every page
(a footer, a newsletter box, a standard disclaimer), as short fingerprints, so that the template-line rule
and ``draftlint index`` can find the lines that several documents share.

A candidate is a line of a paragraph or a list item (a hard-wrapped paragraph is one line), outside block
quotes, of ``MIN_WORDS`` to ``MAX_WORDS`` words, that does not read as prose or stands at the head or tail of
the page (before its first line of running text, or after its last): a footer, a subscription box, a
disclaimer under the article. Task items ("[x] Tests written"), links to a place in the same page (a table
of contents) and form fields ("Feature gate name:", "Status: N/A") are a document template's own structure,
not a site's, and are left out. Its fingerprint is
the first 16 hex digits of a BLAKE2b hash of its normalised text (case, quote marks, dashes, spaces and end
punctuation aside), so an index holds no text of the archive.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from draftlint.document import Document
from draftlint.findings import Span
from draftlint.lines import TASK_ITEM, body_lines, is_prose, is_running
from draftlint.text import normalize

MIN_WORDS = 3
MAX_WORDS = 60
# "Feature gate name:", "Rust Issue: N/A": a form's labels and fields, which documents of one form share
_FIELD = re.compile(r"^[^:]{1,40}:(?:\s+\S+){0,6}$")


@dataclass(frozen=True)
class TemplateLine:
    fingerprint: str
    span: Span
    text: str  # the line's first words, for messages


def fingerprint(text: str) -> str:
    return hashlib.blake2b(normalize(text).encode("utf-8"), digest_size=8).hexdigest()


def template_lines(doc: Document) -> tuple[TemplateLine, ...]:
    out = []
    lines = body_lines(doc)
    running = [item.index for item in lines if is_running(item)]
    first, last = (running[0], running[-1]) if running else (len(lines), -1)
    anchors = {link.block for link in doc.links if link.target.startswith("#")}
    for item in lines:
        block = item.block
        if block.kind not in ("paragraph", "list-item") or block.in_blockquote or not MIN_WORDS <= item.words <= MAX_WORDS:
            continue
        if TASK_ITEM.match(block.text.lstrip()) or block in anchors:
            continue  # "- [ ] Tests written", "- [Risks](#risks)": a document template's checklist and contents
        if first <= item.index <= last and is_prose(item.text) or _FIELD.match(item.text):
            continue  # a sentence inside the article; a field of a form
        words = item.text.split()
        out.append(TemplateLine(fingerprint(item.text), doc.span(item.line.start, item.line.end),
                                " ".join(words[:10]) + (" …" if len(words) > 10 else "")))
    return tuple(out)
