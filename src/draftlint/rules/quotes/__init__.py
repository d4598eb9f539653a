"""Unsourced quotes: quotations with no attribution, vague authorities, anonymous sources, unverifiable experts."""
from draftlint.rules.quotes.anonymous_source import AnonymousSource
from draftlint.rules.quotes.unattributed_quote import UnattributedQuote
from draftlint.rules.quotes.unverifiable_expert import UnverifiableExpert
from draftlint.rules.quotes.vague_attribution import VagueAttribution

RULES = (UnattributedQuote, VagueAttribution, AnonymousSource, UnverifiableExpert)
