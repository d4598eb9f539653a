from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document, Quote
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.quotes import _quotation as q, _speakers as sp
from draftlint.rules.quotes._analysis import Analysis, SentenceInfo, analyse
from draftlint.rules.quotes._lexicon import SECTION_LABELS, SPEECH_VERBS, WORD, NamePattern, plain

# a signature line under a blockquote: "— Jane Smith", "-- J. Smith, The Times"
_SIGNATURE = re.compile(r"(?:^|\n)\s*(?:—|–|--|-|~)\s*(?:(?:from|in|by|via)\s+(?:the\s+|an?\s+)?)?[A-Z0-9]")
# a signature right after a quotation: `"…" — Mahatma Gandhi`
_SIGNATURE_AFTER = NamePattern(r"[ \t]*(?:—|–|--|~)[ \t]*(?!(?:Unknown|Anonymous|Author\s+Unknown)\b){U}[\w.'’-]+")
_FULL_NAME = NamePattern(r"\b{U}(?:{L}|['’-])+\s+(?:{U}\.\s+)?{U}(?:{L}|['’-])+")
_WRITERS = sp.FIRST_SECOND_PERSON | sp.THIRD_PERSON
# a determiner right before a quotation makes it a noun phrase in the writer's sentence, not speech
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "your", "my"})
# the first word of a sentence that points back at a quotation just made ("That is how …", "So says …")
_POINTING_BACK = frozenset({"that", "those", "so", "such", "this", "these"})


def _section_label(sentence: SentenceInfo) -> bool:
    """"User Comments:", "Customer Reviews:": a short label over a list of unnamed voices, whose last word is
    no speech verb and no name."""
    words = [t for t in sentence.tokens if t.text[:1].isalnum()]
    return 0 < len(words) <= 6 and sentence.sentence.text.rstrip().endswith(":") and words[-1].lower in SECTION_LABELS


