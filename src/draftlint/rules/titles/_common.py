"""Helpers shared by the title rules: how close a line of the document is to its title."""
from __future__ import annotations

import functools
import re

from draftlint.text import normalize, similarity, undecorated


# a site's name printed after a line that repeats the title: after a bar, or a domain after a dash
_LINE_SITE_SUFFIX = re.compile(r"\s+\|\s+[^|]{2,60}$|\s+[-–—]\s+\S{2,40}\.(?:com|net|org|co\.uk|io|news)\s*$", re.I)
_DOMAIN_ENDS = (".com", ".net", ".org", ".co.uk", ".io", ".news")


@functools.lru_cache(maxsize=4096)  # title-repeated-in-body and title-keyword-stuffing score the same lines in turn
def title_score(text: str, forms: frozenset[str], at_least: float = 0.0) -> float:
    """Similarity (0..1) of a line, or of the line without a newsroom's label ("… (updated)"), to the closest
    form of the title (normalised, or without its site suffix however long that is, or without its label);
    0.0 when it is below ``at_least``."""
    norms = {normalize(text), normalize(undecorated(text))}
    if "|" in text or text.rstrip().lower().endswith(_DOMAIN_ENDS):  # "Easy Chicken Curry | 31Daily.com"
        norms.add(normalize(_LINE_SITE_SUFFIX.sub("", text)))
    norms.discard("")
    if not norms or not forms:
        return 0.0
    return max(similarity(norm, form, at_least) for norm in norms for form in forms)


def describe(score: float) -> str:
    return "repeats the title" if score == 1.0 else f"nearly repeats the title ({score:.0%} similar)"
