"""Helpers shared by the title rules: how close a line of the document is to its title."""
from __future__ import annotations

import functools

from draftlint.text import normalize, similarity, undecorated


@functools.lru_cache(maxsize=4096)  # title-repeated-in-body and title-keyword-stuffing score the same lines in turn
def title_score(text: str, forms: frozenset[str], at_least: float = 0.0) -> float:
    """Similarity (0..1) of a line, or of the line without a newsroom's label ("… (updated)"), to the closest
    form of the title (normalised, or without its site suffix however long that is, or without its label);
    0.0 when it is below ``at_least``."""
    norms = {normalize(text), normalize(undecorated(text))} - {""}
    if not norms or not forms:
        return 0.0
    return max(similarity(norm, form, at_least) for norm in norms for form in forms)


def describe(score: float) -> str:
    return "repeats the title" if score == 1.0 else f"nearly repeats the title ({score:.0%} similar)"
