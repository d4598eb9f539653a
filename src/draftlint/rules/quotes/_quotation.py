"""What in quotation marks is reported speech, and what is something else: a title, a headline, a term, an
aside. Only reported speech needs a speaker.

Not reported speech:
* a title of a work: every main word capitalised ("A History of the Island Ports"), or named as one by the
  words before it ("the song “…”", "an op-ed titled “…”", "the bill's full title, “…”", "Re. “…”") or a page
  reference after it (", Page A8");
* a headline or tagline: a quotation that is a whole paragraph or line and has no sentence punctuation of
  its own, and a block quotation whose every line lacks it (a list of headlines set as a quote);
* a lowercase phrase inside the writer's sentence with no punctuation of its own (a name for something);
* an aside in brackets (`(“but it worked on my laptop!”)`): imagined speech, not a report;
* the writer's own framing: a question the writer poses (`the big question is, “…?”`, `ask yourself: “…?”`)
  or the writer's own description (`the easiest way to describe it is “…”`);
* a callout block quote ("> Note: …", "> [!NOTE]") and anything in a footnote.
"""
from __future__ import annotations

import re

from draftlint.document import Quote

# a blockquote that is an editor's note or a callout, not a quotation ("> ⚠ Update: ...", "> [!NOTE]")
_CALLOUT = re.compile(r"^[^\w\"“‘'\[]*(?:\[!\w+\]|(?:note|notes|warning|caution|tip|important|update|updated|editor'?s note|"
                      r"correction|disclaimer|disclosure|summary|tl;?dr|info|hint|todo)\b\s*[:.!-]?)", re.IGNORECASE)
# words in a quoted title of a work ("A History of the Island Ports")
_MINOR = frozenset("a an the and or but nor of in on at to for by with from as into onto upon vs via per".split())
# the kind of work or the naming verb right before a quotation: it is a title or a name, not speech
_WORK_BEFORE = re.compile(
    r"(?:\b(?:song|single|album|track|record|film|movie|documentary|show|series|episode|programme|program|podcast|"
    r"book|novel|memoir|poem|play|musical|opera|painting|exhibition|article|headline|story|column|op-ed|editorial|"
    r"sequel|prequel|spin-?off|remake|reboot|trailer|installment|instalment|"
    r"essay|chapter|report|paper|study|campaign|slogan|motto|hashtag|titled|entitled|called|named|dubbed|"
    r"title|subtitle|name|nickname|bill|act|law|statute|treaty|"
    r"nicknamed|branded|labelled|labeled|known\s+as|term|phrase|word|words|motto)|\bRe[.:])"
    r"[\s,:]*(?:(?:the|a|an|his|her|their|its|our)\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
# a page or section reference right after: `"…," Page A8` / `"…" (p. 12)`
_PAGE_AFTER = re.compile(r"^[\s,.]*\(?(?:page|p\.|pp\.|section|sec\.)\s*[A-Z]?\d", re.IGNORECASE)
_SENTENCE_END = ".!?…"
_SENTENCE_MARK = re.compile(r"[.!?…](?:\s|$)")


def looks_like_title(text: str) -> bool:
    words = [w.strip("“”\"'‘’.,:;!?()[]") for w in text.split()]
    words = [w for w in words if w]
    major = [w for w in words if w.lower() not in _MINOR]
    return bool(major) and all(w[:1].isupper() or not w[:1].isalpha() for w in major) and not text.rstrip().endswith(",")


def is_callout(quote: Quote) -> bool:
    return bool(_CALLOUT.match(quote.text))


def inner_text(quote: Quote) -> str:
    """The quoted words as written (masked markup as spaces), without the quote marks."""
    block = quote.block
    if quote.kind == "blockquote":
        return block.text[quote.start - block.start:quote.end - block.start]
    end = quote.end - 1 if quote.closed else quote.end
    return block.text[quote.start + 1 - block.start:end - block.start].rstrip()


def named_as_work(quote: Quote, before: str, after: str) -> bool:
    """The words before the quotation call it a work or a name ("the song", "titled", "Re."), also across the
    quotations before it in a list (`titles like “A” or “B,” or even just “C”`), or a page reference follows it."""
    if _PAGE_AFTER.match(after[:40]):
        return True
    for _ in range(_LONGEST_LIST):
        if _WORK_BEFORE.search(before[-80:]):
            return True
        link = _LIST_LINK.search(before)
        if link is None:
            return False
        head = before[:link.start() + 1]  # up to the closing mark of the quotation before
        opening = head.rfind("“" if head.endswith("”") else '"', 0, len(head) - 1)
        if opening < 0:
            return False
        before = head[:opening]
    return False


# between two quotations of a list: a closing mark, then a comma, "or", "and", "or even just" …
_LIST_LINK = re.compile(r"[”\"][\s,]*(?:(?:or|and|as\s+well\s+as)(?:\s+(?:even|just|maybe|perhaps))*)?\s*$")
_LONGEST_LIST = 6


def headline_like(quote: Quote, before: str, after: str) -> bool:
    """A quotation that is its paragraph or line on its own and has no sentence punctuation of its own: a
    headline, a pull-quote heading or a tagline."""
    if before.strip(" \t•·-*>#") or after.strip(" \t.,;:!?”’\"'"):
        return False
    inner = inner_text(quote).rstrip(" \t\"'”’")
    if after.lstrip(" \t”’\"'")[:1] in (".", "!", "?", "…") and inner.lstrip(" \t\"“‘'")[:1].isupper():
        return False  # `"The doctors … in our NHS".`: a sentence, ended by the writer's full stop, not a headline
    return bool(inner) and not _SENTENCE_MARK.search(inner)


def unpunctuated_lines(text: str) -> bool:
    """A block quotation whose every line lacks sentence punctuation: a list of headlines or labels."""
    lines = [line.strip().rstrip(" \"'”’)") for line in text.split("\n") if line.strip()]
    lines = [line[:-3] if line.endswith("...") else line.rstrip("…") for line in lines]  # a cut-off headline
    return bool(lines) and all(line[-1:] not in _SENTENCE_END + ":;," for line in lines)


def aside(before: str, after: str) -> bool:
    """A quotation standing alone in brackets: `(“but it worked on my laptop!”)`."""
    return before.rstrip().endswith(("(", "[")) and after.lstrip().startswith((")", "]"))


# the words that make the next quotation the writer's: a question posed ("the question on every buyer's mind is,",
# "ask yourself:", "wondering,") or a description ("the easiest way to describe this is", "to sum it up:")
_POSED = re.compile(r"(?:\bquestions?\b[^.!?\"“”]{0,60}\b(?:is|was|remains|are|were)"
                    r"|\bask(?:ing|ed)?\s+(?:yourself|yourselves|themselves|ourselves|himself|herself|myself)"
                    r"|\bwonder(?:s|ing|ed)?)\s*[,:]?\s*$", re.IGNORECASE)
_DESCRIBED = re.compile(r"\bto\s+(?:describe|sum\s+up|summari[sz]e|put)\s+(?:this|it|that|them)\b[^.!?\"“”]{0,30}?"
                        r"\b(?:is|was|would\s+be)\s*[,:]?\s*$", re.IGNORECASE)


def framed(before: str, inner: str) -> bool:
    """A question the writer poses or the writer's own description, in quotation marks: not reported speech."""
    return bool(_POSED.search(before)) and inner.rstrip(" \"'”’").endswith("?") or bool(_DESCRIBED.search(before))
