"""Front matter: a YAML block fenced by ``---`` (or TOML fenced by ``+++``) at the very top of a file."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

from draftlint import safeyaml
from draftlint.document import Problem
from draftlint.findings import Span

FENCES = {"---": ("---", "..."), "+++": ("+++",)}


@dataclass(frozen=True)
class FrontMatter:
    data: dict[str, Any]
    first_line: int
    last_line: int  # the closing fence
    end: int  # document offset just after the closing fence line
    problem: Problem | None = None


def split(text: str) -> FrontMatter | None:
    """Find front matter in normalised text; None when the file has none."""
    first_break = text.find("\n")
    opener = (text if first_break == -1 else text[:first_break]).rstrip()
    if opener not in FENCES:
        return None
    closers = FENCES[opener]
    offset = first_break + 1 if first_break != -1 else len(text)
    line_no = 2
    body_start = offset
    while offset < len(text):
        nl = text.find("\n", offset)
        end = len(text) if nl == -1 else nl
        if text[offset:end].rstrip() in closers:
            body = text[body_start:offset]
            after = end + 1 if nl != -1 else end
            return _load(opener, body, line_no, after)
        offset, line_no = end + 1, line_no + 1
    if opener == "---" and (first_break == -1 or not text[first_break + 1 :].strip()):
        return None  # a lone thematic break, not front matter
    problem = Problem("E002", f"front matter opened with '{opener}' on line 1 is never closed", Span(1, 1, 1, 4))
    return FrontMatter({}, 1, 1, first_break + 1 if first_break != -1 else len(text), problem)


def _load(opener: str, body: str, closing_line: int, end: int) -> FrontMatter:
    try:
        data = tomllib.loads(body) if opener == "+++" else safeyaml.load(body)
    except (safeyaml.YamlError, tomllib.TOMLDecodeError) as exc:
        line = 1 + (getattr(exc, "line", None) or 1)
        problem = Problem("E002", f"front matter is not valid {'TOML' if opener == '+++' else 'YAML'}: {exc}", Span(line, 1, line, 1))
        return FrontMatter({}, 1, closing_line, end, problem)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problem = Problem("E002", f"front matter must be a mapping of keys to values, not a {type(data).__name__}", Span(2, 1, 2, 1))
        return FrontMatter({}, 1, closing_line, end, problem)
    return FrontMatter(data, 1, closing_line, end)
