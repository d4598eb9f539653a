from __future__ import annotations

import re
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import BodyLine, bare, body_lines, delete_lines

_NETWORK = (r"facebook messenger|facebook|twitter|whatsapp|e-mail|email|telegram|linkedin|pinterest|reddit|print"
            r"|messenger|copy link|sms|tumblr|flipboard|threads|bluesky|mastodon|pocket|mail|instagram|youtube"
            r"|tiktok|x")
# A stack of brand names with no share label is a share widget only if it has a button that is not a brand
# ("Email", "Print", "Copy link"): "Facebook / Instagram / WhatsApp / Messenger" is how an article lists one
# company's apps.
_SHARE_BUTTON = re.compile(r"e-?mail|print|copy link|share|tweet|\bpin\b|\bsms\b")
_LABEL = re.compile(
    r"(?:share|share this|share it|share now|share article|share story|share post|share this (?:article|story|post|page|video)"
    rf"|share (?:this (?:article|story|post) )?(?:on|via|to|with) (?:{_NETWORK}|social media|your friends|friends)\b.{{0,40}}"
    r"|sharing is caring|spread the word|spread the love|tweet this|pin it|e-?mail this(?: article| story| page)?|bookmark and share"
    r"|share or comment on this article|share full article|gift this article|give this article|share this content"
    # the e-mail button of older templates: "Send a link to a friend", "Email this story to a friend"
    r"|(?:send|e-?mail)(?: a link| this(?: article| story| page)?)? to a friend(?: share)?"
    r"|(?:like it\?\s)?share (?:it\s)?with your friends"
    # a share plugin's buttons run together: "Share on FacebookShare on Google+Tweet about this on Twitter"
    rf"|(?:(?:share\s(?:on|via)|tweet\s(?:about\sthis\s)?on)\s(?:{_NETWORK}|google)\+?\s?)+)")
# WordPress share buttons: "Click to share on Twitter (Opens in new window)"
_CLICK_TO_SHARE = re.compile(r"click to (?:share|email|print)\b.{0,60}")
# One or more network names (or "share", "tweet"), fused or separated by spaces or separators, each with an
# optional share count: "FacebookTwitterEmailPrint", "Facebook share", "Twitter 12 | Email".
# The separators are matched possessively (*+): they are never the start of a name, so giving some back cannot
# help a match, and two runs of them side by side would otherwise split a long run of separators in every way,
# in time exponential in the number of names ("x|||||x|||||x…!" took minutes).
_NETWORKS = re.compile(rf"(?:(?:{_NETWORK}|share|tweet|pin)[\s|·•,/]*+\d{{0,7}}[\s|·•,/]*+)+")
_ONE_NETWORK = re.compile(rf"(?:{_NETWORK})\s*\d{{0,7}}")
# The same names after a share label and a colon: "Share on: Facebook | X | Email", "Share this article: …"
_LABELLED_NETWORKS = re.compile(r"share(?: this(?: article| story| post| page)?)?(?: on| via| to| with)?\s*:\s*"
                                + _NETWORKS.pattern)


def _is_button_line(text: str) -> bool:
    key = text.casefold()
    return bool(_NETWORKS.fullmatch(key) or _CLICK_TO_SHARE.fullmatch(key) or _LABELLED_NETWORKS.fullmatch(key))


class ShareWidget(Rule):
    """Flags the buttons of a share widget: "Share", "Share this article", a stack of network names.

    ## What it flags
    A line that is a share label ("Share", "Share this article", "Share on Facebook", "Spread the word", a
    bookmarking widget's "Bookmark and Share", an older template's "Send a link to a friend"),
    a line made only of social-network and share-button names ("FacebookTwitterEmailPrint", "Facebook 12
    | Twitter 4", "Click to share on Facebook (Opens in new window)"), or of such names after a share label
    and a colon ("Share on: Facebook | X | Email"), or a stack of two or more lines that
    each name one ("Facebook" / "Twitter" / "Email"). A widget gives one finding, at its first line,
    spanning the button lines after it. A single "Email" or "Print" line on its own is left to other rules,
    and so is a list of brand names without a share label or a button such as "Email", "Print" or "Copy
    link" (an article listing a company's apps).

    ## Why it matters
    Share buttons are links. Without their icons and links a scraper keeps only the names, which stand in
    the text as a column of brand names ("Share Facebook X LinkedIn Email").

    ## Example
        Share
        Facebook
        Twitter
        WhatsApp

    ## How to fix
    Delete the widget's lines; the site template adds its own share buttons.
    """

    code = "B013"
    name = "share-widget"
    family = Family.BOILERPLATE

    def check(self, doc: Document, opts: Rule.Options) -> Iterator[Finding]:
        lines = body_lines(doc)
        runs = _button_runs(lines)
        shares = _next_share_button(lines, runs)
        i = 0
        while i < len(lines):
            item = lines[i]
            key = bare(item.text)
            label = bool(_LABEL.fullmatch(key)) and item.words <= 10
            start = i + 1 if label else i
            count = runs[start] - start  # button lines from ``start`` on
            widget = count > 0 and (count >= 2 or not _ONE_NETWORK.fullmatch(key))  # not a lone "Email"
            if widget and not label:
                widget = shares[start] < runs[start]  # one of the buttons is not a brand
            if label or widget:
                buttons = lines[start:runs[start]]
                last = buttons[-1] if buttons else item
                what = "share label" if label else "share buttons"
                yield self.finding(doc, item.line.start, item.line.end,
                                   f"{what} “{item.text}” left from the page"
                                   + (f" (with {len(buttons)} button line{'s' * (len(buttons) > 1)} after it)" if label and buttons else ""),
                                   fix=delete_lines(item.line.number, last.line.number))
                i = last.index + 1
                continue
            i += 1


def _button_runs(lines: list[BodyLine]) -> list[int]:
    """For each line, the index after the run of button lines that starts there (itself when it is not one):
    lines of ten words or fewer made of share-button names, each within two lines of the one before."""
    ends = [0] * (len(lines) + 1)
    ends[len(lines)] = len(lines)
    for k in range(len(lines) - 1, -1, -1):
        item = lines[k]
        if item.words > 10 or not _is_button_line(item.text):
            ends[k] = k
        elif k + 1 < len(lines) and ends[k + 1] > k + 1 and lines[k + 1].line.number <= item.line.number + 2:
            ends[k] = ends[k + 1]
        else:
            ends[k] = k + 1
    return ends


def _next_share_button(lines: list[BodyLine], runs: list[int]) -> list[int]:
    """For each line, the index of the first button line from there on that names a button that is not a
    brand (only button lines are asked: the answer is read within a run of them)."""
    found = [len(lines)] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        found[k] = k if runs[k] > k and _SHARE_BUTTON.search(lines[k].text.casefold()) else found[k + 1]
    return found
