"""Property-based tests: for any text, linting returns, and every finding points at the source it quotes.

The text is drawn from Markdown and prose fragments (front matter fences, headings, lists, quotes of every
kind, suppression comments, links), arbitrary Unicode including control characters, and mixed line endings.
"""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from draftlint import engine, parse, registry
from draftlint.cli import app
from draftlint.config import Config

FRAGMENTS = [
    "---\n", "title: Draft title\n", "title: [unclosed\n", "# ", "## ", "Draft title\n", "- ", "* ", "1. ", "• ",
    "> ", ">> ", "“", "”", '"', "'", "‘", "’", "**", "_", "`", "```\n", "[link](https://example.org)", "<https://x.y>",
    "[^1]", "[^1]: a note\n", "<!-- draftlint-disable -->", "<!-- draftlint-enable -->",
    "<!-- draftlint-disable-next-line Q001 -->\n", "<div>", "</div>", "| a | b |\n|---|---|\n", "\t", "    ",
    "\n", "\n\n", "\r\n", "\r", "\ufeff", "\u2028", "\x0b", "\x0c", "\x85",
    "said Jane Smith, the mayor. ", "experts say ", "according to sources, ", "Dr. [Doctor's name] ",
    "As an AI language model, ", "4 min read\n", "Table of Contents\n", "close\n", "Share\n",
    "Published May 18, 2025\n", "In conclusion, ", "Lorem ipsum dolor sit amet. ",
    "The council approved the new budget after a long debate about the bridge. ",
    "It was decided that the plan was approved by the board and was signed. ",
]
TEXTS = st.one_of(
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join),
    st.text(max_size=300),
)
SUFFIXES = st.sampled_from(["draft.md", "draft.txt"])
_BREAK = re.compile(r"\r\n|\r|\n")


@pytest.fixture(scope="module")
def plan():
    return engine.make_plan(registry.load(), Config(select=["ALL"]))


def source_lines(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    return _BREAK.split(text[1:] if text.startswith("\ufeff") else text)


def check_positions(findings, data: bytes) -> None:
    lines = source_lines(data)
    for f in findings:
        assert 1 <= f.line <= len(lines), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f
        assert f.end_line <= len(lines), f
        if f.excerpt:
            assert lines[f.line - 1][f.column - 1:].startswith(f.excerpt), (f, lines[f.line - 1])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, name=SUFFIXES)
def test_document_model_maps_every_block_inside_the_text(text, name):
    doc = parse.build(name, text)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text)
        assert len(block.text) == block.end - block.start  # masked text keeps offsets
        for line in block.lines:
            assert block.start <= line.start < line.end <= block.end
            assert " ".join(block.text[line.start - block.start:line.end - block.start].split()) == line.text
            assert doc.lines.position(line.start)[0] == doc.lines.position(line.end)[0] == line.number
    for quote in doc.quotes:
        assert 0 <= quote.start <= quote.end <= len(doc.text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=TEXTS, name=SUFFIXES)
def test_every_rule_returns_and_points_inside_the_file(plan, text, name):
    data = text.encode("utf-8", "replace")  # lone surrogates cannot be encoded: they become "?"
    results = engine.lint_batch([(name, data)], plan)
    run = engine.finish(results, plan)
    assert run.crashes == []
    if not run.notes:  # a NUL byte makes the file binary: skipped with a note
        check_positions(run.findings, data)


@settings(max_examples=40, deadline=None)
@given(text=TEXTS, name=SUFFIXES)
def test_cli_on_stdin_returns_valid_json(text, name):
    data = text.encode("utf-8", "replace")
    result = CliRunner().invoke(app, ["check", "-", "--stdin-filename", name, "--isolated", "--select", "ALL",
                                      "--no-cache", "-j", "1", "-f", "json"], input=data)
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    if b"\x00" not in data:  # a NUL byte makes the input binary: skipped with a note
        check_positions([_Row(**f) for f in report["findings"]], data)


class _Row:
    def __init__(self, line, column, end_line, end_column, excerpt, **_):
        self.line, self.column, self.end_line, self.end_column, self.excerpt = line, column, end_line, end_column, excerpt

    def __repr__(self) -> str:
        return f"_Row({self.line}:{self.column}-{self.end_line}:{self.end_column} {self.excerpt!r})"
