"""Reporters: each turns a run's findings into one output format."""
from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import Callable

from draftlint.report.context import Context

__all__ = ["FORMAT_NAMES", "Context", "formats", "parse_report"]

FORMAT_NAMES = ("text", "json", "github", "sarif", "junit")  # each a module of this package with ``render``


def formats() -> dict[str, Callable[[Context], str]]:
    """Each format's renderer; a format's module is imported when it renders (a run writes one or two)."""
    return {name: functools.partial(_render, name) for name in FORMAT_NAMES}


def _render(name: str, ctx: Context) -> str:
    return importlib.import_module(f"draftlint.report.{name}").render(ctx)


def parse_report(spec: str) -> tuple[str, Path]:
    """``FORMAT:PATH`` of ``--report`` (the path may itself contain colons)."""
    name, sep, path = spec.partition(":")
    if not sep or not path or name not in FORMAT_NAMES:
        raise ValueError(f'--report "{spec}": expected FORMAT:PATH with FORMAT one of {", ".join(FORMAT_NAMES)}')
    return name, Path(path)
