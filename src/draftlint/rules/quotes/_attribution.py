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
import re
import weakref
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from draftlint import nlp
from draftlint.document import PROSE_KINDS, Block, Document, Sentence

# -- word lists (every one is explained in the rule docs) -----------------------------------------------
SPEECH_VERBS = frozenset("""
said says say saying told tells telling added adds adding asked asks asking explained explains explaining
noted notes noting wrote writes writing argued argues arguing acknowledged acknowledges recalled recalls
insisted insists warned warns warning continued continues replied replies responded responds announced
announces claimed claims claiming admitted admits confirmed confirms stated states posted posts tweeted tweets
reported reports remarked remarks observed observes commented comments declared declares testified testifies
conceded concedes stressed stresses emphasised emphasized emphasises emphasizes quipped quips urged urges
revealed reveals predicted predicts cautioned cautions reiterated reiterates reminded reminds agreed agrees
countered counters maintained maintains contended contends suggested suggests recounted recounts joked jokes
complained complains boasted boasts described describes called calls wondered wonders shouted yelled whispered
mused sighed laughed vowed vows promised promises pleaded pledged assured assures admitted conceded lamented
laments greeted answered answers texted emailed messaged
""".split())
# speech verbs in the finite forms that introduce a speaker after a quotation: `," said another person`
QUOTATIVE = frozenset(w for w in SPEECH_VERBS if not w.endswith("ing"))
# speech verbs that attribute even with no quotation in sight ("a source told", "one insider revealed");
# the others ("wrote", "asked", "claims", "calls") name a speaker only next to a quotation
REPORTING = frozenset({"said", "says", "told", "tells", "revealed", "reveals", "insisted", "insists", "alleged",
                       "alleges", "confided", "admitted", "admits", "recalled", "recalls", "confirmed", "confirms"})
# verbs with which a crowd "holds" a claim: "experts say", "many analysts believe", "studies show"
CLAIM_VERBS = frozenset("""
say says said believe believes believed think thinks thought argue argues argued claim claims claimed agree
agrees agreed warn warns warned note notes noted suggest suggests suggested predict predicts predicted contend
contends insist insists insisted maintain maintains estimate estimates estimated fear fears feared reckon
reckons told tell tells report reports reported point points pointed caution cautions cautioned concur concurs
show shows showed shown find finds found indicate indicates indicated prove proves proved proven confirm
confirms confirmed reveal reveals revealed demonstrate demonstrates demonstrated
""".split())
STUDY_VERBS = frozenset("""
show shows showed shown suggest suggests suggested find finds found indicate indicates indicated prove proves
proved proven confirm confirms confirmed reveal reveals revealed demonstrate demonstrates demonstrated
""".split())
# an unnamed crowd presented as an authority
CROWDS = frozenset("""
experts analysts scientists researchers economists observers critics commentators insiders sources specialists
pundits scholars historians doctors psychologists academics strategists
""".split())
# crowds that are often a specific team in news ("doctors said the boy is stable"): vague only when quantified
QUANTIFIED_ONLY = frozenset({"doctors", "psychologists"})
STUDIES = frozenset({"studies", "research", "reports", "surveys", "polls", "study"})
INSTITUTIONS = frozenset({"officials", "authorities"})
QUANTIFIERS = frozenset("""
many some most several numerous countless various certain other top leading plenty growing number majority lot
multiple recent new independent
""".split())
# determiners and words that tie a group to something specific: "the experts", "97 percent of scientists"
SPECIFIC = frozenset("""
the these those this that its their his her our your my whose which all both each every
""".split())
ADVERBS_EXTRA = frozenset({"also", "then", "later", "once", "still", "even", "now", "often", "always", "too",
                           "just", "further", "again", "long", "generally", "largely", "repeatedly"})
AUXILIARIES = frozenset({"have", "has", "had", "do", "does", "did"})

ANON_INHERENT = frozenset({"source", "insider", "tipster", "whistleblower", "informant", "mole", "confidant",
                           "confidante"})
