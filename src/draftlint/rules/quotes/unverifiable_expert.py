from __future__ import annotations

import re
from typing import Iterator

from draftlint import shortcuts
from draftlint.document import PROSE_KINDS, Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.quotes._analysis import SentenceInfo, analyse
from draftlint.rules.quotes._tokens import Tok

# credential inflation: praise attached to a person nobody can check
PEACOCK = frozenset("""
leading renowned prominent acclaimed distinguished eminent celebrated foremost respected esteemed famous
top preeminent pre-eminent legendary world-class world-renowned world-famous well-known well-respected
internationally-renowned award-winning noted
""".split())
CREDENTIALS = frozenset("""
expert authority scientist researcher economist analyst professor doctor physician psychologist psychiatrist
nutritionist dietitian specialist scholar strategist commentator consultant adviser advisor voice figure
practitioner thinker engineer historian lawyer attorney therapist coach guru academic surgeon neuroscientist
investor trader
""".split())
# "Dr. [Doctor's name]", "Prof. {name}", "[Expert Name]", "[name of expert]"
_PLACEHOLDER = re.compile(
    r"\b(?:Dr|Prof|Professor|Doctor|Mr|Mrs|Ms|Mx)\.? ?(?:\[[^\]\n]{1,40}\]|\{\{?[^}\n]{1,40}\}\}?)"
    r"|\[(?i:[^\]\n]{0,30}\b(?:expert|doctor|professor|speaker|source|spokesperson|author)(?:'s|’s)?\s+name\b[^\]\n]{0,30}"
    r"|name\s+of\s+(?:the\s+|an?\s+)?(?:expert|doctor|professor|speaker|source|spokesperson|author)\b[^\]\n]{0,30})\]"
)
# What every placeholder holds: a bracket or a brace, and a title before it or the word "name". Shortcut (off with
# DRAFTLINT_NO_SHORTCUTS=1): a block without it is not searched (at each "[" the placeholder pattern looks up
# to 30 characters ahead).
_PLACEHOLDER_HINT = re.compile(r"(?:Dr|Prof|Professor|Doctor|Mrs?|Ms|Mx)\.? ?[\[{]|(?i:name)")


def may_hold_placeholder(text: str) -> bool:
    return ("[" in text or "{" in text) and _PLACEHOLDER_HINT.search(text) is not None


_PLACEHOLDER_WORDS = re.compile(r"(?i)(?<![a-z])(?:name|insert|expert|doctor|xx+|tbd|placeholder|author)(?![a-z])|\{|\.\.\.|…")
_APPEAL = PEACOCK | {"expert", "renowned", "known", "winning", "class", "famous", "respected", "experience"}
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")
_STOP = frozenset({".", ";", "!", "?", "—", "–", "(", ")"})
_WINDOW = 14
_PREPOSITIONS = frozenset({"on", "in", "at", "with", "for", "from", "of", "and", "who", "whose", "said", "says",
                           "told", "explained", "noted", "added", "wrote", "warned", "claimed", "believes"})
_CUES = ("SPEECH", "ACCORDING")
_TITLED = frozenset({"dr", "prof", "professor", "doctor"})
_AFFILIATION = frozenset({"at", "from", "with", "in", "of"})
# kinds of institution a specialist works at, named only by kind: "a cardiologist at a leading hospital"
_INSTITUTION_KINDS = frozenset("""
hospital clinic university college institute laboratory lab school academy practice centre center firm company
agency foundation organisation organization charity nonprofit
""".split())


