"""Small helpers for tests that lint text in memory through the real engine."""
from __future__ import annotations

import textwrap
from pathlib import Path

from draftlint import engine, parse, registry
from draftlint.config import Config


def lint(text: str, path: str = "draft.md", select: list[str] | None = None, options: dict | None = None):
    reg = registry.load()
    config = Config(select=select, rules=options or {})
    plan = engine.make_plan(reg, config)
    return engine.lint_text(text, path, plan).findings


def doc(text: str, path: str = "draft.md"):
    return parse.build(path, text)


def at(d, span_start: int, span_end: int) -> str:
    return d.text[span_start:span_end]


def make_plugin(root: Path, name: str, module_source: str) -> dict:
    """A real installed distribution (dist-info with entry_points.txt) on PYTHONPATH."""
    (root / f"{name}.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    info = root / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[draftlint.rules]\n{name} = {name}:rules\n", encoding="utf-8")
    return {"PYTHONPATH": str(root)}
