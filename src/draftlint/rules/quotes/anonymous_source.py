from __future__ import annotations

import bisect
import re
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.quotes._analysis import Analysis, SentenceInfo, analyse
from draftlint.rules.quotes._lexicon import (ANON_INHERENT, ANON_MARKERS, AUXILIARIES, DOC_NOUNS, FORMER, GENERIC_PEOPLE,
                                            INDEFINITE, NOT_PEOPLE, ONE_OF, OWNERS, PERSON_NOUNS, QUOTATIVE, REPORTING,
                                            SPEECH_VERBS, STUDIES)
from draftlint.rules.quotes._tokens import Hit, Tok

_CUES = frozenset({"SPEECH", "ACCORDING", "DOCUMENT", "PUT_IT"})
_AUTHORITIES = frozenset({"police", "officers", "deputies", "troopers", "investigators", "detectives", "dispatchers",
                          "authorities", "911"})
_CLAUSE_VERBS = SPEECH_VERBS | AUXILIARIES | {"is", "was", "are", "were"}  # where "close to <whom>" ends
_SAY = frozenset({"said", "says", "say"})  # "a man said police closed the road": police open what he said, not its hearer
# a document that is a police log by its title: "Saugus police log: March 30", "Police blotter", "Crime log"
_POLICE_LOG = re.compile(r"\b(?:police|sheriff'?s?|crime|incident|arrest)\s+(?:log|blotter|beat|briefs|reports?)\b|\bblotter\b",
                         re.I)
_DOCUMENTS = DOC_NOUNS | STUDIES  # "according to a local news report": the person noun is a modifier
_MINE = frozenset({"mine", "ours", "his", "hers", "theirs", "yours"})  # "a source of mine told me"
_ANON = ("ANON_MARKED", "ANON_AFTER", "ANON_BEFORE", "ANON_PUT", "ANON_ACCORDING", "ANON_SOMEONE", "ANON_QUOTED")


