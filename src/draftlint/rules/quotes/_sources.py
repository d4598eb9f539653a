"""Evidence that a paragraph or sentence names where its words come from: citations, outlets, publications."""
from __future__ import annotations

from draftlint.rules.quotes._lexicon import CROWDS, INSTITUTIONS, STUDIES, NamePattern

# a crowd or a kind of study that opens a sentence is capitalised but names no outlet: "Sources reported …"
_NO_OUTLET = "|".join(sorted(w.capitalize() for w in CROWDS | INSTITUTIONS | STUDIES))
# "reported on Thursday", "published in March": a day or a month, not an outlet
_WHEN = ("(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
         "|August|September|October|November|December)")

CITATION = NamePattern(
    r"\(\s*{U}[\w'’-]+(?:\s+(?:et\s+al\.?|(?:and|&)\s+{U}[\w'’-]+))?,?\s+(?:1[6-9]|20)\d\d[a-z]?"
    r"(?:[,;:]\s*(?:pp?\.\s*)?\d+(?:[–-]\d+)?)?\s*\)"  # (Smith, 2019), (Smith and Lee 2020: 14)
    r"|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]"  # [3], [4, 7]
    # a numbered reference in brackets at a sentence's end, as health sites cite: "… of fracture. (10)", "… blood (4, 5)."
    r"|[.!?][\"”’]?[ \t]*\(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\)|[ \t]\(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\)[.!?]"
)
OUTLET = NamePattern(
    r"\b(?:told|telling|tells)\s+(?:the\s+)?{U}[\w&'’.-]*"
    r"|\b(?:in|during)\s+(?:an?|the|his|her|their)\s+(?:[a-z-]+\s+)?(?:interview|conversation|podcast|op-ed|column|article"
    r"|essay|piece|post|paper|letter|appearance|broadcast|segment|documentary|book)\s+(?:with|for|in|on|to|published\s+by)\s+"
    r"(?:the\s+)?{U}"
    # the verb may open the sentence: "Writing in The Lancet, …", "Speaking to OK!, …"
    r"|\b(?i:wrote|writing|writes|published|quoted|cited|reported|appearing)\s+(?:in|by|on)\s+(?!" + _WHEN + r"\b)(?:the\s+)?{U}"
    r"|\b(?i:speaking|spoke|talking|talked)\s+(?:to|with|on)\s+(?:the\s+)?{U}[\w&'’.-]*"
    r"|\b(?!(?:" + _NO_OUTLET + r")\s)(?:{U}[\w&'’.-]*\s+){0,3}{U}[\w&'’.-]*\s+(?:reported|reports|quoted|cited|wrote)\b"
)


PUBLISHED = NamePattern(
    r"\b(?:published|appeared|appearing|reported)\b[^.;]{0,40}?\b(?:in|by)\s+(?:the\s+)?(?:journal\s+)?{U}"
    r"|\b(?:study|research|paper|report|survey)\s+in\s+(?:the\s+)?(?:journal\s+)?{U}"  # "the study in the Journal of …"
    r"|\b(?:researchers|scientists|a\s+team)\s+(?:at|from)\s+(?:the\s+)?{U}"  # "researchers at Washington University"
    r"|\b(?:conducted|commissioned|carried\s+out)\s+by\s+(?:the\s+)?{U}"  # a survey's pollster
    r"|\b{U}[\w&'’.-]*(?:\s+{U}[\w&'’.-]*){0,3}\s+(?:surveyed|polled)\s+(?:\d|more|over|nearly|about|some)"
)
