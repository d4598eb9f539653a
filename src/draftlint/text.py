"""Text normalisation shared by the rules that compare titles, headings and lines."""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

from draftlint import shortcuts

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "´": "'",
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00ad": None})
_EDGE_PUNCT = " \t.,;:!?\"'()[]*_#|-"
_SITE_SUFFIX = re.compile(r"\s+(?:[-|:·•]|::)\s+[^-|:·•]{2,60}$")
# A newsroom's label on a headline, not part of it: "UPDATED: …", "WATCH: …", "… [VIDEO]", "… (PHOTOS)"; and a
# text generator's "Title: …".
_TAG = r"(?:updated?|breaking(?:\s{1,3}news)?|watch|video|videos|photos?|pictures|gallery|listen|audio|podcast" \
       r"|live|exclusive|just\s{1,3}in|title|headline)"
# ... and a page's date field run into the headline: "date 2016-12-27 Tributes pour in for …"
_DATE_FIELD = r"(?:date|published|posted|updated)\s?:?\s\d{4}-\d{2}-\d{2}\s+"
# ... and a mailing list's or a feed's tag in brackets before it: "[MARINE_BIOLOGY] Sea turtle nests …"
_LIST_TAG = r"\[[^\]\n]{1,40}\]\s+"
_DECORATION = re.compile(rf"^\s*{_TAG}\s{{0,3}}:\s+|^\s*{_DATE_FIELD}|^\s*{_LIST_TAG}|\s*[\[(]\s*{_TAG}\s*[\])]\s*$", re.I)
WORD = re.compile(r"[\w']+")


@functools.lru_cache(maxsize=16384)  # the title rules normalise the same lines of a document in turn
def normalize(text: str) -> str:
    """NFKC, case-folded, straight quotes and plain dashes, single spaces, no punctuation at either end."""
    if shortcuts.enabled() and text.isascii():  # NFKC and the quote table leave ASCII as is; casefold() is lower()
        return " ".join(text.lower().split()).strip(_EDGE_PUNCT)
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(text.split()).strip(_EDGE_PUNCT)  # split() and \s know the same whitespace


def undecorated(text: str) -> str:
    """``text`` without a newsroom's label at its start or in brackets at its end ("UPDATED: …", "… [VIDEO]"),
    a page's date field run into its start ("date 2016-12-27 …") or a list's tag in brackets before it
    ("[HARBOUR-NEWS] …").
    Shortcut (off with DRAFTLINT_NO_SHORTCUTS=1): a label at the start has its colon within its first 30
    characters after the indent (the longest label is 13), a date field its year's first digit within its first
    12, a tag opens the text with a bracket, and a label at the end closes it with one."""
    if shortcuts.enabled():
        lead = len(text) - len(text.lstrip())
        if ":" not in text[:lead + 30] and not text.rstrip().endswith((")", "]")) and text[lead:lead + 1] != "[" \
                and not any(ch.isdigit() for ch in text[lead:lead + 12]):
            return text
    return _DECORATION.sub("", text)


def title_forms(title: str, suffix_parts: int = 3) -> frozenset[str]:
    """The normalised title, and the title without a site suffix (" - Site Name", " | Site"; of up to
    ``suffix_parts`` parts: " - Harbour News 7 - Port Ellen, Islay") or a newsroom's label ("UPDATED: …",
    "… [VIDEO]")."""
    norm = normalize(title)
    forms = {norm} if norm else set()
    plain = undecorated(title)
    suffixless = _SITE_SUFFIX.sub("", unicodedata.normalize("NFKC", plain).translate(_QUOTES))
    for stripped in {plain, suffixless, undecorated(suffixless)}:  # "… [VIDEO] | Site": the label before the suffix
        if stripped != title and len(stripped.split()) >= 2:
            forms.add(normalize(stripped))
    for _ in range(suffix_parts - 1):  # a suffix of several parts: "… - Harbour News 7 - Port Ellen, Islay"
        shorter = _SITE_SUFFIX.sub("", suffixless)
        if shorter == suffixless or len(shorter.split()) < 4:
            break
        forms.add(normalize(shorter))
        suffixless = shorter
    return frozenset(forms)


def titles_of(doc) -> frozenset[str]:
    """``title_forms`` of a document's title (none without one), worked out once per document."""
    return doc.shared(_titles_of)


def _titles_of(doc) -> frozenset[str]:
    return title_forms(doc.title.text) if doc.title else frozenset()


# the characters of ``b``, counted once per title form: callers compare many lines with a few forms
_characters = functools.lru_cache(maxsize=256)(Counter)


def similarity(a: str, b: str, at_least: float = 0.0) -> float:
    """Character-level similarity of two normalised strings, 0..1 (difflib's ratio); 0.0 when it is below
    ``at_least``.

    Shortcut (off with DRAFTLINT_NO_SHORTCUTS=1): equal strings, and strings whose lengths or shared characters
    bound the ratio below ``at_least`` (difflib's ratio is at most 2 × matched / total, and a match cannot
    hold more characters than the shorter string, or than the two share), are answered without the full
    comparison."""
    if shortcuts.enabled():
        if a == b:
            return 1.0
        if not a or not b:
            return 0.0
        total = len(a) + len(b)
        if at_least and (2 * min(len(a), len(b)) < at_least * total
                         or 2 * sum((Counter(a) & _characters(b)).values()) < at_least * total):
            return 0.0
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    return ratio if ratio >= at_least else 0.0


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())