ANON_MARKERS = frozenset({"anonymous", "unnamed", "unidentified", "nameless"})
FORMER = frozenset({"ex", "former"})
# people who are not anyone in particular: quoted vox-pop style with "one", "another", "a"
GENERIC_PEOPLE = frozenset("""
person user commenter resident attendee caller viewer reader fan woman man neighbour neighbor bystander onlooker
witness local employee staffer worker customer shopper member poster follower listener participant guest
visitor friend acquaintance relative colleague coworker classmate parent student individual
""".split())
PERSON_NOUNS = GENERIC_PEOPLE | ANON_INHERENT | frozenset("""
official officials employee employees staffer staffers executive executives officer officers aide aides
diplomat diplomats adviser advisers advisor advisors spokesperson spokesman spokeswoman manager managers
director source sources insider insiders people persons worker workers member members figure figures
""".split())
INDEFINITE = frozenset({"a", "an", "one", "another"})
# things that can be "anonymous" without being a source
NOT_PEOPLE = frozenset("""
function functions struct structs type types class classes method methods block blocks lifetime lifetimes union
unions enum enums variable variables parameter parameters field fields namespace namespaces access mode data
statistics telemetry usage survey surveys poll polls voting ballot ballots browsing donation donations gift
gifts donor donors bidder bidders buyer buyers volume volumes object objects record records id ids
""".split())
DOC_NOUNS = frozenset("""
statement release email letter post tweet message note memo filing filings affidavit report interview
podcast video blog column op-ed essay caption sign notice complaint lawsuit ruling transcript speech
""".split())
NAME_STOP = frozenset("""
i he she they we you it this that these those there the a an one another someone somebody police officials
authorities investigators detectives experts analysts sources insiders critics residents people who what
when where why how many some most but and or so yet if as in on at by for with from of to after before
during while though although however meanwhile also still then later earlier today yesterday tomorrow
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december
""".split())

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def plain(text: str) -> str:
    """Text for word tests: soft hyphens and zero-width characters removed, straight apostrophes."""
    return _INVISIBLE.sub("", text).translate(_APOSTROPHES)


# -- the Matcher ---------------------------------------------------------------------------------------------
def _in(words) -> dict:
    return {"LOWER": {"IN": sorted(words)}}


_ADV = {"LOWER": {"REGEX": r"^(?:[a-z]+ly|" + "|".join(sorted(ADVERBS_EXTRA)) + r")$"}}
_ADV_AUX = {"LOWER": {"REGEX": r"^(?:[a-z]+ly|" + "|".join(sorted(ADVERBS_EXTRA | AUXILIARIES)) + r")$"}}
_DETERMINERS = ["a", "an", "the", "one", "another", "this", "that", "these", "those", "some", "any"]
_MOD = {"IS_LOWER": True, "IS_ALPHA": True, "LOWER": {"NOT_IN": _DETERMINERS}}
_MOD_ANY = {"IS_ALPHA": True, "LOWER": {"NOT_IN": _DETERMINERS}}  # "a Starbucks employee", "an Instagram user"
_HYPHEN = {"ORTH": {"IN": ["-", "‐", "–"]}}


