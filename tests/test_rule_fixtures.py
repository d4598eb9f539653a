"""Fixture-driven rule cases: fixtures/rules/<CODE>-<name>/{fail,pass}/ with exact expected findings.

Every file in a ``fail/`` folder has a ``<file>.expected`` beside it: one ``line:col CODE message`` per
finding of that rule. Files in ``pass/`` must give no finding of the rule. All files of one folder are
linted in one run, so corpus rules (cross-file titles) see them together. An optional ``config.yaml`` in
the rule's folder holds that rule's options. ``pytest --update-expected`` rewrites the .expected files.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from draftlint import engine, registry, safeyaml
from draftlint.config import Config

RULE_DIRS = sorted(p for p in (FIXTURES / "rules").iterdir() if p.is_dir()) if (FIXTURES / "rules").is_dir() else []
DRAFT_SUFFIXES = (".md", ".txt", ".markdown", ".html")


def _cases():
    for rule_dir in RULE_DIRS:
        for kind in ("fail", "pass"):
            folder = rule_dir / kind
            if folder.is_dir():
                yield pytest.param(rule_dir, kind, id=f"{rule_dir.name}/{kind}")


def lint_folder(rule_dir: Path, kind: str) -> dict[str, list[str]]:
    code = rule_dir.name.split("-", 1)[0]
    options = {}
    if (rule_dir / "config.yaml").is_file():
        options = {code: safeyaml.load((rule_dir / "config.yaml").read_text(encoding="utf-8"))}
    reg = registry.load()
    plan = engine.make_plan(reg, Config(select=[code], rules=options))
    files = sorted(str(p) for p in (rule_dir / kind).iterdir() if p.suffix in DRAFT_SUFFIXES)
    run = engine.lint_files(files, plan, 1)
    assert not run.crashes, run.crashes
    out: dict[str, list[str]] = {f: [] for f in files}
    for f in run.findings:
        out[f.path].append(f"{f.line}:{f.column} {f.code} {f.message}")
    return out


@pytest.mark.parametrize("rule_dir,kind", list(_cases()))
def test_rule_fixtures(rule_dir: Path, kind: str, update_expected: bool):
    results = lint_folder(rule_dir, kind)
    for path, lines in results.items():
        if kind == "pass":
            assert lines == [], f"{path}: expected no finding, got:\n" + "\n".join(lines)
            continue
        expected_file = Path(path + ".expected")
        if update_expected:
            expected_file.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        assert expected_file.is_file(), f"{expected_file} is missing (run pytest --update-expected)"
        expected = [line for line in expected_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert lines == expected, f"{path}"
        assert lines, f"{path}: a fail fixture must produce at least one finding"
