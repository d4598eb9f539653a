"""Unsourced quotes: quotations with no attribution, vague authorities, unverifiable experts."""
from draftlint.rules.quotes.unattributed_quote import UnattributedQuote

RULES = (UnattributedQuote,)
