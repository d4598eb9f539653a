from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from draftlint import prose
from draftlint.document import Document
from draftlint.findings import Family, Finding, Severity
from draftlint.rule import OptionError, Rule, suggest

# audience -> (lowest Flesch reading ease, highest Flesch-Kincaid grade) accepted
AUDIENCES: dict[str, tuple[float, float]] = {
    "plain": (60.0, 9.0),  # plain English (public information, consumer guides): grades 8-9
    "general": (40.0, 14.0),  # a general adult readership, reported news included: college level at worst
    "expert": (20.0, 18.0),  # specialists: dense technical or academic prose, but not beyond it
}


class ReadingEase(Rule):
    """Flags a document whose prose scores as harder to read than its audience allows.

    ## What it flags
    The document's prose, scored once: the Flesch reading ease (0-100, higher is easier) and
    the Flesch-Kincaid grade (US school years). Reported once per document, on the title line (or line 1),
    when the reading ease is below the audience's minimum or the grade above its maximum. Only running
    prose counts: headings, tables, code, front matter, link targets and inline code are left out, and a
    line without final punctuation (a list item, a caption) counts as a sentence of its own. Documents of
    fewer than ``min-words`` words are not scored: the formulas mean little on a few sentences.

    Audiences (``audience``), as (lowest reading ease, highest grade): ``plain`` (60, 9): plain English
    for everyone (public information, consumer guides); ``general`` (40, 14), the default, which leaves
    ordinary reported news alone (it scores 40-60); ``expert`` (20, 18): specialist and technical writing.
    ``min-reading-ease`` and ``max-grade`` override the audience's values one by one.

    Severity is ``info``: a score is a prompt to reread, not a defect.

    ## Why it matters
    Long sentences full of long words lose readers. Flesch 60-70 is plain English; 30-50 reads as college
    text and below 30 as graduate text. News writing aims near grades 8-10; long-form and technical writing
    legitimately score lower, which is why the thresholds belong to the audience.

    ## Example
        Notwithstanding considerable institutional reluctance, the municipality's infrastructural
        modernisation programme necessitated comprehensive intergovernmental coordination ...
    scores a reading ease below 0 and a grade above 30: far beyond any audience.

    ## How to fix
    Split long sentences and prefer short, common words (“use” for “utilise”, “about” for “approximately”).
    If the project writes for specialists, set ``audience: expert`` in its config
    (``rules: {reading-ease: {audience: expert}}``).
    """

    code = "R003"
    name = "reading-ease"
    family = Family.READABILITY
    severity = Severity.INFO
    needs = frozenset({"scores"})

    @dataclass(frozen=True)
    class Options:
        audience: str = field(default="general", metadata={"help": "threshold preset: " + ", ".join(AUDIENCES)})
        min_reading_ease: float | None = field(
            default=None, metadata={"help": "lowest Flesch reading ease accepted (overrides the audience's)"})
        max_grade: float | None = field(
            default=None, metadata={"help": "highest Flesch-Kincaid grade accepted (overrides the audience's)"})
        min_words: int = field(default=100, metadata={"help": "documents with fewer prose words are not scored"})

    @classmethod
    def make_options(cls, values: Mapping[str, Any] | None, where: str = "") -> Any:
        opts = super().make_options(values, where)
        if opts.audience not in AUDIENCES:
            raise OptionError(f'{where}option audience of rule {cls.name} must be one of {", ".join(AUDIENCES)}, '
                              f'not "{opts.audience}"{suggest(opts.audience, AUDIENCES)}')
        return opts

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        words, ease, grade = prose.scores(doc)
        if words < opts.min_words or ease is None or grade is None:
            return
        low, high = AUDIENCES[opts.audience]
        low = low if opts.min_reading_ease is None else opts.min_reading_ease
        high = high if opts.max_grade is None else opts.max_grade
        if ease >= low and grade <= high:
            return
        parts = [f"Flesch reading ease {ease:.1f}" + (f" (below {low:g})" if ease < low else ""),
                 f"Flesch-Kincaid grade {grade:.1f}" + (f" (above {high:g})" if grade > high else "")]
        if doc.title is not None:
            start, end = doc.title.start, doc.title.end
        else:
            start, end = 0, len(doc.source_lines[0])
        yield self.finding(doc, start, end, f"hard to read for the {opts.audience} audience: " + ", ".join(parts))