def _patterns() -> dict[str, list[list[dict]]]:
    speech = _in(SPEECH_VERBS)
    return {
        # attribution cues: any of these near a quotation attributes it (Q001)
        "SPEECH": [[speech], [{"LOWER": "pointed"}, {"LOWER": "out"}]],
        "ACCORDING": [[{"LOWER": "according"}, {"LOWER": "to"}]],
        "DOCUMENT": [
            [{"LOWER": {"IN": ["in", "through", "via"]}}, {"LOWER": {"IN": ["a", "an", "the", "his", "her", "their", "its", "our"]}},
             dict(_MOD, OP="{0,2}"), _in(DOC_NOUNS)],
            [{"LOWER": {"IN": ["the", "a", "his", "her", "their", "its"]}}, dict(_MOD, OP="{0,2}"), _in(DOC_NOUNS),
             {"LOWER": {"IN": ["read", "reads", "stated", "states", "said", "says"]}}],
            [{"LOWER": {"IN": ["read", "reads", "reading"]}}, {"ORTH": {"IN": [":", ","]}}],  # `the sign reads: "…"`
        ],
        "PUT_IT": [[{"LOWER": "put"}, {"LOWER": "it"}]],
        # a crowd holding a claim: "experts say", "many analysts believe", "research has shown" (Q002)
        "CROWD": [[_in(CROWDS | STUDIES | INSTITUTIONS), dict(_ADV_AUX, OP="{0,2}"), _in(CLAIM_VERBS)],
                  [_in(CROWDS | STUDIES | INSTITUTIONS), {"LOWER": {"IN": ["close", "familiar"]}},
                   {"LOWER": {"IN": ["to", "with"]}}, {"OP": "{1,4}", "IS_PUNCT": False}, dict(_ADV, OP="{0,2}"),
                   _in(CLAIM_VERBS)]],
        # any plural of a profession after a vague quantifier: "many nutritionists believe", "some dentists warn"
        "CROWD_Q": [[_in({"many", "some", "most", "numerous", "several", "countless", "top", "leading"}),
                     {"IS_LOWER": True, "LOWER": {"REGEX": r"(?:ists|ians|ogists)$"}}, dict(_ADV_AUX, OP="{0,2}"),
                     _in(CLAIM_VERBS)]],
        "ACCORDING_CROWD": [[{"LOWER": "according"}, {"LOWER": "to"}, {"IS_PUNCT": False, "OP": "{0,4}"},
                             _in(CROWDS | STUDIES | INSTITUTIONS)]],
        "PEOPLE": [[{"LOWER": {"IN": ["some", "many", "most"]}}, {"LOWER": "people", "OP": "?"}, dict(_ADV, OP="{0,2}"),
                    _in(PEOPLE_VERBS)]],
        "IMPERSONAL": [[{"LOWER": "it"}, {"LOWER": {"IN": ["is", "was", "'s"]}}, dict(_ADV, OP="?"),
                        _in({"believed", "thought", "said", "claimed", "rumoured", "rumored", "argued", "reported",
                             "known", "accepted", "held"})],
                       [{"LOWER": "it"}, {"LOWER": {"IN": ["is", "was", "'s", "has", "had"]}}, {"LOWER": "been"},
                        dict(_ADV, OP="?"),
                        _in({"believed", "thought", "said", "claimed", "rumoured", "rumored", "argued", "reported",
                             "known", "accepted", "held", "suggested", "alleged"})]],
        # an anonymous person as the speaker (Q003)
        "ANON_AFTER": [[_in(QUOTATIVE), _in(INDEFINITE | {"the", "this", "that"}), dict(_MOD_ANY, OP="{0,3}"), dict(_HYPHEN, OP="?"),
                        _in(GENERIC_PEOPLE | ANON_INHERENT)]],
        "ANON_BEFORE": [[_in(INDEFINITE | {"the", "this", "that"}), dict(_MOD_ANY, OP="{0,3}"), dict(_HYPHEN, OP="?"),
                         _in(GENERIC_PEOPLE | ANON_INHERENT), dict(_ADV, OP="{0,2}"), speech]],
        "ANON_SOMEONE": [[_in(QUOTATIVE), _in({"someone", "somebody"})],
                         [_in({"someone", "somebody"}), dict(_ADV, OP="{0,2}"),
                          _in({"said", "says", "told", "tells", "wrote", "writes", "posted", "posts", "commented",
                               "tweeted", "asked", "added", "claimed", "claims"})]],
        "ANON_ACCORDING": [[{"LOWER": "according"}, {"LOWER": "to"}, _in(INDEFINITE | {"the", "this", "that"}),
                            dict(_MOD, OP="{0,3}"), dict(_HYPHEN, OP="?"), _in(GENERIC_PEOPLE | ANON_INHERENT)]],
        "ANON_MARKED": [[_in(ANON_MARKERS), dict(_MOD, OP="?"), _in(PERSON_NOUNS)],
                        [_in(ANON_MARKERS), dict(_MOD, OP="?"),
                         {"IS_LOWER": True, "LOWER": {"REGEX": r"(?:er|or|ist|ian|ant|ent|ee|man|woman)s?$"}}],
                        [_in(PERSON_NOUNS), {"LOWER": "familiar"}, {"LOWER": "with"}],
                        [_in(PERSON_NOUNS), {"LOWER": "close"}, {"LOWER": "to"}],
                        [{"LOWER": "on"}, {"LOWER": "the", "OP": "?"}, {"LOWER": "condition"}, {"LOWER": "of"},
                         {"LOWER": "anonymity"}],
                        [{"LOWER": {"IN": ["asked", "declined", "requested", "wished", "refused"]}}, {"LOWER": "not", "OP": "?"},
                         {"LOWER": "to"}, {"LOWER": "be"}, {"LOWER": {"IN": ["named", "identified"]}}],
                        [{"LOWER": {"IN": ["want", "wanted", "wish", "wished"]}}, {"LOWER": "to"}, {"LOWER": "be"},
                         {"LOWER": {"IN": ["named", "identified"]}}],
                        [{"LOWER": "requested"}, {"LOWER": "anonymity"}],
                        [{"LOWER": {"IN": ["spoke", "speaking", "spoken"]}}, {"LOWER": "anonymously"}]],
    }


