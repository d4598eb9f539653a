"""Duplicated titles: the title repeated in the body, repeated headings, the same title in two files."""
from draftlint.rules.titles.duplicate_heading import DuplicateHeading
from draftlint.rules.titles.duplicate_title import DuplicateTitle
from draftlint.rules.titles.title_keyword_stuffing import TitleKeywordStuffing
from draftlint.rules.titles.title_repeated_as_heading import TitleRepeatedAsHeading
from draftlint.rules.titles.title_repeated_in_body import TitleRepeatedInBody

RULES = (TitleRepeatedAsHeading, TitleRepeatedInBody, DuplicateHeading, DuplicateTitle,
         TitleKeywordStuffing)
