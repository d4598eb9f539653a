"""What a daily user of the command line meets: patches that apply, fixes that stay fixed, standard input
for editors, --version, --statistics, --write-baseline, the progress bar."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SHARED, run_cli
from draftlint import engine, fix as fixmod, registry
from draftlint.config import Config

AD = "Advertisement\n\nThe ferry now runs twice a day.\n"
NO_EOL = "The harbour plan\n\nAs an AI language model, I cannot do that.\n\nclose"


@pytest.fixture
def two_files(tmp_path):
    (tmp_path / "a.txt").write_text(AD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(NO_EOL, encoding="utf-8")
    return tmp_path


def test_diff_of_a_file_without_final_newline_applies_with_git_and_patch(two_files):
    proc = run_cli("check", "a.txt", "b.txt", "--isolated", "--no-cache", "--diff", cwd=two_files)
    assert proc.returncode == 1
    patch = proc.stdout.decode()
    assert patch == ("--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1 @@\n-Advertisement\n-\n The ferry now runs twice a day.\n"
                     "--- a/b.txt\n+++ b/b.txt\n@@ -1,5 +1,2 @@\n The harbour plan\n \n"
                     "-As an AI language model, I cannot do that.\n-\n-close\n\\ No newline at end of file\n")
    assert b"a.txt:1:1: B112" in proc.stderr  # the findings go to standard error: standard output is the patch
    (two_files / "fix.patch").write_text(patch, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=two_files, check=True)
    assert subprocess.run(["git", "apply", "--check", "fix.patch"], cwd=two_files).returncode == 0
    if shutil.which("patch"):
        subprocess.run(["patch", "-p1", "-s", "-i", "fix.patch"], cwd=two_files, check=True)
        assert (two_files / "a.txt").read_text(encoding="utf-8") == "The ferry now runs twice a day.\n"
        assert (two_files / "b.txt").read_text(encoding="utf-8") == "The harbour plan\n\n"


def test_diff_paths_have_no_dot_slash(two_files):
    proc = run_cli("check", ".", "--isolated", "--no-cache", "--diff", cwd=two_files)
    assert proc.stdout.decode().splitlines()[:2] == ["--- a/a.txt", "+++ b/a.txt"]


def test_stdin_fix_writes_the_fixed_text_to_stdout_and_findings_to_stderr():
    proc = run_cli("check", "-", "--stdin-filename", "notes/b.txt", "--isolated", "--no-cache", "--fix",
                   stdin=NO_EOL.encode("utf-8"))
    assert proc.stdout == b"The harbour plan\n\n"
    assert b"fixed 2 finding(s) in 1 file(s)" in proc.stderr
    assert b"No findings in 1 file." in proc.stderr
    assert proc.returncode == 0


def test_stdin_fix_with_nothing_to_fix_echoes_the_text():
    text = "\"It works,\" said Ana Ruiz.\n"
    proc = run_cli("check", "-", "--isolated", "--no-cache", "--fix", stdin=text.encode("utf-8"))
    assert proc.stdout == text.encode("utf-8") and proc.returncode == 0


def test_stdin_diff():
    proc = run_cli("check", "-", "--stdin-filename", "b.txt", "--isolated", "--no-cache", "--diff",
                   stdin=NO_EOL.encode("utf-8"))
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith("--- a/b.txt\n+++ b/b.txt\n@@ -1,5 +1,2 @@\n")
    assert b"b.txt:3:1: B101 [error]" in proc.stderr


def test_diff_with_nothing_to_fix_prints_nothing_and_exits_by_the_findings(tmp_path):
    (tmp_path / "q.md").write_text("The mood at the harbour was bright.\n\n\"We will win this year, no matter what "
                                   "the board decides.\"\n", encoding="utf-8")
    proc = run_cli("check", "q.md", "--isolated", "--no-cache", "--diff", "--select", "Q001", cwd=tmp_path)
    assert proc.stdout == b"" and proc.returncode == 1 and b"q.md:3:1: Q001" in proc.stderr


def test_version_option():
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("draftlint 0.")


def test_statistics_prints_the_table_not_the_findings(two_files):
    proc = run_cli("check", ".", "--isolated", "--no-cache", "--statistics", cwd=two_files)
    assert proc.stdout.decode() == ("count  code   rule\n"
                                    "     1  B101   ai-disclaimer\n"
                                    "     1  B112   ad-slot-line\n"
                                    "     1  B113   ui-word-line\n"
                                    "\nFound 3 findings (1 error, 2 warning) in 2 of 2 files.\n")


def test_write_baseline_prints_the_summary_not_every_finding(two_files):
    proc = run_cli("check", ".", "--isolated", "--no-cache", "--write-baseline", "bl.json", cwd=two_files)
    assert proc.returncode == 0
    assert proc.stdout.decode() == "Found 3 findings (1 error, 2 warning) in 2 of 2 files.\n"
    assert b"wrote 3 finding(s) to the baseline bl.json (3 entries)" in proc.stderr


def test_progress_forced_on_and_off(two_files):
    on = run_cli("check", ".", "--isolated", "--no-cache", "-f", "json", "--progress", cwd=two_files)
    assert b" 0/2 [" in on.stderr and b"file/s]" in on.stderr
    off = run_cli("check", ".", "--isolated", "--no-cache", "--no-progress", cwd=two_files)
    assert b"file/s]" not in off.stderr
    default = run_cli("check", ".", "--isolated", "--no-cache", cwd=two_files)  # standard error is a pipe
    assert default.stderr == b""


def _plan():
    return engine.make_plan(registry.load(), Config())


def _fixable_left(path: str, data: bytes, plan) -> list[str]:
    run = engine.lint_text(data, path, plan)
    return [f"{f.code}:{f.line}" for f in run.findings if f.fix is not None]


def test_fix_is_idempotent_on_every_fixture():
    plan = _plan()
    checked = 0
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix not in (".md", ".txt", ".markdown", ".html", ".htm"):
            continue
        change = fixmod.fix_bytes(str(path), path.read_bytes(), plan)
        if change is None:
            continue
        checked += 1
        assert _fixable_left(str(path), change.fixed, plan) == [], path
        assert fixmod.fix_bytes(str(path), change.fixed, plan) is None, path
    assert checked >= 20


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="needs ../shared/seed")
def test_fix_is_idempotent_on_the_seed(tmp_path):
    seed = SHARED / "seed" / "content-farm-article.txt"
    draft = tmp_path / "seed.txt"
    draft.write_bytes(seed.read_bytes())  # a scratch copy in a temporary folder, never in the repository
    first = run_cli("check", "seed.txt", "--isolated", "--no-cache", "--fix", cwd=tmp_path)
    assert b"fixed " in first.stderr
    fixed = draft.read_bytes()
    again = run_cli("check", "seed.txt", "--isolated", "--no-cache", "--diff", cwd=tmp_path)
    assert again.stdout == b""
    assert draft.read_bytes() == fixed
    assert _fixable_left("seed.txt", fixed, _plan()) == []


def test_json_report_matches_its_schema_and_describes_each_rule(two_files):
    import json

    import jsonschema

    schema = json.loads((ROOT / "schemas" / "report-v1.schema.json").read_text(encoding="utf-8"))
    (two_files / "bad.md").write_bytes(b"Caf\xe9\n")
    proc = run_cli("check", ".", "--isolated", "--no-cache", "-f", "json", cwd=two_files)
    report = json.loads(proc.stdout)
    jsonschema.validate(report, schema)
    assert {f["code"]: f["description"] for f in report["findings"]} == {
        "B101": "A text generator's disclaimer about itself (\"As an AI language model, I ...\").",
        "B112": "An advertising slot label on its own line (\"Advertisement\", \"Remove Ads\").",
        "B113": "A button or link label of the page frame on its own line (\"close\", \"Skip to content\", \"Print\").",
        "E001": "A file that cannot be read or is not valid UTF-8: nothing else in it was checked."}


def test_sarif_keeps_every_rule_help_including_file_codes(two_files):
    import json

    (two_files / "bad.md").write_bytes(b"Caf\xe9\n")
    proc = run_cli("check", ".", "--isolated", "--no-cache", "-f", "sarif", cwd=two_files)
    rules = {r["id"]: r for r in json.loads(proc.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    explained = run_cli("explain", "E001").stdout.decode()
    assert explained.split("\n", 2)[2].strip() == rules["E001"]["help"]["text"]
    assert all("## How to fix" in r["help"]["text"] for r in rules.values())