class _Matchers:
    """The patterns of one spaCy vocabulary, and Matchers over subsets of them.

    Most patterns have an anchor: a token that must match and whose words are all trigger words (TRIGGERS).
    Such a pattern can match in a stretch of text only if one of its anchor words is there, so a window around
    trigger words is matched with the patterns anchored on the words it holds (plus any pattern without an
    anchor): the same matches as all the patterns, for a fraction of the work."""

    def __init__(self, vocab) -> None:
        from spacy.strings import hash_string

        self.vocab = vocab
        self.patterns = [(label, pattern) for label, group in _patterns().items() for pattern in group]
        self.by_word: dict[int, set[int]] = {}
        self.always: set[int] = set()
        for index, (_, pattern) in enumerate(self.patterns):
            words = _anchor(pattern)
            if words is None:
                self.always.add(index)
            for word in words or ():
                self.by_word.setdefault(hash_string(word), set()).add(index)
        self.built: dict[frozenset[int], Any] = {}

    def for_words(self, hashes: Iterable[int]) -> Any:
        """A Matcher of the patterns that can match where only these trigger words (LOWER hashes) occur."""
        chosen = set(self.always)
        for h in hashes:
            chosen |= self.by_word.get(h, set())
        return self.subset(frozenset(chosen))

    def every(self) -> Any:
        """A Matcher of all the patterns."""
        return self.subset(frozenset(range(len(self.patterns))))

    def subset(self, chosen: frozenset[int]) -> Any:
        found = self.built.get(chosen)
        if found is None:
            from spacy.matcher import Matcher

            found = self.built[chosen] = Matcher(self.vocab)
            grouped: dict[str, list[list[dict]]] = {}
            for index in sorted(chosen):
                label, pattern = self.patterns[index]
                grouped.setdefault(label, []).append(pattern)
            for label, group in grouped.items():
                found.add(label, group, greedy="LONGEST")
        return found


def _anchor(pattern: list[dict]) -> frozenset[str] | None:
    """The smallest word set of a token that the pattern cannot match without and that holds trigger words
    only; None when there is no such token."""
    best = None
    for spec in pattern:
        op = spec.get("OP", "1")
        if op in ("?", "*", "!") or op.startswith("{0"):
            continue
        lower = spec.get("LOWER")
        words = frozenset([lower]) if isinstance(lower, str) else frozenset((lower or {}).get("IN", ())) or None
        if words and words <= TRIGGERS and (best is None or len(words) < len(best)):
            best = words
    return best


_MATCHERS: dict[int, _Matchers] = {}


def matchers(vocab) -> _Matchers:
    """The patterns and Matchers of a spaCy vocabulary (the pipeline can be reconfigured), made on first use."""
    found = _MATCHERS.get(id(vocab))
    if found is None or found.vocab is not vocab:
        found = _MATCHERS[id(vocab)] = _Matchers(vocab)
    return found


# words that make a sentence worth matching at all: every pattern holds one of them
PEOPLE_VERBS = frozenset({"believe", "say", "claim", "argue", "think", "feel", "insist", "contend", "suggest"})
IMPERSONAL_VERBS = frozenset({"believed", "thought", "said", "claimed", "rumoured", "rumored", "argued", "reported",
                              "known", "accepted", "held", "suggested", "alleged"})
TRIGGERS = (SPEECH_VERBS | {"pointed", "according", "put", "familiar", "close", "anonymity", "anonymously", "named",
                            "identified", "read", "reads", "reading"}
            | DOC_NOUNS | CROWDS | STUDIES | INSTITUTIONS | PEOPLE_VERBS | IMPERSONAL_VERBS | ANON_MARKERS)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


# -- the analysis ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Segment:
    """A paragraph for the quote rules: a block, or one line of a block that is a stack of separate lines."""

    index: int
    block: Block
    start: int
    end: int


@dataclass(frozen=True)
class Tok:
    """A token of a sentence with its document offsets."""

    i: int  # index in the sentence
    start: int
    end: int
    text: str  # as written (soft hyphens removed)
    lower: str
    quoted: bool  # inside quotation marks
    proper: bool  # a proper noun: tagged PROPN, or (untagged) capitalised where a common word would not be


