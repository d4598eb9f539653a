"""Inline directives, front matter ignores and per-file ignores."""
from __future__ import annotations

from draftlint import config, engine, registry
from helpers import lint

AI = "As an AI language model, I can help.\n"


def codes_lines(findings):
    return [(f.line, f.code) for f in findings]


def test_disable_enable_range():
    text = AI + "\n<!-- draftlint-disable B101 -->\n\n" + AI + "\n<!-- draftlint-enable B101 -->\n\n" + AI
    assert codes_lines(lint(text, select=["B101"])) == [(1, "B101"), (9, "B101")]


def test_disable_by_name_and_all_until_end():
    text = "<!-- draftlint-disable ai-disclaimer -->\n\n" + AI + "\n" + AI
    assert lint(text, select=["B101"]) == []
    text = "<!-- draftlint-disable -->\n\n" + AI
    assert lint(text, select=["B101"]) == []


def test_disable_next_line_skips_blank_lines():
    text = "<!-- draftlint-disable-next-line B101 -->\n\n" + AI + "\n" + AI
    assert codes_lines(lint(text, select=["B101"])) == [(5, "B101")]


def test_disable_line_hides_its_own_line_only():
    text = ("The boat left at six and,\nas an AI language model, I add, it was late. <!-- draftlint-disable-line B101 -->\n"
            "As an AI language model, I add more.\n")
    assert codes_lines(lint(text, select=["B101"])) == [(3, "B101")]


def test_directive_for_another_rule_does_not_hide():
    text = "<!-- draftlint-disable-next-line R001 -->\n" + AI
    assert codes_lines(lint(text, select=["B101"])) == [(2, "B101")]


def test_directive_inside_code_block_is_ignored():
    text = "```\n<!-- draftlint-disable -->\n```\n\n" + AI
    assert codes_lines(lint(text, select=["B101"])) == [(5, "B101")]


def test_front_matter_ignore():
    text = "---\ndraftlint:\n  ignore: [ai-disclaimer]\n---\n\n" + AI
    assert lint(text, select=["B101"]) == []


def test_front_matter_ignore_must_be_a_list():
    text = "---\ndraftlint:\n  ignore: {a: 1}\n---\n\n" + AI
    assert [f.code for f in lint(text, select=["B101"])] == ["E002", "B101"]


def test_per_file_ignores(tmp_path):
    (tmp_path / "legacy").mkdir()
    a = tmp_path / "legacy" / "old.md"
    b = tmp_path / "new.md"
    for p in (a, b):
        p.write_text(AI, encoding="utf-8")
    cfg = config.from_mapping({"select": ["B101"], "per-file-ignores": {"*/legacy/*": ["B101"]}}, None)
    plan = engine.make_plan(registry.load(), cfg)
    run = engine.lint_files([str(a), str(b)], plan)
    assert [f.path for f in run.findings] == [str(b)]


def _file_findings(findings):
    return [(f.line, f.column, f.code, str(f.severity), f.message) for f in findings if f.code.startswith("E")]


def test_unknown_codes_in_directives_and_front_matter_are_e003_warnings():
    text = ("---\ntitle: Harbour\ndraftlint: {ignore: [readabilty, T002], ignor: [T002]}\n---\n\n"
            "<!-- draftlint-disable-next-line ai-disclaimr B101 -->\n" + AI +
            "\n<!-- draftlint-disable Q001,quotes -->\n\nText.\n")
    found = lint(text, select=["B101", "Q001"])
    assert _file_findings(found) == [
        (3, 1, "E003", "warning", 'front matter draftlint.ignore: "readabilty" is not a rule code, code prefix, name '
                                  'or family (did you mean "readability"?)'),
        (3, 1, "E003", "warning", 'front matter draftlint: unknown key "ignor" (did you mean "ignore"?)'),
        (6, 1, "E003", "warning", 'draftlint-disable-next-line: "ai-disclaimr" is not a rule code, code prefix, '
                                  'name or family (did you mean "ai-disclaimer"?)'),
        (9, 1, "E003", "warning", 'draftlint-disable: "quotes" is not a rule code, code prefix, name or family '
                                  '(did you mean "quote"?)'),
    ]
    assert [f.code for f in found] == ["E003"] * 4  # the valid B101 in the same directive still hides line 7


def test_known_selectors_raise_nothing():
    text = "<!-- draftlint-disable-next-line B1 quote all R001 E001 long-sentence -->\n" + AI
    assert lint(text, select=["B101"]) == []


def test_unused_suppressions_are_reported_only_when_asked():
    text = ("<!-- draftlint-disable-next-line B101 -->\nA plain line.\n\n"
            "<!-- draftlint-disable-next-line B101 R001 -->\n" + AI +
            "\n<!-- draftlint-disable-next-line T004 -->\nAnother line.\n")
    assert _file_findings(lint(text, select=["B101", "R001"])) == []
    found = lint(text, select=["B101", "R001", "T004", "E004"])
    assert _file_findings(found) == [
        (1, 1, "E004", "warning", "draftlint-disable-next-line for B101 hides no finding: delete it"),
        (4, 1, "E004", "warning", "draftlint-disable-next-line for R001 hides no finding: delete those codes"),
    ]  # T004 compares files: not judged on one document


def test_unused_whole_file_ignore():
    text = "---\ntitle: Harbour\ndraftlint:\n  ignore: [B101, Q001]\n---\n\n" + AI
    found = lint(text, select=["B101", "Q001", "unused-suppression"])
    assert _file_findings(found) == [
        (3, 1, "E004", "warning", "front matter draftlint.ignore for Q001 hides no finding: delete those codes")]
