"""The result cache: warm runs reuse results, any change invalidates, a corrupt cache is ignored."""
from __future__ import annotations

import json

from conftest import run_cli

AI = "# Tips\n\nAs an AI language model, I can help.\n"


def findings(proc):
    return [(f["path"], f["line"], f["code"]) for f in json.loads(proc.stdout)["findings"]]


def test_warm_run_matches_cold_run_and_content_change_invalidates(tmp_path):
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Clean\n\nA fine sentence.\n", encoding="utf-8")
    cold = run_cli("check", ".", "-f", "json", "--isolated", cwd=tmp_path)
    entries = list((tmp_path / ".draftlint_cache").rglob("*.json"))
    assert len(entries) == 2 and (tmp_path / ".draftlint_cache" / "CACHEDIR.TAG").is_file()
    warm = run_cli("check", ".", "-f", "json", "--isolated", cwd=tmp_path)
    assert findings(warm) == findings(cold) == [("a.md", 3, "B101")]
    (tmp_path / "b.md").write_text("# Clean\n\nAs an AI model, yes.\n", encoding="utf-8")
    changed = run_cli("check", ".", "-f", "json", "--isolated", cwd=tmp_path)
    assert findings(changed) == [("a.md", 3, "B101"), ("b.md", 3, "B101")]


def test_config_change_uses_another_cache_key(tmp_path):
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    run_cli("check", ".", "--isolated", cwd=tmp_path)
    proc = run_cli("check", ".", "-f", "json", "--isolated", "--ignore", "B101", cwd=tmp_path)
    assert findings(proc) == []
    (tmp_path / ".draftlint.yaml").write_text("severity: {B101: info}\n", encoding="utf-8")
    proc = run_cli("check", ".", "-f", "json", cwd=tmp_path)
    assert json.loads(proc.stdout)["findings"][0]["severity"] == "info"


def test_corrupt_or_foreign_cache_entries_are_ignored(tmp_path):
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    run_cli("check", ".", "--isolated", cwd=tmp_path)
    for entry in (tmp_path / ".draftlint_cache").rglob("*.json"):
        entry.write_text('{"format": 1, "key": "other", "findings": []}', encoding="utf-8")
    proc = run_cli("check", ".", "-f", "json", "--isolated", cwd=tmp_path)
    assert findings(proc) == [("a.md", 3, "B101")]
    for entry in (tmp_path / ".draftlint_cache").rglob("*.json"):
        entry.write_bytes(b"\x80\x04garbage not json")
    proc = run_cli("check", ".", "-f", "json", "--isolated", cwd=tmp_path)
    assert proc.returncode == 1 and findings(proc) == [("a.md", 3, "B101")] and b"Traceback" not in proc.stderr
    for entry in (tmp_path / ".draftlint_cache").rglob("*.json"):
        key = entry.stem
        entry.write_text(json.dumps({"format": 1, "key": key, "findings": [{"line": "x"}]}), encoding="utf-8")
    proc = run_cli("check", ".", "-f", "json", "--isolated", cwd=tmp_path)
    assert findings(proc) == [("a.md", 3, "B101")]


def test_no_cache_and_clean(tmp_path):
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    run_cli("check", ".", "--isolated", "--no-cache", cwd=tmp_path)
    assert not (tmp_path / ".draftlint_cache").exists()
    run_cli("check", ".", "--isolated", cwd=tmp_path)
    assert (tmp_path / ".draftlint_cache").exists()
    proc = run_cli("clean", "--isolated", cwd=tmp_path)
    assert proc.returncode == 0 and not (tmp_path / ".draftlint_cache").exists()
