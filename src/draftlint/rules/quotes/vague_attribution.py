from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.quotes._analysis import SentenceInfo, analyse, iter_hits
from draftlint.rules.quotes._crowd_phrase import (NUMBERS, OF, ONE_STUDY, ORGANISATIONS, UNNAMED_BY_NATURE, left_edge,
                                                 named_after, specific)
from draftlint.rules.quotes._lexicon import (INSTITUTIONS, NAME_STOP, QUANTIFIED_ONLY, QUANTIFIERS, SPECIFIC, STUDIES,
                                            STUDY_VERBS, plain)
from draftlint.rules.quotes._sources import PUBLISHED
from draftlint.rules.quotes._tokens import Hit

_NEEDS_ADVERB = frozenset({"known", "accepted", "held"})
_QUESTION = frozenset({"how", "as", "so", "too", "that"})
# before a crowd, a question's auxiliary or a verb whose object it is: "do experts agree?", "help researchers find"
_NOT_HOLDING = frozenset({"do", "does", "did", "help", "helps", "helped", "helping", "let", "lets", "allow", "allows",
                          "allowed", "allowing", "enable", "enables", "enabled", "enabling"})


class VagueAttribution(Rule):
    """Flags a claim credited to an unnamed crowd or authority: "experts say", "studies show".

    ## What it flags
    An attribution whose source is a group nobody can identify (encyclopedia style guides call these weasel
    words):

    - a crowd presented as an authority (experts, analysts, scientists, researchers, economists, critics,
      observers, commentators, insiders, sources, pundits, scholars, historians, friends…), bare or with a vague
      quantifier, followed by a verb of saying or believing: "experts say", "many analysts believe", "some
      economists warn", "critics argue", "observers note", "industry insiders say", "sources say", "sources
      close to the club say", "friends of the couple say" (not an organisation's name such as "Friends of the
      Earth"), "sources in Cupertino confirm", "critics are saying", "experts will say", "market analysts explain", "insiders who say",
      "despite experts cautioning", "…, which experts predict …", "…, say experts." (the crowd after its verb),
      "our sources indicate", "according to my sources", "two Texas sources said" (a count or a possessive does
      not name sources or insiders); any profession after a vague quantifier ("many nutritionists believe",
      "some engineers warn", "most dentists agree"), or bare as the source of a general claim in the present
      ("nutritionists agree", "doctors recommend", "dentists warn") in a document that quotes no one by name
      (in a reported story "pediatricians recommend" is the guidance it reports, and bare "researchers said"
      or "scientists have found" the team of the study it reports); "doctors" in the past only with a
      quantifier ("many doctors believed"), since "doctors said" in news usually means the team treating a
      patient;
    - research with no name: "studies show", "research has shown", "reports suggest", "a recent study found",
      "according to a recent report", "a report claims", "statistics show"
      (reports of a kind a reader can look up, such as "local news reports" or "press reports", are not vague);
    - "according to" such a group: "according to experts", "according to insiders", "according to scientists",
      "as per reports", "as stated by reports", a bare "according to report", "according to royal sources in
      Denmark" (a place or an organisation after "sources" or "insiders" names none of them);
    - an unnamed public: "some people say", "many believe", "most people think", "others say", "there are those
      who think", "many are speculating that", "many speculate that", a bare "according to some,";
    - hearsay with no one behind it: "there have been suggestions that", "there is growing speculation that",
      "there are rumours that", "rumor has it", "word has it", "X is rumored to";
    - an impersonal passive that carries a claim with no source in its paragraph: "it is believed that", "it is
      widely thought", "it is said that", "it is learnt that", "it has been suggested", "it has been speculated
      that", "it is theorized that", "it was reported that", and after the claim it carries ("…, it has been
      reported.") ("known", "accepted" and "held" need an adverb such as "widely" or "well"; "it is suggested" alone
      is a recommendation, not an attribution). Not when the paragraph names a person, an outlet, a link or a
      citation; not history ("it was first thought that", "it was once believed"); not "it was reported to police"
      or "it is said to date from", which carry no "that" claim.

    A group tied to something specific is not vague: "the experts" (a group already introduced), "these analysts",
    "the hospital's nurses", "97 percent of scientists" (a counted result), "Goldman Sachs analysts" (but "GOP
    sources" and "Kremlin insiders" are nobody the reader can find), "researchers
    at Stanford", "according to a study published in Nature". Nothing inside quotation marks is flagged (those are
    the quoted person's words), nor a claim whose paragraph carries a link, footnote or citation, or whose sentence
    names its source ("…, according to the study published in The Lancet"; "…, told Reuters", but not "…, sources
    told Reuters": the outlet heard them, and they are nobody still) or gives it to a
    speaker ("But, she said, many studies have found …"); nor "new research shows" or "a study found" in a
    story that says where the study was published; nor a firm named by its kind ("according to research firm
    CB Insights"); nor a crowd that holds no claim, asked about ("how do scientists tell …?", "confusion about
    what scientists think.") or the object of a verb ("may help researchers identify it"), nor an experience
    ("many people feel like they must …", "many think of cruises").

    "Officials said" and "according to authorities" are ordinary in reported news, where the officials
    belong to an agency the story names and the people in it are quoted by name. With
    ``ignore-officials-when-named = true`` (the default) they are flagged only in a document that quotes no one
    by name with a speech verb.

    ## Why it matters
    A vague attribution borrows authority without giving the reader a way to check it. One in a reported story
    full of named sources is a small lapse; an article built on them is the content-farm shape, where "many
    analysts believe" stands in for the work of finding one.

    ## Example
        Many analysts believe the merger will push ticket prices up within a year.

    Instead:
        "Fares will rise within a year," said Jana Novak, a transport analyst at Berenberg, in a note to
        clients published on Monday.

    ## How to fix
    Name the source, link the study, or say who the experts are ("economists at the IMF"). If the claim is your
    own reading, write it as yours and support it.
    """

    code = "Q002"
    name = "vague-attribution"
    family = Family.QUOTE
    needs = frozenset({"sentences"})

    @dataclass(frozen=True)
    class Options:
        ignore_officials_when_named: bool = field(default=True, metadata={
            "help": 'leave "officials said" / "according to authorities" alone in a document that quotes people by name'})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        analysis = analyse(doc)
        seen: dict[int, list[int]] = {}  # sentence index -> starts of the phrases flagged in it
        for info, hit in iter_hits(analysis, "CROWD", "CROWD_AFTER", "CROWD_Q", "CROWD_P", "ACCORDING_CROWD", "PEOPLE", "IMPERSONAL",
                                   "HEARSAY"):
            tokens = info.tokens
            if tokens[hit.start].quoted or tokens[hit.end - 1].quoted:
                continue
            if hit.label == "CROWD":
                span = self._crowd(info, hit)
                noun = tokens[hit.start].lower
            elif hit.label == "CROWD_AFTER":  # "…, say experts.": the verb and the crowd, not the mark after it
                noun = tokens[hit.end - 2].lower
                span = self._crowd_after(info, hit)
            elif hit.label == "CROWD_P":
                noun = tokens[hit.start].lower
                start = left_edge(tokens, hit.start)
                span = None if start is None else (start, hit.end)
                if span is not None and start == hit.start and analysis.named_speaker:
                    continue  # "pediatricians recommend" in a story that quotes people by name: the guidance it reports
            elif hit.label == "CROWD_Q":
                noun = tokens[hit.start + 1].lower
                span = self._crowd(info, Hit(hit.label, hit.start + 1, hit.end))
            elif hit.label == "ACCORDING_CROWD":
                span = self._according(info, hit)
                noun = tokens[hit.end - 1].lower
            elif hit.label == "PEOPLE":
                span = self._people(info, hit)
                noun = "people"
            elif hit.label == "HEARSAY":  # "there have been suggestions that": the phrase, without "that"
                span = (hit.start, hit.end - (tokens[hit.end - 1].lower == "that"))
                noun = ""
            else:
                span = self._impersonal(info, hit)
                noun = ""
            if span is None or any(t.lower in ("whether", "if") for t in tokens[max(0, span[0] - 1):span[0] + 1]):
                continue  # "let's look at whether analysts think …": a question the text goes on to answer
            head = next((k for k in range(*span) if tokens[k].lower == noun), span[0]) if noun else span[0]
            if any(t.lower in _NOT_HOLDING for t in tokens[max(0, span[0] - 1):head]):
                continue  # "how do scientists find …", "may help researchers identify …": no one holds a claim
            if span[0] > 0 and tokens[span[0] - 1].lower in ("what", "how", "why") \
                    and (span[1] == len(tokens) or tokens[span[1]].text in (".", ",", "?", ";", ")")):
                continue  # "confusion about what scientists think.": their view asked about, none given
            if analysis.headline(info) or (hit.label == "ACCORDING_CROWD" and _teaser(analysis, info, hit)):
                continue  # "Polls show close races": the headline, which the story attributes
            if noun in INSTITUTIONS and opts.ignore_officials_when_named and analysis.named_speaker:
                continue
            if analysis.sourced(info.segment):
                continue
            if hit.label != "HEARSAY" and _relayed(analysis, info, span):
                continue  # "But, she said, many studies have found …": the claim is a named speaker's
            impersonal = hit.label in ("IMPERSONAL", "HEARSAY")
            if not impersonal and analysis.sentence_sourced(info) and noun not in UNNAMED_BY_NATURE:
                continue  # "researchers found …, according to the study published in The Lancet" (but "…, sources
                # told Reuters": the outlet heard them, and they are nobody still)
            if hit.label == "IMPERSONAL" and analysis.paragraph_names_source(info.segment) \
                    or hit.label == "HEARSAY" and analysis.outlet(info.segment):
                continue  # "It was reported that … The Harbour Gazette said …": the paragraph says who (a person
                # named with "is rumored to" is what the rumour is about)
            a, b = span
            starts = seen.setdefault(info.index, [])
            if any(a <= k < b for k in starts):
                continue
            starts.append(a)
            phrase = info.text(a, b)
            yield self.finding(doc, tokens[a].start, tokens[b - 1].end,
                               f"vague attribution “{phrase}”: no one is named")

    # -- the shapes ---------------------------------------------------------------------------------------
    @staticmethod
    def _crowd(info: SentenceInfo, hit: Hit) -> tuple[int, int] | None:
        """"[quantifier] [modifiers] CROWD [adverbs] VERB": walk left from the crowd word."""
        tokens = info.tokens
        noun = tokens[hit.start].lower
        verb = tokens[hit.end - 1].lower
        if noun in STUDIES and verb not in STUDY_VERBS | {"say", "says", "said", "claim", "claims", "claimed"}:
            return None
        if noun in _REPORTS and hit.start > 0 and tokens[hit.start - 1].lower in _MEDIA:
            return None  # "press reports suggest": a kind of source the reader can look up
        if noun in INSTITUTIONS and verb in ("find", "finds", "found"):
            return None  # "authorities later find messages": what an investigation turned up, not a claim
        start = left_edge(tokens, hit.start)
        if start is None or tokens[hit.start + 1].lower == "of" and named_after(tokens, hit.start + 1, OF):
            return None  # ... or "Friends of the Earth said": an organisation's name
        if noun in QUANTIFIED_ONLY and not any(t.lower in QUANTIFIERS for t in tokens[start:hit.start]):
            return None  # "doctors said the boy is stable": the doctors treating him
        if noun in _STUDY_TEAMS and start == hit.start and info.analysis.named_speaker:
            return None  # "researchers said" in a story that quotes them by name: the team of the study it reports
        if noun in ONE_STUDY:  # singular: only "a study found", "one recent report shows"
            det = tokens[start].lower if start < hit.start else ""
            if det not in ("a", "one", "another"):
                return None
        if (noun in ONE_STUDY | _POLLS or noun == "research" and _NEW.intersection(t.lower for t in tokens[start:hit.start])) \
                and info.analysis.doc.shared(_names_a_publication):
            return None  # "A study found …", "Polls show …" in a story that says where it was published or who polled
        return start, hit.end

    @staticmethod
    def _crowd_after(info: SentenceInfo, hit: Hit) -> tuple[int, int] | None:
        """"…, VERB [modifiers] CROWD.": the crowd after its verb, closing a clause that follows the claim."""
        tokens = info.tokens
        noun_at = hit.end - 2
        noun = tokens[noun_at].lower
        if hit.start == 0 or tokens[hit.start - 1].text not in _BEFORE_INVERSION:
            return None  # "what they say experts are"
        between = tokens[hit.start + 1:noun_at]
        counted = noun not in UNNAMED_BY_NATURE  # "…, said two sources" are still nobody
        if any(specific(t.lower, noun) or t.lower == "of" or counted and (t.proper or t.lower in NUMBERS) for t in between):
            return None  # "…, said the experts", "…, said Citi analysts", "said one of the insiders" (Q003's)
        quantified = any(t.lower in QUANTIFIERS for t in between)
        if noun in QUANTIFIED_ONLY and not quantified or noun in _STUDY_TEAMS and not quantified and info.analysis.named_speaker:
            return None  # "…, said doctors." treating a patient; "…, said researchers." quoted by name elsewhere
        return hit.start, noun_at + 1

    @staticmethod
    def _according(info: SentenceInfo, hit: Hit) -> tuple[int, int] | None:
        tokens = info.tokens
        noun_at = hit.end - 1
        # the group's first word: after "according to", "as per", or "as stated by"
        first = hit.start + (3 if tokens[hit.start].lower == "as" and tokens[hit.start + 1].lower != "per" else 2)
        if noun_at == first + 1 and tokens[first].lower == "the" and tokens[noun_at].lower in ("sources", "reports") \
                and (hit.end == len(tokens) or tokens[hit.end].text in (",", ".")):
            first += 1  # "According to the sources, …", "As per the reports, …": the article never says which
        unnamed = tokens[noun_at].lower in UNNAMED_BY_NATURE  # "according to two sources": counted, still nobody
        for t in tokens[first:noun_at]:
            if specific(t.lower, tokens[noun_at].lower) or t.proper or (t.lower.isdigit() or t.lower in NUMBERS) and not unnamed \
                    or not t.text[:1].isalpha():
                return None
            if t.lower in NAME_STOP and t.lower not in QUANTIFIERS and t.lower not in ("a", "of"):
                return None
        if tokens[noun_at].lower in _REPORTS and any(t.lower in _MEDIA for t in tokens[first:noun_at]):
            return None  # "according to local news reports"
        if hit.end < len(tokens) and tokens[hit.end].lower in ORGANISATIONS:
            return None  # "according to research firm CB Insights": the study word names a kind of firm
        if tokens[noun_at].lower in ONE_STUDY and noun_at > first \
                and tokens[first].lower not in ("a", "one", "another"):
            return None  # "according to the report" is one named before; "a report", or bare "report", is none
        if tokens[noun_at].lower in QUANTIFIED_ONLY and not any(t.lower in QUANTIFIERS for t in tokens[first:noun_at]):
            return None  # "according to doctors" treating a patient
        if tokens[noun_at].lower not in UNNAMED_BY_NATURE and named_after(tokens, hit.end):
            return None  # "according to researchers at Stanford"; but "royal sources in Denmark" are nobody still
        return hit.start, hit.end

    @staticmethod
    def _people(info: SentenceInfo, hit: Hit) -> tuple[int, int] | None:
        tokens = info.tokens
        before = tokens[hit.start - 1].lower if hit.start > 0 else ""
        if before in SPECIFIC or before in _QUESTION or before in ("of", "for", "to", "with"):
            return None
        has_people = any(t.lower == "people" for t in tokens[hit.start:hit.end])
        verb = tokens[hit.end - 1].lower
        if verb in ("think", "thought") and hit.end < len(tokens) and tokens[hit.end].lower in ("of", "about") \
                or verb == "feel" and hit.end < len(tokens) and tokens[hit.end].lower == "like":
            return None  # "many think of ocean cruises", "many people feel like they must …": an experience, not a claim
        progressive = tokens[hit.start + 1].lower in ("are", "were")  # "some are saying"
        if not has_people and tokens[hit.start].lower != "many" and (verb in ("say", "think", "feel") or progressive):
            # a bare "some say" opens a sentence or a clause; elsewhere "some" usually refers back
            if hit.start > 0 and tokens[hit.start - 1].text not in (",", ";", ":", "—", "–", "and", "but", "while"):
                return None
        return hit.start, hit.end - (verb == ",")  # "According to some, …": the phrase, not its comma

    @staticmethod
    def _impersonal(info: SentenceInfo, hit: Hit) -> tuple[int, int] | None:
        tokens = info.tokens
        participle = tokens[hit.end - 1].lower
        words = [t.lower for t in tokens[hit.start:hit.end - 1]]
        adverb = any(w.endswith("ly") or w == "well" for w in words)  # "widely known", "well known"
        if participle in _NEEDS_ADVERB and not adverb:
            return None
        if set(words) & _PAST and set(words) & _ONCE:
            return None  # "it was first thought that …", "it was once believed": history, not a source
        after_claim = hit.start > 0 and tokens[hit.start - 1].text == "," and (
            hit.end == len(tokens) or tokens[hit.end].text in (".", "!", ";"))  # "…, it has been reported."
        hearsay = participle in _HEARSAY and hit.end + 1 < len(tokens) and tokens[hit.end].lower == "to" \
            and tokens[hit.end + 1].lower in ("be", "have")
        clause = hit.end < len(tokens) and (tokens[hit.end].lower in _CLAUSE_OPENERS or tokens[hit.end].proper)
        if hit.end < len(tokens) and tokens[hit.end].lower not in ("that", ",") and participle not in _CLAIMING \
                and not after_claim and not hearsay and not clause:
            return None  # "it was reported to police", "it is said in the report": no claim follows (but "it's
            # said the couple …", "it is said Queen Ann …": a claim without its "that")
        # ("it is said to be ideal for beginners" is one: a claim that no one is said to have made)
        if named_after(tokens, hit.end, prepositions=frozenset({"by"})):
            return None  # "it was reported by Reuters"
        return hit.start, hit.end


