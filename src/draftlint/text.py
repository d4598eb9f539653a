"""Text normalisation shared by the rules that compare titles, headings and lines."""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "´": "'",
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00ad": None})
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = " \t.,;:!?\"'()[]*_#|-"
_SITE_SUFFIX = re.compile(r"\s+[-|:·•]\s+[^-|:·•]{2,60}$")
WORD = re.compile(r"[\w']+")


def normalize(text: str) -> str:
    """NFKC, case-folded, straight quotes and plain dashes, single spaces, no punctuation at either end."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", text).strip(_EDGE_PUNCT)


def title_forms(title: str) -> set[str]:
    """The normalised title, and the title without a site suffix (" - Site Name", " | Site")."""
    norm = normalize(title)
    forms = {norm} if norm else set()
    stripped = _SITE_SUFFIX.sub("", unicodedata.normalize("NFKC", title).translate(_QUOTES))
    if stripped != title and len(stripped.split()) >= 3:
        forms.add(normalize(stripped))
    return forms


def similarity(a: str, b: str) -> float:
    """Character-level similarity of two normalised strings, 0..1."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())
