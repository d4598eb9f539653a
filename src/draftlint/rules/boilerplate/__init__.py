"""Boilerplate residue: scraper, CMS and generator leftovers. Most of it is in the YAML packs under rules/."""

RULES = ()
