"""The command line end to end: output formats, exit codes, stdin, bad input."""
from __future__ import annotations

import json

import jsonschema
from typer.testing import CliRunner

from conftest import ROOT, run_cli
from draftlint.cli import app

runner = CliRunner()
AI = "# Tips\n\nAs an AI language model, I can help.\n"


def test_text_output_and_exit_1(tmp_path):
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--isolated", "-j", "1"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{tmp_path}/a.md:3:1: B101 [error] text generator disclaimer “As an AI language model” left in the draft"
    assert lines[-1] == "Found 1 finding (1 error) in 1 of 1 file."


def test_clean_exit_0_and_fail_on(tmp_path):
    (tmp_path / "a.md").write_text("# Fine\n\nA plain, clean sentence.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--isolated"])
    assert result.exit_code == 0 and result.stdout.strip() == "No findings in 1 file."
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    assert runner.invoke(app, ["check", str(tmp_path), "--isolated", "--fail-on", "never"]).exit_code == 0
    assert runner.invoke(app, ["check", str(tmp_path), "--isolated", "--exit-zero"]).exit_code == 0
    assert runner.invoke(app, ["check", str(tmp_path), "--isolated", "--fail-on", "error"]).exit_code == 1
    assert runner.invoke(app, ["check", str(tmp_path), "--isolated", "--severity-dummy"]).exit_code == 2


def test_json_output_schema(tmp_path):
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["check", str(tmp_path / "a.md"), "--isolated", "-f", "json", "-o", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["tool"]["name"] == "draftlint"
    assert data["summary"] == {"files": 1, "files_skipped": 0, "files_with_findings": 1, "findings": 1,
                               "by_severity": {"error": 1, "warning": 0, "info": 0}, "by_code": {"B101": 1},
                               "fail_on": "warning"}
    assert data["findings"][0] == {
        "path": str(tmp_path / "a.md"), "line": 3, "column": 1, "end_line": 3, "end_column": 24,
        "code": "B101", "name": "ai-disclaimer", "family": "boilerplate", "severity": "error",
        "message": "text generator disclaimer “As an AI language model” left in the draft",
        "excerpt": "As an AI language model", "fixable": True,
        "description": "A text generator's disclaimer about itself (\"As an AI language model, I ...\")."}


def test_statistics(tmp_path):
    (tmp_path / "a.md").write_text(AI + "\nAs an AI model, yes.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--isolated", "--statistics"])
    assert "     2  B101   ai-disclaimer" in result.stdout


def test_stdin_with_filename():
    proc = run_cli("check", "-", "--stdin-filename", "notes/draft.txt", "--isolated", stdin=b"As an AI model, sure.\n")
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith("notes/draft.txt:1:1: B101")


def test_select_and_ignore_on_command_line(tmp_path):
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    assert runner.invoke(app, ["check", str(tmp_path), "--isolated", "--ignore", "B101"]).exit_code == 0
    assert runner.invoke(app, ["check", str(tmp_path), "--isolated", "--select", "R001"]).exit_code == 0
    result = runner.invoke(app, ["check", str(tmp_path), "--isolated", "--select", "B10"])
    assert result.exit_code == 1


def test_unknown_selector_exits_2_with_suggestion(tmp_path):
    proc = run_cli("check", str(tmp_path), "--isolated", "--select", "long-sentense")
    assert proc.returncode == 2
    assert b'(did you mean "long-sentence"?)' in proc.stderr and b"Traceback" not in proc.stderr


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    proc = run_cli("check", str(tmp_path / "nope.md"), str(tmp_path / "a.md"), "--isolated")
    assert proc.returncode == 2
    assert f"{tmp_path}/nope.md: no such file or folder".encode() in proc.stderr
    assert b"B101" in proc.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = run_cli("check", str(empty), "--isolated")
    assert proc.returncode == 0 and b"no drafts found" in proc.stderr


def test_bad_bytes_binary_and_empty_files(tmp_path):
    bad = tmp_path / "latin.md"
    bad.write_bytes("Caf\xe9 society.\n".encode("latin-1"))
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "good.md").write_text(AI, encoding="utf-8")
    before = {p: p.read_bytes() for p in tmp_path.iterdir()}
    proc = run_cli("check", str(tmp_path), "--isolated")
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert proc.returncode == 1
    assert f"{bad}:1:4: E001 [error] not valid UTF-8: byte 0xe9 at offset 3 cannot be decoded" in out
    assert f"{binary}: skipped: binary file" in err
    assert f"{tmp_path}/good.md:3:1: B101" in out
    assert "Traceback" not in err
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_malformed_front_matter_is_a_finding(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: [oops\n---\n\nBody.\n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path), "--isolated")
    assert proc.returncode == 1 and b"E002 [error] front matter is not valid YAML" in proc.stdout


