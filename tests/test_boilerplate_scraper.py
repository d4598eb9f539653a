"""Scraper and CMS residue (B010-B016, B110-B131): exact findings of the Python rules, fixes, docs, the seed."""
from __future__ import annotations

import pytest

from conftest import SHARED
from draftlint import registry
from helpers import lint

PYTHON_RULES = ("B010", "B011", "B012", "B013", "B014", "B015", "B016")


def found(text: str, codes, path: str = "draft.md", options: dict | None = None):
    codes = [codes] if isinstance(codes, str) else list(codes)
    return [(f.code, f.line, f.column) for f in lint(text, path, select=codes, options=options)]


LONG = ("The ferry will run twice a day from April until the end of October, the operator said on Monday, "
        "and tickets will cost the same as they did last year for residents of the island.\n")


def test_chrome_before_title_flags_each_short_line_above_the_title_copy():
    text = "---\ntitle: Ferry returns\n---\n\nLocal\nListen Live\n\n# Ferry returns\n\nBy Ana Moreira\n\n" + LONG
    assert found(text, "B010") == [("B010", 5, 1), ("B010", 6, 1)]


def test_chrome_before_title_needs_the_title_or_a_tiny_label_over_a_heading():
    # the title comes first: nothing above it
    assert found("---\ntitle: Ferry returns\n---\n\n# Ferry returns\n\nLocal\n\n" + LONG, "B010") == []
    # no copy of the title, and a sentence (not a label) above the first heading
    assert found("---\ntitle: Ferry returns\n---\n\nThe boat is back.\n\n## Timetable\n\n" + LONG, "B010") == []
    # no copy of the title, one tiny label above the first heading
    assert found("---\ntitle: Ferry returns\n---\n\nferries\n\n## The boat is back\n\n" + LONG, "B010") == [("B010", 5, 1)]


def test_chrome_before_title_uses_the_h1_when_it_is_worded_unlike_the_title():
    text = "---\ntitle: Ferry back | Harbour Times\n---\n\nHarbour Times\nLocal\n\n# The ferry is back after a refit\n\n" + LONG
    assert found(text, "B010") == [("B010", 5, 1), ("B010", 6, 1)]


def test_chrome_before_title_in_a_short_draft_that_repeats_the_title_at_the_end():
    # no block of running text, so the whole draft is "top": only the first copy of the title counts
    text = ("---\ntitle: Seal the gaps\n---\n\n# Seal the gaps\n\nDraught strips cost little.\n\n## Doors\n\n"
            "Check the letterbox.\n\nSeal the gaps\n")
    assert found(text, "B010") == []
    # a second H1 is not the title: nothing above it is flagged
    assert found("# Seal the gaps\n\nA short intro\n\n# Doors\n\nCheck the letterbox.\n", "B010") == []


def test_chrome_before_title_stops_at_running_text():
    # the title repeated after the first paragraph of text does not make the lines above that paragraph a
    # page header (four words are more than a section label)
    text = "---\ntitle: Ferry returns\n---\n\nNotes from the quay\n\n" + LONG + "\nFerry returns\n"
    assert found(text, "B010") == []
    # a one-word section label above the first paragraph is one
    assert found(text.replace("Notes from the quay", "Local"), "B010") == [("B010", 5, 1)]


def test_chrome_before_title_max_words_option():
    text = "---\ntitle: Ferry returns\n---\n\nAn independent newsroom for the islands and the coast\n\n# Ferry returns\n\n" + LONG
    assert found(text, "B010") == [("B010", 5, 1)]
    assert found(text, "B010", options={"B010": {"max-words": 5}}) == []


def test_breadcrumb_with_separators_or_ending_in_the_title():
    text = ("---\ntitle: Council approves the river path\n---\n\n"
            "Home > News > Environment\n\nHome Environment Council approves the river path\n\n"
            "Home Environment Planning\n\n" + LONG)
    assert found(text, "B011") == [("B011", 5, 1), ("B011", 7, 1)]


def test_breadcrumb_offers_a_line_deletion():
    [finding] = lint("Home » Business » Markets\n\n" + LONG, select=["B011"])
    assert finding.fix is not None and finding.fix.whole_lines and finding.fix.span[0] == finding.fix.span[2] == 1


def test_tag_list_needs_tags_under_the_label():
    assert found("Tagged\n\nferries\nharbour\n", "B012") == [("B012", 1, 1)]
    assert found("Tagged\n\nferries\n", "B012") == []
    assert found("Tagged\n\nferries\n", "B012", options={"B012": {"min-items": 1}}) == [("B012", 1, 1)]
    # a sentence after the label is not a tag
    assert found("Topics\n\nThe committee discussed the budget.\nIt met twice.\n", "B012") == []


