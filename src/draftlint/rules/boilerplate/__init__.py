"""Boilerplate residue: scraper, CMS and generator leftovers. Most of it is in the YAML packs under rules/."""
from draftlint.rules.boilerplate.empty_table_of_contents import EmptyTableOfContents
from draftlint.rules.boilerplate.formulaic_conclusion import FormulaicConclusion
from draftlint.rules.boilerplate.outline_label_lead_in import OutlineLabelLeadIn
from draftlint.rules.boilerplate.repeated_line import RepeatedLine

RULES = (EmptyTableOfContents, OutlineLabelLeadIn, FormulaicConclusion, RepeatedLine)
