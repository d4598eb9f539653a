"""Boilerplate residue: scraper, CMS and generator leftovers. Most of it is in the YAML packs under rules/."""
from draftlint.rules.boilerplate.block_editor_comment import BlockEditorComment
from draftlint.rules.boilerplate.breadcrumb_trail import BreadcrumbTrail
from draftlint.rules.boilerplate.chrome_before_title import ChromeBeforeTitle
from draftlint.rules.boilerplate.chrome_block import ChromeBlock
from draftlint.rules.boilerplate.empty_table_of_contents import EmptyTableOfContents
from draftlint.rules.boilerplate.formulaic_conclusion import FormulaicConclusion
from draftlint.rules.boilerplate.fused_link_run import FusedLinkRun
from draftlint.rules.boilerplate.headline_stack import HeadlineStack
from draftlint.rules.boilerplate.lone_link_bullet import LoneLinkBullet
from draftlint.rules.boilerplate.orphaned_label import OrphanedLabel
from draftlint.rules.boilerplate.outline_label_lead_in import OutlineLabelLeadIn
from draftlint.rules.boilerplate.page_furniture import PageFurniture
from draftlint.rules.boilerplate.reader_prompt import ReaderPrompt
from draftlint.rules.boilerplate.repeated_line import RepeatedLine
from draftlint.rules.boilerplate.separator_line import SeparatorLine
from draftlint.rules.boilerplate.share_widget import ShareWidget
from draftlint.rules.boilerplate.tag_list import TagList
from draftlint.rules.boilerplate.template_line import TemplateLine
from draftlint.rules.boilerplate.tracking_pixel import TrackingPixel

RULES = (EmptyTableOfContents, OutlineLabelLeadIn, FormulaicConclusion, RepeatedLine,
         ChromeBeforeTitle, BreadcrumbTrail, TagList, ShareWidget, HeadlineStack, FusedLinkRun,
         LoneLinkBullet, TrackingPixel, BlockEditorComment, SeparatorLine, PageFurniture, ReaderPrompt, TemplateLine, ChromeBlock,
         OrphanedLabel)