class AnonymousSource(Rule):
    """Flags a quotation or claim credited to one unnamed person: "said another person", "the unnamed source".

    ## What it flags
    A speaker who is a particular person the reader can never identify:

    - someone the text marks as anonymous: "the unnamed source", "an anonymous employee", "an unidentified
      official", "a person familiar with the matter", "a source close to the couple", "who spoke on condition
      of anonymity", "who asked not to be named", "asking not to be identified", "who was not authorized to
      speak publicly"; a name after "close to" or "familiar with" is whom the person knows ("a source close
      to Harry and Meghan said"), not the person's name;
    - an insider, source, spy, tipster or whistleblower: "according to the insider", "a source told", "the tipster
      claimed", whoever's it is ("says my source", "our source added"), with any verb right after a quotation
      (`"…," dished the insider`) or as the tag that closes a claim ("…, said a source.", "…, whispered a
      source."); a person by role after "according to" or "as noted by" ("according to one courtier", "according
      to her stylist", "as noted by an analyst");
    - a member of the public, or a person known only by role or occupation, quoted without a name, in the
      quotative order of vox-pop quotes (`"…," said another person`, `"…?" asked one user on Threads`, `said
      one party strategist`, `said someone in the hall`) or as the subject of a speech verb ("one resident
      said", "a friend told us", "a nutritionist told us", "a senior engineer at the plant said", "as one
      reporter on the beat put it"; with verbs that have other meanings, such as "wrote", "asked", "claims"
      or "calls", only next to a quotation, before "that", or with a named site: "one fan wrote on
      Instagram", but not "a user writes a manifest"). The roles come from a lexicon of occupations and
      relations (nurse, strategist, aide, driver, neighbour, mother, …); officials and spokespeople, who
      speak for an institution, are not in it;
    - one more of an unnamed crowd, next to a quotation: `"…," said another.`, `"…," another added.`, `"…,"
      one commented`, `said one of the traders`, "according to one of the magazine's sources", `with one fan
      writing, "…"`;
    - a former insider ("the ex-staffer claimed"), and a later "the employee said" or "the friend revealed"
      that points back to a person the document introduced as anonymous ("an anonymous employee", "a friend
      of the couple told the magazine"), or `They said: "…"` within two paragraphs after an anonymous source,
      with no speaker named in between.

    Not flagged: the same nouns next to a name ("said one resident, Maria Lopez"; "Jane Doe, a former
    employee, said"), a person in a reported clause rather than the speaker ("the shopkeeper said a woman walked in"),
    `"…," the man shouted on the video` (a person the story describes, not a source), a complaint to the police
    ("a resident told police that …": the police log is the source; but "a man said police closed the road" is
    his account), the callers of a police log ("A man reported that …" in a document titled "Police log" or
    "Police blotter"), "an unidentified man" inside what a named
    speaker said ("Police said an unidentified man was hurt"), a publication's name ("according to the
    Harbour Insider"), roles tied to a named
    source ("a dispatcher on Broadcastify"), and anything inside quotation marks. Groups ("sources say",
    "insiders claim") are vague attributions, flagged by Q002.

    ## Why it matters
    An anonymous source cannot be checked, and an invented one looks exactly like a real one. Reputable
    newsrooms grant anonymity rarely and explain why; gossip and content-farm pieces run on "an insider" and
    "one user on Threads".

    ## Example
        "The whole plan was decided before the meeting," said another person.

    Instead:
        "The whole plan was decided before the meeting," said Tom Reyes, who runs the marina café.

    ## How to fix
    Name the person, or say why they cannot be named and how you know what they know ("a council employee
    who saw the draft and asked not to be named because she is not authorised to speak"); otherwise cut the
    quote.
    """

    code = "Q003"
    name = "anonymous-source"
    family = Family.QUOTE
    needs = frozenset({"sentences"})

    def check(self, doc: Document, opts: Rule.Options) -> Iterator[Finding]:
        analysis = analyse(doc)
        anonymous_nouns: set[str] = set()  # nouns the document introduced as anonymous ("the anonymous employee")
        flagged: set[tuple[int, str]] = set()  # (paragraph, noun): one finding per person per paragraph
        anonymous_at: list[int] = []  # the paragraphs of the findings, in order
        for info in analysis.with_labels(*_ANON):
            if not info.hits or analysis.sourced(info.segment) or analysis.headline(info):
                continue  # a link or citation in the paragraph lets the reader find the person; a headline
            has_cue = any(h.label in _CUES and not info.tokens[h.start].quoted for h in info.hits)
            found: list[tuple[int, int, str]] = []
            for hit in sorted(info.hits, key=lambda h: h.label != "ANON_MARKED"):
                tokens = info.tokens
                if tokens[hit.start].quoted or tokens[hit.end - 1].quoted:
                    continue
                result = None
                if hit.label == "ANON_MARKED":
                    result = self._marked(analysis, info, hit, anonymous_nouns)
                    if result is not None and not has_cue:
                        result = None
                elif hit.label == "ANON_AFTER":
                    result = self._after(analysis, info, hit, anonymous_nouns)
                elif hit.label in ("ANON_BEFORE", "ANON_PUT"):
                    result = self._before(analysis, info, hit, anonymous_nouns)
                elif hit.label == "ANON_ACCORDING":
                    result = self._according(info, hit, anonymous_nouns)
                elif hit.label == "ANON_QUOTED":  # "quoted an insider as saying": the person before "as"
                    end = hit.end - 2 - (not tokens[hit.end - 3].text[:1].isalnum())
                    result = _person(tokens, hit.start + 1, end, anonymous_nouns, start=hit.start, stop=hit.end)
                elif hit.label == "ANON_SOMEONE":
                    result = self._someone(analysis, info, hit)
                if result is not None:
                    found.append(result)
            if len(found) > 1:  # "said a neighbour, who asked not to be named": one speaker, one finding
                found = [f for f in found if f[2]] or found[:1]
            for a, b, noun in sorted(found):
                key = (info.segment.index, noun if noun not in ("another", "one") else f"{noun} {info.index} {a}")
                if key in flagged:
                    continue
                flagged.add(key)
                toks = info.tokens
                if b + 1 < len(toks) and toks[b].lower in ("close", "familiar") and toks[b + 1].lower in ("to", "with"):
                    b += 2
                if info.tokens[b - 1].lower in ("to", "with"):  # "a source close to …": show whom
                    while (b < len(info.tokens) and b - a < 10 and info.tokens[b].text.isalpha()
                           and not info.tokens[b].quoted and info.tokens[b].lower not in _CLAUSE_VERBS):
                        b += 1
                phrase = info.text(a, b)
                anonymous_at.append(info.segment.index)
                yield self.finding(doc, info.tokens[a].start, info.tokens[b - 1].end,
                                   f"anonymous source “{phrase}”: the reader cannot tell who said it")
        for info, a, b in _they_after_anonymous(analysis, anonymous_at):
            yield self.finding(doc, info.tokens[a].start, info.tokens[b - 1].end,
                               f"anonymous source “{info.text(a, b)}”: the source quoted before, still unnamed")

    # -- the shapes ---------------------------------------------------------------------------------------
    @staticmethod
    def _marked(analysis: Analysis, info: SentenceInfo, hit: Hit, anonymous: set[str]) -> tuple[int, int, str] | None:
        tokens = info.tokens
        words = [t.lower for t in tokens[hit.start:hit.end]]
        end = hit.end
        if words[0] in ANON_MARKERS:  # "an anonymous engineer", "an unnamed senior official"
            if words[-1] in NOT_PEOPLE:
                return None
            if _in_reported_clause(analysis, info, hit):
                return None  # "Police said an unidentified man was shot": the man is what they reported
            noun = _singular(words[-1])
            anonymous.add(noun)
        else:  # "people familiar with", "who asked not to be named", "on condition of anonymity"
            nouns = [w for w in words if w in PERSON_NOUNS]
            if not nouns:  # "the person, who was not authorized to speak": the person the marker is about
                nouns = [t.lower for t in reversed(tokens[max(0, hit.start - 8):hit.start])
                         if t.lower in PERSON_NOUNS and not t.proper][:1]  # not "who spoke to Insider"
                anonymous.update(_singular(w) for w in nouns)  # a later "the person said" is the same nobody
            noun = _singular(nouns[0]) if nouns else ""
        if _named_next_to(tokens, hit.start, end):
            return None
        start = hit.start
        if start > 0 and tokens[start - 1].lower in INDEFINITE | {"the", "two", "three", "several"}:
            start -= 1
        return start, end, noun

    @staticmethod
    def _after(analysis: Analysis, info: SentenceInfo, hit: Hit, anonymous: set[str]) -> tuple[int, int, str] | None:
        """`," said another person`: the speaker after the verb, in quotative inversion; any verb right after a
        quotation (`," dished the insider`); and a source's tag closing a claim ("…, said a source.")."""
        tokens = info.tokens
        closing = hit.start > 0 and tokens[hit.start - 1].text == "," and tokens[hit.end - 1].lower in ANON_INHERENT \
            and (hit.end == len(tokens) or tokens[hit.end].text in (".", "!", ";")) \
            and (tokens[hit.start].lower in QUOTATIVE or tokens[hit.start + 1].lower in INDEFINITE)  # not "…, pleased the source."
        if not (closing or _follows_quote(analysis, tokens, hit.start)
                or tokens[hit.start].lower in QUOTATIVE and _quote_in(analysis, info, neighbours=False)):
            return None
        return _person(tokens, hit.start + 1, hit.end, anonymous, start=hit.start)

    @staticmethod
    def _before(analysis: Analysis, info: SentenceInfo, hit: Hit, anonymous: set[str]) -> tuple[int, int, str] | None:
        """"the ex-staffer flatly claimed", "one user wrote": the speaker before the verb."""
        tokens = info.tokens
        first = hit.start + (hit.label == "ANON_PUT")  # "as one reporter … put it": the person after "as"
        noun_at = next(k for k in range(first + 1, hit.end) if tokens[k].lower in GENERIC_PEOPLE | ANON_INHERENT)
        if hit.start > 0 and tokens[hit.start - 1].lower in ("of", "to", "with", "for", "by", "about") \
                and not (tokens[hit.start - 1].lower == "with" and tokens[hit.end - 1].lower.endswith("ing")):
            return None  # "one of the ...", a person as an object; but "with one fan writing, …" is a speaker
        tag = hit.start > 0 and tokens[hit.start - 1].text == ","  # "Romney said …, the source said": a tag
        if not tag and _speech_before(analysis, info, hit.start) or _closing_tag(analysis, info, hit.end):
            return None  # "police reported … a resident who said …", "a witness said …, Castor said.": the report's
        if tokens[noun_at].lower == "source" and noun_at + 2 < len(tokens) and tokens[noun_at + 1].lower == "of" \
                and tokens[noun_at + 2].lower not in _MINE:
            return None  # "another source of violation reports": where something comes from, not a person
        if noun_at + 2 < len(tokens) and tokens[noun_at + 1].lower in ("for", "representing") and tokens[noun_at + 2].proper:
            return None  # "a barrister for Maughan said": the named party's counsel, as court reports name them
        if _POLICE_LOG.search(analysis.doc.title.text if analysis.doc.title else "") and not _quote_in(analysis, info):
            return None  # a police log's entry, "A man reported that a squirrel was hurt": what a caller told the police
        if hit.end < len(tokens) and tokens[hit.end].lower in _AUTHORITIES and tokens[hit.end - 1].lower not in _SAY \
                or hit.end + 1 < len(tokens) and tokens[hit.end].lower == "to" and tokens[hit.end + 1].lower in _AUTHORITIES:
            return None  # "a resident told police", "a man reported to deputies": a complaint the police log reports
        if tokens[hit.end - 1].lower not in REPORTING and tokens[noun_at].lower not in ANON_INHERENT \
                and not _quote_in(analysis, info) and not _on_platform(tokens, hit.end):
            return None  # "a user writes a manifest", "another user claims the name": no quotation, no speech
        return _person(tokens, first, noun_at + 1, anonymous, start=hit.start, stop=hit.end)

    @staticmethod
    def _according(info: SentenceInfo, hit: Hit, anonymous: set[str]) -> tuple[int, int, str] | None:
        """"according to one courtier", "according to her facialist", "as noted by an analyst"."""
        tokens = info.tokens
        if any(t.lower in _DOCUMENTS for t in tokens[hit.end:hit.end + 2]):
            return None  # "according to a local news report", "a customer survey": a document, not a person
        det_at = next(k for k in range(hit.start, hit.end) if tokens[k].lower in ("to", "by")) + 1
        return _person(tokens, det_at, hit.end, anonymous, start=hit.start)

    @staticmethod
    def _someone(analysis: Analysis, info: SentenceInfo, hit: Hit) -> tuple[int, int, str] | None:
        tokens = info.tokens
        if tokens[hit.start].lower in ("someone", "somebody"):  # "someone said", "somebody wrote"
            if hit.start > 0 and tokens[hit.start - 1].lower in ("that", "if", "whether", "when", "until", "unless",
                                                                  "than", "before", "after"):
                return None  # "glad that someone said it", "if someone says": not a source
            if tokens[hit.end - 1].lower not in REPORTING and not _quote_in(analysis, info):
                return None
            return hit.start, hit.end, "someone"
        if any(t.lower == "of" for t in tokens[hit.start + 1:min(hit.end, hit.start + 3)]):  # "said one of the traders"
            if not (_follows_quote(analysis, tokens, hit.start) or _quote_in(analysis, info, neighbours=False)):
                return None
            verb_first = tokens[hit.start].lower != "one"
            noun_at = hit.end - 1 if verb_first else next(k for k in range(hit.start + 3, hit.end)
                                                          if tokens[k].lower in ONE_OF)
            if _named_next_to(tokens, hit.start + verb_first, noun_at + 1):
                return None  # "said one of the traders, Ana Ruiz"
            return hit.start, hit.end, "one of the " + tokens[noun_at].lower
        if {tokens[hit.start].lower, tokens[hit.start + 1].lower} & {"another", "one"}:
            # `"…," said another.` / `"…," one commented.`: one of an unnamed crowd, next to a quotation
            if hit.start > 0 and tokens[hit.start - 1].lower in ("no", "every", "any", "each", "the", "that", "which"):
                return None  # "no one said", "the one said to be": not a speaker
            if not (_follows_quote(analysis, tokens, hit.start) or _quote_in(analysis, info, neighbours=False)):
                return None
            end = hit.end - (not tokens[hit.end - 1].text[:1].isalnum())  # without the punctuation after "said another"
            return hit.start, end, tokens[hit.start].lower if tokens[hit.start].lower in ("another", "one") \
                else tokens[hit.start + 1].lower
        if not (_follows_quote(analysis, tokens, hit.start) or _quote_in(analysis, info, neighbours=False)):
            return None  # `," said someone in the hall`
        return hit.start, hit.end, "someone"


