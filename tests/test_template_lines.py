"""template-line (B022) against an index: a pre-commit run on one new draft still knows the archive's
template lines; an index of format version 1 (titles only) is still read."""
from __future__ import annotations

import json

from conftest import run_cli

FOOTER = "Support local reporting: become a member of the Harbour Press today."


def _archive(tmp_path):
    (tmp_path / "archive").mkdir()
    for name, story in (("a.md", "The ferry runs twice a day from April."), ("b.md", "The market moves on Monday."),
                        ("c.md", "The school roof is mended at last.")):
        (tmp_path / "archive" / name).write_text(f"# {name}\n\n{story}\n\n{FOOTER}\n", encoding="utf-8")
    (tmp_path / "new.md").write_text(f"# New\n\nThe bridge reopens in May.\n\n{FOOTER}\n", encoding="utf-8")


def _indexed(tmp_path) -> bytes:
    """The archive written and indexed in idx.json; the index command's report."""
    _archive(tmp_path)
    made = run_cli("index", "archive", "-o", "idx.json", "--isolated", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    return made.stderr


def test_one_new_draft_is_checked_against_the_archive_template_lines(tmp_path):
    assert b"(and the template lines of 3)" in _indexed(tmp_path)
    alone = run_cli("check", "new.md", "--isolated", "--no-cache", "--select", "B022", cwd=tmp_path)
    assert alone.returncode == 0  # one file: nothing to share a line with
    found = run_cli("check", "new.md", "--isolated", "--no-cache", "--select", "B022", "--titles-index", "idx.json",
                    cwd=tmp_path)
    assert found.returncode == 1
    assert ("new.md:5:1: B022 [warning] template line shared by 4 documents (archive/a.md, archive/b.md, "
            "archive/c.md): “Support local reporting: become a member of the Harbour Press …”") in found.stdout.decode()


def test_a_file_of_the_run_counts_by_its_current_text_not_its_indexed_one(tmp_path):
    _indexed(tmp_path)
    (tmp_path / "archive" / "c.md").write_text("# c\n\nThe footer is gone from this one.\n", encoding="utf-8")
    found = run_cli("check", "archive/a.md", "archive/c.md", "--isolated", "--no-cache", "--select", "B022",
                    "--titles-index", "idx.json", cwd=tmp_path)
    assert found.returncode == 0, found.stdout  # a.md and b.md (indexed) share it: two, not three


def test_an_index_of_format_version_1_is_read_as_titles_only(tmp_path):
    _archive(tmp_path)
    (tmp_path / "old.json").write_text(json.dumps({"version": 1, "tool": "draftlint", "tokenizer": 1, "titles": []}),
                                       encoding="utf-8")
    proc = run_cli("check", "new.md", "--isolated", "--no-cache", "--select", "B022,T004", "--titles-index", "old.json",
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_template_lines_are_fingerprinted_only_for_a_rule_or_an_index_that_reads_them():
    from draftlint import engine, registry
    from draftlint.config import Config

    text = f"# Ferry\n\nThe ferry runs twice a day from April.\n\n{FOOTER}\n"
    rules = registry.load()
    without = engine.make_plan(rules, Config(select=["B020"], rules={}))
    with_b022 = engine.make_plan(rules, Config(select=["B022"], rules={}))
    assert not without.template_lines and with_b022.template_lines
    assert engine.lint_text(text, "a.md", without).summaries[0].lines == ()
    lines = engine.lint_text(text, "a.md", with_b022).summaries[0].lines
    assert [line.text for line in lines] == ["The ferry runs twice a day from April.",
                                             "Support local reporting: become a member of the Harbour Press …"]