def test_malformed_config_exits_2(tmp_path):
    (tmp_path / ".draftlint.yaml").write_text("select: [\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    proc = run_cli("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and b"config error" in proc.stderr and b"Traceback" not in proc.stderr


def test_discovery_skips_hidden_vendor_and_excluded(tmp_path):
    for rel in ("a.md", "b.txt", "c.rst", ".hidden/x.md", "node_modules/y.md", "venv/z.md", "drafts/old/o.md", "drafts/n.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(AI, encoding="utf-8")
    (tmp_path / ".draftlint.yaml").write_text("exclude: ['drafts/old']\n", encoding="utf-8")
    proc = run_cli("check", ".", "-f", "json", cwd=tmp_path)
    paths = sorted({f["path"] for f in json.loads(proc.stdout)["findings"]})
    assert paths == ["a.md", "b.txt", "drafts/n.md"]
    proc = run_cli("check", "c.rst", "node_modules/y.md", "-f", "json", cwd=tmp_path)
    assert sorted({f["path"] for f in json.loads(proc.stdout)["findings"]}) == ["c.rst", "node_modules/y.md"]


def test_parallel_output_equals_serial():
    # no cache: the second run must lint, not replay what the first one stored
    serial = run_cli("check", "fixtures", "--isolated", "--no-cache", "-j", "1", "-f", "json")
    parallel = run_cli("check", "fixtures", "--isolated", "--no-cache", "-j", "2", "-f", "json")
    assert json.loads(parallel.stdout)["findings"]
    assert serial.stdout == parallel.stdout and serial.returncode == parallel.returncode


def test_rules_and_explain():
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0 and "R001   long-sentence" in result.stdout
    result = runner.invoke(app, ["explain", "long-sentence"])
    assert result.exit_code == 0
    for part in ("R001 long-sentence (readability", "## What it flags", "## Why it matters", "## Example",
                 "## How to fix", "## Options", "max-words (integer, default 45)"):
        assert part in result.stdout
    assert runner.invoke(app, ["explain", "B101"]).exit_code == 0
    result = run_cli("explain", "long-sentense")
    assert result.returncode == 2 and b'did you mean "long-sentence"' in result.stderr


def test_spacy_is_not_imported_without_sentence_rules(tmp_path):
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    code = ("import sys\nfrom draftlint.cli import main\nsys.argv=['draftlint','check',%r,'--isolated','--select','B,T','-j','1']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint('spacy' in sys.modules, 'textstat' in sys.modules, file=sys.stderr)\n" % str(tmp_path))
    import subprocess, sys
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT)
    assert proc.stderr.decode().strip().endswith("False False")


HARD = ("---\ntitle: Notes on municipal procurement\n---\n\n"
        + ("Notwithstanding considerable institutional reluctance, the municipality's infrastructural modernisation "
        "programme necessitated comprehensive intergovernmental coordination, extraordinarily sophisticated "
        "procurement methodologies and unprecedented administrative accountability mechanisms. ") * 6
        + "\n\n| not | prose |\n|---|---|\n| a | b |\n\n```\ncode is not prose\n```\n")


def test_json_documents_carry_words_and_scores(tmp_path):
    (tmp_path / "hard.md").write_text(HARD, encoding="utf-8")
    (tmp_path / "empty.md").write_text("# Only a heading\n", encoding="utf-8")
    (tmp_path / "copy.md").write_text("---\ntitle: Notes on Municipal Procurement\n---\n\nShort.\n", encoding="utf-8")
    out = tmp_path / "all.json"
    runner.invoke(app, ["check", str(tmp_path), "--isolated", "--no-cache", "-f", "json", "-o", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    docs = {d["path"]: d for d in data["documents"]}
    assert list(docs) == sorted(docs) and len(docs) == 3
    hard, empty, copy = docs[str(tmp_path / "hard.md")], docs[str(tmp_path / "empty.md")], docs[str(tmp_path / "copy.md")]
    assert hard["title"] == "Notes on municipal procurement" and hard["words"] == 6 * 22  # no table, no code
    assert empty == {"path": str(tmp_path / "empty.md"), "title": "Only a heading", "words": 0,
                     "reading_ease": None, "grade": None}
    assert copy["words"] == 1
    r003 = next(f for f in data["findings"] if f["code"] == "R003")  # its message quotes the same scores
    assert f"Flesch reading ease {hard['reading_ease']:.1f}" in r003["message"]
    assert f"Flesch-Kincaid grade {hard['grade']:.1f}" in r003["message"]
    t004 = sorted((f["path"], f["related"]) for f in data["findings"] if f["code"] == "T004")
    assert t004 == [(str(tmp_path / "copy.md"), [str(tmp_path / "hard.md")]),
                    (str(tmp_path / "hard.md"), [str(tmp_path / "copy.md")])]
    assert all("related" not in f for f in data["findings"] if f["code"] != "T004")
    jsonschema.validate(data, json.loads((ROOT / "schemas" / "report-v1.schema.json").read_text(encoding="utf-8")))
    # without R003 nothing is scored; words are still counted
    runner.invoke(app, ["check", str(tmp_path), "--isolated", "--no-cache", "--select", "B,T", "-f", "json", "-o", str(out)])
    hard = json.loads(out.read_text(encoding="utf-8"))["documents"][2]
    assert hard["path"] == str(tmp_path / "hard.md")
    assert (hard["words"], hard["reading_ease"], hard["grade"]) == (132, None, None)