def _person(tokens: list[Tok], det_at: int, end: int, anonymous: set[str], start: int | None = None,
            stop: int | None = None) -> tuple[int, int, str] | None:
    """Judge "DET [modifiers] NOUN" (tokens det_at..end): anonymous unless it is tied to a name. The finding
    covers ``start``..``stop`` (default: the phrase itself)."""
    det = tokens[det_at].lower
    noun = _singular(tokens[end - 1].lower)
    modifiers = {t.lower for t in tokens[det_at + 1:end - 1]}
    if _named_next_to(tokens, det_at, end):
        return None
    if end - 2 > det_at and tokens[end - 1].proper and tokens[end - 2].proper \
            and any(t.text[:1].islower() for t in tokens[end:] if t.text.isalpha()):
        return None  # "according to the Apple Insider, the …": a publication's name (but not in a title-case line)
    if noun in ANON_INHERENT or modifiers & (ANON_MARKERS | FORMER):
        pass
    elif det in INDEFINITE or det in OWNERS:  # "a friend", "her facialist": nobody the reader can look up
        anonymous.add(noun)  # "the friend revealed", later, is the same unnamed friend
    elif noun in anonymous:  # "the employee", after "an anonymous employee" or "a friend told us"
        pass
    else:
        return None
    return (det_at if start is None else start), (end if stop is None else stop), noun


