"""Near-duplicate titles: content tokens, a similarity that survives synonym swaps, and a candidate search
that never compares every pair.

A title becomes its **content tokens**: normalised words (site suffix stripped), without stop words, lightly
stemmed (``Russia's`` -> ``russia``, ``talks`` -> ``talk``, ``understanding`` -> ``understand``), each kept
once in order of appearance. Two titles are near-duplicates when their longest common subsequence of
content tokens covers at least ``threshold`` of the longer title and at least ``min_shared`` tokens, with
at most one other token when only ``min_shared`` are shared (or when the token sequences are identical).
A spun copy swaps a few words for synonyms but keeps the rest in order ("How Russia's call for peace
talks turned into a diplomatic defeat" / "How Russia's call to peace conversations became a diplomatic
setback": 4 of 7 in order, in titles of the same length, as under ``SPUN_BELOW`` it must be). Two stories on
one topic usually share fewer words, or the same few words in titles of different length ("Bronx councilmember faces re-election fight over rezoning" / "Rezoning plan
plagues Bronx city councilmember's re-election bid": 3 in order of 8).

Candidates come from a prefix-filtered inverted index (the all-pairs set-similarity join): tokens are
ordered by how rare they are in the whole collection, and a pair that shares at least ``o`` tokens must
share one of the first ``len - o + 1`` tokens of both titles. Only those rare prefix tokens are indexed,
so common words never produce long candidate lists; a positional filter drops a candidate as soon as the
tokens left after a shared one cannot reach ``o``, and a set-overlap check precedes the order check. The
search is exact: it finds every pair that ``is_match`` accepts.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from draftlint import shortcuts
from draftlint.text import normalize, title_forms

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either even ever every few for from
further had has have having he her here hers him his how i if in into is it its itself just let may me
might more most must my myself no nor not now of off on once only or other our ours out over own per
really same shall she should so some such than that the their theirs them then there these they this
those though through thus to too under until up upon us very via vs was we were what when where whether
which while who whom whose why will with within without would yet you your yours
""".split())

_DIGIT = re.compile(r"\d")
_COMPOUND = re.compile(r"[\w']+(?:-[\w']+)*")


