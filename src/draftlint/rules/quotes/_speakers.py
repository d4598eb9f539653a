"""Who a sentence names: people, pronouns that stand for them, and the writer.

Quotations are attributed by a person named next to them, with or without a speech verb (`"…," Ana Ruiz,
director of the port authority.`), or by a pronoun that points back to a person named before. These helpers
read a sentence's tokens outside quotation marks; the rules decide what the evidence means.

A *person-like name* is a run of two to four capitalised words that are not organisation or place words
("Paul Verhagen", "Laurence des Cars", "J. R. Smith"), or a capitalised word after a title ("Dr. Brandt",
"Mayor Osei"). A single capitalised word counts when the document names that person elsewhere (their
surname as the last word of a person-like name, or a speaker of a speech verb).
"""
from __future__ import annotations

from typing import Callable, Container, Iterable

from draftlint.rules.quotes._lexicon import COMMON_STARTS, ORG_WORDS, ROLE_TITLES, SECTION_LABELS, TITLES, NamePattern
from draftlint.rules.quotes._tokens import Tok

# words inside a name that are written in lower case: "Laurence des Cars", "Ludwig van Beethoven"
_PARTICLES = frozenset({"de", "des", "del", "della", "der", "di", "da", "dos", "du", "la", "le", "van", "von", "bin",
                        "ibn", "al", "el", "st.", "y"})
THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "his", "hers", "them", "their"})
# the writer and the reader: a quotation inside their own sentence is their speech, thought or example
FIRST_SECOND_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "i'm",
                                 "i've", "i'd", "i'll", "we're", "we've", "you're", "you've", "you'll", "myself",
                                 "ourselves", "yourself"})


def _initial(tok: Tok) -> bool:
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def name_runs(tokens: Iterable[Tok]) -> list[list[Tok]]:
    """Runs of capitalised words (with name particles and initials) outside quotation marks."""
    runs: list[list[Tok]] = []
    run: list[Tok] = []
    for t in tokens:
        if not t.quoted and (t.proper or _initial(t) or (run and t.lower in _PARTICLES)):
            run.append(t)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    return [r for r in map(_trim, runs) if r]


def _trim(run: list[Tok]) -> list[Tok]:
    while run and run[-1].lower in _PARTICLES:
        run = run[:-1]
    return run


def person_like(run: list[Tok], before: Tok | None) -> bool:
    """A run that names a person: two to four words, none of them an organisation or place word; or any
    run right after a title ("Dr.", "Mayor", "President")."""
    if before is not None and (before.lower in TITLES or before.lower in ROLE_TITLES):
        return True
    if run and run[0].lower in TITLES | ROLE_TITLES:
        return len(run) >= 2
    words = [t for t in run if t.lower not in _PARTICLES]
    return 2 <= len(words) <= 4 and not any(t.lower.strip(".") in ORG_WORDS for t in words) \
        and words[-1].lower not in SECTION_LABELS  # "User Comments" is a label


def people(tokens: list[Tok]) -> list[list[Tok]]:
    """The person-like names of a sentence (outside quotation marks)."""
    out = []
    for run in name_runs(tokens):
        before = tokens[run[0].i - 1] if run[0].i > 0 else None
        if person_like(run, before):
            out.append(run)
    return out


_CAPITALISED = r"{U}[\w'’-]*\.?"
_NAME_RUN = NamePattern(_CAPITALISED + r"(?:\s+(?:(?:" + "|".join(sorted(_PARTICLES - {"st.", "y"})) + r")\s+)?"
                       + _CAPITALISED + r"){1,3}")


def surnames(text: str) -> set[str]:
    """The last words of the person-like names in a text, lowercased, read from capitals (runs of two to four
    capitalised words with no organisation or place word, not opening with a word that is capitalised only
    because it opens a sentence): later mentions use them alone ("Verhagen" after "Paul Verhagen")."""
    found = set()
    for m in _NAME_RUN.finditer(text):
        words = m.group().split()
        lowered = [w.lower().strip(".") for w in words]
        if lowered[0] in COMMON_STARTS:
            words, lowered = words[1:], lowered[1:]
        if len(words) >= 2 and not any(w in ORG_WORDS for w in lowered) and lowered[-1] not in _PARTICLES:
            found.add(lowered[-1].rstrip("'’s") if lowered[-1].endswith(("'s", "’s")) else lowered[-1])
    return found


def handle(tok: Tok) -> bool:
    """An account name: "@alexcrichton"."""
    return tok.text[:1] == "@" and tok.text[1:2].isalnum() and not tok.quoted


def names_person(tokens: list[Tok], known: Container[str]) -> bool:
    """Whether the sentence names a person outside quotation marks: a person-like name, an account name, or a
    capitalised word the document uses as someone's name."""
    if people(tokens) or any(handle(t) for t in tokens):
        return True
    return any(t.proper and not t.quoted and t.lower in known for t in tokens)


def has_word(tokens: list[Tok], words: frozenset[str]) -> bool:
    """Whether one of ``words`` stands outside quotation marks."""
    return any(not t.quoted and t.lower in words for t in tokens)


def has_proper(tokens: list[Tok], known: Container[str]) -> bool:
    """Whether a capitalised name (a person, an organisation, a publication) stands outside quotation marks.
    A lone capitalised word that opens the sentence says little ("Stallholders expect …"): it counts only as
    part of a longer name or when the document uses it as someone's name."""
    opening = True
    for k, t in enumerate(tokens):
        if handle(t):
            return True
        if t.proper and not t.quoted:
            if not opening or t.lower in known or (k + 1 < len(tokens) and tokens[k + 1].proper):
                return True
        if t.text[:1].isalnum():
            opening = False
    return False


class OnFirstUse:
    """A set of words made by ``make`` when first asked whether it holds one."""

    def __init__(self, make: Callable[[], frozenset[str]]) -> None:
        self._make = make
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = self._make()
        return word in self._words