def test_tag_list_inline_items_must_be_short():
    assert found("Tags: ferries, harbour\n", "B012") == [("B012", 1, 1)]
    assert found("Tags: the shop stamps its bags with the date, the owner explained\n", "B012") == []


def test_share_widget_is_one_finding_whose_fix_deletes_the_stack():
    [finding] = lint("Share\nFacebook\nTwitter\nEmail\n\n" + LONG, select=["B013"])
    assert (finding.line, finding.column) == (1, 1)
    assert finding.fix is not None and finding.fix.whole_lines and (finding.fix.span[0], finding.fix.span[2]) == (1, 4)
    assert "3 button lines" in finding.message


def test_share_widget_leaves_a_lone_email_line_and_prose_alone():
    assert found("Email\n\n" + LONG, "B013") == []
    assert found("Shareholders voted to share the report on Facebook and Twitter.\n", "B013") == []
    assert found("Facebook\nTwitter\nEmail\n\n" + LONG, "B013") == [("B013", 1, 1)]
    # a company's apps, listed: brand names but no share button
    assert found("Meta owns these apps:\n\n- Facebook\n- Instagram\n- WhatsApp\n- Messenger\n", "B013") == []


def test_headline_stack_needs_adjacent_headline_and_date_pairs():
    stack = "### Harbour master retires\n\nApril 30, 2022\n\n### Fish market opens\n\nApril 28, 2022\n"
    assert found(LONG + "\n#### Latest\n\n" + stack, "B014") == [("B014", 3, 6)]
    assert found(LONG + "\n#### Latest\n\n" + stack, "B014", options={"B014": {"min-teasers": 3}}) == []
    # a paragraph between the two teasers breaks the run
    broken = stack.replace("\n\n### Fish", "\n\n" + LONG + "\n### Fish")
    assert found(broken, "B014") == []


def test_fused_link_run_ignores_names_written_in_camel_case_and_sentences():
    assert found("Climate ChangeEl NiñoGlobal warming\n", "B015") == [("B015", 1, 1)]
    assert found("Fishing quotasHarbour duesFerry timetable\n", "B015") == [("B015", 1, 1)]
    assert found("CrimeHeadlines\n", "B015") == []  # one word: as likely an identifier (B010 finds it on top)
    assert found("ReadWriteOncePod access mode\n", "B015") == []  # several joints in one word: an identifier
    assert found("YouTube and WhatsApp\n", "B015") == []
    assert found("NewsUK\n", "B015") == []  # one join, and "UK" is no word of four letters
    assert found("The ChangeEl NiñoGlobal warming story ran twice.\n", "B015") == []


def test_lone_link_bullet_only_between_paragraphs_and_not_numbered():
    bullet = LONG + "\n- The latest on the harbour works, free to read\n\n" + LONG
    assert found(bullet, "B016") == [("B016", 3, 3)]
    assert found(bullet.replace("- The latest", "1. The latest"), "B016") == []
    assert found(bullet.replace("free to read", "free to read."), "B016") == []
    assert found(bullet, "B016", options={"B016": {"max-words": 8}}) == []
    # the first of two items is a list, not a lone bullet
    assert found(LONG + "\n- The latest on the harbour works\n- Ferry times for the summer\n\n" + LONG, "B016") == []


@pytest.mark.parametrize("code", PYTHON_RULES)
def test_python_rule_doc_example_is_flagged(code):
    rule = registry.load().rules[code]
    section = rule.doc_text().split("## Example", 1)[1].split("\n## ", 1)[0]
    example = "\n".join(line[4:] for line in section.strip("\n").split("\n")) + "\n"
    assert code in [f.code for f in lint(example, select=[code])], example


def test_residue_inside_a_sentence_is_not_flagged():
    text = ("Readers can share the story or subscribe to the newsletter, and the site shows an advertisement "
            "under each article, the editor said. Click here, she joked, is the worst link text ever written.\n")
    assert [f.code for f in lint(text, select=["B01", "B11", "B12", "B13"])] == []


SEED = SHARED / "seed" / "content-farm-article.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not available")
def test_seed_reading_time_stamp_and_lone_close_are_flagged():
    text = SEED.read_text(encoding="utf-8")
    findings = found(text, ["B110", "B113"], path="content-farm-article.txt")
    assert findings == [("B110", 3, 1), ("B113", 47, 1)]
