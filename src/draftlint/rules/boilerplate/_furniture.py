"""Evidence that a short line is page furniture: which of its letters are chrome vocabulary (by widget
kind, from furniture.yaml), date, time and counter shapes, bylines; whether it has the shape of a sentence.

Everything here is case-blind: a residue line upper- or lower-cased gives the same evidence.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from draftlint import safeyaml, shortcuts
from draftlint.lines import STOP_WORDS, is_prose
from draftlint.phrases import alternation, phrase_regex
from draftlint.rules.boilerplate._common import MONTH

# A rating widget's stars, drawn as characters: full, empty and half stars.
_STARS = "★☆⭐✩✪✫✬✭✮✯🌟⯨⯪"
# Runs of letters and digits, and of stars: what coverage counts. Punctuation and separators ("|", "·", "/")
# count for nothing.
_TOKEN = re.compile(rf"[^\W_]+|[{_STARS}]+")
_LONG_TOKEN = re.compile(r"[^\W_]{8,}")  # the tokens of eight characters or more, the only ones fused
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})

_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?"
_ZONE = r"(?:\s(?:et|pt|ct|gmt|utc|bst|est|edt|pst|pdt|cet))?"
# "3:51 pm", "23:00hrs", "03:12" (a video's length); with a dot only before am/pm ("3.51 pm"), as "1.15" is a version
_TIME = rf"(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s?(?:[ap]\.?m\.?|hrs|h)?|\d{{1,2}}\.\d{{2}}\s?[ap]\.?m\.?){_ZONE}"
# Shapes that are furniture whatever the words around them; each maps to its widget kind, and has a hint: a
# pattern that every match of the shape holds (a digit, a word). Shortcut (off with DRAFTLINT_NO_SHORTCUTS=1):
# a line without the hint is not searched for the shape.
_DIGIT = re.compile(r"\d")
SHAPES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    ("stamps", re.compile(
        rf"(?<![\w/])(?:{_WEEKDAY}\s)?(?:{MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s\d{{4}})?"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s{MONTH},?(?:\s\d{{4}})?|{MONTH}\s\d{{4}}"
        rf"|{MONTH}-\d{{1,2}}-\d{{4}}|\d{{1,2}}-{MONTH}-\d{{4}}"  # "Jul-03-2026", "03-Jul-2026"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})"
        rf"(?:,?\s(?:at\s|[|·•@-]\s?)?{_TIME})?(?![\w/])"), _DIGIT),
    ("stamps", re.compile(rf"(?<![\w:.]){_TIME}(?![\w:])"), _DIGIT),
    # (not "25 years ago", "100 years ago": a history column's headings, no page is that old)
    ("stamps", re.compile(r"(?<!\w)(?!(?:[2-9]\d|\d{3})\s?(?:y|yrs?|years?)\b)(?:\d{1,3}|an?|one|a few)\s?(?:s|secs?|seconds?"
                          r"|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\.?\sago(?!\w)"),
     re.compile("ago")),
    ("stamps", re.compile(r"(?<!\w)\d{1,3}\s?(?:-\s?)?(?:min|mins|minute|minutes)\s(?:read|watch|listen)(?!\w)"), _DIGIT),
    ("ratings", re.compile(r"(?<!\w)\d(?:\.\d)?\s(?:from|of|out of)\s\d[\d,]*\s(?:votes?|ratings?|reviews?|stars?)(?!\w)"),
     _DIGIT),
    # "Rated 4.5 out of 5 by 87 readers", "rated 4/5"
    ("ratings", re.compile(r"(?<!\w)rated\s\d(?:\.\d)?\s?(?:/\s?\d{1,2}|out\sof\s\d{1,2})(?:\sstars)?"
                           r"(?:\sby\s\d[\d,]*\s(?:readers|reviewers|users|customers|people|guests|members"
                           r"|cooks))?(?!\w)"),
     _DIGIT),
    # "★★★★☆": three or more stars in a row
    ("ratings", re.compile(rf"[{_STARS}](?:\s?[{_STARS}]){{2,}}"), re.compile(f"[{_STARS}]")),
    ("navigation", re.compile(r"(?<!\w)(?:pages?:?(?:\s\d{1,3}){2,}|page\s\d{1,3}\sof\s\d{1,3})(?!\w)"), _DIGIT),
    ("counters", re.compile(r"(?<!\w)\d[\d,.]*\s?[km]?\s?(?:shares|comments?|votes|views|likes|ratings|reviews|stars"
                            r"|replies|followers|subscribers|articles?|photos|images)(?!\w)"), _DIGIT),
    # a blog's page-view counter: "(Visited 3,480 times, 6 visits today)"
    ("counters", re.compile(r"(?<!\w)visited\s\d[\d,]*\stimes?(?:,\s\d[\d,]*\svisits?\stoday)?(?!\w)"), re.compile("visited")),
    # "+2" is a counter; "+2.0 %", "+2%" and "+2,000" are figures
    ("counters", re.compile(r"(?<![\w+])\+\d{1,4}(?![\w%]|[.,]\d|\s%)|(?<!\w)(?:\d{1,2}x){2,}(?!\w)"), _DIGIT),
)
# "By Jo Bloggs", "Written by Jo Bloggs on", "Posted by admin in": a byline up to a separator, a date or the end.
_NAME = r"[^\W\d_][\w.'’-]*"
_BYLINE = re.compile(rf"(?<!\w)(?:(?:written|posted|published|words|story|reporting|photos?)\s)?by\s?"
                     rf"{_NAME}(?:\s{_NAME}){{0,3}}?(?:$|(?=\s*[|•·,;–—(]|\s\d)|\s(?:on|in|at)(?=\s))")
_DOMAIN = re.compile(r"(?<![\w.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|news|co|uk|io|tv|info|gov|edu)(?![\w.])")
@dataclass(frozen=True)
class Kind:
    name: str
    label: str


@dataclass(frozen=True)
class Lexicon:
    kinds: dict[str, Kind]
    strong: dict[str, str]  # entry -> kind
    weak: dict[str, str]
    phrase: re.Pattern[str]  # every entry, word-bounded, longest first
    fused: re.Pattern[str]  # single-word strong entries of 3+ letters, unbounded, for fused tokens


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = safeyaml.load(resources.files(__package__).joinpath("furniture.yaml").read_text(encoding="utf-8"))
    kinds, strong, weak = {}, {}, {}
    for name, spec in data.items():
        kinds[name] = Kind(name, spec["label"])
        for entry in spec.get("strong", ()):
            strong.setdefault(str(entry).casefold(), name)
        for entry in spec.get("weak", ()):
            weak.setdefault(str(entry).casefold(), name)
    words = [e for e in strong if " " not in e and len(e) >= 3 and e.isalpha()]
    return Lexicon(kinds, strong, weak, phrase_regex(set(strong) | set(weak), boundary=r"[^\W_]"),
                   re.compile(alternation(words)))


@dataclass(frozen=True)
class Evidence:
    """What one line is made of: the share of its letters that are chrome, the widget kinds seen (with the
    words that showed them), and whether it reads as a sentence."""

    coverage: float
    strong: bool  # at least one strong entry or shape
    kinds: tuple[tuple[str, tuple[str, ...]], ...]  # (kind, the matched words), most covered first
    prose: bool
    words: int
    weight: int  # strong evidence: 1 for a chrome word, 2 for a chrome phrase, a shape or fused link texts
    residual: int  # words with no chrome letter in them
    residual_stops: int  # of which function words ("a", "the", "to"): signs of a phrase of prose

    @property
    def kind(self) -> str | None:
        return self.kinds[0][0] if self.kinds else None

    def describe(self, lex: Lexicon) -> str:
        """'share widget: fb, tweet, save, more (4 chrome words)'"""
        if not self.kinds:
            return ""
        seen = list(dict.fromkeys(part for _, words in self.kinds for word in words for part in word.split("+")))
        shown = ", ".join(seen[:6]) + (", …" if len(seen) > 6 else "")
        return f"{lex.kinds[self.kinds[0][0]].label}: {shown} ({len(seen)} chrome word{'s' * (len(seen) > 1)})"


def _span(start: int, end: int) -> int:
    """The positions ``start`` to ``end`` as the bits of an int (bit i for character i)."""
    return ((1 << (end - start)) - 1) << start


def _mask(text: str, pattern: re.Pattern[str]) -> int:
    """The positions of ``text`` where ``pattern`` matches, as bits."""
    bits = 0
    for m in pattern.finditer(text):
        bits |= _span(m.start(), m.end())
    return bits


# Page furniture is short: a line of more characters than this is a URL, a code, a run of symbols or text,
# not a widget, and has no evidence (weighing it would cost time in proportion to its length).
LONGEST_LINE = 600
_NONE = Evidence(0.0, False, (), True, 0, 0, 0, 0)


@functools.lru_cache(maxsize=65536)
def evidence(text: str) -> Evidence:
    if len(text) > LONGEST_LINE:
        return _NONE
    lex = lexicon()
    key = text.casefold().translate(_APOSTROPHES)  # one character for one: offsets stay the same
    alnum = -1  # letters and digits, as bits (what coverage counts), made when something is first covered
    covered = 0  # the characters that some entry or shape covers, as bits
    found: dict[str, list[str]] = {}
    gain: dict[str, int] = {}
    firm: set[str] = set()  # kinds shown by a strong entry or shape
    strong = False
    weight = 0
    weighed: set[str] = set()

    def take(start: int, end: int, kind: str, word: str, is_strong: bool) -> None:
        nonlocal strong, weight, covered, alnum
        if alnum < 0:
            alnum = _mask(key, _TOKEN)
        span = _span(start, end)
        fresh = (span & alnum & ~covered).bit_count()
        covered |= span
        if fresh:
            found.setdefault(kind, []).append(word)
            gain[kind] = gain.get(kind, 0) + fresh
            strong = strong or is_strong
            if is_strong and word not in weighed:
                firm.add(kind)
                weighed.add(word)
                weight += 2 if not word.isalpha() else 1  # "see all", "3:51 pm", "share+tweet" weigh more than "share"

    fast = shortcuts.enabled()
    held: dict[re.Pattern[str], bool] = {}  # each hint searched once (most shapes share one)
    for kind, shape, hint in SHAPES:
        if fast:
            if hint not in held:
                held[hint] = hint.search(key) is not None
            if not held[hint]:
                continue
        for m in shape.finditer(key):
            take(m.start(), m.end(), kind, m.group().strip(), True)
    for m in lex.phrase.finditer(key):
        entry = " ".join(m.group().split())
        if entry in lex.strong:
            take(m.start(), m.end(), lex.strong[entry], entry, True)
        else:
            take(m.start(), m.end(), lex.weak[entry], entry, False)
    for m in _LONG_TOKEN.finditer(key):  # link texts run together: "facebooktwitteremail"
        start, end, token = m.start(), m.end(), m.group()
        span = _span(start, end)
        if covered & span == span:
            continue
        hits = list(lex.fused.finditer(token))
        if len(hits) >= 2:  # the whole token is link texts: the words between the hits are more of them
            kind = lex.strong[hits[0].group()]
            take(start, end, kind, "+".join(hit.group() for hit in hits), True)
    for pattern, hint in ((_BYLINE, "by"), (_DOMAIN, ".")):  # the hint: what every match holds (a shortcut)
        if fast and hint not in key:
            continue
        for m in pattern.finditer(key):
            take(m.start(), m.end(), "byline", m.group().strip(), False)
    if not covered:  # no chrome at all (most lines): every token is residual
        residual = _TOKEN.findall(key)
        return Evidence(0.0, False, (), is_prose(text), len(text.split()), 0, len(residual),
                        sum(word in STOP_WORDS for word in residual))
    letters = alnum.bit_count()
    chrome = (alnum & covered).bit_count()
    kinds = tuple((k, tuple(found[k])) for k in sorted(found, key=lambda k: (k not in firm, -gain[k])))
    residual = [m.group() for m in _TOKEN.finditer(key) if not covered & _span(m.start(), m.end())]
    return Evidence(chrome / letters if letters else 0.0, strong, kinds, is_prose(text), len(text.split()), weight,
                    len(residual), sum(word in STOP_WORDS for word in residual))
