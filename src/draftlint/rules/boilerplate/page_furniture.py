from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import (MONTH, BodyLine, bare, body_lines, clip, delete_lines, in_field_list,
                                               is_headline, numbered, title_match)
from draftlint.lines import SENTENCE_END, is_running
from draftlint.rules.boilerplate._furniture import Evidence, evidence, lexicon
from draftlint.text import titles_of

# Share of a line's letters that must be chrome (vocabulary, date, time and counter shapes, bylines).
_ALONE = 0.5  # a line in the middle of the article, on its own
_IN_CONTEXT = 0.34  # a line at the head or tail of the page, or next to another furniture line
# Label kinds that open a line of other link texts: "VIDEO: <a headline>", "Tags: a, b", "More about …".
_LABEL_KINDS = frozenset({"related", "tags", "video", "credits", "ads", "sections"})
_LABEL = re.compile(r"^(?P<label>[^:|]{1,30}?)\s*(?::(?!\d\d)|\|)\s*(?P<rest>\S.*)$")  # not a time's colon ("0:00")
_ARROWS = re.compile(r"^[←«‹]|[→»›]$")
_NETWORK_ONLY = frozenset({"share", "follow"})
_YEAR_OR_TIME = re.compile(r"(?<!\d)\d{4}(?!\d)|\d[:.]\d\d")
# Two dates joined as a span are when something happens ("April 25-May 5", "3 - 5 June"), never a page's stamp.
_DATE_RANGE = re.compile(rf"(?i)\b{MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?\s?(?:[-–—]|to|through|thru|until)\s?(?:{MONTH}\s)?\d{{1,2}}\b"
                         rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s?(?:[-–—]|to)\s?\d{{1,2}}(?:st|nd|rd|th)?\s{MONTH}")
# Widgets whose title stands over prose of its own: comments, teasers, a newsletter pitch.
_SECTION_KINDS = frozenset({"comments", "related", "subscribe", "share", "follow", "legal"})
# A header line names what is below it; a line over a date stamp or a byline is the headline.
_HEADED_KINDS = frozenset({"share", "follow", "subscribe", "account", "comments", "related", "tags", "ads", "legal",
                           "footer", "app", "donate", "video", "navigation"})
# Kinds that one widget mixes: a bar of network names is for sharing and following alike.
_GROUP = {"follow": "share"}
# Category labels sit among the first lines of the page.
_HEAD_LINES = 6
# A table flattened into lines, a cell to a line: a run of at least _TABLE_RUN short lines (at most _CELL_WORDS
# words) with _TABLE_FIGURES figures or more, one of them a percentage or a sum of money ("$440,000", "+2.0 %").
# Its column heads ("May 2025", "Apr. 2025 (MoM)") and signed figures are cells, not stamps or counters.
_TABLE_RUN, _CELL_WORDS, _TABLE_FIGURES = 8, 5, 3
_FIGURE = re.compile(r"[+\-−–]?\s?[$€£¥]?\s?\d{1,3}(?:,\d{3})*(?:\.\d+)?\s?%?")


@dataclass(frozen=True)
class _Verdict:
    kind: str
    why: str


class PageFurniture(Rule):
    """Flags page furniture: short lines made of a page's chrome (share bars, comment forms, date stamps, …).

    ## What it flags
    A short line (at most ``max-words`` words) that does not read as a sentence and whose letters are
    mostly the vocabulary of page widgets, judged from general evidence rather than a list of whole lines:

    - the share of its letters that are chrome words, by widget kind: **share** (network and button
      names), **follow**, **subscribe** (newsletter boxes), **account** (log in, register), **comments**,
      **related** (related, trending, read-more and see-all labels), **navigation** (previous/next, jump
      to, print, menus), **stamps** (published/updated, "… ago", reading time), **credits** (photo and
      image credits), **ads**, **legal** (copyright, terms, reuse), **footer** (about us, contact us, careers,
      sitemap), **tags** (tags, categories, keywords), **video** (embed labels), **ratings** (rate this, "4.5
      from 212 votes", "4.5 out of 5 stars", "★★★★☆", "No ratings yet"), **app**, **donate**; **sections**
      (news, blog, opinion) and **byline** words count only beside a stronger sign, but for the author box
      ("About the author");
    - date, time, duration and **counters** shapes ("May 6, 2021 3:51 pm", "10 hrs ago" but not a history
      column's "50 years ago", "4 min read",
      "534 shares", "+2", "1x2x3x", "Pages: 1 2 3"), bylines and site names ("Example.org | By Jo Bloggs |
      May 6, 2021");
    - link texts run together ("FacebookTwitterEmail"), found by the chrome words inside one token;
    - position: at the head of the page (before the first paragraph of running text) or its tail (after
      the last), or next to another furniture line, half as much chrome is enough as in the middle of the
      article; a heading followed by running text is a section heading and must be chrome throughout;
    - shape: a label and a run of link texts ("VIDEO: <headline>", "Tags: a, b", "More about …"), a line
      that opens or ends with a navigation arrow, a short label repeated on the next line, a short header
      line right above a furniture line (the widget's title), a heading with a related-stories word over a
      list of three or more short lines at the head or tail of the page ("Trending Nationally" over
      headlines), a list of one- to three-word items above the
      article (category labels, counted from the body's copy of the title when a site header of headings
      stands above it), and the one heading of a document that is only a date with a year or a time, above
      the article (several dated headings are the sections of a log or a diary).

    Consecutive lines of one widget kind give one finding, at the first line; the message names the
    widget kind and the evidence ("share widget: 3 chrome words (fb, tweet, more)").

    ## Why it matters
    A scraper keeps the text of the page's widgets without the widgets: button labels, counters, stamps
    and link lists stand in the article as stray lines. Every site words them a little differently, so
    they are recognised by what they are made of, not by a list of exact lines.

    ## Example
        Save FB Tweet More
        By Jo Bloggs, May 6, 2021 3:51 pm
        Trending Nationally

    ## How to fix
    Delete the lines; the publishing system prints its own widgets around the article.
    """

    code = "B020"
    name = "page-furniture"
    family = Family.BOILERPLATE
    specificity = 10  # a general judgement: any more specific rule on the line reports it instead

    @dataclass(frozen=True)
    class Options:
        max_words: int = field(default=15, metadata={"help": "longest line, in words, that is judged"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        lines = body_lines(doc)
        running = [i for i, item in enumerate(lines) if is_running(item)]
        first = running[0] if running else len(lines)
        last = running[-1] if running else -1
        verdicts: dict[int, _Verdict] = {}
        found = {i: evidence(item.text) for i, item in enumerate(lines)
                 if _candidate(item, opts.max_words) and not _ends_a_sentence(lines, i)}
        for i, ev in found.items():
            edge = bool(running) and (i < first or i > last)  # a text with no running text has no head or tail
            verdict = _judge(lines, i, ev, _IN_CONTEXT if edge else _ALONE, edge)
            if verdict:
                verdicts[i] = verdict
        for i in [i for i in verdicts if in_field_list(lines, lines[i])]:
            del verdicts[i]  # "- Category: B, 81 points" among "- Address: …" fields: the article's fact box
        for i in [i for i in verdicts if first <= i <= last and lines[i].block.kind == "list-item"]:
            if i - 1 not in verdicts and i + 1 not in verdicts:
                del verdicts[i]  # one item of a list inside the article ("- home page") is the article's list
        for i, ev in found.items():  # next to a furniture line, a line needs less
            if i not in verdicts and (i - 1 in verdicts or i + 1 in verdicts) and _near(lines, i):
                verdict = _judge(lines, i, ev, _IN_CONTEXT, True)
                if verdict:
                    verdicts[i] = verdict
        for i in _introduced(lines, verdicts):
            del verdicts[i]
        for i in sorted(verdicts, reverse=True):  # the title line of a widget
            j = i - 1
            if j >= 0 and j not in verdicts and j in found and _near(lines, i) and verdicts[i].kind in _HEADED_KINDS \
                    and _is_header(lines[j], found[j]):
                verdicts[j] = _Verdict(verdicts[i].kind, f"the header of a {_label(verdicts[i].kind)} below it")
        for i in _head_labels(doc, lines, first, titles_of(doc)):
            verdicts.setdefault(i, _Verdict("sections", "a list of short labels above the article"))
        figures = [i for i, verdict in verdicts.items() if verdict.kind in ("stamps", "counters")]
        for i in _table_cells(lines).intersection(figures) if figures else ():  # a table's cells, read as stamps
            del verdicts[i]
        dated = [i for i, item in enumerate(lines) if item.block.kind == "heading" and _is_stamp(item)]
        if len(dated) == 1 and dated[0] < first:  # several dated headings are the sections of a log or diary
            verdicts.setdefault(dated[0], _Verdict("stamps", "a heading that is only a date, above the article"))
        yield from self._findings(doc, lines, verdicts)

    def _findings(self, doc: Document, lines: tuple[BodyLine, ...], verdicts: dict[int, _Verdict]) -> Iterator[Finding]:
        order = sorted(verdicts)
        k = 0
        while k < len(order):
            i = order[k]
            j = k
            while j + 1 < len(order) and order[j + 1] == order[j] + 1 \
                    and _GROUP.get(verdicts[order[j + 1]].kind, verdicts[order[j + 1]].kind) == _GROUP.get(verdicts[i].kind, verdicts[i].kind) \
                    and _same_widget(lines[order[j]], lines[order[j + 1]]):
                j += 1
            item, end = lines[i], lines[order[j]]
            more = f" (and {j - k} more line{'s' * (j - k > 1)})" if j > k else ""
            yield self.finding(doc, item.line.start, item.line.end,
                               f"page furniture, {verdicts[i].why}: “{clip(item.text)}”{more}",
                               fix=delete_lines(item.line.number, end.last))
            k = j + 1


def _label(kind: str) -> str:
    return lexicon().kinds[kind].label if kind in lexicon().kinds else kind


def _candidate(item: BodyLine, max_words: int) -> bool:
    return item.block.kind in ("heading", "paragraph", "list-item") and not item.block.in_blockquote \
        and (0 < item.words <= max_words or item.words <= 2 * max_words and bool(_ARROWS.search(item.text.strip())))


def _near(lines: tuple[BodyLine, ...], i: int) -> bool:
    """Line ``i`` follows line ``i - 1`` closely (at most one blank line between)."""
    return i > 0 and lines[i].line.number - lines[i - 1].last <= 2


def _introduced(lines: tuple[BodyLine, ...], verdicts: dict[int, _Verdict]) -> list[int]:
    """The flagged items of lists that the text introduces ("… four of the company's apps:" over "- Facebook"
    / "- Instagram"): the article's own list, unless the line that introduces it is furniture itself."""
    out: list[int] = []
    first = 0  # the first item of the list that line i is in
    for i, item in enumerate(lines):
        if item.block.kind != "list-item":
            continue
        if not (i > 0 and lines[i - 1].block.kind == "list-item" and _same_widget(lines[i - 1], item)):
            first = i
        if i in verdicts and first > 0 and first - 1 not in verdicts and _near(lines, first) \
                and lines[first - 1].text.rstrip().endswith(":"):
            out.append(i)
    return out


def _ends_a_sentence(lines: tuple[BodyLine, ...], i: int) -> bool:
    """Line ``i`` is the end of a sentence that a line above it in the same stack began ("… is on its" /
    "website."): a wrapped piece, not a line of its own."""
    item = lines[i]
    return i > 0 and lines[i - 1].block is item.block and not SENTENCE_END.search(lines[i - 1].text) \
        and bool(SENTENCE_END.search(item.text)) and not lines[i - 1].text.rstrip().endswith(":") \
        and evidence(lines[i - 1].text).coverage < _IN_CONTEXT  # the line above is prose, not a stamp or a label


def _same_widget(a: BodyLine, b: BodyLine) -> bool:
    """Two lines of one stacked block, two items of one tight list, or two one-line paragraphs on adjacent lines
    (plain text, where every line is a paragraph)."""
    return a.block is b.block or (a.block.kind == b.block.kind and a.block.kind in ("list-item", "paragraph")
                                  and b.line.number - a.line.number == 1)


def _followed_by_text(lines: tuple[BodyLine, ...], i: int) -> bool:
    return i + 1 < len(lines) and (is_running(lines[i + 1]) or evidence(lines[i + 1].text).prose)


def _judge(lines: tuple[BodyLine, ...], i: int, ev: Evidence, need: float, context: bool) -> _Verdict | None:
    item = lines[i]
    if ev.prose:
        return None
    section = item.block.kind == "heading" and _followed_by_text(lines, i)
    text = item.text
    if _ARROWS.search(text.strip()) and not section:
        return _Verdict("navigation", "previous/next links (an arrow at the edge)")
    if not ev.strong:
        return _repeated(lines, i)
    label = None if section else _labelled(text)
    if label and (context or label.kind == "video"):
        return label
    field = _LABEL.match(text)
    if field and evidence(field.group("label")).coverage == 0:
        return None  # "Start Date: 2020-03-02": a field of the document's own metadata
    kind = ev.kind or "sections"
    if kind == "stamps" and (ev.residual > 1 or (item.block.kind == "list-item" and ev.coverage < 0.99)
                             or text.rstrip().endswith(":") or (field and evidence(field.group("label")).kind == "stamps")
                             or _DATE_RANGE.search(text)):
        return None  # "2020-06-18: Initial KEP", "KEP updated - Jan 6 2021": an entry of a history; "May 3-5" an event's
    if ev.coverage < 0.99 and (ev.residual_stops or SENTENCE_END.search(text)):
        return None  # "Huge pages as shared memory", "(see also here).": a phrase of prose
    if kind in _NETWORK_ONLY and not context and all(k in _NETWORK_ONLY for k, _ in ev.kinds):
        return None  # one network name in the middle of an article is a company, not a button
    # Every word chrome, or a large share of chrome with more than one chrome word: "Related issues" is a
    # heading of a design document, "Save FB Tweet More" a share bar. A lone chrome word needs company.
    words = sum(1 for word in text.split() if any(ch.isalnum() for ch in word))  # "website ." is one word
    if ev.coverage >= 0.99 and (ev.weight >= 2 or context or words > 1):
        enough = True
    else:
        enough = ev.coverage >= need and ev.weight >= 2 and kind != "navigation"
    if context and kind == "related" and item.block.kind == "heading" and ev.coverage >= need:
        items = _short_list_below(lines, i)  # "## Trending Nationally" over a list of headlines, at the page's edge
        if items >= 3:
            return _Verdict(kind, f"{ev.describe(lexicon())}, over a list of {items} short lines")
    if section:  # a heading over prose is the article's own section, unless it is wholly a widget's title
        return _Verdict(kind, ev.describe(lexicon())) if enough and kind in _SECTION_KINDS else None
    if enough:
        return _Verdict(kind, ev.describe(lexicon()))
    return _repeated(lines, i)


def _labelled(text: str) -> _Verdict | None:
    """"VIDEO: <a headline>", "Tags: a, b", "Featured image by …", "More about X Y": a chrome label that opens
    a run of link texts."""
    m = _LABEL.match(text)
    if m:
        head = evidence(m.group("label"))
        if head.coverage >= 0.99 and head.kind in _LABEL_KINDS:
            return _Verdict(head.kind, f"{_label(head.kind)}: the label “{m.group('label')}” and its links")
        return None
    ev = evidence(text)
    lex = lexicon()
    match = lex.phrase.match(text.casefold())
    if match is None:
        return None
    entry = " ".join(match.group().split())
    kind = lex.strong.get(entry) or lex.weak.get(entry)
    if kind in ("related", "tags", "credits") and (" " in entry or kind == "tags") and ev.words <= 12 \
            and (kind == "credits" or not SENTENCE_END.search(text)):
        return _Verdict(kind, f"{_label(kind)}: the label “{match.group()}” and its links")
    return None


def _repeated(lines: tuple[BodyLine, ...], i: int) -> _Verdict | None:
    """A short label printed twice in a row ("Open Future" / "Open Future"): a widget's title and its link."""
    item = lines[i]
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is not None and 2 <= item.words <= 6 and bare(nxt.text) == bare(item.text) and nxt.line.number - item.line.number <= 2 \
            and item.block.kind == "paragraph" and not item.text.rstrip().endswith(":") and re.search(r"[^\W\d_]{4}", item.text):
        return _Verdict("sections", "a short label repeated on the next line")
    return None


def _is_header(item: BodyLine, ev: Evidence) -> bool:
    """A widget's title: a short line without sentence shape, with some chrome ("Essential news, delivered
    daily" over a newsletter box)."""
    if ev.prose or item.words > 6 or item.text.rstrip().endswith((".", "!", "?")):
        return False
    return ev.coverage > 0


def _head_labels(doc: Document, lines: tuple[BodyLine, ...], first: int, forms: frozenset[str]) -> Iterator[int]:
    """The first item of a list of one to three items of one to three words above the first paragraph of
    running text: the page's section and category links ("- Breaking News" / "- Regional"). Headings above
    the body's copy of the title (``forms``) are the site's header, not the article's."""
    i = 0
    end = min(first, len(lines), _HEAD_LINES)
    headings = [k for k in range(end) if lines[k].block.kind == "heading"]
    titled = next((k for k in headings if title_match(lines[k].text, forms)), None)
    if titled is not None:
        headings = headings[headings.index(titled):]
    if len(headings) > 1:
        end = headings[1]  # below a second heading the article has begun
    while i < end:
        j = i
        while j < len(lines) and _short_item(lines[j]) and not numbered(doc, lines[j]) \
                and (j == i or _same_widget(lines[j - 1], lines[j])):
            j += 1
        after = j
        while after < len(lines) and not is_running(lines[after]) and evidence(lines[after].text).coverage >= 0.99:
            after += 1  # "- Advertisement -" between the labels and the article
        if j > i and (all(lines[k].text.rstrip().endswith(",") for k in range(i, j - 1)) and j - i > 1
                      or (j - i <= 3 and after < len(lines) and is_running(lines[after]))):
            yield i  # followed by the article's first paragraph, or a list of tags ("- python," / "- testing,")
        i = max(j, i + 1)


def _short_list_below(lines: tuple[BodyLine, ...], i: int) -> int:
    """The items of the list right below line ``i`` that are short lines without end punctuation (link
    texts, headlines), counted up to the first that is not."""
    j = i + 1
    while j < len(lines) and lines[j].block.kind == "list-item" and is_headline(lines[j]) \
            and (j == i + 1 or _same_widget(lines[j - 1], lines[j])):
        j += 1
    return j - i - 1


def _table_cells(lines: tuple[BodyLine, ...]) -> set[int]:
    """The lines of tables flattened into one short line a cell (see _TABLE_RUN)."""
    cells: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].block.kind in ("paragraph", "list-item") and lines[j].words <= _CELL_WORDS:
            j += 1
        figures = [lines[k].text.strip() for k in range(i, j) if _FIGURE.fullmatch(lines[k].text.strip())]
        if j - i >= _TABLE_RUN and len(figures) >= _TABLE_FIGURES and any(set(f) & set("%$€£¥") for f in figures):
            cells.update(range(i, j))
        i = max(j, i + 1)
    return cells


def _is_stamp(item: BodyLine) -> bool:
    """The line is a date or time stamp with a year or a time, and nothing else ("June 8, 2015", "Updated
    3:51 pm"; not "May 4", which may name a day the article is about)."""
    ev = evidence(item.text)
    return ev.kind == "stamps" and ev.coverage >= 0.99 and _YEAR_OR_TIME.search(item.text) is not None


def _short_item(item: BodyLine) -> bool:
    text = item.text.rstrip()
    return item.block.kind == "list-item" and item.words <= 3 and not text.endswith((".", "!", "?", ":")) \
        and re.fullmatch(r"[^\W\d_][\w\s'’&,-]*", text) is not None
