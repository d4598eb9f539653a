"""What a reporter reads: the run's result and what it needs to render it."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from draftlint import filecodes
from draftlint.registry import Registry
from draftlint.results import RunResult

if TYPE_CHECKING:
    from draftlint.baseline import Outcome, Sources


@dataclass
class Context:
    result: RunResult
    registry: Registry
    color: bool = False
    statistics: bool = False
    fail_on: str = "warning"
    version: str = ""
    rules: list[Any] = field(default_factory=list)  # the rules that ran (SARIF lists them)
    baseline: "Outcome | None" = None  # what --baseline hid and which of its entries are stale
    sources: "Sources | None" = None  # source lines, for fingerprints (SARIF)

    @property
    def root(self) -> Path:
        """The folder that report paths are relative to: the checkout in GitHub Actions, else the working folder."""
        return Path(os.environ.get("GITHUB_WORKSPACE") or os.getcwd()).resolve()

    def describe(self, code: str) -> str:
        """The one-line description of a rule or file code ("" for a code nothing documents)."""
        rule = self.registry.resolve(code) or filecodes.CODES.get(code)
        return rule.summary() if rule is not None else ""

    def relative(self, path: str) -> str | None:
        """``path`` relative to ``root`` (POSIX separators), or None when it lies outside it."""
        try:
            rel = Path(os.path.relpath(Path(path).resolve(), self.root)).as_posix()
        except ValueError:  # another drive (Windows)
            return None
        return None if rel == ".." or rel.startswith("../") else rel
