"""The titles index: an archive's titles in one JSON file, so that ``duplicate-title`` can compare a few
changed files (a pre-commit run) against every title already published.

``draftlint index PATHS -o FILE`` writes it; ``draftlint check --titles-index FILE`` (or the rule's ``index``
option) reads it. Format, version 1::

    {"version": 1, "tool": "draftlint", "tokenizer": 1,
     "titles": [{"path": "posts/a.md", "title": "How the river was saved", "tokens": ["river", "save"]}]}

``tokens`` are the title's content tokens (``draftlint.titlematch.content_tokens``); an index written by a
draftlint whose tokenizer differs is still read, its tokens recomputed from the titles.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from draftlint.config import Config, ConfigError
from draftlint.rule import Summary
from draftlint.titlematch import content_tokens

FORMAT_VERSION = 1
TOKENIZER_VERSION = 1


class IndexFileError(ConfigError):
    """A titles index that is missing, unreadable or not an index: a usage error (exit 2)."""


@dataclass(frozen=True)
class Entry:
    path: str
    title: str
    tokens: tuple[str, ...]


def entries_of(summaries: Iterable[Summary]) -> list[Entry]:
    return [Entry(s.path, s.title, content_tokens(s.title)) for s in summaries if s.title]


def dumps(entries: Sequence[Entry]) -> str:
    """The index as JSON text, one title per line (small diffs when the index is kept in git)."""
    head = json.dumps({"version": FORMAT_VERSION, "tool": "draftlint", "tokenizer": TOKENIZER_VERSION})[:-1]
    rows = ",\n".join(json.dumps({"path": e.path, "title": e.title, "tokens": list(e.tokens)}, ensure_ascii=False)
                      for e in entries)
    return f'{head}, "titles": [\n{rows}\n]}}\n' if rows else f'{head}, "titles": []}}\n'



def write(entries: Sequence[Entry], path: str) -> None:
    """Write the index atomically (a reader never sees half a file)."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(dumps(entries))
        os.replace(temporary, path)
    except OSError as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise IndexFileError(f"cannot write the titles index {path}: {exc.strerror or exc}") from None


_LOADED: dict[tuple[str, int, int], list[Entry]] = {}


def load(path: str) -> list[Entry]:
    """Read and check an index (cached per file version within the process)."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise IndexFileError(f"titles index {path}: {exc.strerror or exc}") from None
    key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = _parse(path)
    return _LOADED[key]


def _parse(path: str) -> list[Entry]:
    what = f"titles index {path}"
    try:
        with open(path, encoding="utf-8") as handle:
            data: Any = json.load(handle)
    except OSError as exc:
        raise IndexFileError(f"{what}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise IndexFileError(f"{what} is not UTF-8 text; rebuild it with `draftlint index`") from None
    except json.JSONDecodeError as exc:
        raise IndexFileError(f"{what} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
                             "rebuild it with `draftlint index`") from None
    if not isinstance(data, dict) or not isinstance(data.get("titles"), list) or "version" not in data:
        raise IndexFileError(f'{what} is not a draftlint titles index (no "version" and "titles" list); '
                             "write one with `draftlint index PATHS -o FILE`")
    if data["version"] != FORMAT_VERSION:
        raise IndexFileError(f"{what} has format version {data['version']!r}, this draftlint reads version "
                             f"{FORMAT_VERSION}; rebuild it with `draftlint index`")
    same_tokenizer = data.get("tokenizer") == TOKENIZER_VERSION
    entries = []
    for number, item in enumerate(data["titles"], 1):
        if not (isinstance(item, dict) and isinstance(item.get("path"), str) and isinstance(item.get("title"), str)
                and isinstance(item.get("tokens", []), list)):
            raise IndexFileError(f'{what}: entry {number} needs a "path" and a "title" string and a "tokens" list')
        tokens = tuple(map(str, item.get("tokens", []))) if same_tokenizer else content_tokens(item["title"])
        entries.append(Entry(item["path"], item["title"], tokens))
    return entries


def path_key(path: str) -> str:
    """A path as compared between a run and an index (both relative to the current folder)."""
    return os.path.normcase(os.path.abspath(path))


def index_files(paths: Sequence[str], config: Config, jobs: int = 1) -> tuple[list[Entry], Any]:
    """The titles of every draft under ``paths`` (parsed, no rule run) and the discovery (missing paths)."""
    from draftlint import engine

    found = engine.discover(paths, config)
    plan = engine.Plan([], {}, {}, max_file_size=config.max_file_size, timeout=config.timeout)
    return entries_of(engine.lint_files(found.files, plan, jobs).summaries), found