_PAST = frozenset({"was", "had"})
_BEFORE_INVERSION = frozenset({",", "”", '"', "’", "'", "—", "–"})  # the claim, then its crowd: `…," say experts`
_ONCE = frozenset({"first", "once", "initially", "originally", "long", "previously", "earlier", "then"})
_CLAIMING = frozenset({"believed", "thought", "rumoured", "rumored", "claimed"})
# the words a that-less clause opens with: "it is said the couple …", "it's said he …"
_CLAUSE_OPENERS = frozenset({"the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "he", "she", "they",
                             "there", "we"})
# "it is said to be …": hearsay about the thing "it" stands for ("it is reported to be" is a measurement's source)
_HEARSAY = _CLAIMING | {"said"}
# reports of a kind the reader can look up: "according to local news reports", "press reports suggest"
_MEDIA = frozenset({"news", "media", "press", "newspaper", "newspapers", "television", "tv", "radio", "wire",
                    "local", "police", "court"})
_REPORTS = frozenset({"reports", "report"})
_POLLS = frozenset({"polls", "surveys"})
_PRONOUNS = frozenset({"he", "she", "they"})
_NEW = frozenset({"new", "recent", "latest"})
_STUDY_TEAMS = frozenset({"researchers", "scientists"})


def _names_a_publication(doc: Document) -> bool:
    """Whether the document says where a study appeared ("published in the journal Science") or who carried
    out a survey ("Emerson College Polling surveyed 627 likely voters", "conducted by YouGov")."""
    return bool(PUBLISHED.search(plain(doc.text)))