class UnverifiableExpert(Rule):
    """Flags a quotation or claim resting on an expert's credentials, with no way to check them.

    ## What it flags
    A speaker introduced by credential appeal — the word "expert" ("said wellness expert Jonas Berg", "an
    expert on sleep explained") or a peacock adjective before a credential ("a leading expert",
    "a renowned economist", "a top scientist", "a world-renowned professor") or a specialist's years of
    experience in place of an affiliation ("Tom Alder, a meteorologist with 15 years of forecasting
    experience") — next to a speech verb or
    "according to", in a paragraph that has no link, footnote, citation and no named outlet ("told Reuters",
    "in an interview with Le Monde", "wrote in The Lancet", "the Journal reported"). An affiliation alone ("at
    the University of Leeds") does not make the claim checkable: anyone can write it.

    In a document where nothing lets a reader check a source (no link, footnote, citation or named outlet
    anywhere), a titled name given only as one specialist among many is flagged too: `Dr. Sarah Chen, a
    cardiologist at Johns Hopkins, explains` or `according to Professor Tom Hale, a nutritionist at the
    University of Leeds`, or at an institution given only by its kind (`a cardiologist at a leading hospital`),
    or with the specialty before the name (`sleep specialist Dr. Ben Ortiz warns`).
    A real article says how it knows them; a generated page names a credential and a famous institution, or
    no institution at all.

    Unfilled placeholders for a person, such as "Dr. [Doctor's name]", "Prof. {name}" or "[expert name]", are
    flagged wherever they appear: they are generator residue.

    Not flagged: a speaker given by role and organisation without praise ("Dr. Richard Davidson, director of the
    Center for Healthy Minds, said"), plural groups ("experts say": Q002), and words inside quotation marks.

    ## Why it matters
    Credential inflation is how content farms lend authority to quotes nobody said: "a leading expert at
    a famous university" sounds checkable and is not. Editors ask for a way to verify the person (a link to the work, the
    outlet that interviewed them, a citation), not a bigger adjective.

    ## Example
        "The port will be full within five years," notes Dr. Lena Brandt, a leading expert on shipping at the
        University of Leeds.

    Instead:
        "The port will be full within five years," Dr. Lena Brandt, who studies shipping at the University of
        Leeds, told the [Yorkshire Post](https://example.com/interview).

    ## How to fix
    Link the expert's work or the interview, name the outlet that quoted them, or cite the paper; drop the praise
    ("leading", "renowned") and give the role. Fill in or delete placeholders.
    """

    code = "Q004"
    name = "unverifiable-expert"
    family = Family.QUOTE
    needs = frozenset({"sentences"})

    def check(self, doc: Document, opts: Rule.Options) -> Iterator[Finding]:
        placeholder_lines: set[int] = set()
        for block in doc.blocks:
            if block.kind not in PROSE_KINDS or (shortcuts.enabled() and not may_hold_placeholder(block.text)):
                continue
            for m in _PLACEHOLDER.finditer(block.text):
                if m.group()[:1] != "[" and not _PLACEHOLDER_WORDS.search(m.group()):
                    continue  # "Dr. [Jane Roe]" is a name in brackets, not a slot
                start, end = block.start + m.start(), block.start + m.end()
                placeholder_lines.add(doc.span(start, end).line)
                yield self.finding(doc, start, end, f"placeholder expert “{m.group()}” was never filled in")
        analysis = analyse(doc)
        for info in analysis.with_labels(*_CUES):  # both kinds of finding stand next to a cue
            if (_APPEAL.isdisjoint(words := _WORDS.findall(info.sentence.text.lower()))
                    and (analysis.checkable or _TITLED.isdisjoint(words))) or not info.hits:
                continue
            found = self._credential(info)
            if found is None and not analysis.checkable:
                found = self._specialist(info)
            if found is None:
                continue
            a, b = found
            if analysis.sourced(info.segment) or analysis.outlet(info.segment):
                continue
            if doc.span(info.tokens[a].start, 0).line in placeholder_lines:
                continue
            phrase = info.text(a, b)
            yield self.finding(doc, info.tokens[a].start, info.tokens[b - 1].end,
                               f"“{phrase}” is quoted on credentials alone: no link, citation or named outlet")

    @staticmethod
    def _credential(info: SentenceInfo) -> tuple[int, int] | None:
        """The speaker phrase with a credential appeal next to an attribution cue, if any (first one)."""
        tokens = info.tokens
        for hit in info.hits:
            if hit.label not in _CUES or tokens[hit.start].quoted:
                continue
            # after the cue: "said wellness expert Jonas Berg", "notes Dr. Brandt, a leading expert"
            window = _window(tokens, hit.end, +1)
            cred = _find_credential(tokens, window)
            if cred is not None:
                return hit.end, _name_after(tokens, cred[1])
            # before the cue: "Jane Roe, a renowned economist, said", "renowned cardiologist Dr. Mark Hale says"
            window = _window(tokens, hit.start - 1, -1)
            cred = _find_credential(tokens, window)
            if cred is not None:
                names = [k for k in window if k < cred[0] and tokens[k].proper]
                return (names[0], cred[1]) if names else (cred[0], min(_name_after(tokens, cred[1]), hit.start))
        return None


    @staticmethod
    def _specialist(info: SentenceInfo) -> tuple[int, int] | None:
        """`Dr. Sarah Chen, a cardiologist at Johns Hopkins, explains`: a titled name and "a [specialty] at
        [institution]" next to an attribution cue (asked only of a document with nothing to check anywhere)."""
        tokens = info.tokens
        if not any(h.label in _CUES and not tokens[h.start].quoted for h in info.hits):
            return None
        for k, t in enumerate(tokens):
            if t.lower.rstrip(".") not in _TITLED or t.quoted or k + 1 >= len(tokens) or not tokens[k + 1].proper:
                continue
            j = k + 1
            while j < len(tokens) and (tokens[j].proper or tokens[j].text in (".",)) and j - k <= 4:
                j += 1
            if k > 0 and _specialty(tokens[k - 1].lower) and not tokens[k - 1].quoted \
                    and j < len(tokens) and tokens[j].text not in (",", "(") and tokens[j].lower not in _AFFILIATION:
                # the specialty before the name and nothing after it: "sleep specialist Dr. Ben Ortiz warns"
                # ("Neuroscientist Dr. Richard Davidson, director at the Center …" says where they work)
                return k - 1, j
            if j + 2 < len(tokens) and tokens[j].text == "," and tokens[j + 1].lower in ("a", "an"):
                m = j + 2
                while m < len(tokens) and m - j <= 4 and not _specialty(tokens[m].lower):
                    m += 1
                if (m + 2 < len(tokens) and _specialty(tokens[m].lower) and tokens[m + 1].lower in _AFFILIATION
                        and (_named_place(tokens, m + 2) or _vague_place(tokens, m + 2))):
                    return k, m + 1
        return None


