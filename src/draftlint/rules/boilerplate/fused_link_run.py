from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document, Line
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import SENTENCE_END, BodyLine, body_lines

# A word boundary lost when link texts were joined: a lower-case run, then a capital that starts a new word
# ("Climate ChangeEl Niño", "CrimeHeadlines", "articlesMore").
_FUSION = re.compile(r"(?<=[a-zà-ÿ]{2})(?=[A-ZÀ-Þ][a-zà-ÿ])")
# Names that are written with an inner capital on purpose.
_CAMEL_NAMES = frozenset("""
youtube whatsapp linkedin tiktok powerpoint javascript typescript playstation macbook github gitlab paypal wordpress
doordash blackrock blackberry mastercard fedex softbank deepmind onlyfans soundcloud dreamworks hubspot postgresql
astrazeneca glaxosmithkline exxonmobil arcelormittal pricewaterhousecoopers smithkline daimlerchrysler
easyjet mcdonald mcdonalds mccain mcconnell mckinsey macarthur macdonald mackenzie vanderbilt lucasfilm
salesforce airpods airtag facetime imessage appletv skytrain sharepoint onedrive xbox sportscenter
""".split())
# Fused link texts lost their separators and markup; a line that still has them is something else
# ("To BitvSet, VecMap:", "[RegexBuilder][regexbuilder]", "_UseCapturesGenericArg_").
_SEPARATED = re.compile(r"[,;:|`_*\[\]()<>/&]|\.\s")
# A word made of letters only: link texts are words ("ChangeEl", "quotasHarbour"); "http.Flusher", "v1.List"
# and "KubeCon/CloudNativeCon" are code or names.
_WORD = re.compile(r"[^\W\d_]+")
# Menus and tag runs are nouns; a line with these words in it is a sentence that mentions a CamelCase name.
_FUNCTION_WORDS = frozenset("""
a an and are as at be by for from has have if in into is it not of on or that the this to was were when will with
""".split())


def _fused_words(text: str) -> int:
    """How many words of ``text`` have a fusion in them (a word with several is a CamelCase identifier,
    "ReadWriteOncePod", more often than a run of one-word links)."""
    count = 0
    for token in text.split():
        word = token.strip("\"'“”‘’")
        if _WORD.fullmatch(word) and word.casefold() not in _CAMEL_NAMES and len(_FUSION.findall(word)) == 1:
            count += 1
    return count


def _table_rows(lines: tuple[BodyLine, ...]) -> set[int]:
    """The lines of runs of fused lines (next to each other in one block) of which one holds a figure or a
    function word: a table whose cells were run together ("Tax on withdrawalsPay tax laterNo tax later",
    "Best forHigher earnersYoung workers"), not a menu."""
    rows: set[int] = set()
    run: list[int] = []
    for i, item in enumerate([*lines, None]):
        if item is not None and _FUSION.search(item.text) and run and lines[run[-1]].block is item.block \
                and lines[run[-1]].line.number + 1 == item.line.number:
            run.append(i)
            continue
        if len(run) >= 2 and any(any(ch.isdigit() for ch in lines[k].text)
                                 or _FUNCTION_WORDS.intersection(lines[k].text.casefold().split()) for k in run):
            rows.update(run)
        run = [i] if item is not None and _FUSION.search(item.text) else []
    return rows


def _link_spans(doc: Document) -> tuple[list[int], list[int]]:
    """The starts of the document's links, in order, and for each the furthest end of the links up to it."""
    spans = sorted((link.start, link.end) for link in doc.links)
    return [a for a, _ in spans], list(itertools.accumulate((b for _, b in spans), max))


def _has_link(doc: Document, line: Line) -> bool:
    """Whether a link overlaps the line: one of the links that start before the line ends reaches into it."""
    starts, reach = doc.shared(_link_spans)
    i = bisect.bisect_left(starts, line.end)
    return i > 0 and reach[i - 1] > line.start


class FusedLinkRun(Rule):
    """Flags a line of link texts run together: "Climate ChangeEl NiñoGlobal warming".

    ## What it flags
    A short standalone line of two or more words (at most ``max-words``, no sentence punctuation, no
    function words such as "the" or "for", no separators or markup left: commas, colons, bars, links, code
    or emphasis, brackets, slashes, ampersands or a full stop inside; not a heading) in which words are glued together where links used to
    be separate: at least two words in which a lower-case letter runs straight into a capitalised word
    ("Climate ChangeEl NiñoGlobal warming", "Fishing quotasHarbour duesFerry timetable"). Only words of
    letters with one such joint count, so code ("http.Flusher", "ReadWriteOncePod") does not; nor do names
    written that way on purpose (YouTube, WhatsApp, PowerPoint, McDonald's ...). A single CamelCase word
    is left alone: it is as likely an identifier as a fused label; so is a run of fused lines of which one
    holds a figure or a function word, a table whose cells were run together ("Tax on withdrawalsPay tax
    laterNo tax later" over "Best forHigher earnersYoung workers").

    ## Why it matters
    Menus, category labels, tag clouds and related links are lists of links. A scraper that strips the
    markup joins their texts into one run of words; in the draft it reads as gibberish next to the story.

    ## Example
        Climate ChangeEl NiñoGlobal warming

    ## How to fix
    Delete the line (if the words were tags, enter them in the CMS's tag field).
    """

    code = "B015"
    name = "fused-link-run"
    family = Family.BOILERPLATE

    @dataclass(frozen=True)
    class Options:
        max_words: int = field(default=12, metadata={"help": "longest line, in words, that is checked"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        lines = body_lines(doc)
        tables = _table_rows(lines)
        for i, item in enumerate(lines):
            if item.block.kind == "heading" or item.words > opts.max_words or SENTENCE_END.search(item.text) \
                    or i in tables:
                continue
            source = doc.source_lines[item.line.number - 1:doc.lines.position(item.line.end)[0]]
            if any(_SEPARATED.search(text) for text in source) or _has_link(doc, item.line):
                continue  # links, markup or separators still there: nothing was run together
            words = item.text.casefold().split()
            if len(words) < 2 or _FUNCTION_WORDS.intersection(words):
                continue  # one CamelCase word is a name or an identifier; function words make a sentence
            if _fused_words(item.text) >= 2:
                yield self.finding(doc, item.line.start, item.line.end,
                                   f"link texts run together “{item.text}”: a menu, tag or related-links list left from the page")