@dataclass(frozen=True)
class Hit:
    label: str
    start: int  # token index in the sentence
    end: int


@dataclass
class SentenceInfo:
    index: int
    sentence: Sentence
    segment: Segment
    analysis: "Analysis" = field(repr=False)
    hits: list[Hit] = field(default_factory=list)
    _tokens: "Tokens | None" = field(default=None, repr=False)

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
        return _join(self.tokens[a:b])


CUE_LABELS = frozenset({"SPEECH", "ACCORDING", "DOCUMENT", "PUT_IT"})


class Tokens:
    """A sentence's tokens without whitespace, each built on first access (a sentence can hold hundreds)."""

    __slots__ = ("_analysis", "_span", "_base", "_tagged", "_order", "_cache")

    def __init__(self, analysis: "Analysis", span, base: int, tagged: bool, order: list[int]) -> None:
        self._analysis, self._span, self._base, self._tagged, self._order = analysis, span, base, tagged, order
        self._cache: list[Tok | None] = [None] * len(order)

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[Tok]:
        for i in range(len(self._order)):
            yield self[i]

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._order)))]
        if i < 0:
            i += len(self._order)
        tok = self._cache[i]
        if tok is None:
            tok = self._cache[i] = self._build(i)
        return tok

    def _build(self, i: int) -> Tok:
        t = self._span[self._order[i]]
        start = self._base + t.idx
        text = plain(t.text) or t.text
        if self._tagged and t.pos_:  # a tagger's word on proper nouns beats capital letters
            proper = t.pos_ == "PROPN"
        else:
            proper = _looks_proper(text, self._opening(i))
        return Tok(i, start, start + len(t.text), text, text.lower(), self._analysis.quoted(start), proper)

    def _opening(self, i: int) -> bool:
        """Whether token ``i`` stands where any word is capitalised: at the start, or after a colon or an
        opening quote mark with no word since."""
        j = i - 1
        while j >= 0:
            prev = self._span[self._order[j]].text
            if prev[:1].isalnum():
                return False
            if prev in _OPENING_PUNCT:
                return True
            j -= 1
        return True


def _join(tokens: list[Tok]) -> str:
    out = []
    prev_end = None
    for t in tokens:
        if prev_end is not None and t.start > prev_end:
            out.append(" ")
        out.append(t.text)
        prev_end = t.end
    return "".join(out)


_CITATION = re.compile(
    r"\(\s*[A-Z][\w'’-]+(?:\s+(?:et\s+al\.?|(?:and|&)\s+[A-Z][\w'’-]+))?,?\s+(?:1[6-9]|20)\d\d[a-z]?"
    r"(?:[,;:]\s*(?:pp?\.\s*)?\d+(?:[–-]\d+)?)?\s*\)"  # (Smith, 2019), (Smith and Lee 2020: 14)
    r"|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]"  # [3], [4, 7]
)
_OUTLET = re.compile(
    r"\b(?:told|telling|tells)\s+(?:the\s+)?[A-Z][\w&'’.-]*"
    r"|\b(?:in|during)\s+(?:an?|the|his|her|their)\s+(?:[a-z-]+\s+)?(?:interview|conversation|podcast|op-ed|column|article"
    r"|essay|piece|post|paper|letter|appearance|broadcast|segment|documentary|book)\s+(?:with|for|in|on|to|published\s+by)\s+"
    r"(?:the\s+)?[A-Z]"
    r"|\b(?:wrote|writing|writes|published|quoted|cited|reported|appearing)\s+(?:in|by|on)\s+(?:the\s+)?[A-Z]"
    r"|\b(?:speaking|spoke|talking|talked)\s+(?:to|with|on)\s+(?:the\s+)?[A-Z][\w&'’.-]*"
    r"|\b(?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*\s+(?:reported|reports|quoted|cited|wrote)\b"
)


_PUBLISHED = re.compile(r"\b(?:published|appeared|appearing|reported)\b[^.;]{0,40}?\b(?:in|by)\s+(?:the\s+)?(?:journal\s+)?[A-Z]")
_SOURCE_NOUNS = frozenset("""
study report survey paper data figures analysis census poll review audit statement filing filings records
research findings minutes
""".split())