def _name_after(tokens: list[Tok], at: int) -> int:
    """The end of the title and name right after a credential ("expert Jonas Berg", "cardiologist Dr. Hale")."""
    end = at
    while end < len(tokens) and end - at < 4 and (tokens[end].proper or tokens[end].lower.rstrip(".") in _TITLED) \
            and not tokens[end].quoted:
        end += 1
    return end


def _named_place(tokens: list[Tok], k: int) -> bool:
    """`Johns Hopkins`, `the Mayo Clinic`: a proper name, with or without "the"."""
    if tokens[k].lower == "the" and k + 1 < len(tokens):
        k += 1
    return tokens[k].proper


def _vague_place(tokens: list[Tok], k: int) -> bool:
    """`a leading hospital`, `a top university in Boston`: an institution of a kind, not named (up to two
    lowercase words before the noun)."""
    if tokens[k].lower not in ("a", "an", "one"):
        return False
    for j in range(k + 1, min(k + 4, len(tokens))):
        if tokens[j].lower in _INSTITUTION_KINDS:
            return True
        if not (tokens[j].text.isalpha() and tokens[j].text.islower()):
            return False
    return False


def _specialty(word: str) -> bool:
    """A medical or academic specialty or a credential noun: "cardiologist", "pediatrician", "economist"."""
    return word in CREDENTIALS or (len(word) > 6 and word.endswith(("ologist", "ist", "ician", "iatrist")))


def _experience_after(words: list[str], at: int) -> bool:
    """`with 15 years of …experience`, `with over two decades of experience`: a count of years, then
    "experience" within four more words."""
    if at >= len(words) or words[at] != "with":
        return False
    years = next((j for j in range(at + 1, min(at + 5, len(words))) if words[j] in ("years", "decades")), None)
    return years is not None and "experience" in words[years + 1:years + 6]


def _window(tokens: list[Tok], at: int, step: int) -> list[int]:
    """Token indices next to a cue, up to a quotation, a sentence break or _WINDOW tokens; in text order."""
    out = []
    k = at
    while 0 <= k < len(tokens) and len(out) < _WINDOW:
        t = tokens[k]
        if t.quoted or t.text in _STOP:
            break
        out.append(k)
        k += step
    return sorted(out)


def _find_credential(tokens: list[Tok], window: list[int]) -> tuple[int, int] | None:
    words = [tokens[k].lower for k in window]
    for n, k in enumerate(window):
        word = words[n]
        if word == "expert":
            after = tokens[window[n + 1]] if n + 1 < len(window) else None
            if after is not None and after.text.isalpha() and after.text.islower() and after.lower not in _PREPOSITIONS:
                continue  # "expert testimony", "expert advice": an adjective, not a person
            if n > 0 and not any(w in PEACOCK for w in words[max(0, n - 4):n]) and (
                    tokens[window[n - 1]].proper or any(
                        words[m] in ("'s", "’s") and m > 0 and tokens[window[m - 1]].proper for m in range(max(1, n - 4), n))):
                continue  # "IEA expert", "ProPrivacy's digital privacy expert": a role at a named organisation
            if n + 2 < len(window) and words[n + 1] in ("at", "with", "from") and not any(
                    w in PEACOCK for w in words[max(0, n - 4):n]) and _named_place(tokens, window[n + 2]):
                continue  # "an obesity expert at Translational Research Institute": where the expert works
            start = k
            # include a preceding peacock adjective and article: "a leading expert"
            m = n - 1
            while m >= 0 and (words[m] in PEACOCK or words[m] in ("a", "an", "the", "-", "world", "well")) and n - m <= 4:
                start = window[m]
                m -= 1
            return start, k + 1
        if _specialty(word) and _experience_after(words, n + 1):
            # "a meteorologist with 15 years of storm-tracking experience": years stand in for an affiliation
            start = window[n - 1] if n > 0 and words[n - 1] in ("a", "an") else k
            return start, window[words.index("experience", n)] + 1
        if word in PEACOCK or (word in ("world", "well", "award", "internationally") and n + 2 < len(words)
                               and words[n + 1] == "-" and words[n + 2] in PEACOCK | {"renowned", "known", "winning"}):
            for m in range(n + 1, min(n + 5, len(words))):
                if _specialty(words[m]):  # "a renowned economist", "renowned cardiologist Dr. Mark Hale"
                    start = window[n - 1] if n > 0 and words[n - 1] in ("a", "an", "the") else k
                    return start, window[m] + 1
                if not tokens[window[m]].text.replace("-", "").isalpha():
                    break
    return None
