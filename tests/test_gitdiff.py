"""--diff-base REV: only files changed since REV are linted, only findings on added or modified lines count;
real git repositories (two commits, a shallow clone), and the CI recipe's commands from the README."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from draftlint.cli import app
from draftlint.findings import Finding, Severity
from draftlint.gitdiff import Changes, parse_hunks, unquote

runner = CliRunner()
DRAFTLINT = str(Path(sys.executable).parent / "draftlint")
AI = "As an AI language model, I can help."
ENV = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "T",
       "GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(cwd: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | ENV
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout.strip()


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """Base commit: old.md with residue on line 3, keep.md with residue; the second commit edits old.md below it."""
    root = tmp_path / "site"
    root.mkdir()
    git(root, "init", "--quiet", "-b", "main")
    write(root / "docs" / "old.md", f"# Old\n\n{AI}\n\nFirst paragraph.\n\nSecond paragraph.\n")
    write(root / "docs" / "keep.md", f"# Keep\n\n{AI}\n")
    write(root / "docs" / "gone.md", "# Gone\n\nNotes about nothing in particular, kept for the record.\n")
    write(root / "docs" / "to-move.md", f"# Moved\n\nA paragraph that stays.\n\n{AI}\n")
    git(root, "add", ".")
    git(root, "commit", "--quiet", "-m", "base")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.chdir(root)
    return root


def pr_commit(root: Path) -> None:
    write(root / "docs" / "old.md", f"# Old\n\n{AI}\n\nFirst paragraph.\n\n{AI} Really.\n\nA new paragraph.\n")
    write(root / "docs" / "new.md", f"# New\n\nFine words.\n\n{AI}\n")
    (root / "docs" / "gone.md").unlink()
    (root / "docs" / "to-move.md").rename(root / "docs" / "moved.md")  # a rename: its old lines are not new
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "pr")


def check(*args: str):
    return runner.invoke(app, ["check", "--isolated", "--no-cache", "-j", "1", "--select", "B101", *args])


def test_parse_hunks_and_unquote():
    patch = "\n".join([
        "diff --git a/a.md b/a.md", "--- a/a.md", "+++ b/a.md",
        "@@ -3 +3 @@ ctx", "-old", "+new",
        "@@ -10,2 +9,0 @@", "-gone", "-gone",  # a pure deletion touches nothing
        "@@ -20,0 +19,3 @@", "+a", "+b", "+c",
        "diff --git a/x.md b/x.md", "deleted file mode 100644", "--- a/x.md", "+++ /dev/null", "@@ -1 +0,0 @@", "-x",
        'diff --git "a/na\\303\\257ve\\tname.md" "b/na\\303\\257ve\\tname.md"', "new file mode 100644",
        "--- /dev/null", '+++ "b/na\\303\\257ve\\tname.md"', "@@ -0,0 +1,2 @@", "+1", "+2", ""])
    assert parse_hunks(patch) == {"a.md": {3, 19, 20, 21}, "naïve\tname.md": {1, 2}}
    assert unquote('"say \\"hi\\".md"') == 'say "hi".md' and unquote("plain.md") == "plain.md"


def test_touches_lines_and_document_level_findings(tmp_path):
    path = str(tmp_path / "a.md")
    changes = Changes("HEAD", tmp_path, {os.path.realpath(path): {5, 6}, os.path.realpath(tmp_path / "new.md"): None})

    def at(line: int, end_line: int | None = None, where: str = path) -> Finding:
        return Finding(where, line, 1, end_line or line, 2, "B101", "x", "boilerplate", Severity.ERROR, "m")

    assert [changes.touches(at(n)) for n in (4, 5, 6, 7)] == [False, True, True, False]
    assert changes.touches(at(2, 5)) and not changes.touches(at(2, 4))  # a multi-line span overlapping the edit
    assert changes.touches(at(0))  # document-level: counts because the file changed
    assert changes.touches(at(40, where=str(tmp_path / "new.md")))  # a new file: every line
    assert not changes.touches(at(0, where=str(tmp_path / "other.md")))


def test_diff_base_lints_changed_files_and_reports_touched_lines(repo):
    base = git(repo, "rev-parse", "HEAD")
    pr_commit(repo)
    write(repo / "docs" / "draft-untracked.md", f"{AI}\n")  # not committed yet: new, every line counts
    write(repo / "docs" / "ignored.md", f"{AI}\n")
    write(repo / ".gitignore", "docs/ignored.md\n")
    result = check("--diff-base", base, "-f", "json", ".")
    data = json.loads(result.stdout)
    found = [(f["path"], f["line"]) for f in data["findings"]]
    # old.md line 3 is old residue on an untouched line: not reported; line 7 was modified
    assert found == [("docs/draft-untracked.md", 1), ("docs/new.md", 5), ("docs/old.md", 7)]
    assert data["summary"]["files"] == 4  # moved.md was linted; keep.md was not, nor the ignored file
    assert result.exit_code == 1
    assert check("--diff-base", "HEAD", "docs/keep.md").stdout.strip() == "No findings in 0 files."


def test_diff_base_from_a_subfolder_and_with_uncommitted_edits(repo, monkeypatch):
    write(repo / "docs" / "keep.md", f"# Keep\n\n{AI}\n\nAnd {AI}\n")
    monkeypatch.chdir(repo / "docs")
    result = check("--diff-base", "HEAD", ".")
    assert result.stdout.splitlines() == ["keep.md:5:5: B101 [error] text generator disclaimer “As an AI language "
                                          "model” left in the draft", "Found 1 finding (1 error) in 1 of 1 file."]


def test_missing_revision_and_non_git_folder_exit_2(repo, tmp_path, monkeypatch):
    result = check("--diff-base", "no-such-branch", ".")
    assert result.exit_code == 2
    assert '--diff-base: "no-such-branch" is not a commit in this repository' in result.stderr
    assert "git fetch --depth=1 origin no-such-branch" in result.stderr
    assert check("--diff-base", "--output=x", ".").exit_code == 2  # not taken as an option by git
    outside = tmp_path / "plain"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = check("--diff-base", "HEAD", ".")
    assert result.exit_code == 2 and "--diff-base needs a git repository" in result.stderr


def test_shallow_clone_needs_the_base_fetched(repo, tmp_path, monkeypatch):
    base = git(repo, "rev-parse", "HEAD")
    pr_commit(repo)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth=1", repo.as_uri(), str(clone))
    monkeypatch.chdir(clone)
    assert check("--diff-base", base, ".").exit_code == 2
    git(clone, "fetch", "--quiet", "--depth=1", "origin", base)
    result = check("--diff-base", base, ".", "-f", "json")
    assert [(f["path"], f["line"]) for f in json.loads(result.stdout)["findings"]] == [("docs/new.md", 5),
                                                                                        ("docs/old.md", 7)]


def test_ci_recipe_commands(repo):
    """The README's GitHub and GitLab recipes, run on a repository with two commits (as a CI job sees it)."""
    pr_commit(repo)
    github = subprocess.run(
        [DRAFTLINT, "check", "--diff-base", "HEAD~1", "--format", "github", "--report", "sarif:draftlint.sarif",
         "--isolated", "--select", "B101", "docs"], cwd=repo, capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert github.returncode == 1
    assert github.stdout.splitlines()[:2] == [
        "::error file=docs/new.md,line=5,col=1,endLine=5,endColumn=24,title=B101 ai-disclaimer::text generator "
        "disclaimer “As an AI language model” left in the draft",
        "::error file=docs/old.md,line=7,col=1,endLine=7,endColumn=24,title=B101 ai-disclaimer::text generator "
        "disclaimer “As an AI language model” left in the draft"]
    sarif = json.loads((repo / "draftlint.sarif").read_text(encoding="utf-8"))
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]] \
        == ["docs/new.md", "docs/old.md"]
    gitlab = subprocess.run([DRAFTLINT, "check", "--diff-base", "HEAD~1", "--report", "junit:draftlint.xml",
                             "--isolated", "--select", "B101", "."], cwd=repo, capture_output=True, text=True)
    assert gitlab.returncode == 1 and gitlab.stdout.startswith("docs/new.md:5:1: B101 [error]")
    assert 'failures="2"' in (repo / "draftlint.xml").read_text(encoding="utf-8")
    report_only = subprocess.run([DRAFTLINT, "check", "--diff-base", "HEAD~1", "--exit-zero", "--isolated", "."],
                                 cwd=repo, capture_output=True, text=True)
    assert report_only.returncode == 0 and "B101" in report_only.stdout


