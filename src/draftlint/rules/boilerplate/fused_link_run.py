from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document, Line
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._residue import SENTENCE_END, body_lines, line_end

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
_SEPARATED = re.compile(r"[,;:|`_*\[\]]")
_SINGLE_PART = 4  # a one-word line joins two words of at least this many letters ("Crime" + "Headlines")


def _fusions(text: str) -> int:
    count = 0
    for token in text.split():
        word = re.sub(r"[^\w'’-]", "", token)
        if word.casefold().replace("'", "").replace("’", "") in _CAMEL_NAMES:
            continue
        count += len(_FUSION.findall(word))
    return count


def _has_link(doc: Document, line: Line) -> bool:
    return any(link.start < line.end and line.start < link.end for link in doc.links)


class FusedLinkRun(Rule):
    """Flags a line of link texts run together: "Climate ChangeEl NiñoGlobal warming", "CrimeHeadlines".

    ## What it flags
    A short standalone line (at most ``max-words`` words, no sentence punctuation, no separators or markup
    left: commas, colons, bars, links, code or emphasis, not a heading) in which
    words are glued together where links used to be separate: at least two places where a lower-case
    letter runs straight into a capitalised word ("NewsPoliticsElections", "Climate ChangeEl NiñoGlobal
    warming"), or a single word made of two such words of four letters or more ("CrimeHeadlines").
    Names written that way on purpose (YouTube, WhatsApp, PowerPoint, McDonald's ...) do not count.

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
        for item in body_lines(doc):
            if item.block.kind == "heading" or item.words > opts.max_words or SENTENCE_END.search(item.text):
                continue
            if _SEPARATED.search(doc.source_lines[item.line.number - 1]) or _has_link(doc, item.line):
                continue  # links, markup or separators still there: nothing was run together
            fusions = _fusions(item.text)
            single = (item.words == 1 and fusions == 1
                      and all(len(part) >= _SINGLE_PART for part in _FUSION.split(re.sub(r"\W", "", item.text))))
            if fusions >= 2 or single:
                yield self.finding(doc, item.line.start, line_end(item.line),
                                   f"link texts run together “{item.text}”: a menu, tag or related-links list left from the page")