def _in_reported_clause(analysis: Analysis, info: SentenceInfo, hit: Hit) -> bool:
    """The person stands in what someone else said: a speech verb before them that is not a quotation's
    inverted tag (`," said an unnamed aide`), and no speech verb of their own after them."""
    tokens = info.tokens
    if hit.end < len(tokens) and tokens[hit.end].lower in SPEECH_VERBS:
        return False
    return _speech_before(analysis, info, hit.start)


def _speech_before(analysis: Analysis, info: SentenceInfo, at: int) -> bool:
    """A speech verb before token ``at`` with a speaker of its own, not a quotation's inverted tag."""
    tokens = info.tokens
    return any(h.label == "SPEECH" and h.end <= at and not tokens[h.start].quoted
               and not _follows_quote(analysis, tokens, h.start) for h in info.hits)


def _on_platform(tokens: list[Tok], at: int) -> bool:
    """`one fan wrote on Instagram`, `a user commented that …`: a post on a named site, or a verb introducing
    reported speech, is speech even without a quotation."""
    if at < len(tokens) and tokens[at].lower in ("that", ":"):
        return True  # "a user commented that …", "a neighbour added: ‘…": speech follows
    return at + 1 < len(tokens) and tokens[at].lower in ("on", "in") and tokens[at + 1].proper


