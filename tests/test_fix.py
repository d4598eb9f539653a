"""--fix and --diff: only safe fixes, atomic writes, line endings and mode kept, idempotent, never on broken files."""
from __future__ import annotations

import os
import stat

import pytest

from conftest import run_cli
from draftlint import fix as fixmod
from draftlint.findings import Finding, Fix, Severity, Span

RULE = ("code: H101\nname: house-share-line\nkind: line\nfamily: boilerplate\nmessage: 'share prompt “{match}”'\n"
        "fix: delete-line\nphrases: [Share this article]\n")
CONFIG = "rule-dirs: [house]\nselect: [H101, T002]\n"
DRAFT = ("---\r\ntitle: Harbour lights return\r\n---\r\n\r\nHarbour lights return\r\n\r\nThe lights are back this winter.\r\n"
         "\r\nShare this article\r\n\r\nThey run until March.\r\n")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "share.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / ".draftlint.yaml").write_text(CONFIG, encoding="utf-8")
    draft = tmp_path / "post.md"
    draft.write_bytes(b"\xef\xbb\xbf" + DRAFT.encode("utf-8"))
    os.chmod(draft, 0o640)
    return tmp_path


def test_diff_prints_and_changes_nothing(project):
    before = (project / "post.md").read_bytes()
    proc = run_cli("check", "post.md", "--diff", cwd=project)
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert "--- a/post.md" in out and "-Harbour lights return\r\n" in out and "-Share this article\r\n" in out
    assert (project / "post.md").read_bytes() == before


def test_fix_deletes_lines_keeps_bom_crlf_and_mode_and_is_idempotent(project):
    proc = run_cli("check", "post.md", "--fix", cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert b"fixed 2 finding(s) in 1 file(s)" in proc.stderr
    assert b"No findings in 1 file." in proc.stdout
    data = (project / "post.md").read_bytes()
    assert data == b"\xef\xbb\xbf" + ("---\r\ntitle: Harbour lights return\r\n---\r\n\r\nThe lights are back this winter.\r\n"
                                      "\r\nThey run until March.\r\n").encode("utf-8")
    assert stat.S_IMODE(os.stat(project / "post.md").st_mode) == 0o640
    again = run_cli("check", "post.md", "--fix", cwd=project)
    assert again.returncode == 0 and b"fixed" not in again.stderr
    assert (project / "post.md").read_bytes() == data
    assert not [p for p in project.iterdir() if p.name.endswith(".draftlint-tmp")]


def test_check_without_fix_never_writes(project):
    before = (project / "post.md").read_bytes()
    run_cli("check", "post.md", cwd=project)
    assert (project / "post.md").read_bytes() == before


def test_file_with_parse_error_is_never_fixed(project):
    broken = "---\ntitle: Harbour lights return\n\nHarbour lights return\n\nShare this article\n"
    (project / "post.md").write_text(broken, encoding="utf-8")
    proc = run_cli("check", "post.md", "--fix", cwd=project)
    assert b"E002" in proc.stdout
    assert (project / "post.md").read_text(encoding="utf-8") == broken


def test_crash_between_write_and_rename_leaves_original(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_bytes(b"original\n")

    def boom(src, dst):
        raise OSError("simulated crash before rename")

    monkeypatch.setattr(fixmod.os, "replace", boom)
    with pytest.raises(OSError):
        fixmod.write_atomic(str(path), b"new content\n")
    assert path.read_bytes() == b"original\n"
    assert list(tmp_path.iterdir()) == [path]


def finding(line, end_line=None, col=1, end_col=1, whole=True, replacement=""):
    span = Span(line, col, end_line or line, end_col)
    return Finding("a.md", line, col, line, end_col, "X001", "x", "boilerplate", Severity.WARNING, "m", "",
                   Fix(span, replacement, whole))


def test_plan_fixes_collapses_blank_lines_and_handles_lone_cr():
    data = b"a\r\rgone\r\rb\r"
    change = fixmod.plan_fixes("a.md", data, [finding(3)])
    assert change.fixed == b"a\r\rb\r"
    data = b"one gone two\n"
    change = fixmod.plan_fixes("a.md", data, [finding(1, col=5, end_col=10, whole=False)])
    assert change.fixed == b"one two\n"
    assert fixmod.plan_fixes("a.md", b"x\n", []) is None


def test_generator_disclaimer_sentence_is_removed(tmp_path):
    """B101's fix deletes the sentence the disclaimer opens: the paragraph when it is all of it, else the
    sentence and its trailing space; a disclaimer in mid-sentence has no safe fix."""
    draft = tmp_path / "notes.md"
    draft.write_text("# Bridge notes\n\n"
                     "As an AI language model, I cannot browse the web. Here is an overview of the works.\n\n"
                     "The council met on Monday. As an AI model, I have no opinion on it.\n\n"
                     "As an AI language model, I must say this alone.\n\n"
                     "Speaking as an AI language model is what the chatbot did here.\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--no-cache", "--select", "B101", "--fix", str(draft), cwd=tmp_path)
    assert draft.read_text(encoding="utf-8") == (
        "# Bridge notes\n\nHere is an overview of the works.\n\nThe council met on Monday.\n\n"
        "Speaking as an AI language model is what the chatbot did here.\n")
    assert proc.returncode == 1 and b"notes.md:7:10: B101" in proc.stdout  # the unfixable one remains
    again = run_cli("check", "--isolated", "--no-cache", "--select", "B101", "--fix", str(draft), cwd=tmp_path)
    assert again.returncode == 1 and draft.read_text(encoding="utf-8").endswith("chatbot did here.\n")
