"""The noun phrase of a crowd in an attribution: where it starts ("many leading analysts"), and whether the
words around it own, count or name the group ("the hospital's nurses", "97 percent of scientists",
"researchers at Stanford"), which makes it no vague attribution."""
from __future__ import annotations

from draftlint.rules.quotes._lexicon import CROWDS, INSTITUTIONS, NAME_STOP, POSSESSIVES, QUANTIFIERS, SPECIFIC

_PARTITIVE_HEADS = frozenset({"number", "majority", "lot", "lots", "many", "some", "most", "host", "handful", "plenty",
                              "minority", "group", "chorus", "range", "variety"})
NUMBERS = frozenset("""
two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand
thousands dozen dozens percent per cent
""".split())
_NAMING_PREPOSITIONS = frozenset({"at", "from", "with", "of", "in", "by", "for"})
# research named in the singular is vague only with "a", "one" or "another": "the study" is one named before
ONE_STUDY = frozenset({"study", "report", "survey", "poll"})
# what a study word can be the first half of: "research firm", "survey company", "polling group"
ORGANISATIONS = frozenset({"firm", "firms", "group", "company", "companies", "institute", "center", "centre", "team",
                           "organisation", "organization", "agency", "house", "unit", "outfit", "consultancy", "body"})
# the crowds that an institution's name does not name: "GOP sources", "Kremlin insiders" are still nobody
UNNAMED_BY_NATURE = frozenset({"sources", "insiders"})
_PLURAL_CROWDS = CROWDS | INSTITUTIONS  # after "which" or "that", a relative clause (these words are plurals)
OF = frozenset({"of"})


def specific(word: str, noun: str) -> bool:
    """Whether a determiner names or owns the group: "these analysts", "their economists"; but "our sources",
    "my sources" and "the sources" (those the story leans on) are nobody the reader can find."""
    return word in SPECIFIC and not ((word in POSSESSIVES or word == "the") and noun in UNNAMED_BY_NATURE)


# a verb or a preposition before the crowd ends its noun phrase: "there are experts who say", "despite experts warning"
_ENDS_PHRASE = frozenset({"are", "were", "is", "was", "have", "has", "had", "despite", "amid"})


def left_edge(tokens, noun_at: int) -> int | None:
    """Start of the crowd's noun phrase, or None when the phrase names, owns or counts the group ("the experts",
    "these analysts", "Citi economists", "the hospital's nurses", "97 percent of scientists")."""
    start = noun_at
    modifiers = 0
    j = noun_at - 1
    while j >= 0:
        t = tokens[j]
        word = t.lower
        if word in ("'s", "’s", "'", "’") and not t.quoted:
            return None  # "the hospital's nurses", "Bayline's engineers": a group that belongs to someone
        if t.quoted or not t.text[:1].isalnum():
            break
        if word in ("which", "that") and j > 0 and tokens[noun_at].lower in _PLURAL_CROWDS:
            break  # "…, which experts predict …", "a plan that analysts doubt": a relative pronoun, not "these"
        if specific(word, tokens[noun_at].lower):
            return None
        if (word.isdigit() or word in NUMBERS or word.replace(",", "").replace(".", "").isdigit()) \
                and tokens[noun_at].lower not in UNNAMED_BY_NATURE:
            return None  # "97 percent of scientists" is a counted result; "two Texas sources" are still nobody
        if word == "of":
            head = tokens[j - 1].lower if j > 0 else ""
            if head in _PARTITIVE_HEADS:
                start = j - 1
                j -= 2
                while j >= 0 and tokens[j].lower in ("a", "an", "growing", "large", "small", "increasing", "vast"):
                    start = j
                    j -= 1
                break
            return None  # "97 percent of", "two of", "many of the"...: counted or specific
        if word in QUANTIFIERS or word in ("a", "an") \
                or (word in ("one", "another") and tokens[noun_at].lower in ONE_STUDY):  # "one recent study"
            start = j
            j -= 1
            continue
        if t.proper and not (j == 0 and not t.text.isupper()) and tokens[noun_at].lower not in UNNAMED_BY_NATURE:
            return None  # "Goldman Sachs analysts": a named institution (a capital opening the sentence says nothing)
        if word in NAME_STOP or word in _ENDS_PHRASE or modifiers >= 2 or not t.text.isalpha():
            break
        modifiers += 1
        start = j
        j -= 1
    return start


# the kinds of body a source may be named after, "from real estate research firm Reis": an organisation or an outlet
_FIRMS = ORGANISATIONS | {"provider", "platform", "website", "publication", "journal", "magazine", "newspaper", "network"}


def named_after(tokens, at: int, prepositions=_NAMING_PREPOSITIONS) -> bool:
    """Whether the words right after a crowd name it: "researchers at Stanford", "a study published in Nature",
    "new research out this month from the University of Colorado"."""
    window = tokens[at:at + 7]
    for k, t in enumerate(window):
        if t.lower in prepositions and k + 1 < len(window):
            nxt = window[k + 1]
            if nxt.lower == "the" and k + 2 < len(window):
                nxt = window[k + 2]
            if nxt.proper:
                return True
            after = tokens[at + k + 1:at + k + 6]  # "from real estate research firm Reis Inc.": a firm's kind, then its name
            kind = next((j for j, w in enumerate(after[:-1]) if w.lower in _FIRMS), None)
            if kind is not None and after[kind + 1].proper:
                return True
        if t.text in (".", ";", ",") or t.quoted:
            break
    return False
