"""The pre-commit hook, for real: the `pre-commit` package installs draftlint from this checkout (at its HEAD
commit) into its own environment, and `git commit` in a temporary repository runs the hook.

The end-to-end test is slow (pre-commit builds a virtualenv and pip-installs draftlint with spaCy: a minute or two with a warm pip
cache) and needs the package registry, hence the `network` mark: deselect with `-m "not network"`.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import ROOT
from draftlint.cli import app

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))

CLEAN = "---\ntitle: Harbour dredging starts\n---\n\nThe harbour authority began dredging the east channel on Monday.\n"
RESIDUE = "# Garden tips\n\nAs an AI language model, I cannot visit your garden, but here are some tips.\n"


def _pre_commit(tmp_path: Path) -> list[str]:
    """The pre-commit command: the test environment's (the `test` extra has it), else a fresh install."""
    try:
        import pre_commit  # noqa: F401

        return [sys.executable, "-m", "pre_commit"]
    except ImportError:
        env = tmp_path / "pc-venv"
        venv.create(env, with_pip=True)
        python = env / ("Scripts" if os.name == "nt" else "bin") / "python"
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "pre-commit"], check=True, timeout=600)
        return [str(python), "-m", "pre_commit"]


def _git(repo: Path, *args: str, env: dict, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check, timeout=timeout)


def test_hook_definition():
    [hook] = HOOKS
    assert hook["id"] == "draftlint" and hook["language"] == "python" and hook["require_serial"] is False
    assert hook["entry"] == "draftlint check --force-exclude"
    chosen = re.compile(hook["files"])
    assert [bool(chosen.search(name)) for name in ("a.md", "b/c.markdown", "notes.txt", "x.py", "README.rst",
                                                   "LICENSE", "md")] == [True, True, True, False, False, False, False]


def test_force_exclude_applies_config_excludes_to_named_files(tmp_path, monkeypatch):
    for rel in ("archive/2019/old.md", "drafts/new.md", "drafts/wip.draft.txt", "drafts/old/x.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(RESIDUE, encoding="utf-8")
    (tmp_path / ".draftlint.yaml").write_text('exclude: [archive/2019, "*.draft.txt", old]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "drafts")  # config found by walking up; globs are relative to its folder
    names = ["../archive/2019/old.md", "new.md", "wip.draft.txt", "old/x.md"]
    runner = CliRunner()
    forced = runner.invoke(app, ["check", "--no-cache", "--select", "B101", "--force-exclude", *names])
    assert [line.split(":")[0] for line in forced.stdout.splitlines()[:-1]] == ["new.md"]
    plain = runner.invoke(app, ["check", "--no-cache", "--select", "B101", *names])
    assert len(plain.stdout.splitlines()) == 5  # a named file is linted unless --force-exclude


@pytest.mark.network
@pytest.mark.slow
def test_hook_passes_a_clean_draft_and_blocks_residue(tmp_path):
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("the checkout is not a git repository with a commit")
    command = _pre_commit(tmp_path)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "store"), "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL":
           "test@example.invalid", "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(key, None)
    repo = tmp_path / "drafts"
    repo.mkdir()
    _git(repo, "init", "--quiet", env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n-   repo: {ROOT.as_posix()}\n    rev: {head.stdout.strip()}\n    hooks:\n    -   id: draftlint\n"
        f"        args: [--isolated, --no-cache, --fail-on, error]\n", encoding="utf-8")
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
    subprocess.run([*command, "install"], cwd=repo, env=env, check=True, capture_output=True, timeout=60)

    (repo / "harbour.md").write_text(CLEAN, encoding="utf-8")
    (repo / "notes.py").write_text("# As an AI language model, I am not a draft.\n", encoding="utf-8")
    _git(repo, "add", ".", env=env)
    started = time.monotonic()
    clean = _git(repo, "commit", "-m", "clean draft", env=env, check=False, timeout=1200)
    build = time.monotonic() - started
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "draftlint" in clean.stdout + clean.stderr and "Passed" in clean.stdout + clean.stderr

    (repo / "garden.md").write_text(RESIDUE, encoding="utf-8")
    _git(repo, "add", "garden.md", env=env)
    started = time.monotonic()
    blocked = _git(repo, "commit", "-m", "draft with residue", env=env, check=False, timeout=300)
    rerun = time.monotonic() - started
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    assert "draftlint" in output and "Failed" in output
    assert "garden.md:3:1: B101 [error]" in output and "harbour.md" not in output.split("Failed", 1)[1]
    log = _git(repo, "log", "--format=%s", env=env).stdout.split("\n")
    assert log[0] == "clean draft"  # the residue commit was refused
    print(f"\n{version.stdout.strip()}: first commit (environment build) {build:.0f} s, second commit {rerun:.1f} s")