class UnattributedQuote(Rule):
    """Flags a quotation that nobody is named as saying.

    ## What it flags
    Words in double quotes (straight or curly), curly single quotes or a block quotation, at least
    ``min-words`` long, that nobody is named as saying. The quotation is attributed, and not flagged, when
    any of these stands next to it (the quotation's own sentence, the sentence before it, which may close the
    previous paragraph, or the sentence after it in the same paragraph; a hard-wrapped paragraph is one
    paragraph however it is wrapped):

    - a speech verb ("said", "says", "told", "wrote", "added", "highlights", "shares", "confided" and about
      a hundred more), "according to", a document ("in a statement", "the statement read"), "as she put it";
    - a name: in the quotation's own sentence any capitalised name outside the quote marks, with or without a
      verb (`"…," Ana Ruiz, director of the port authority.`); in the sentence before or after, a person's
      name (two to four capitalised words that are not an organisation or place, "Dr. Brandt", "Mayor
      Osei", an account name such as "@ana-ruiz", or a surname the document gives someone elsewhere);
    - a pronoun for a person named before ("she shares"), or the writer or reader ("I asked", "you think");
    - a speaker before a colon (`Priya Nair, chief economist at Harbour Bank: "…"`), a signature (`"…" —
      Jane Smith`, `> — Jane Smith` under a block quotation, a name line right under the quote's paragraph),
      a full name elsewhere in a table row, or a link, footnote or citation in the paragraph;
    - a copy of the same quotation elsewhere in the document that is attributed (a pull quote);
    - a next paragraph that opens by pointing back at the quotation and names its speaker with a cue ("That
      is how Maria Costa, the board's chair, put it.").

    Words inside quotation marks never count as attribution, and a short label line without punctuation
    ("What readers say") does not introduce the quotations under it.

    Not quotations, never flagged: short quoted phrases (terms, scare quotes, "so-called" words); a lowercase
    phrase inside your own sentence with no punctuation of its own (`it uses a "two plus one rotation for small
    vessels"`); titles of works and names (every main word capitalised, or named as one: "the song", "an
    op-ed titled", "the bill's full title", "its nickname", `Re. "…," Page A8`); a headline or tagline standing alone without sentence punctuation, and a block quote
    whose every line lacks it (a list of headlines); an aside in brackets (`(“but it worked on my laptop!”)`);
    a question the writer poses (`the question on every buyer's mind is, “…?”`, `ask yourself: “…?”`) or the
    writer's own description (`the easiest way to describe it is “…”`);
    a message or string with code in it; every paragraph of a callout ("> [!NOTE]", "> Note: …");
    the paragraphs of a quotation that runs over several paragraphs (each opens with a quote mark and only
    the last one closes; the first or the last is attributed), quotations that follow an attributed one
    with only quoted text between them, and quotations in footnotes.
    Quotations attributed to a vague or anonymous speaker are left to Q002 and Q003.

    With ``strict = true`` every quotation of ``min-words`` or more words also needs a link, footnote or
    citation such as "(Smith, 2019)" or "[3]" in its paragraph, even when a speaker is named.

    ## Why it matters
    A quotation is a claim that someone said something. Without a speaker the reader cannot weigh it, and an
    invented or misremembered quote looks exactly like a real one. Testimonials with no name are a staple of
    content farms.

    ## Example
        The night market returns this weekend.

        "We have waited a long time for this and the whole street is ready."

    Instead:
        "We have waited a long time for this and the whole street is ready," said Ana Ruiz, who chairs the
        traders' group.

    ## How to fix
    Name the speaker with a speech verb ("said Ana Ruiz"), or link or cite the source. If nobody said it, drop
    the quotation marks and write it as your own sentence.
    """

    code = "Q001"
    name = "unattributed-quote"
    family = Family.QUOTE
    needs = frozenset({"sentences"})
    version = "2"

    @dataclass(frozen=True)
    class Options:
        min_words: int = field(default=6, metadata={"help": "quoted text shorter than this is a term, not a quotation"})
        strict: bool = field(default=False, metadata={
            "help": "also require a link, footnote or citation in the paragraph of every quotation"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        if not doc.quotes:
            return
        analysis = analyse(doc)
        quotes = doc.quotes
        pulled = _Pulled(self, analysis, quotes)
        # a quotation over several paragraphs: the first and the last quotation of each one's run, in one pass
        # each way (its speaker may be named in the first paragraph or at the end of the last)
        continues = [k > 0 and self._continues(analysis, quotes, k) == k - 1 for k in range(len(quotes))]
        first = list(range(len(quotes)))
        for k in range(1, len(quotes)):
            if continues[k]:
                first[k] = first[k - 1]
        last = list(range(len(quotes)))
        for k in range(len(quotes) - 2, -1, -1):
            if continues[k + 1]:
                last[k] = last[k + 1]
        for k, quote in enumerate(quotes):
            if quote.words < opts.min_words or not self._is_quotation(analysis, quote):
                continue
            if not self._is_quotation(analysis, quotes[first[k]]):
                continue  # a later paragraph of a callout ("> [!NOTE]" / ">" / "> …")
            head = " ".join(plain(quote.text).split()[:6])
            if not any(self._attributed(analysis, quotes[j]) for j in {first[k], last[k]}) and not pulled.elsewhere(k):
                yield self.finding(doc, quote.start, quote.end, f"quotation “{head} …” has no speaker or source")
            elif opts.strict and not any(analysis.sourced(analysis.segment_at(quotes[j].start))
                                         for j in range(first[k], k + 1)):
                yield self.finding(doc, quote.start, quote.end,
                                   f"quotation “{head} …” has no link, footnote or citation in its paragraph")

    # -- what is a quotation -----------------------------------------------------------------------------
    @staticmethod
    def _is_quotation(analysis: Analysis, quote: Quote) -> bool:
        if quote.block.kind == "footnote":
            return False
        if quote.kind == "blockquote":
            return not q.is_callout(quote) and not q.unpunctuated_lines(q.inner_text(quote))
        if q.looks_like_title(quote.text):
            return False
        segment = analysis.segment_at(quote.start)
        text = analysis.doc.text
        before, after = text[segment.start:quote.start], text[quote.end:segment.end]
        if q.named_as_work(quote, before, after) or q.aside(before, after) or q.headline_like(quote, before, after):
            return False
        if "`" in text[quote.start:quote.end]:
            return False  # a message or string with code in it ("`Foo: Iterator` is not satisfied"), not speech
        # a lowercase phrase inside the writer's own sentence, without punctuation of its own, names or mentions
        # something ("in the form of "high percentile of latency"") rather than reporting speech
        inner = q.inner_text(quote)
        first = next((c for c in inner if c.isalpha()), "")
        word_before = before.split()[-1].lower() if before.split() else ""
        if q.framed(before, inner):
            return False  # `the question on every buyer's mind is, “…?”`: the writer's question, not a report
        if first.islower() and word_before in _DETERMINERS and not any(c in ".!?…;:" for c in inner[:-1]):
            return False  # "touted as the “most important meal of the day.”": a noun phrase, its full stop the writer's
        return not (first.islower() and inner[-1:] not in ".!?,…;:" and not _opens_paragraph(analysis, quote))

    # -- continuation -----------------------------------------------------------------------------------
    @staticmethod
    def _continues(analysis: Analysis, quotes: tuple[Quote, ...], k: int) -> int | None:
        """The index of the quotation this one continues, if any: the previous quotation was left open at the
        end of its paragraph and this one opens the next paragraph; or only quoted text and spaces lie between
        the two in one paragraph; or both are paragraphs of one block quotation."""
        if k == 0:
            return None
        quote, prev = quotes[k], quotes[k - 1]
        if quote.kind == "blockquote":
            if prev.kind == "blockquote" and _adjacent(analysis, prev.block, quote.block):
                return k - 1
            return None
        segment = analysis.segment_at(quote.start)
        prev_segment = analysis.segment_at(prev.start)
        if not prev.closed and prev_segment.index == segment.index - 1 and _opens_paragraph(analysis, quote):
            return k - 1
        if prev_segment.index == segment.index and prev.block is quote.block:
            block = quote.block
            if not block.text[prev.end - block.start:quote.start - block.start].strip():
                return k - 1
        return None

    # -- attribution ------------------------------------------------------------------------------------
    def _attributed(self, analysis: Analysis, quote: Quote) -> bool:
        segment = analysis.segment_at(quote.start)
        if analysis.sourced(segment):
            return True
        inside = analysis.sentences_overlapping(quote.start, quote.end)
        if quote.kind == "blockquote":
            if any(_SIGNATURE.search(block.text) for block in _blockquote_run(analysis, quote.block)):
                return True
            # the sentence that introduces the block quotation: a cue, a speaker before a colon, or a person
            before = self._before(analysis, quote.start)
            return before is not None and (before.has_cue() or self._colon_speaker(analysis, before, None)
                                           or sp.names_person(before.tokens, analysis.person_names))
        if _SIGNATURE_AFTER.match(analysis.doc.text, quote.end):
            return True  # `"Be the change …" — Mahatma Gandhi`
        if not inside:  # a table cell or another block without sentences: its row or line decides
            return self._line_attributes(analysis, quote)
        known = analysis.person_names
        # in the quotation's own sentence: a speech verb, a name (`"…," Ana Ruiz, director of the port.`), or a
        # pronoun for someone named before, the writer or the reader (`"…," she shares`, `I asked, "…"`)
        if any(s.has_cue() or sp.has_proper(s.tokens, known) or sp.has_word(s.tokens, _WRITERS) for s in inside):
            return True
        if self._colon_speaker(analysis, inside[0], quote):
            return True
        # the sentence before (`Jeremy Robinson had a more succinct statement.` / `"…"`) or after
        before = self._before(analysis, quote.start)
        if before is not None and not _section_label(before) \
                and (before.has_cue() or self._colon_speaker(analysis, before, None)
                     or sp.names_person(before.tokens, known) or sp.has_word(before.tokens, sp.THIRD_PERSON)):
            return True
        after = self._after(analysis, inside[-1])
        if after is not None and (after.has_cue() or sp.names_person(after.tokens, known)):
            return True
        return self._name_line_after(analysis, inside[-1]) or self._pointed_back_to(analysis, inside[-1])

    @staticmethod
    def _before(analysis: Analysis, offset: int) -> SentenceInfo | None:
        """The nearest sentence before ``offset`` with words outside quotation marks, in the same paragraph or
        the paragraph just before (sentences made only of quoted words are skipped: they continue a quote)."""
        segment = analysis.segment_at(offset)
        found = analysis.sentences_overlapping(offset, offset + 1)
        if found and found[0].sentence.end <= offset + 1 and found[0].sentence.start < offset:
            # a trained pipeline's parser hung the opening mark on the sentence before (the blank pipeline's
            # boundary step prevents this): that sentence is the one before the quote
            return found[0] if found[0].unquoted else None
        i = found[0].index - 1 if found else _index_before(analysis, offset)
        while i >= 0:
            s = analysis.sentences[i]
            if s.segment.index < segment.index - 1 or not _adjacent(analysis, s.segment.block, segment.block):
                return None
            if s.sentence.end <= offset and s.unquoted:
                if s.segment.index != segment.index and _label_line(s):
                    return None  # "What readers say" over a list of testimonials: a label, not a lead-in
                return s
            i -= 1
        return None

    @staticmethod
    def _after(analysis: Analysis, last: SentenceInfo) -> SentenceInfo | None:
        i = last.index + 1
        while i < len(analysis.sentences):
            s = analysis.sentences[i]
            if s.segment.index != last.segment.index:
                return None
            if s.unquoted:
                return s
            i += 1
        return None

    @staticmethod
    def _next_paragraph_opener(analysis: Analysis, last: SentenceInfo) -> SentenceInfo | None:
        """The first sentence of the paragraph right after the one that ``last`` ends, if ``last`` ends it."""
        i = last.index + 1
        if i >= len(analysis.sentences):
            return None
        nxt = analysis.sentences[i]
        if nxt.segment.index != last.segment.index + 1 or not _adjacent(analysis, last.segment.block, nxt.segment.block):
            return None
        return nxt

    @classmethod
    def _name_line_after(cls, analysis: Analysis, last: SentenceInfo) -> bool:
        """A short line right after the quotation's paragraph that only names a person: `Michael Shadlen, Ph.D.`"""
        nxt = cls._next_paragraph_opener(analysis, last)
        return nxt is not None and len(nxt.sentence.text.split()) <= 8 and bool(sp.people(nxt.tokens)) \
            and not nxt.has_cue()

    @classmethod
    def _pointed_back_to(cls, analysis: Analysis, last: SentenceInfo) -> bool:
        """The next paragraph opens by pointing back at the quotation and naming its speaker: `That is how
        Maria Costa, the board's chair, put it.`, `So says the harbour master, Ana Ruiz.`"""
        nxt = cls._next_paragraph_opener(analysis, last)
        return (nxt is not None and bool(nxt.tokens) and nxt.tokens[0].lower in _POINTING_BACK and nxt.has_cue()
                and sp.names_person(nxt.tokens, analysis.person_names))

    @staticmethod
    def _colon_speaker(analysis: Analysis, sentence: SentenceInfo, quote: Quote | None) -> bool:
        """`Priya Nair, chief economist at Harbour Bank: "…"`: a short clause naming someone, then a colon
        right before the quotation (or, for the sentence before a quotation, at its end)."""
        block = sentence.sentence.block
        end = quote.start if quote is not None else sentence.sentence.end
        if not block.text[sentence.sentence.start - block.start:end - block.start].rstrip(" \t\n“\"«„").endswith(":"):
            return False
        tokens = sentence.tokens
        head = [t for t in tokens if t.end <= end]
        while head and head[-1].text in ("“", '"', "«", "„"):
            head.pop()
        if not head or head[-1].text != ":":
            return False
        clause = []
        for t in reversed(head[:-1]):
            if t.quoted or t.text in (".", ";", "!", "?"):
                break
            clause.append(t)
        clause.reverse()
        words = [t for t in clause if t.text[:1].isalnum()]
        if not words or len(words) > 25 or words[-1].lower in SECTION_LABELS:
            return False  # "User Comments:", "Customer Reviews:": a section's label over unnamed voices
        return any(t.proper for t in words) and not all(t.lower in ("i", "we", "you") for t in words)

    @staticmethod
    def _line_attributes(analysis: Analysis, quote: Quote) -> bool:
        """For a quotation outside any sentence (a table cell): a speech verb or a full name ("Ana Ruiz")
        elsewhere on its line, such as a speaker column."""
        text = analysis.doc.text
        line_start = text.rfind("\n", 0, quote.start) + 1
        line_end = text.find("\n", quote.end)
        line_end = len(text) if line_end < 0 else line_end
        block = quote.block
        masked = block.text[max(line_start, block.start) - block.start:min(line_end, block.end) - block.start]
        cut = quote.start - max(line_start, block.start)
        outside = plain(masked[:cut] + " " + masked[cut + quote.end - quote.start:])
        words = WORD.findall(outside.lower())
        return (any(w in SPEECH_VERBS for w in words) or "according to" in " ".join(words)
                or bool(_FULL_NAME.search(outside)))


def _opens_paragraph(analysis: Analysis, quote: Quote) -> bool:
    """Whether only markup (masked to spaces) and bullets stand before the quotation in its paragraph."""
    segment = analysis.segment_at(quote.start)
    block = quote.block
    return not block.text[max(segment.start, block.start) - block.start:quote.start - block.start].strip(" \t\n•·-*")


def _label_line(s: SentenceInfo) -> bool:
    """A short line with no closing punctuation: a label or heading, not a sentence that introduces a quote."""
    text = s.sentence.text.rstrip()
    return len(text.split()) < 8 and text[-1:] not in ".:!?,;”\"’)"


def _index_before(analysis: Analysis, offset: int) -> int:
    i = len(analysis.sentences) - 1
    for s in analysis.sentences:
        if s.sentence.start >= offset:
            return s.index - 1
    return i


def _adjacent(analysis: Analysis, earlier, later) -> bool:
    """Whether two blocks are the same or follow each other with no heading or other block between."""
    if earlier is later:
        return True
    i = analysis.block_index.get(id(later), 0)
    return i > 0 and analysis.doc.blocks[i - 1] is earlier


def _blockquote_run(analysis: Analysis, block) -> list:
    """This block quotation paragraph and the ones that follow it in the same block quotation."""
    blocks = analysis.doc.blocks
    run = [block]
    for later in blocks[analysis.block_index[id(block)] + 1:]:
        if later.kind != "blockquote" or later.containers != block.containers:
            break
        run.append(later)
    return run


class _Pulled:
    """Pull quotes: a quotation repeated elsewhere in the document (as a heading, a standfirst or a callout)
    is attributed when one of its copies is."""

    def __init__(self, rule: UnattributedQuote, analysis: Analysis, quotes: tuple[Quote, ...]) -> None:
        self.rule, self.analysis, self.quotes = rule, analysis, quotes
        self.copies: dict[str, list[int]] | None = None

    @staticmethod
    def _key(quote: Quote) -> str:
        return " ".join(WORD.findall(plain(quote.text).lower())[:8])

    def elsewhere(self, k: int) -> bool:
        if self.copies is None:
            self.copies = {}
            for j, other in enumerate(self.quotes):
                self.copies.setdefault(self._key(other), []).append(j)
        others = [j for j in self.copies.get(self._key(self.quotes[k]), ()) if j != k][:3]  # a few copies suffice
        return any(self.rule._attributed(self.analysis, self.quotes[j]) for j in others)
