"""The quote rules give the same findings whatever the wrapping and the style of quotation marks.

Every quote fixture (fixtures/rules/Q*) and every devset document is linted as written and again
hard-wrapped at 72 columns, with curly double quotes made straight, and (fixtures, which are balanced) with
straight quotes made curly. Findings are compared as (rule, line of the original text); for the quote-mark
changes, which keep every character in place, columns too.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, SHARED
from helpers import lint
from metamorphic import curly_quotes, hard_wrap, straight_quotes

QUOTE_FIXTURES = sorted(p for p in (FIXTURES / "rules").glob("Q*/*/*") if p.suffix in (".md", ".txt"))
DEVSET = sorted((SHARED / "devset" / "docs").glob("*")) if (SHARED / "devset" / "docs").is_dir() else []


def _quote_findings(text: str, path: Path, origin: list[int], columns: bool) -> list[tuple]:
    found = lint(text, path.name, select=["quote"])
    return sorted((f.code, origin[f.line - 1], f.column if columns else 0) for f in found)


def _same(path: Path, transform, columns: bool) -> None:
    text = path.read_text(encoding="utf-8")
    identity = list(range(1, text.count("\n") + 2))
    changed, origin = transform(text)
    assert _quote_findings(changed, path, origin, columns) == _quote_findings(text, path, identity, columns)


@pytest.mark.parametrize("path", QUOTE_FIXTURES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}")
def test_fixture_findings_survive_wrapping_and_quote_styles(path):
    _same(path, hard_wrap, columns=False)
    _same(path, straight_quotes, columns=True)
    _same(path, curly_quotes, columns=True)


@pytest.mark.skipif(not DEVSET, reason="../shared/devset is absent")
@pytest.mark.parametrize("path", DEVSET, ids=lambda p: p.name[:3])
def test_devset_findings_survive_wrapping_and_straight_quotes(path):
    _same(path, hard_wrap, columns=False)
    _same(path, straight_quotes, columns=True)


def test_hard_wrap_maps_lines_back():
    text = "---\ntitle: x\n---\n\n" + "word " * 40 + "\n\n# A heading that stays\n"
    wrapped, origin = hard_wrap(text)
    assert max(len(line) for line in wrapped.split("\n")) <= 72
    assert origin[:5] == [1, 2, 3, 4, 5] and origin[-2:] == [7, 8] and origin.count(5) == 3
