"""Reporters: each turns a run's findings into one output format."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from draftlint.engine import RunResult
from draftlint.registry import Registry


@dataclass
class Context:
    result: RunResult
    registry: Registry
    color: bool = False
    statistics: bool = False
    fail_on: str = "warning"
    version: str = ""


def formats() -> dict[str, Callable[[Context], str]]:
    from draftlint.report import json, text

    return {"text": text.render, "json": json.render}
