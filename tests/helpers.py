"""Small helpers for tests that lint text in memory through the real engine."""
from __future__ import annotations

from draftlint import engine, parse, registry
from draftlint.config import Config


def lint(text: str, path: str = "draft.md", select: list[str] | None = None, options: dict | None = None):
    reg = registry.load()
    config = Config(select=select, rules=options or {})
    plan = engine.make_plan(reg, config)
    [result] = engine.lint_batch([(path, text.encode("utf-8"))], plan)
    return engine.finish([result], plan).findings


def doc(text: str, path: str = "draft.md"):
    return parse.build(path, text)


def at(d, span_start: int, span_end: int) -> str:
    return d.text[span_start:span_end]
