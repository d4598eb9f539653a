"""CI output formats: GitHub workflow commands, SARIF 2.1.0 (validated against the official schema), JUnit XML,
and several reports in one run."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from draftlint import registry
from draftlint.cli import app
from draftlint.engine import RunResult
from draftlint.findings import Finding, Severity
from draftlint.report import Context, formats, parse_report
from draftlint.report.github import escape_data, escape_property

runner = CliRunner()
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
AI = "# Tips\n\nAs an AI language model, I can help.\n"
AI_MESSAGE = "text generator disclaimer “As an AI language model” left in the draft"


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    """A folder with one draft with residue (a.md) and one clean draft (b.md), as the working folder."""
    (tmp_path / "a.md").write_text(AI, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Fine\n\nA plain, clean sentence.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    return tmp_path


def check(*args: str):
    """The real command on the drafts, with B101 only unless ``--select`` is given (exact output, whatever other
    rules are added)."""
    select = [] if "--select" in args else ["--select", "B101"]
    return runner.invoke(app, ["check", "--isolated", "--no-cache", "-j", "1", *select, *args])


def ctx_of(*findings: Finding, paths: tuple[str, ...] = ()) -> Context:
    run = RunResult(list(findings), [], [], len(paths), [], sorted(paths))
    return Context(run, registry.load(), version="0.1.0")


def finding(path="d.md", line=2, column=1, end_line=2, end_column=5, code="B101", message="m", severity=Severity.ERROR):
    return Finding(path, line, column, end_line, end_column, code, "ai-disclaimer", "boilerplate", severity, message, "text")


# -- GitHub --------------------------------------------------------------------------------------------------
def test_github_escaping():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_github_annotations(drafts):
    result = check(".", "-f", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"::error file=a.md,line=3,col=1,endLine=3,endColumn=24,title=B101 ai-disclaimer::{AI_MESSAGE}",
        "Found 1 finding (1 error) in 1 of 2 files.",
    ]


def test_github_properties_and_levels_are_escaped():
    tricky = finding(path="notes, v2: final.md", message="50% of it\nis residue", severity=Severity.INFO)
    doc_level = finding(line=0, column=0, end_line=0, end_column=0, severity=Severity.WARNING, message="whole file")
    out = formats()["github"](ctx_of(tricky, doc_level)).splitlines()
    assert out[0] == ("::notice file=notes%2C v2%3A final.md,line=2,col=1,endLine=2,endColumn=5,"
                      "title=B101 ai-disclaimer::50%25 of it%0Ais residue")
    assert out[1] == "::warning file=d.md,title=B101 ai-disclaimer::whole file"


# -- SARIF ---------------------------------------------------------------------------------------------------
def test_sarif_is_valid_and_complete(drafts):
    result = check(".", "-f", "sarif", "--select", "T002,B101,Q001")
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, SCHEMA)
    assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
    run = sarif["runs"][0]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == drafts.resolve().as_uri() + "/"
    rules = run["tool"]["driver"]["rules"]
    [res] = run["results"]
    rule = rules[res["ruleIndex"]]
    assert rule["id"] == res["ruleId"] == "B101" and rule["name"] == "ai-disclaimer"
    assert rule["shortDescription"]["text"].startswith("A text generator's disclaimer")
    assert "## Why it matters" in rule["help"]["text"] and rule["fullDescription"]["text"]
    assert rule["defaultConfiguration"]["level"] == "error"
    assert res["level"] == "error" and res["message"]["text"] == AI_MESSAGE
    location = res["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "a.md", "uriBaseId": "SRCROOT"}
    assert location["region"] == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 24,
                                  "snippet": {"text": "As an AI language model"}}
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert [r["id"] for r in rules] == ["B101", "Q001", "T002"]  # every rule that ran, in code order


def test_sarif_fingerprints_survive_line_shifts_and_tell_duplicates_apart(drafts):
    (drafts / "a.md").write_text(AI + "\nAs an AI language model, I can help.\n", encoding="utf-8")
    before = json.loads(check("a.md", "-f", "sarif").stdout)["runs"][0]["results"]
    (drafts / "a.md").write_text("Intro line.\n\n" + AI + "\nAs an AI language model, I can help.\n", encoding="utf-8")
    after = json.loads(check("a.md", "-f", "sarif").stdout)["runs"][0]["results"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert lines == [5, 7]
    prints = [r["partialFingerprints"]["draftlint/v1"] for r in after]
    assert prints == [r["partialFingerprints"]["draftlint/v1"] for r in before]
    assert prints[0].endswith(":1") and prints[1].endswith(":2") and prints[0][:-2] == prints[1][:-2]


def test_sarif_document_level_finding_file_codes_and_outside_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outside = tmp_path.parent / "elsewhere with space.md"
    ctx = ctx_of(finding(path="my draft.md", line=0, column=0, end_line=0, end_column=0),
                 finding(path=str(outside), code="E001", message="not valid UTF-8"))
    sarif = json.loads(formats()["sarif"](ctx))
    jsonschema.validate(sarif, SCHEMA)
    results = sarif["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "my%20draft.md",
                                                                                   "uriBaseId": "SRCROOT"}}
    assert results[1]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": outside.as_uri()}
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert rules[results[1]["ruleIndex"]]["id"] == "E001" and rules[results[1]["ruleIndex"]]["name"] == "unreadable-file"


# -- JUnit ---------------------------------------------------------------------------------------------------
def test_junit_parses_back(drafts):
    (drafts / "c.md").write_text("# Long\n\n" + " ".join(["word"] * 80) + ".\n", encoding="utf-8")
    result = check(".", "-f", "junit", "--fail-on", "error", "--select", "B101,R001")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("failures") == "1"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert sorted(suites) == ["a.md", "b.md", "c.md"]
    [case] = suites["a.md"].findall("testcase")
    assert case.get("name") == "B101 ai-disclaimer at 3:1" and case.get("file") == "a.md" and case.get("line") == "3"
    failure = case.find("failure")
    assert failure.get("message") == AI_MESSAGE and failure.get("type") == "B101"
    assert failure.text == f"a.md:3:1: B101 [error] {AI_MESSAGE}"
    [clean] = suites["b.md"].findall("testcase")
    assert clean.get("name") == "draftlint" and list(clean) == [] and suites["b.md"].get("tests") == "1"
    # below --fail-on: a passing testcase that keeps the message
    [long] = suites["c.md"].findall("testcase")
    assert long.find("failure") is None and "R001 [warning]" in long.find("system-out").text
    assert suites["c.md"].get("failures") == "0" and root.get("tests") == "3"


def test_junit_escapes_and_strips_control_characters():
    ctx = ctx_of(finding(message='a <b> & "c"\x0b end'), paths=("d.md",))
    root = ET.fromstring(formats()["junit"](ctx).encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == 'a <b> & "c"\ufffd end'


# -- several outputs -----------------------------------------------------------------------------------------
def test_report_writes_several_formats_in_one_run(drafts):
    result = check(".", "--report", "sarif:out/results.sarif", "--report", "junit:junit.xml")
    assert result.exit_code == 2  # the folder out/ does not exist: a clear error, the text report still printed
    assert "cannot write out/results.sarif" in result.stderr and result.stdout.startswith("a.md:3:1: B101")
    result = check(".", "--report", "sarif:results.sarif", "--report", "junit:junit.xml", "-f", "text")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "Found 1 finding (1 error) in 1 of 2 files."
    jsonschema.validate(json.loads((drafts / "results.sarif").read_text(encoding="utf-8")), SCHEMA)
    assert ET.parse(drafts / "junit.xml").getroot().get("failures") == "1"


def test_report_to_stdout_and_bad_specs(drafts):
    result = check("a.md", "-f", "github", "-o", "annotations.txt", "--report", "json:-")
    assert json.loads(result.stdout)["summary"]["findings"] == 1
    assert (drafts / "annotations.txt").read_text(encoding="utf-8").startswith("::error file=a.md,")
    for spec in ("sarif", "xml:out.xml", "sarif:"):
        result = check("a.md", "--report", spec)
        assert result.exit_code == 2 and "expected FORMAT:PATH" in result.stderr
    assert parse_report("sarif:C:/ci/out.sarif") == ("sarif", Path("C:/ci/out.sarif"))


def test_extra_reports_are_never_coloured(drafts, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = check("a.md", "--report", "text:plain.txt")
    assert "\033[" in result.stdout
    assert (drafts / "plain.txt").read_text(encoding="utf-8").splitlines()[0] == f"a.md:3:1: B101 [error] {AI_MESSAGE}"


def test_junit_marks_skipped_files(drafts):
    (drafts / "c.md").write_bytes(b"\x00\x01binary")
    root = ET.fromstring(check(".", "-f", "junit").stdout.encode("utf-8"))
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert suites["c.md"].find("testcase/skipped") is not None and suites["c.md"].get("skipped") == "1"
    assert root.get("skipped") == "1" and suites["b.md"].find("testcase/skipped") is None


def test_paths_are_relative_to_the_github_workspace(drafts, monkeypatch):
    (drafts / "docs").mkdir()
    (drafts / "docs" / "d.md").write_text(AI, encoding="utf-8")
    monkeypatch.chdir(drafts / "docs")
    assert check("d.md", "-f", "github").stdout.startswith("::error file=d.md,line=3,")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(drafts))
    assert check("d.md", "-f", "github").stdout.startswith("::error file=docs/d.md,line=3,")
    run = json.loads(check("d.md", "-f", "sarif").stdout)["runs"][0]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == drafts.resolve().as_uri() + "/"
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/d.md"