def _follows_quote(analysis: Analysis, tokens: list[Tok], verb_at: int) -> bool:
    """Quotative inversion: the verb comes right after the quotation (`," said …`, `?" asked …`), which may
    end the previous sentence as the splitter sees it."""
    text = analysis.doc.text
    k = tokens[verb_at].start - 1
    while k >= 0 and text[k] in " \t\n,":
        k -= 1
    # a closing mark right before the verb is a quotation's end, even one opened paragraphs before
    return k >= 0 and (analysis.quoted(k) or text[k] in "”\"")


def _they_after_anonymous(analysis: Analysis, anonymous_at: list[int]) -> Iterator[tuple[SentenceInfo, int, int]]:
    """`They said: "…"`, `They also added: "…"`: a quotation given to "they" within two paragraphs after an anonymous
    source, with no speaker named in between, is that source again (gossip pages call "a source" "they")."""
    if not anonymous_at:
        return
    named: list[int] = []  # the paragraphs where a speaker is named
    tags: list[tuple[SentenceInfo, int, int]] = []
    for info in analysis.with_labels("SPEECH"):
        for hit in info.hits:
            if hit.label != "SPEECH" or info.tokens[hit.start].quoted:
                continue
            if analysis.speaker_name(info, hit):
                named.append(info.segment.index)
                continue
            k = hit.start - 1
            while k >= 0 and info.tokens[k].lower in ("also", "then", "later", "further"):
                k -= 1
            if k >= 0 and info.tokens[k].lower == "they" and _quote_in(analysis, info, neighbours=False) \
                    and not analysis.sourced(info.segment):
                tags.append((info, k, hit.end))
    for info, a, b in tags:  # (both lists are in document order: each look-up is a bisection)
        here = info.segment.index
        k = bisect.bisect_right(anonymous_at, here)
        last = anonymous_at[k - 1] if k else None
        if last is not None and 0 < here - last <= 2 and bisect.bisect_right(named, here) == bisect.bisect_right(named, last):
            yield info, a, b


