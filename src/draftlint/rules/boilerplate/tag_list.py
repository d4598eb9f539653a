from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import SENTENCE_END, BodyLine, bare, body_lines, in_field_list

_LABELS = (r"tags|tag|tagged|tagged with|tagged in|tagged as|topics|related topics|filed under|categories|category|posted in"
           r"|tag archives|tag archive|category archives|categorized in|categorised in|technorati tags")
_LABEL = re.compile(rf"(?:{_LABELS})", re.I)
# (and Blogger's "Labels: harbour, ferries", only with its items on the line: "Labels" over a list is a heading)
_INLINE = re.compile(rf"(?:(?P<label>{_LABELS}|labels)\s*:|(?P<bare>posted in|filed under))\s*(?P<items>\S.*)", re.I)
_ITEM_SPLIT = re.compile(r"\s*(?:,|;|\||•|·|/)\s*")
# labels that introduce one category ("Filed under: Politics") as well as lists
_SINGLE_OK = {"filed under", "categories", "category", "posted in", "tag archives", "category archives", "categorized in",
              "categorised in", "tag", "tag archive"}  # "Tag: tour": a blog theme's archive header


def _is_item(item: BodyLine, max_words: int) -> bool:
    return 1 <= item.words <= max_words and not SENTENCE_END.search(item.text)


class TagList(Rule):
    """Flags a tag or topic list left from the page: "Tagged" / "Topics" over a stack of keywords, "Tags: a, b".

    ## What it flags
    A label line ("Tags", "Tagged", "Topics", "Filed under", "Categories", Blogger's "Labels") followed by at least
    ``min-items`` short lines or list items of at most ``max-item-words`` words without sentence
    punctuation (the tags), or a single line "Tags: housing, Bronx, politics" / "Filed under: Politics" /
    "Posted in Uncategorized" / a blog theme's archive header "Tag: lighthouses" (not as a field of a list of fields, "- Category: B, 81 points" between
    "- Address: …" and "- Opened: …", which is the article's own fact box).
    One finding per list, at its label.

    ## Why it matters
    Tags and categories are the CMS's index of the page, shown as links under the article. In a draft they
    are a stack of loose keywords after the last paragraph; the CMS has its own field for them.

    ## Example
        Tagged

        harbour
        ferries
        island life

    ## How to fix
    Delete the list and enter the tags in the CMS's tag field.
    """

    code = "B012"
    name = "tag-list"
    family = Family.BOILERPLATE

    @dataclass(frozen=True)
    class Options:
        min_items: int = field(default=2, metadata={"help": "fewest tag lines after a label line"})
        max_item_words: int = field(default=4, metadata={"help": "most words in one tag"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        lines = body_lines(doc)
        for item in lines:
            key = bare(item.text)
            if _LABEL.fullmatch(key):
                tags = []
                for nxt in lines[item.index + 1:]:
                    if not _is_item(nxt, opts.max_item_words) or nxt.line.number > (tags[-1] if tags else item).line.number + 2:
                        break
                    if tags and nxt.block is not tags[0].block and not (nxt.block.kind == tags[0].block.kind == "list-item"):
                        break  # the tags are the lines of one block, or a run of list items
                    tags.append(nxt)
                if len(tags) >= opts.min_items:
                    yield self.finding(doc, item.line.start, item.line.end,
                                       f"tag list “{item.text}” ({len(tags)} tags) left from the page")
                continue
            m = _INLINE.fullmatch(item.text)
            if m and item.words <= 30 and not SENTENCE_END.search(item.text) and not in_field_list(lines, item):
                items = [t for t in _ITEM_SPLIT.split(m.group("items")) if t]
                label = " ".join((m.group("label") or m.group("bare")).casefold().split())
                wanted = 1 if label in _SINGLE_OK else opts.min_items
                # without a colon ("Posted in Uncategorized") the categories must look like names
                named = m.group("bare") is None or all(t[0].isupper() or t[0].isdigit() for t in items)
                if named and len(items) >= wanted and all(len(t.split()) <= opts.max_item_words for t in items):
                    yield self.finding(doc, item.line.start, item.line.end, f"tag list “{item.text}” left from the page")
