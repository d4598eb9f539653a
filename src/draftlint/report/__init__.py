"""Reporters: each turns a run's findings into one output format."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from draftlint.report import github, json, junit, sarif, text
from draftlint.report.context import Context

__all__ = ["FORMAT_NAMES", "Context", "formats", "parse_report"]

FORMAT_NAMES = ("text", "json", "github", "sarif", "junit")


def formats() -> dict[str, Callable[[Context], str]]:
    return {"text": text.render, "json": json.render, "github": github.render, "sarif": sarif.render,
            "junit": junit.render}


def parse_report(spec: str) -> tuple[str, Path]:
    """``FORMAT:PATH`` of ``--report`` (the path may itself contain colons)."""
    name, sep, path = spec.partition(":")
    if not sep or not path or name not in FORMAT_NAMES:
        raise ValueError(f'--report "{spec}": expected FORMAT:PATH with FORMAT one of {", ".join(FORMAT_NAMES)}')
    return name, Path(path)
