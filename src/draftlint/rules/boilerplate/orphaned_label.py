from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from draftlint.document import Block, Document, Line
from draftlint.findings import Family, Finding
from draftlint.lines import TASK_ITEM
from draftlint.lineshape import runs_on
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import bare, clip, delete_lines
from draftlint.rules.boilerplate._furniture import evidence

# The label of a list of sources or readings, which a page prints over its citations: without a colon it
# is still a label, but only where nothing at all comes after it can it be told from a word of the text.
_SOURCE_LABELS = frozenset({"source", "sources", "reference", "references", "citations", "bibliography",
                            "further reading", "notes", "footnotes", "endnotes"})
_LETTER = re.compile(r"[^\W\d_]")
# A letter or digit of the source that the prose leaves out (masked): code, a link's address, an image. Markup
# (emphasis, a heading's closing hashes, quote markers) has none.
_ALNUM = re.compile(r"[^\W_]")
# Share of a line's letters that must be chrome vocabulary, dates or counters for it to count as furniture.
_FURNITURE = 0.5
_FURNITURE_WORDS = 15  # and it is short (Line.text: words joined by one space)


@dataclass(frozen=True)
class _Unit:
    """One standalone line of prose (a heading, a paragraph's line, a list item), or other content (a block
    of code, a table, an embed, or what a line's prose leaves out: inline code, a bare link, an image), in
    document order."""

    kind: str  # the block's kind; "content" for what is not a line of prose
    line: Line | None
    block: Block
    above: str = ""  # the line above it in the same block (a stack)


