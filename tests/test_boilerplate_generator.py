"""Generator and template residue (B001-B004, B101-B109, B150): exact findings, options, skip-quoted, the seed."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED
from draftlint import yamlrules
from helpers import doc, lint

MINE = ("B001", "B002", "B003", "B004", "B101", "B102", "B103", "B104", "B105", "B106", "B107", "B108", "B109")


def found(text: str, codes, path: str = "draft.md", options: dict | None = None):
    codes = [codes] if isinstance(codes, str) else list(codes)
    return [(f.code, f.line, f.column) for f in lint(text, path, select=codes, options=options)]


OUTLINE = ("Town plan\n\n"
           "- Analysis of the council's objectives behind the new plan: Residents think it is about money.\n"
           "- Evidence of growing opposition within the ruling group: Three members voted against it.\n"
           "- Angry letters from shop owners in the old town: Traders fear the charges.\n")


def test_outline_label_siblings_and_min_label_words():
    assert found(OUTLINE, "B002") == [("B002", 3, 3), ("B002", 4, 3), ("B002", 5, 3)]
    # with longer labels required, only "Analysis of ..." (9 words) is left: no sibling support any more
    assert found(OUTLINE, "B002", options={"B002": {"min-label-words": 9}}) == [("B002", 3, 3)]


def test_one_outline_label_in_a_list_does_not_flag_its_siblings():
    text = ("- Analysis of the council's objectives behind the new plan: Residents think it is about money.\n"
            "- Angry letters from shop owners in the old town: Traders fear the charges.\n")
    assert found(text, "B002") == [("B002", 1, 3)]


ENDING = ("A Quiet Harbour Toll Became a Loud Setback\n\n"
          "The toll was announced in January and dropped in June after the fishing crews refused to pay it at all.\n\n"
          "In summary, the quiet harbour toll became a loud setback for everyone who had argued for it in the "
          "council chamber during the spring.\n")


def test_formulaic_conclusion_title_run_option_and_later_paragraph():
    assert found(ENDING, "B003", path="a.txt") == [("B003", 5, 1)]
    assert found(ENDING, "B003", path="a.txt", options={"B003": {"min-title-run": 8}}) == []
    later = ENDING + ("\nThe crews will meet the harbour master in July to agree a new schedule for dredging the inner "
                      "basin, and to share the cost of repairs to the slipway.\n")
    assert found(later, "B003", path="a.txt") == []


def test_formulaic_conclusion_needs_a_title():
    text = "In conclusion, the harbour toll became a setback for the council, and nobody in the chamber defended it in the end.\n"
    assert found(text, "B003") == []


def test_repeated_line_min_words_and_message():
    text = "Open every day of the week | Free entry\n\nThe bridge is closed.\n\nOpen every day of the week | Free entry\n"
    assert found(text, "B004") == [("B004", 5, 1)]
    assert found(text, "B004", options={"B004": {"min-words": 10}}) == []
    [finding] = lint(text, select=["B004"])
    assert finding.message == "line repeats line 1: “Open every day of the week | Free …”"


def test_empty_table_of_contents_offers_a_line_deletion():
    [finding] = lint("Table of Contents\n\n## First section\n\nText.\n", select=["B001"])
    assert (finding.line, finding.column) == (1, 1) and finding.fix is not None and finding.fix.whole_lines


def test_stock_sign_off_is_off_by_default():
    text = "The app has no launch date yet. Stay tuned!\n"
    assert "B150" not in [f.code for f in lint(text)]
    assert found(text, "B150") == [("B150", 1, 33)]


def _load_pack(tmp_path: Path, spec: str):
    path = tmp_path / "pack.yaml"
    path.write_text(spec, encoding="utf-8")
    return yamlrules.load_file(path, "test")


def test_skip_quoted_hides_matches_inside_quotations(tmp_path: Path):
    rule = _load_pack(tmp_path, "code: H101\nname: house-hype\nkind: phrases\nfamily: style\nmessage: 'hype “{match}”'\n"
                                "phrases: [game changer]\nskip-quoted: true\n")
    d = doc('A game changer, they said. "It is a game changer," Ana Ruiz said. The ‘game changer’ talk went on.\n')
    assert [f.column for f in rule.check(d, None)] == [3]


def test_skip_quoted_must_be_a_boolean(tmp_path: Path):
    with pytest.raises(yamlrules.RuleFileError, match='key "skip-quoted" must be true or false'):
        _load_pack(tmp_path, "code: H102\nname: bad\nkind: phrases\nfamily: style\nmessage: m\nphrases: [x]\nskip-quoted: yes please\n")


def test_skip_title_leaves_the_documents_own_title_to_the_title_rules(tmp_path: Path):
    spec = ("code: H103\nname: house-teaser\nkind: line\nfamily: boilerplate\nmessage: 'teaser “{match}”'\n"
            "pattern: 'watch: .+'\nneedles: [watch]\nskip-title: true\n")
    rule = _load_pack(tmp_path, spec)
    d = doc('---\ntitle: "Ferry Crew Rescue a Swimmer - Harbour News"\n---\n\nWatch: Ferry crew rescue a swimmer\n\n'
            "The crew pulled a swimmer from the water.\n\nWatch: Ten walks along the harbour wall\n")
    assert [(f.line, f.column) for f in rule.check(d, None)] == [(9, 1)]
    with pytest.raises(yamlrules.RuleFileError, match='key "skip-title" must be true or false'):
        _load_pack(tmp_path, spec.replace("skip-title: true", "skip-title: 1"))


SEED = SHARED / "seed" / "content-farm-article.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not available")
def test_seed_generator_residue():
    text = SEED.read_text(encoding="utf-8")
    assert found(text, MINE, path="content-farm-article.txt") == [
        ("B107", 10, 1), ("B001", 12, 1),
        ("B002", 18, 5), ("B002", 19, 5), ("B002", 20, 5),
        ("B002", 28, 5), ("B002", 29, 5), ("B002", 30, 5),
        ("B002", 36, 5), ("B002", 37, 5), ("B002", 38, 5),
        ("B109", 40, 1), ("B003", 42, 1), ("B108", 42, 360), ("B108", 42, 590),
    ]


def test_table_of_contents_label_as_the_title_line_is_not_flagged():
    assert found("Contents\n\nThe box holds a charger, a cable and a manual.\n", "B001", path="a.txt") == []
    assert found("Intro line of the draft\n\nContents\n", "B001", path="a.txt") == [("B001", 3, 1)]
