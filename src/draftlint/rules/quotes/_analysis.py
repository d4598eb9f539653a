"""What the quote rules share: where the quotations are, and who the text says is speaking.

One analysis per document, built on first use by any quote rule and kept for the others:

* the paragraphs ("segments": a block, or one line of a block that is a stack of separate lines, as
  ``nlp.segments`` splits them), their links, footnotes and citations;
* the spans inside quotation marks, so that words inside a quotation are never read as attribution;
* per sentence, the attribution cues that spaCy's rule-based ``Matcher`` finds on the sentence's tokens (speech
  verbs, "according to", "in a statement", vague crowds, anonymous people), outside quotation marks.

Tokens come from the sentence splitter's own spaCy pass (``Sentence.tokens``), so nothing is tokenised twice.
When the configured pipeline is a trained one that tags parts of speech, a proper noun is read from the tag
(``PROPN``) instead of from capital letters, which finds speakers whose names are not capitalised.
"""
from __future__ import annotations

import bisect
import itertools
import weakref
from dataclasses import dataclass, field
from typing import Any, Container, Iterator

from draftlint import nlp, shortcuts
from draftlint.document import Document, Sentence
from draftlint.rules.quotes._lexicon import INVISIBLE, SOURCE_NOUNS, TITLES, is_adverb, plain
from draftlint.rules.quotes._matchers import (PATTERNS, REACH, matchers, patterns_of, possible, trigger_hashes,
                                             with_trigger_words)
from draftlint.rules.quotes._segments import across_wraps, segments
from draftlint.rules.quotes._speakers import OnFirstUse, people, surnames
from draftlint.rules.quotes._sources import CITATION, OUTLET, PUBLISHED
from draftlint.rules.quotes._tokens import Hit, Segment, Tok, Tokens, join_tokens
from draftlint.text import normalize, title_forms


@dataclass
class SentenceInfo:
    index: int
    sentence: Sentence
    segment: Segment
    analysis: "Analysis" = field(repr=False)
    _hits: "list[Hit] | None" = field(default=None, repr=False)
    _tokens: "Tokens | None" = field(default=None, repr=False)
    _patterns: "frozenset[int] | None" = field(default=None, repr=False)

    @property
    def hits(self) -> list[Hit]:
        """The attribution cues the Matcher finds in the sentence (matched on first use: most sentences are
        never asked, see ``Analysis.with_labels``)."""
        if self._hits is None:
            self._hits = self.analysis._match(self)
        return self._hits

    @property
    def patterns(self) -> frozenset[int]:
        """The patterns that may match in the sentence (``_matchers.possible``); all of them on the plain path."""
        if self._patterns is None:
            text = self.sentence.text
            self._patterns = possible((plain(text) if INVISIBLE.search(text) else text).lower()) \
                if shortcuts.enabled() else frozenset(range(len(PATTERNS)))
        return self._patterns

    @property
    def tokens(self) -> "Tokens":
        """The sentence's tokens (built on first use: most sentences never need them)."""
        if self._tokens is None:
            self._tokens = self.analysis._tokens(self.sentence)
        return self._tokens

    @property
    def unquoted(self) -> bool:
        """Whether any word of the sentence stands outside quotation marks."""
        return self.analysis.unquoted_text(self.sentence.start, self.sentence.end)

    def has_cue(self) -> bool:
        return any(h.label in CUE_LABELS and not self.tokens[h.start].quoted for h in self.hits)

    def text(self, a: int, b: int) -> str:
        if a >= b:
            return ""
        return join_tokens(self.tokens[a:b])


CUE_LABELS = frozenset({"SPEECH", "ACCORDING", "DOCUMENT", "PUT_IT"})