class OrphanedLabel(Rule):
    """Flags a label with nothing of its own under it: a widget's header whose widget was not kept.

    ## What it flags
    - A short label line ending in a colon (a paragraph's line or a heading of at most ``max-words`` words,
      "Story topics:", "Related terms:", "Editors' picks:", "Posts:") with nothing of its own under it: the
      document ends there, or a heading comes next, or only other page furniture (lines made mostly of
      chrome words, dates or counters, or labels that are orphaned themselves) up to the next heading or
      the end. A label over anything of its own is content and is left alone: a list ("Ingredients:" over
      its items), a paragraph, a block quote, a table, code, an image; so is a label over a date
      ("Published:" over the date: a field and its value), and a label over sub-sections of its own (a
      heading deeper than the label's section, over text or a list: "Other options:" over "### Repair the
      old roof"). A line that ends a sentence begun on the line above ("… from the alpha stage" / "here:"), a
      checklist item ("[x] Docs:"), a line in a block quote and the title are not labels.
      The very last line of the document is such a label only when it has a word of page chrome ("About the
      author:", "Spread the news:"): "What to do:" there is a section the writer has not written yet.
    - The label of a list of sources or readings without its colon ("Source", "Sources", "References",
      "Further reading", "Notes") as the very last line of the document, with nothing after it.

    ## Why it matters
    A scraper keeps a widget's header and drops its links (a related-stories box, a tag cloud, a list of
    sources rendered by a script); the article then ends on a label that promises something that is not
    there. Whatever the label's words, its shape shows it: a label introduces what follows, and nothing does.

    ## Example
        The bridge reopens to traffic in May, the council said.

        Story topics:

    ## How to fix
    Delete the label, or put back what it introduced (the list of sources, the links).
    """

    code = "B023"
    name = "orphaned-label"
    family = Family.BOILERPLATE
    specificity = 30  # a judgement of position and shape: a rule that names the line's kind reports it instead

    @dataclass(frozen=True)
    class Options:
        max_words: int = field(default=6, metadata={"help": "longest label, in words"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        units = _units(doc)
        title = doc.title.start if doc.title is not None else -1

        def alone(unit: _Unit) -> bool:
            return unit.line is not None and unit.kind in ("paragraph", "heading") and not unit.block.in_blockquote \
                and not unit.block.start <= title < unit.block.end and not TASK_ITEM.match(unit.line.text) \
                and not (unit.above and runs_on(unit.above, unit.line.text))  # "… from the alpha stage" / "here:"

        found = _orphans(units, lambda unit: unit.line is not None and _colon_label(unit.line.text, opts.max_words)
                         and alone(unit))
        if units and alone(units[-1]) and bare(units[-1].line.text) in _SOURCE_LABELS:
            found[len(units) - 1] = "the end of the page"
        elif units and len(units) - 1 in found and not evidence(units[-1].line.text).coverage:
            del found[len(units) - 1]  # "What to do:" last of all: an unfinished section, not a widget's header
        for i in sorted(found):
            line = units[i].line
            assert line is not None
            yield self.finding(doc, line.start, line.end,
                               f"label “{clip(line.text)}” with nothing of its own under it: {found[i]}",
                               fix=delete_lines(line.number, doc.span(line.start, line.end).end_line))


def _orphans(units: list[_Unit], is_label: Callable[[_Unit], bool]) -> dict[int, str]:
    """The labels among ``units`` with nothing of their own under them, each with what follows it instead:
    the end of the page, a heading, or page furniture and orphaned labels up to one of these. A heading
    deeper than the label's section, over text of its own, is the first of the sections the label
    introduces ("Other options:" over "### Keep the old format"): the label is not orphaned. One pass from
    the end, after one from the start for the level of each unit's section."""
    section = []  # the level of the heading each unit is under (0 above the first)
    level = 0
    for unit in units:
        if unit.kind == "heading":
            level = unit.block.level or 0
        section.append(level)
    out: dict[int, str] = {}
    why = "the end of the page"  # what the unit at hand has below it, "" when something of its own
    below: tuple[int, bool] | None = None  # the next heading's level, and whether its section has content
    content = False  # something of its own since the heading below
    for i in range(len(units) - 1, -1, -1):
        unit = units[i]
        own = (unit.block.level or 0) if unit.kind == "heading" else section[i]
        if why and is_label(unit) and not _over_a_date(units, i) \
                and not (below is not None and below[0] > own and below[1]):
            out[i] = why
        if unit.kind == "heading":
            assert unit.line is not None
            why, below, content = f"a heading follows (“{clip(unit.line.text)}”)", (own, content), False
        elif unit.line is not None and (why or not content) and (i in out or _furniture(unit.line.text)):
            if why:  # an orphaned label is furniture too
                why = f"only page furniture follows (“{clip(unit.line.text)}”)"
        else:  # (once there is something of its own, nothing more need be asked of the lines above)
            why, content = "", True
    return out


def _units(doc: Document) -> list[_Unit]:
    out: list[_Unit] = []
    for block in doc.blocks:
        if block.kind == "html" and block.raw.lstrip().startswith("<!--"):
            continue  # a comment (a directive) shows nothing
        lines = block.standalone if block.kind in ("heading", "paragraph", "list-item", "blockquote", "footnote") else ()
        for k, line in enumerate(lines):
            out.append(_Unit(block.kind, line, block, lines[k - 1].text if k else ""))
            if _ALNUM.search(doc.text[line.end:lines[k + 1].start if k + 1 < len(lines) else block.end]):
                out.append(_Unit("content", None, block))  # inline code, a bare link, an image after the line
        if not lines:  # code, a table, an embed, an image: content whatever it holds
            out.append(_Unit("content", None, block))
    return out


def _colon_label(text: str, max_words: int) -> bool:
    stripped = text.rstrip()
    return stripped.endswith(":") and not stripped.endswith("::") and len(stripped.split()) <= max_words \
        and _LETTER.search(stripped) is not None


def _furniture(text: str) -> bool:
    """A line of page chrome: short, mostly chrome words, dates or counters, with no sentence shape."""
    if text.count(" ") >= _FURNITURE_WORDS:
        return False
    ev = evidence(text)
    return ev.strong and not ev.prose and ev.coverage >= _FURNITURE


def _over_a_date(units: list[_Unit], i: int) -> bool:
    """The label stands over a date stamp ("Published:" / "May 6, 2021"): a field and its value."""
    if i + 1 >= len(units) or units[i + 1].line is None:
        return False
    return evidence(units[i + 1].line.text).kind == "stamps"