def _closing_tag(analysis: Analysis, info: SentenceInfo, at: int) -> bool:
    """After token ``at`` the sentence closes with a named speaker's tag, "…, (harbour master) Ana Ruiz said."."""
    toks = info.tokens
    for h in info.hits:
        if h.label == "SPEECH" and h.start > at and (h.end == len(toks) or toks[h.end].text in (".", "!", ";")):
            name = analysis.speaker_name(info, h)
            k = h.start - len(name) - 1
            while k >= 0 and name and toks[k].text.isalpha() and toks[k].text.islower() and h.start - k < len(name) + 5:
                k -= 1  # the speaker's role before the name
            if name and name[-1] is toks[h.start - 1] and k >= 0 and toks[k].text == ",":
                return True
    return False


def _quote_in(analysis: Analysis, info: SentenceInfo, neighbours: bool = True) -> bool:
    """Whether a quotation of three or more words sits in the sentence (or, with ``neighbours``, in the sentence
    just before or after it in the same paragraph)."""
    sentences = [info]
    if neighbours:
        for k in (info.index - 1, info.index + 1):
            if 0 <= k < len(analysis.sentences) and analysis.sentences[k].segment.index == info.segment.index:
                sentences.append(analysis.sentences[k])
    return any(analysis.quotation_within(s.sentence.start, s.sentence.end) for s in sentences)


def _named_next_to(tokens: list[Tok], a: int, b: int) -> bool:
    """A name in apposition: "said one resident, Maria Lopez" / "Maria Lopez, a resident, said". A name after
    the comma must close there ("…, Maria Lopez." / "…, Maria Lopez, who …"): in "according to one courtier,
    Meghan ruled by fear" it is the subject of the main clause. After "close to" or "familiar with" a name is
    whom the person knows ("a source close to Harry"), not the person's."""
    k = b
    comma = k < len(tokens) and tokens[k].text == ","
    k += comma
    known = not comma and tokens[b - 1].lower in ("to", "with")  # "close to Harry": whom the person knows
    if not known and k < len(tokens) and tokens[k].proper and not tokens[k].quoted:
        if not comma:
            return True
        while k < len(tokens) and tokens[k].proper and not tokens[k].quoted:
            k += 1
        return k == len(tokens) or not tokens[k].text[:1].isalnum()
    k = a - 1
    # "Jarvis Walker, a shopper at the mall said", "a post by Daniel RPK, the industry insider revealed": a name;
    # "Wimbush, the source said …,": the subject of the sentence, not the speaker's name
    if k >= 0 and tokens[k].text == "," and k > 0 and tokens[k - 1].proper and not tokens[k - 1].quoted:
        first = k - 1
        while first > 0 and tokens[first - 1].proper:
            first -= 1
        return b >= len(tokens) or tokens[b].text == "," or tokens[a].lower in ("a", "an") \
            or (first > 0 and tokens[first - 1].lower == "by")
    return False


def _singular(word: str) -> str:
    if word == "people":
        return "person"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