def test_action_script_fetches_the_base_in_a_shallow_clone(repo, tmp_path):
    """scripts/ci-check.sh, as action.yml runs it: a depth-1 clone of the pull request, the base fetched on demand."""
    base = git(repo, "rev-parse", "HEAD")
    pr_commit(repo)
    clone = tmp_path / "ci-clone"
    git(tmp_path, "clone", "--quiet", "--depth=1", repo.as_uri(), str(clone))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | ENV | {
        "PATH": f"{Path(DRAFTLINT).parent}{os.pathsep}{os.environ['PATH']}", "DRAFTLINT_DIFF_BASE": base,
        "DRAFTLINT_SARIF": "out.sarif", "DRAFTLINT_PATHS": "docs", "DRAFTLINT_ARGS": "--isolated --select B101"}
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "ci-check.sh")], cwd=clone, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert [line.split("::")[1].split(",")[0] for line in proc.stdout.splitlines()[:-1]] == [
        "error file=docs/new.md", "error file=docs/old.md"]
    assert len(json.loads((clone / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]) == 2
    bad = subprocess.run(["bash", str(ROOT / "scripts" / "ci-check.sh")], cwd=clone, capture_output=True, text=True,
                         env=env | {"DRAFTLINT_DIFF_BASE": "0" * 40}, timeout=300)
    assert bad.returncode != 0 and "::error" not in bad.stdout


def test_action_definition_passes_every_input_to_the_script():
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    step = action["runs"]["steps"][-1]
    assert step["run"] == 'bash "$GITHUB_ACTION_PATH/scripts/ci-check.sh"'
    script = (ROOT / "scripts" / "ci-check.sh").read_text(encoding="utf-8")
    used = {value.removeprefix("${{ inputs.").removesuffix(" }}") for value in step["env"].values()}
    assert used | {"python-version"} == set(action["inputs"])
    assert all(f"${{{name}" in script for name in step["env"])
