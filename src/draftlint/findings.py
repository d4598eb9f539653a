"""Findings, severities and families: the values every rule produces and every reporter reads."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple


class Severity(enum.IntEnum):
    """Ordered so that comparisons express "at or above"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Severity":
        return cls[value.upper()]


class Family(str, enum.Enum):
    TITLE = "title"
    QUOTE = "quote"
    BOILERPLATE = "boilerplate"
    READABILITY = "readability"

    def __str__(self) -> str:
        return self.value


class Span(NamedTuple):
    """A 1-based source range; columns count characters of the source line; end is exclusive."""

    line: int
    col: int
    end_line: int
    end_col: int


@dataclass(frozen=True)
class Fix:
    """A safe edit: replace the text of ``span`` with ``replacement`` ("" deletes it).

    ``whole_lines`` deletes the lines ``span.line``..``span.end_line`` including their line breaks.
    """

    span: Span
    replacement: str = ""
    whole_lines: bool = False


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    family: str
    severity: Severity
    message: str
    excerpt: str = ""
    fix: Fix | None = field(default=None, compare=False)
    related: tuple[str, ...] = field(default=(), compare=False)  # other files the finding names (T004's copies)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "family": self.family,
            "severity": str(self.severity),
            "message": self.message,
            "excerpt": self.excerpt,
            "fixable": self.fix is not None,
            **({"related": list(self.related)} if self.related else {}),
        }