class Analysis:
    # The analysis is kept on its document and its sentences refer back to it: those references are weak
    # (proxies), so that a document and its analysis are freed by reference counting as soon as the run is
    # done with them, without waiting for the cyclic garbage collector.
    def __init__(self, doc: Document) -> None:
        self.doc = weakref.proxy(doc)
        me = weakref.proxy(self)
        self.segments = _segments(doc)
        self.block_index = {id(b): i for i, b in enumerate(doc.blocks)}
        self._seg_starts = [s.start for s in self.segments]
        spans = sorted((q.start, q.end) for q in doc.quotes)
        self._quote_starts = [a for a, _ in spans]
        self._quote_ends = [b for _, b in spans]
        self.sentences: list[SentenceInfo] = []
        self._arrays: dict[int, _DocArrays] = {}  # by spaCy doc id
        for index, sentence in enumerate(doc.sentences):
            info = SentenceInfo(index, sentence, self.segment_at(sentence.start), me)
            self._match(info)
            self.sentences.append(info)
        self._sent_starts = [s.sentence.start for s in self.sentences]

    # -- positions ----------------------------------------------------------------------------------
    def segment_at(self, offset: int) -> Segment:
        i = max(0, bisect.bisect_right(self._seg_starts, offset) - 1)
        return self.segments[i] if self.segments else Segment(0, self.doc.blocks[0], 0, len(self.doc.text))

    def quoted(self, offset: int) -> bool:
        """Whether a document offset lies inside quotation marks (the marks included)."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and offset < self._quote_ends[i]

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
        for link in self.doc.links:
            if segment.start <= link.start < segment.end:
                return True
        return bool(_CITATION.search(self.doc.text[segment.start:segment.end]))

    def outlet(self, segment: Segment) -> bool:
        """A named outlet or publication: "told Reuters", "in an interview with Le Monde", "the Journal reported"."""
        text = plain(segment.block.text[segment.start - segment.block.start:segment.end - segment.block.start])
        return bool(_OUTLET.search(text))

    def sentence_sourced(self, s: SentenceInfo) -> bool:
        """The sentence itself names where its claim comes from: an outlet or publication ("published in The
        Lancet", "told Reuters") or "according to" a named or specific source ("according to the study")."""
        block = s.sentence.block
        text = plain(block.text[s.sentence.start - block.start:s.sentence.end - block.start])
        if _OUTLET.search(text) or _PUBLISHED.search(text):
            return True
        toks = s.tokens
        for h in s.hits:
            if h.label == "ACCORDING" and h.end < len(toks) and not toks[h.start].quoted:
                nxt = toks[h.end]
                if nxt.proper or (nxt.lower in ("the", "a", "an", "its", "their", "his", "her") and h.end + 1 < len(toks)
                                  and (toks[h.end + 1].proper or toks[h.end + 1].lower in _SOURCE_NOUNS)):
                    return True
        return False

    @property
    def speakers(self) -> frozenset[str]:
        """Names the document gives as speakers: the proper nouns next to a speech verb or after "according
        to" ("Osei said", "said Dr. Lena Brandt", "according to Mr. Reyes"), lowercased, word by word."""
        cached = self.__dict__.get("_speakers")
        if cached is None:
            names: set[str] = set()
            for s in self.sentences:
                for h in s.hits:
                    if h.label in ("SPEECH", "ACCORDING") and not s.tokens[h.start].quoted:
                        names.update(t.lower for t in self.speaker_name(s, h))
            cached = self.__dict__["_speakers"] = frozenset(names)
        return cached

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
        while j < len(toks) and toks[j].lower in _TITLES:
            j += 1
        name = []
        while j < len(toks) and toks[j].proper and not toks[j].quoted and len(name) < 4:
            name.append(toks[j])
            j += 1
        if name:
            return name
        j = hit.start - 1
        while j >= 0 and (_is_adverb(toks[j].lower) or toks[j].text == "," or toks[j].lower.isdigit()):
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

            triggers = _trigger_hashes()
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

    def _match(self, info: "SentenceInfo") -> None:
        """Run the Matcher around the trigger words of a sentence (most sentences have none)."""
        sentence = info.sentence
        invisible = _INVISIBLE.search(sentence.text)
        if TRIGGERS.isdisjoint(_WORD.findall((plain(sentence.text) if invisible else sentence.text).lower())):
            return
        span = sentence.tokens
        if span is None or invisible:
            self._match_copy(info)
            return
        spacy_doc = span.doc
        arrays = self._doc_arrays(spacy_doc)
        positions = arrays.positions
        lo, hi = bisect.bisect_left(positions, span.start), bisect.bisect_left(positions, span.end)
        if lo == hi:
            return
        before, _ = self._doc_spaces(spacy_doc)
        base = before[span.start]
        index_map = [n - base for n in before[span.start:span.end + 1]]
        windows: list[list[int]] = []
        for p in positions[lo:hi]:
            p -= span.start
            a, b = max(0, p - _REACH), min(len(span), p + _REACH + 1)
            if windows and a <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], b)
            else:
                windows.append([a, b])
        found = matchers(spacy_doc.vocab)
        strings = spacy_doc.vocab.strings
        seen = set()
        for a, b in windows:
            match = found.for_words({arrays.hashes[k] for k in range(lo, hi) if a <= positions[k] - span.start < b})
            for match_id, x, y in match(span[a:b]):  # indices relative to the window
                hit = Hit(strings[match_id], index_map[a + x], index_map[a + y])
                if hit not in seen:
                    seen.add(hit)
                    info.hits.append(hit)
        info.hits.sort(key=lambda h: (h.start, -h.end))

    def _match_copy(self, info: "SentenceInfo") -> None:
        """Soft hyphens inside words ("not\u00aded") or no spaCy span: match a re-tokenised copy of the words."""
        tokens = info.tokens
        joined = " ".join(t.text for t in tokens)
        doc = nlp.pipeline().make_doc(joined)
        starts, pos = [], 0
        for t in tokens:
            starts.append(pos)
            pos += len(t.text) + 1
        for match_id, a, b in matchers(doc.vocab).every()(doc):
            ia = bisect.bisect_right(starts, doc[a].idx) - 1
            ib = bisect.bisect_right(starts, doc[b - 1].idx)
            info.hits.append(Hit(doc.vocab.strings[match_id], max(ia, 0), max(ib, ia + 1)))
        info.hits.sort(key=lambda h: (h.start, -h.end))


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