def stem(word: str) -> str:
    """A light English stemmer: possessives, plurals, -ing and -ed. Crude, but the same on both sides."""
    word = word.strip("'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    return word


def base_title(title: str) -> str:
    """The normalised title without a site suffix (" - Site Name"), unless the suffix holds a number
    ("Part 2" is part of the title, not a site name); a suffix of one part only: across files a second clause
    after a dash is part of the headline as often as a site's name ("Premier arrested - Governor calls for calm")."""
    forms = sorted(title_forms(title, suffix_parts=1), key=len)
    if not forms:
        return ""
    short, full = forms[0], forms[-1]
    if short != full and _DIGIT.search(full[len(short):] if full.startswith(short) else full):
        return full
    return short


# A number written out is the same token as its digits: a repost turns "Ten ways to …" into "10 ways to …".
# Not "one", which is more often a pronoun ("no one", "the one that") than a count.
_NUMBER_WORDS = {word: str(n) for n, word in enumerate(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split(), start=2)}


@functools.lru_cache(maxsize=4096)  # a document's title is asked for again for each of its lines
def content_tokens(title: str) -> tuple[str, ...]:
    """The title's content words, stemmed, each once, in order; a hyphenated compound is one word, and a
    number from two to twenty written out is its digits."""
    return _content(base_title(title))


def _content(norm: str, once: bool = True) -> tuple[str, ...]:
    """The content words of normalised text, stemmed, in order; each once unless ``once`` is false."""
    found = []
    for word in _COMPOUND.findall(norm):
        token = _NUMBER_WORDS.get(word) or stem(word)
        if token and token not in STOP_WORDS and word not in STOP_WORDS:
            found.append(token)
    return tuple(dict.fromkeys(found)) if once else tuple(found)


# A title cut down from its headline (a URL slug's words, "strike-cancels-classes-school-district") keeps at
# least this many content words, and the headline has at most this many times as many.
_SHORT_TITLE_WORDS = 4
_LONGER_AT_MOST = 2.5
# ... and a headline that stands twice or more in the page, this many ("Shut Down Your Startup" for "When You
# Have To Shut Down Your Startup", printed as the page's heading and again above the text)
_REPEATED_TITLE_WORDS = 2


def repeated_headline(line: str, kind: str, title) -> bool:
    """Whether ``line``, a heading or paragraph the page prints twice or more, is the headline that a front-matter
    title (``Title``) as short as two content words was cut from."""
    return title is not None and title.source == "front-matter" and kind in ("heading", "paragraph") \
        and spells_out(line, title.text, _REPEATED_TITLE_WORDS)


def spells_out(line: str, title: str, fewest: int = _SHORT_TITLE_WORDS) -> bool:
    """Whether ``line`` is the headline that ``title`` was cut down from: every content word of the title
    (at least ``fewest``), in the title's order, from the line's first three content words on, in a line of at
    most 2.5 times as many ("Massive strike cancels classes for 400,000 kids in nation's second-largest school
    district" for "Strike Cancels Classes School District"; "How to Remodel a Kitchen on a $550 Budget or
    Less" for "How to Remodel Kitchen on 550 Budget Or"). A headline the page repeats is evidence enough for a
    shorter title: see ``repeated_headline``."""
    wanted = content_tokens(title)
    if len(wanted) < fewest:
        return False
    words = _content(normalize(line), once=False)  # a line that repeats the title three times is no headline
    if len(words) > _LONGER_AT_MOST * len(wanted) or wanted[0] not in words[:3]:
        return False
    found = 0
    for word in words[words.index(wanted[0]):]:
        if word == wanted[found]:
            found += 1
            if found == len(wanted):
                return True
    return False


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


@dataclass
class Stats:
    """What a search cost: ``comparisons`` is the number of candidate pairs scored."""

    titles: int = 0
    comparisons: int = 0


def _numbers_differ(a: Sequence[str], b: Sequence[str]) -> bool:
    na = {t for t in a if _DIGIT.search(t)}
    nb = {t for t in b if _DIGIT.search(t)}
    return bool(na and nb and na != nb)


def _overlap_needed(size: int, threshold: float, min_shared: int) -> int:
    """The fewest tokens a title of ``size`` tokens must share with any partner to match it (see is_match)."""
    if size <= min_shared:
        return size  # identical, or all of it shared with a partner at most one token longer
    if size == min_shared + 1:
        return min_shared
    return max(min_shared + 1, math.ceil(threshold * size - 1e-9))


# Under this share of words in common, a pair is a spun copy only if both titles have as many content tokens
# (a spinner rewrites word for word); two newsrooms' headlines of one event share as much in titles of
# different lengths ("Rockfall injures walkers at Harbour National Park" / "Walkers rescued by helicopter
# after rockfalls in Harbour National Park": 4 of 7).
SPUN_BELOW = 0.6


def is_match(a: Sequence[str], b: Sequence[str], threshold: float, min_shared: int) -> float:
    """The score of a near-duplicate pair (content tokens shared in order, over the longer title's
    tokens; 1.0 when identical), else 0."""
    if tuple(a) == tuple(b):
        return 1.0 if a else 0.0
    longer = max(len(a), len(b))
    if min(len(a), len(b)) < max(min_shared, threshold * longer) or len(set(a).intersection(b)) < min_shared:
        return 0.0
    common = _lcs(a, b)
    if common < min_shared or (common == min_shared and longer - common > 1):
        return 0.0  # a few shared words are chance unless almost nothing else differs
    value = common / longer
    if value < SPUN_BELOW and len(a) != len(b):
        return 0.0  # as few shared words as a spin leaves, but not its word-for-word length: two headlines of one event
    return value if value >= threshold and not _numbers_differ(a, b) else 0.0


def _elements(tokens: Sequence[str]) -> Sequence[str]:
    """The tokens, a repeat of one made distinct: "fix", "fix\x001", "fix\x002" (tokens hold no NUL)."""
    if len(set(tokens)) == len(tokens):
        return tokens
    seen: Counter = Counter()
    out = []
    for token in tokens:
        out.append(f"{token}\0{seen[token]}" if seen[token] else token)
        seen[token] += 1
    return out


def _all_pairs(titles: Sequence[Sequence[str]], threshold: float, min_shared: int, probes: Iterable[int] | None,
               stats: Stats) -> Iterator[tuple[int, int, float]]:
    """``find_pairs`` the plain way: every pair scored, in the same order."""
    chosen = set(range(len(titles))) if probes is None else set(probes)
    probing = sorted(chosen)
    others = [j for j in range(len(titles)) if j not in chosen]
    for i in probing:
        for j in sorted(others + [p for p in probing if p < i]):
            stats.comparisons += 1
            value = is_match(titles[i], titles[j], threshold, min_shared)
            if value:
                yield (i, j, value)


def find_pairs(titles: Sequence[Sequence[str]], threshold: float, min_shared: int,
               probes: Iterable[int] | None = None, stats: Stats | None = None) -> Iterator[tuple[int, int, float]]:
    """Near-duplicate pairs ``(i, j, score)`` among token sequences, each pair once.

    ``probes`` limits the search to pairs with at least one member among those indices (a run's files
    against an archive index); by default every title probes. ``i`` is always a probe, and ``j`` is a title
    that does not probe or a probe before ``i``.

    Shortcut (off with DRAFTLINT_NO_SHORTCUTS=1, when every such pair is scored): a prefix-filtered join, in
    which a title is compared only with titles that share one of its rarest tokens, enough of them to reach
    the overlap a match needs."""
    stats = stats if stats is not None else Stats()
    stats.titles = len(titles)
    if not shortcuts.enabled():
        yield from _all_pairs(titles, threshold, min_shared, probes, stats)
        return
    # A title's tokens as a set of elements (see _elements), so that two titles share as many elements as
    # their token multisets share: at least as many as their common subsequence (a repeated word counts).
    elements = [_elements(tokens) for tokens in titles]
    frequency = Counter(e for own in elements for e in own)
    rank = {e: r for r, e in enumerate(sorted(frequency, key=lambda e: (frequency[e], e)))}  # rarest first
    probing = set(range(len(titles))) if probes is None else set(probes)
    # element -> (title, elements after it in that title's rarity order, overlap that title needs)
    postings: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    sets = [frozenset(own) for own in elements]
    needed = [_overlap_needed(len(tokens), threshold, min_shared) for tokens in titles]
    # titles that never probe are indexed first; each probe then looks the index up before joining it,
    # so that every pair is scored once
    for i in [i for i in range(len(titles)) if i not in probing] + sorted(probing):
        tokens = elements[i]
        size = len(tokens)
        need = needed[i]
        prefix = sorted(tokens, key=rank.__getitem__)[:size - need + 1]
        if i in probing:
            shared: dict[int, int] = {}  # candidate -> prefix tokens shared so far; -1 once ruled out
            for p, token in enumerate(prefix):
                rest = size - p - 1
                for j, after, need_j in postings.get(token, ()):
                    count = shared.get(j, 0)
                    if count < 0:
                        continue
                    # positional filter: the tokens left after this one cannot reach the overlap needed
                    if count + 1 + (rest if rest < after else after) < (need if need > need_j else need_j):
                        shared[j] = -1
                    else:
                        shared[j] = count + 1
            own = sets[i]
            for j in sorted(j for j, count in shared.items() if count > 0):
                stats.comparisons += 1
                if len(own.intersection(sets[j])) < max(need, needed[j]):
                    continue  # too few tokens in common, whatever their order
                value = is_match(titles[i], titles[j], threshold, min_shared)
                if value:
                    yield (i, j, value)
        for q, token in enumerate(prefix):
            postings[token].append((i, size - q - 1, need))
