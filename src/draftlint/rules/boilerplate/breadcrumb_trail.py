from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import body_lines, delete_lines, title_match
from draftlint.text import normalize, titles_of

_SEP = r"\s*(?:>|»|›|→|/|\||::|\\)\s*"
_CRUMB = r"[^>»›→/|\\:.!?]{1,60}?"
# "Home > News > Politics", "You are here: Home » Blog", "Home / World / Europe"
_HOME_TRAIL = re.compile(rf"(?:you are here\s*:\s*)?(?:home|homepage|start|main page){_SEP}{_CRUMB}(?:{_SEP}[^\n]{{1,150}})?", re.I)
# "News > Politics > Elections": three or more crumbs joined by arrow-like separators (not "/" or "|"); a
# crumb is a name of one to four words ("v1.40 → v1.41", "(Protobuf > CBOR)", "Deny (x=false) > ..." are not)
_ARROW = re.compile(r"\s(?:>|»|›|→)\s")
_CRUMB_NAME = re.compile(r"[^\W\d_][\w'’&-]*(?: [\w'’&-]+){0,3}")


def _arrow_trail(text: str, forms: frozenset[str]) -> bool:
    """Three or more crumbs joined by arrows; the last may be the title itself, punctuation and all ("Finance
    Blogs » Banking » How about a little interest?")."""
    crumbs = [crumb.strip() for crumb in _ARROW.split(text)]
    return len(crumbs) >= 3 and all(_CRUMB_NAME.fullmatch(crumb) for crumb in crumbs[:-1]) \
        and (bool(_CRUMB_NAME.fullmatch(crumbs[-1])) or title_match(crumbs[-1], forms))
# "Home" and a space, or run into the next crumb as a scraper joins link texts ("HomeFinanceEgg prices soar")
_HOME_WORD = re.compile(r"(?:home|homepage)(?:\s|(?-i:(?=[A-Z])))", re.I)
_FUSED = re.compile(r"(?<=[a-z])(?=[A-Z])")


class BreadcrumbTrail(Rule):
    """Flags a breadcrumb trail: "Home > News > Politics", or "Home" and a section run into the title.

    ## What it flags
    A line (of at most ``max-words`` words) that is a navigation trail: "Home" followed by a separator
    (``>``, ``»``, ``›``, ``/``, ``|``) and more crumbs ("Home » Business » Markets"), three or more
    crumbs joined by arrows ("News > Local > Schools"), or a trail whose separators were lost, starting
    with "Home", one to five crumbs, and the document's title or nearly the title ("Home Business Harbour
    dues rise for the first time"), also with the crumbs run together ("HomeBusinessHarbour dues rise …").

    ## Why it matters
    The breadcrumb is the site's navigation above the headline. In a draft it is a row of menu words,
    often ending with the title a second time.

    ## Example
        Home > News > Environment > River clean-up wins award

    ## How to fix
    Delete the line.
    """

    code = "B011"
    name = "breadcrumb-trail"
    family = Family.BOILERPLATE
    specificity = 65  # a trail whose last crumb is the title is a breadcrumb first (over T002)

    @dataclass(frozen=True)
    class Options:
        max_words: int = field(default=25, metadata={"help": "longest line, in words, that can be a breadcrumb"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        forms = titles_of(doc)
        for item in body_lines(doc):
            text = item.text
            if item.words > opts.max_words or item.words < 2:
                continue
            trail = bool(_HOME_TRAIL.fullmatch(text)) or _arrow_trail(text, forms)
            if not trail and _HOME_WORD.match(text):
                norm = normalize(_FUSED.sub(" ", text))
                trail = any(_ends_in_title(norm, f) for f in forms if f)
            if trail:
                yield self.finding(doc, item.line.start, item.line.end, f"breadcrumb trail “{text}” left from the page",
                                   fix=delete_lines(item.line.number, item.line.number))


def _ends_in_title(norm: str, form: str) -> bool:
    """"home news politics how the river was saved": "home" and up to five crumbs, then the title or nearly
    the title (a scraper's "Cat's" for the slug's "Cats", a stray hyphen)."""
    words, size = norm.split(), len(form.split())
    if not 2 <= len(words) - size <= 6:
        return False
    return title_match(" ".join(words[-size:]), frozenset({form}))