def _teaser(analysis, info, hit: Hit) -> bool:
    """The sentence is a short paragraph of its own with no sentence punctuation that ends in the "according to"
    phrase, a noun phrase such as "Best mattresses according to experts": the headline of a story (often
    another's, in a teaser list)."""
    segment = info.segment
    text = analysis.doc.text[segment.start:segment.end].strip()
    return info.sentence.start <= segment.start + 1 and "\n" not in text and len(text.split()) <= _TEASER_WORDS \
        and text[-1:] not in ".!?:;,\"”’)" and hit.end == len(info.tokens)


_TEASER_WORDS = 8


def _relayed(analysis, info, span: tuple[int, int]) -> bool:
    """Whether the sentence gives the claim to a speaker: a speech verb next to "he", "she" or "they" or a named
    person, set off just before the crowd ("But, she said, many studies have found …") or closing the sentence
    after it ("Many studies have found …, she said.")."""
    tokens = info.tokens
    a, b = span
    for h in info.hits:
        if h.label != "SPEECH" or tokens[h.start].quoted:
            continue
        just_before = h.end <= a and all(not t.text[:1].isalnum() for t in tokens[h.end:a])
        closing = h.start >= b and all(not t.text[:1].isalnum() or t.proper for t in tokens[h.end:])
        if not (just_before or closing):
            continue
        before = tokens[h.start - 1].lower if h.start > 0 else ""
        after = tokens[h.end].lower if h.end < len(tokens) else ""
        if before in _PRONOUNS or after in _PRONOUNS or analysis.speaker_name(info, h):
            return True
    return False