class Analysis:
    # The analysis is kept on its document and its sentences refer back to it: those references are weak
    # (proxies), so that a document and its analysis are freed by reference counting as soon as the run is
    # done with them, without waiting for the cyclic garbage collector.
    def __init__(self, doc: Document) -> None:
        self.doc = weakref.proxy(doc)
        me = weakref.proxy(self)
        self.segments = segments(doc)
        self.block_index = {id(b): i for i, b in enumerate(doc.blocks)}
        self._seg_starts = [s.start for s in self.segments]
        spans = sorted((q.start, q.end) for q in doc.quotes)
        self._quote_starts = [a for a, _ in spans]
        self._quote_ends = [b for _, b in spans]
        self._link_starts = sorted(link.start for link in doc.links)
        long = sorted((q.start, q.end) for q in doc.quotes if q.words >= 3)  # quotations of three words or more
        self._long_starts = [a for a, _ in long]
        self._long_reach = list(itertools.accumulate((b for _, b in long), max))
        self._arrays: dict[int, _DocArrays] = {}  # by spaCy doc id
        self.sentences = [SentenceInfo(index, sentence, self.segment_at(sentence.start), me)
                          for index, sentence in enumerate(across_wraps(doc))]
        self._sent_starts = [s.sentence.start for s in self.sentences]
        self._triggered = [self.sentences[i] for i in with_trigger_words([s.sentence for s in self.sentences])] \
            if shortcuts.enabled() else self.sentences

    def with_labels(self, *labels: str) -> Iterator[SentenceInfo]:
        """The sentences that may hold a cue of one of these labels (every sentence on the plain path)."""
        wanted = patterns_of(labels)
        for info in self._triggered:
            if not wanted.isdisjoint(info.patterns):
                yield info

    # -- positions ----------------------------------------------------------------------------------
    def segment_at(self, offset: int) -> Segment:
        i = max(0, bisect.bisect_right(self._seg_starts, offset) - 1)
        return self.segments[i] if self.segments else Segment(0, self.doc.blocks[0], 0, len(self.doc.text))

    def quoted(self, offset: int) -> bool:
        """Whether a document offset lies inside quotation marks (the marks included)."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and offset < self._quote_ends[i]

    def quotation_within(self, start: int, end: int) -> bool:
        """Whether a quotation of three words or more overlaps the offsets ``start`` to ``end``."""
        i = bisect.bisect_left(self._long_starts, end)
        return i > 0 and self._long_reach[i - 1] > start

    def unquoted_text(self, start: int, end: int) -> bool:
        """Whether a letter or digit between two offsets stands outside quotation marks."""
        text = self.doc.text
        i = max(0, bisect.bisect_right(self._quote_starts, start) - 1)
        pos = start
        while pos < end:
            while i < len(self._quote_starts) and self._quote_ends[i] <= pos:
                i += 1
            stop = self._quote_starts[i] if i < len(self._quote_starts) else end
            if stop > pos and any(c.isalnum() for c in text[pos:min(stop, end)]):
                return True
            if i >= len(self._quote_starts):
                return False
            pos = max(pos, self._quote_ends[i])
        return False

    def sentences_overlapping(self, start: int, end: int) -> list[SentenceInfo]:
        i = max(0, bisect.bisect_right(self._sent_starts, start) - 1)
        out = []
        while i < len(self.sentences) and self.sentences[i].sentence.start < end:
            s = self.sentences[i]
            if s.sentence.end > start:
                out.append(s)
            i += 1
        return out

    # -- sources ----------------------------------------------------------------------------------------
    def sourced(self, segment: Segment) -> bool:
        """A link, bare URL, footnote reference or citation such as "(Smith, 2019)" or "[3]" in the paragraph."""
        i = bisect.bisect_left(self._link_starts, segment.start)
        if i < len(self._link_starts) and self._link_starts[i] < segment.end:
            return True
        return bool(CITATION.search(self.doc.text[segment.start:segment.end]))

    def outlet(self, segment: Segment) -> bool:
        """A named outlet or publication: "told Reuters", "in an interview with Le Monde", "the Journal reported"."""
        text = plain(segment.block.text[segment.start - segment.block.start:segment.end - segment.block.start])
        return bool(OUTLET.search(text))

    def headline(self, s: SentenceInfo) -> bool:
        """The sentence is the document's title printed in the body ("Royal experts reveal: …"): a headline, whose
        claims the story below attributes."""
        title = self.doc.title  # the sentence, or its line ("Will It Crash? Here's What Experts Predict")
        forms = title_forms(title.text) if title is not None else frozenset()
        return normalize(s.sentence.text) in forms or normalize(self.doc.text[s.segment.start:s.segment.end]) in forms

    @property
    def checkable(self) -> bool:
        """Whether anything in the document lets a reader check its sources: a link, a footnote or citation,
        or a named outlet."""
        cached = self.__dict__.get("_checkable")
        if cached is None:
            cached = self.__dict__["_checkable"] = bool(self.doc.links) or any(
                self.sourced(s) or self.outlet(s) for s in self.segments)
        return cached

    def paragraph_names_source(self, segment: Segment) -> bool:
        """The paragraph names where its words come from: a link or citation, an outlet, or a person by name."""
        if self.sourced(segment) or self.outlet(segment):
            return True
        return any(people(s.tokens) for s in self.sentences_overlapping(segment.start, segment.end))

    def sentence_sourced(self, s: SentenceInfo) -> bool:
        """The sentence itself names where its claim comes from: an outlet or publication ("published in The
        Lancet", "told Reuters") or "according to" a named or specific source ("according to the study")."""
        block = s.sentence.block
        text = plain(block.text[s.sentence.start - block.start:s.sentence.end - block.start])
        if OUTLET.search(text) or PUBLISHED.search(text):
            return True
        toks = s.tokens
        for h in s.hits:
            if h.label == "ACCORDING" and h.end < len(toks) and not toks[h.start].quoted:
                nxt = toks[h.end]
                if nxt.proper or (nxt.lower in ("the", "a", "an", "its", "their", "his", "her") and h.end + 1 < len(toks)
                                  and (toks[h.end + 1].proper or toks[h.end + 1].lower in SOURCE_NOUNS)):
                    return True
        return False

    @property
    def speakers(self) -> frozenset[str]:
        """Names the document gives as speakers: the proper nouns next to a speech verb or after "according
        to" ("Osei said", "said Dr. Lena Brandt", "according to Mr. Reyes"), lowercased, word by word."""
        cached = self.__dict__.get("_speakers")
        if cached is None:
            names: set[str] = set()
            for s in self.with_labels("SPEECH", "ACCORDING"):
                for h in s.hits:
                    if h.label in ("SPEECH", "ACCORDING") and not s.tokens[h.start].quoted:
                        names.update(t.lower for t in self.speaker_name(s, h))
            cached = self.__dict__["_speakers"] = frozenset(names)
        return cached

    @property
    def person_names(self) -> Container[str]:
        """Words the document uses as people's names, lowercased: the speakers, and the last word of every
        person-like name ("Paul Verhagen" gives "verhagen"), so that a later "Verhagen" alone is a person.
        Worked out on the first question asked of it: a quotation with a speech verb never asks."""
        cached = self.__dict__.get("_person_names")
        if cached is None:
            me = weakref.proxy(self)  # not a bound method: that would keep the analysis alive in a cycle
            cached = self.__dict__["_person_names"] = OnFirstUse(lambda: me._find_person_names())
        return cached

    def _find_person_names(self) -> frozenset[str]:
        names = set(self.speakers)
        for s in self.sentences:
            names |= surnames(plain(s.sentence.text))
        return frozenset(names)

    @property
    def named_speaker(self) -> bool:
        """Whether the document quotes anyone by name."""
        return bool(self.speakers)

    @staticmethod
    def speaker_name(s: SentenceInfo, hit: Hit) -> list[Tok]:
        """The proper nouns naming the speaker of a speech verb, after it ("said Jane Smith") or before it
        ("Smith, 52, said"); empty when the speaker is not named."""
        toks = s.tokens
        j = hit.end
        while j < len(toks) and toks[j].lower in TITLES:
            j += 1
        name = []
        while j < len(toks) and toks[j].proper and not toks[j].quoted and len(name) < 4:
            name.append(toks[j])
            j += 1
        if name:
            return name
        j = hit.start - 1
        while j >= 0 and (is_adverb(toks[j].lower) or toks[j].text == "," or toks[j].lower.isdigit()):
            j -= 1
        while j >= 0 and toks[j].proper and not toks[j].quoted and len(name) < 4:
            name.insert(0, toks[j])
            j -= 1
        return name

    # -- building -----------------------------------------------------------------------------------------
    def _tokens(self, sentence: Sentence) -> "Tokens":
        """The sentence's tokens without whitespace tokens, each built on access."""
        span = sentence.tokens
        block = sentence.block
        if span is None:  # sentences built without spaCy's pass: tokenise the masked sentence text
            text = block.text[sentence.start - block.start:sentence.end - block.start]
            span, base = nlp.pipeline().make_doc(text)[:], sentence.start
            order = [k for k, t in enumerate(span) if not t.is_space]
        else:
            lead = len(span.text) - len(span.text.lstrip())
            base = sentence.start - span.start_char - lead
            _, spaces = self._doc_spaces(span.doc)
            order = [k for k in range(len(span)) if not spaces[span.start + k]]
        return Tokens(weakref.proxy(self), span, base, span.doc.has_annotation("POS"), order)

    def _doc_arrays(self, spacy_doc) -> "_DocArrays":
        """The trigger words of one spaCy doc (a paragraph piece), found on first use."""
        found = self._arrays.get(id(spacy_doc))
        if found is None or found.doc is not spacy_doc:
            from spacy.attrs import LOWER

            triggers = trigger_hashes()
            hits = [(i, h) for i, h in enumerate(spacy_doc.to_array(LOWER).tolist()) if h in triggers]
            found = self._arrays[id(spacy_doc)] = _DocArrays(spacy_doc, [i for i, _ in hits], [h for _, h in hits])
        return found

    def _doc_spaces(self, spacy_doc) -> tuple[list[int], list[bool]]:
        """For each token index of a spaCy doc, the number of non-whitespace tokens before it (one more entry
        at the end), and which tokens are whitespace."""
        found = self._doc_arrays(spacy_doc)
        if found.before is None:
            from spacy.attrs import IS_SPACE

            found.spaces = [bool(v) for v in spacy_doc.to_array(IS_SPACE).tolist()]
            found.before = [0]
            for space in found.spaces:
                found.before.append(found.before[-1] + (0 if space else 1))
        return found.before, found.spaces

    def _match(self, info: "SentenceInfo") -> list[Hit]:
        """Run the Matcher over a sentence. The shortcut: only a sentence with a trigger word is matched, and
        only in windows around its trigger words, with the patterns anchored on the words each window holds.
        The plain path (``DRAFTLINT_NO_SHORTCUTS=1``) matches every pattern on every whole sentence."""
        sentence = info.sentence
        invisible = INVISIBLE.search(sentence.text)
        fast = shortcuts.enabled()
        if not info.patterns:
            return []
        span = sentence.tokens
        if span is None or invisible or self._broken(span):
            span, index_map = self._words(info, span, bool(invisible)), None
        else:
            before, _ = self._doc_spaces(span.doc)
            base = before[span.start]
            index_map = [n - base for n in before[span.start:span.end + 1]]
        windows = self._windows(span, info.patterns) if fast else [(0, len(span), matchers(span.doc.vocab).every())]
        strings = span.doc.vocab.strings
        hits: list[Hit] = []
        seen = set()
        for a, b, match in windows:
            for match_id, x, y in match(span[a:b]):  # indices relative to the window
                x, y = a + x, a + y
                hit = Hit(strings[match_id], index_map[x], index_map[y]) if index_map else Hit(strings[match_id], x, y)
                if hit not in seen:
                    seen.add(hit)
                    hits.append(hit)
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def _windows(self, span, among: frozenset[int]) -> list[tuple[int, int, Any]]:
        """The stretches of a sentence's span around its trigger words (merged where they overlap), each with
        a Matcher of the patterns (of those ``among``) anchored on the trigger words it holds."""
        arrays = self._doc_arrays(span.doc)
        found = matchers(span.doc.vocab)
        lo, hi = bisect.bisect_left(arrays.positions, span.start), bisect.bisect_left(arrays.positions, span.end)
        # the trigger words (offset in the span, hash) that anchor one of the patterns asked for
        anchors = [(p - span.start, h) for p, h in zip(arrays.positions[lo:hi], arrays.hashes[lo:hi])
                   if not found.anchored_on(h).isdisjoint(among)]
        merged: list[list[int]] = []
        for p, _ in anchors:
            a, b = max(0, p - REACH), min(len(span), p + REACH + 1)
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        return [(a, b, found.for_words({h for p, h in anchors if a <= p < b}, among)) for a, b in merged]

    def _broken(self, span) -> bool:
        """Whether whitespace tokens (a line break of a hard-wrapped paragraph, indentation) stand between the
        words of a sentence: patterns match adjacent tokens, so such a sentence is matched on its words."""
        _, spaces = self._doc_spaces(span.doc)
        return any(spaces[span.start + 1:span.end - 1])

    @staticmethod
    def _words(info: "SentenceInfo", span, invisible: bool):
        """The sentence's tokens without whitespace, as a spaCy span of their own (soft hyphens removed), so
        that patterns see the words side by side: a hard-wrapped sentence holds line-break tokens."""
        from spacy.tokens import Doc

        if span is None:
            texts = [t.text for t in info.tokens]
        else:
            texts = [plain(t.text) or t.text for t in span if not t.is_space] if invisible else \
                [t.text for t in span if not t.is_space]
        return Doc(nlp.pipeline().vocab, words=texts or [""])[:len(texts)]


@dataclass
class _DocArrays:
    """Token arrays of one spaCy doc, for the Matcher windows: where its trigger words are (token indices,
    ascending) and their LOWER hashes; and, made when first asked for, the non-whitespace tokens before each
    token and which tokens are whitespace."""

    doc: Any
    positions: list[int]
    hashes: list[int]
    before: list[int] | None = None
    spaces: list[bool] | None = None


def analyse(doc: Document) -> Analysis:
    """The document's analysis, built once and shared by the quote rules. Kept on the document itself, so it
    goes when the document goes."""
    return doc.shared(Analysis)


def iter_hits(analysis: Analysis, *labels: str) -> Iterator[tuple[SentenceInfo, Hit]]:
    wanted = set(labels)
    for info in analysis.with_labels(*labels):
        for hit in info.hits:
            if hit.label in wanted:
                yield info, hit
