"""--write-baseline / --baseline: entries keyed by path, code and a fingerprint of the flagged text and its
context, never by line number; stale entries are reported."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from draftlint.baseline import Sources, fingerprint
from draftlint.cli import app
from draftlint.findings import Finding, Severity

runner = CliRunner()
AI = "As an AI language model, I can help."
DRAFT = f"# Tips\n\n{AI}\n\nSome ordinary text.\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "drafts" / "b.md").write_text("# Fine\n\nA plain sentence.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str):
    return runner.invoke(app, ["check", "--isolated", "--no-cache", "-j", "1", "--select", "B101", *args])


def test_write_then_hide_then_survive_line_shifts(repo):
    written = check("drafts", "--write-baseline", "baseline.json")
    assert written.exit_code == 0  # recording is not failing
    assert "wrote 1 finding(s) to the baseline baseline.json (1 entries)" in written.stderr
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    [entry] = data["entries"]
    assert entry["path"] == "drafts/a.md" and entry["code"] == "B101" and entry["count"] == 1
    assert "line" not in entry and len(entry["fingerprint"]) == 20

    result = check("drafts", "--baseline", "baseline.json")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No findings in 2 files. Baseline: 1 hidden, 0 stale entries."

    (repo / "drafts" / "a.md").write_text("# Tips\n\nA new first paragraph.\n\nAnother one.\n\n" + DRAFT[8:],
                                          encoding="utf-8")
    assert check("drafts", "--baseline", "baseline.json").exit_code == 0  # moved down four lines: still hidden


def test_new_findings_still_fail_and_duplicates_are_counted(repo):
    check("drafts", "--write-baseline", "baseline.json")
    (repo / "drafts" / "a.md").write_text(DRAFT + f"\n{AI}\n\nAs an AI model, I cannot.\n", encoding="utf-8")
    result = check("drafts", "--baseline", "baseline.json", "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    # the recorded finding hides one of the two identical paragraphs; the second copy and the new wording are new
    assert [(f["line"], f["excerpt"]) for f in data["findings"]] == [(7, "As an AI language model"), (9, "As an AI model")]
    assert data["summary"]["baseline"] == {"hidden": 1, "stale": 0}


def test_editing_the_flagged_text_makes_it_new(repo):
    check("drafts", "--write-baseline", "baseline.json")
    (repo / "drafts" / "a.md").write_text(DRAFT.replace("I can help", "I can certainly help you"), encoding="utf-8")
    result = check("drafts", "--baseline", "baseline.json")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1].endswith("Baseline: 0 hidden, 1 stale entry.")


def test_fixed_finding_is_a_stale_entry_but_unlinted_files_are_not(repo):
    check("drafts", "--write-baseline", "baseline.json")
    only_b = check("drafts/b.md", "--baseline", "baseline.json")
    assert only_b.stdout.strip() == "No findings in 1 file. Baseline: 0 hidden, 0 stale entries."
    (repo / "drafts" / "a.md").write_text("# Tips\n\nSome ordinary text.\n", encoding="utf-8")
    result = check("drafts", "--baseline", "baseline.json")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No findings in 2 files. Baseline: 0 hidden, 1 stale entry."
    assert "baseline baseline.json: stale entry drafts/a.md B101" in result.stderr
    assert "rewrite the baseline with --write-baseline" in result.stderr
    assert "stale entry" not in check("drafts", "--baseline", "baseline.json", "-q").stderr


def test_paths_are_relative_to_the_baseline_file(repo, monkeypatch):
    (repo / "ci").mkdir()
    check("drafts", "--write-baseline", "ci/baseline.json")
    assert json.loads((repo / "ci" / "baseline.json").read_text(encoding="utf-8"))["entries"][0]["path"] == "../drafts/a.md"
    monkeypatch.chdir(repo / "drafts")
    result = check("a.md", "--baseline", "../ci/baseline.json")
    assert result.exit_code == 0 and "1 hidden" in result.stdout


def test_bad_baselines_are_usage_errors(repo):
    result = check("drafts", "--baseline", "missing.json")
    assert result.exit_code == 2 and "cannot read baseline missing.json" in result.stderr
    (repo / "bad.json").write_text("{not json", encoding="utf-8")
    assert "is not valid JSON" in check("drafts", "--baseline", "bad.json").stderr
    (repo / "bad.json").write_text('{"version": 1, "entries": [{"path": "a.md", "code": "B101"}]}', encoding="utf-8")
    result = check("drafts", "--baseline", "bad.json")
    assert result.exit_code == 2 and "entry 1 needs path, code, fingerprint" in result.stderr
    (repo / "bad.json").write_text('{"version": 7, "entries": []}', encoding="utf-8")
    assert check("drafts", "--baseline", "bad.json").exit_code == 2
    result = check("drafts", "--write-baseline", "b.json", "--diff-base", "HEAD")
    assert result.exit_code == 2 and "cannot be combined with --diff-base" in result.stderr


def test_stdin_findings_are_fingerprinted_from_the_input(repo):
    runner.invoke(app, ["check", "--isolated", "--select", "B101", "-", "--stdin-filename", "drafts/new.md",
                        "--write-baseline", "baseline.json"], input=DRAFT)
    [entry] = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))["entries"]
    on_disk = Finding("drafts/a.md", 3, 1, 3, 24, "B101", "ai-disclaimer", "boilerplate", Severity.ERROR, "m")
    assert entry["path"] == "drafts/new.md"
    assert entry["fingerprint"] == fingerprint(on_disk, Sources().lines("drafts/a.md"))  # same text, same print


def test_fingerprint_uses_text_and_context_not_position():
    lines = ["", "Intro. As an AI language model, I can help."]
    f = Finding("x.md", 2, 8, 2, 31, "B101", "ai-disclaimer", "boilerplate", Severity.ERROR, "m", "As an AI language model")
    moved = Finding("x.md", 5, 8, 5, 31, "B101", "ai-disclaimer", "boilerplate", Severity.ERROR, "m")
    assert fingerprint(f, lines) == fingerprint(moved, ["", "", "", "", lines[1]])
    assert fingerprint(f, lines) != fingerprint(f, ["", "Outro. As an AI language model, I can help."])
    assert fingerprint(f, lines) == fingerprint(f, ["", "Intro. As an AI language model,\tI  can help."])  # spacing
    other_code = Finding("x.md", 2, 8, 2, 31, "B102", "x", "boilerplate", Severity.ERROR, "m")
    assert fingerprint(other_code, lines) != fingerprint(f, lines)
    whole_doc = Finding("x.md", 0, 0, 0, 0, "R003", "x", "readability", Severity.INFO, "hard to read (grade 14)")
    assert fingerprint(whole_doc, lines) == fingerprint(whole_doc, [])


def test_no_baseline_is_written_when_a_rule_crashed(repo, monkeypatch):
    from draftlint.rules.titles.title_repeated_in_body import TitleRepeatedInBody

    def boom(self, doc, opts):
        raise RuntimeError("boom")

    monkeypatch.setattr(TitleRepeatedInBody, "check", boom)
    result = runner.invoke(app, ["check", "--isolated", "--no-cache", "-j", "1", "--select", "B101,T002", "drafts",
                                 "--write-baseline", "baseline.json"])
    assert result.exit_code == 2 and "not writing the baseline baseline.json: a rule crashed" in result.stderr
    assert not (repo / "baseline.json").exists()
