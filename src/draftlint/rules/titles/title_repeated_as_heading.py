from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding, Fix, Span
from draftlint.rule import Rule
from draftlint.rules.titles._common import describe, title_score
from draftlint.text import title_forms
from draftlint.titlematch import spells_out


class TitleRepeatedAsHeading(Rule):
    """Flags a first heading that repeats the front-matter title.

    ## What it flags
    The document's first heading when the front matter has a ``title`` and the heading's text is that title,
    compared after normalisation (case, curly and straight quotes, dashes, whitespace, trailing punctuation,
    a site suffix such as " - Site Name", a newsroom's label such as "UPDATED:" or "[VIDEO]"), or nearly the
    title (similarity at or above ``min-similarity``), or the headline the title was cut down from (every
    content word of a title of four or more, in order, as a URL slug shortens a headline).
    This is markdownlint's MD025 case: the front-matter title already is the page's top heading. Later lines
    that repeat the title are left to ``title-repeated-in-body``.

    ## Why it matters
    Static-site generators and CMS templates render the front-matter title as the page heading. A first
    heading with the same text shows the headline twice, one under the other, and gives the page two
    top-level headings.

    ## Example
        ---
        title: "How the river was saved - Valley Courier"
        ---

        # How the River Was Saved

        The campaign began in 2019 ...

    ## How to fix
    Delete the heading (the safe fix does, when the heading is not inside a list or a quotation), or change
    the front-matter title if the heading is the better headline.
    """

    code = "T001"
    name = "title-repeated-as-heading"
    family = Family.TITLE
    # a line that is the title is named as that before a shape detector's reading of it (a title with a colon
    # is no outline label); an exact pack that names the line ("Title: …") still reports it
    specificity = 60

    @dataclass(frozen=True)
    class Options:
        min_similarity: float = field(default=0.9, metadata={
            "help": "0..1: how close the heading must be to the title"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        if doc.title is None or doc.title.source != "front-matter":
            return
        heading = next((b for b in doc.blocks if b.kind == "heading" and b.lines), None)
        if heading is None:
            return
        forms = title_forms(doc.title.text)
        score = title_score(heading.plain, forms, opts.min_similarity)
        whole = score >= opts.min_similarity
        if not whole and len(heading.lines) > 1:  # a setext underline under a run of lines: the first is the title
            score = title_score(heading.lines[0].text, forms, opts.min_similarity)
        if score >= opts.min_similarity:
            how = describe(score)
        elif spells_out(heading.plain, doc.title.text):
            how, whole = "is the headline that shortens to the title", True
        else:
            return
        line = heading.lines[0]
        fix = None if heading.containers or not whole else Fix(Span(heading.first_line, 1, heading.last_line, 1),
                                                                whole_lines=True)
        yield self.finding(doc, doc.lines.line_start(line.number), line.end,
                           f"first heading {how} “{doc.title.text}” from the front matter", fix=fix)