_REACH = 12  # the longest pattern spans fewer tokens than this on either side of its trigger word
_TRIGGER_HASHES = None


def _trigger_hashes() -> frozenset[int]:
    global _TRIGGER_HASHES
    if _TRIGGER_HASHES is None:
        from spacy.strings import hash_string

        _TRIGGER_HASHES = frozenset(hash_string(w) for w in TRIGGERS)
    return _TRIGGER_HASHES


_TITLES = frozenset({"dr", "dr.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "prof", "prof.", "professor", "sir", "dame",
                     "rep.", "sen.", "gov.", "gen.", "col.", "sgt.", "det.", "lt."})
_OPENING_PUNCT = frozenset({":", "“", '"', "‘", "—", "–", "(", "•", "-", "*", "«", "„"})


def _is_adverb(word: str) -> bool:
    return (word.endswith("ly") and len(word) > 3) or word in ADVERBS_EXTRA


def _looks_proper(text: str, first: bool) -> bool:
    if not text[:1].isupper() or not text[:1].isalpha():
        return False
    if text.lower() in NAME_STOP:
        return False
    if first:  # a capital at the start of a sentence says nothing, unless the word is not a common one
        return len(text) > 1 and (text[1:].lower() != text[1:] or text.lower() not in _COMMON_STARTS)
    return True


# sentence openers that are capitalised only because they open the sentence
_COMMON_STARTS = NAME_STOP | QUANTIFIERS | CROWDS | STUDIES | INSTITUTIONS | GENERIC_PEOPLE | frozenset("""
asked speaking according despite given following instead under over about across against among around
because since until unless whether both either neither each every no not nothing none all any few such
here now even only just yes no
""".split())


def _segments(doc: Document) -> list[Segment]:
    out: list[Segment] = []
    for block in doc.blocks:
        if block.kind not in PROSE_KINDS:
            continue
        pieces = list(nlp.segments(block))
        for k, (offset, text) in enumerate(pieces):
            start = block.start + offset
            end = block.start + pieces[k + 1][0] if k + 1 < len(pieces) else block.end
            out.append(Segment(len(out), block, start, end))
    return out


def analyse(doc: Document) -> Analysis:
    """The document's analysis, built once and shared by the quote rules. Kept on the document itself, so it
    goes when the document goes."""
    return doc.shared(Analysis)


def iter_hits(analysis: Analysis, *labels: str) -> Iterator[tuple[SentenceInfo, Hit]]:
    wanted = set(labels)
    for info in analysis.sentences:
        for hit in info.hits:
            if hit.label in wanted:
                yield info, hit
