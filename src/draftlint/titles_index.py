"""The titles index: an archive's titles and template-line fingerprints in one JSON file, so that
``duplicate-title`` and ``template-line`` can compare a few changed files (a pre-commit run) against every
article already published.

``draftlint index PATHS -o FILE`` writes it; ``draftlint check --titles-index FILE`` (or the rules' ``index``
option) reads it. Format, version 2::

    {"version": 2, "tool": "draftlint", "tokenizer": 1,
     "titles": [{"path": "posts/a.md", "title": "How the river was saved", "tokens": ["river", "save"]}],
     "templates": [{"path": "posts/a.md", "lines": ["3f2a9c0d1e4b5a67", ...]}]}

``templates`` holds each document's line fingerprints (``draftlint.templates``), never its text. A version 1
index (no ``templates``) is still read: it knows titles only.

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

FORMAT_VERSION = 2
READ_VERSIONS = (1, 2)
TOKENIZER_VERSION = 1


class IndexFileError(ConfigError):
    """A titles index that is missing, unreadable or not an index: a usage error (exit 2)."""


@dataclass(frozen=True)
class Entry:
    path: str
    title: str
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class Index:
    titles: list[Entry]
    templates: dict[str, tuple[str, ...]]  # path -> line fingerprints


def entries_of(summaries: Iterable[Summary]) -> list[Entry]:
    return [Entry(s.path, s.title, content_tokens(s.title)) for s in summaries if s.title]


def index_of(summaries: Sequence[Summary]) -> Index:
    return Index(entries_of(summaries), {s.path: tuple(line.fingerprint for line in s.lines) for s in summaries if s.lines})


def dumps(entries: Sequence[Entry], templates: dict[str, tuple[str, ...]] | None = None) -> str:
    """The index as JSON text, one title or document per line (small diffs when the index is kept in git)."""
    head = json.dumps({"version": FORMAT_VERSION, "tool": "draftlint", "tokenizer": TOKENIZER_VERSION})[:-1]
    titles = [json.dumps({"path": e.path, "title": e.title, "tokens": list(e.tokens)}, ensure_ascii=False)
              for e in entries]
    prints = [json.dumps({"path": path, "lines": list(lines)}, ensure_ascii=False)
              for path, lines in (templates or {}).items()]
    return f'{head}, "titles": {_rows(titles)}, "templates": {_rows(prints)}}}\n'


def _rows(rows: list[str]) -> str:
    return "[\n" + ",\n".join(rows) + "\n]" if rows else "[]"



def write(index: Index, path: str) -> None:
    """Write the index atomically (a reader never sees half a file)."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(dumps(index.titles, index.templates))
        os.replace(temporary, path)
    except OSError as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise IndexFileError(f"cannot write the titles index {path}: {exc.strerror or exc}") from None


_LOADED: dict[tuple[str, int, int], Index] = {}


def load(path: str) -> list[Entry]:
    """The titles of an index (read, checked and cached per file version within the process)."""
    return _load(path).titles


def templates(path: str) -> dict[str, tuple[str, ...]]:
    """The line fingerprints of each document of an index (none in a version 1 index)."""
    return _load(path).templates


def _load(path: str) -> Index:
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise IndexFileError(f"titles index {path}: {exc.strerror or exc}") from None
    key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = _parse(path)
    return _LOADED[key]


def _parse(path: str) -> Index:
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
    if data["version"] not in READ_VERSIONS:
        raise IndexFileError(f"{what} has format version {data['version']!r}, this draftlint reads versions "
                             f"{' and '.join(map(str, READ_VERSIONS))}; rebuild it with `draftlint index`")
    same_tokenizer = data.get("tokenizer") == TOKENIZER_VERSION
    entries = []
    for number, item in enumerate(data["titles"], 1):
        if not (isinstance(item, dict) and isinstance(item.get("path"), str) and isinstance(item.get("title"), str)
                and isinstance(item.get("tokens", []), list)):
            raise IndexFileError(f'{what}: entry {number} needs a "path" and a "title" string and a "tokens" list')
        tokens = tuple(map(str, item.get("tokens", []))) if same_tokenizer else content_tokens(item["title"])
        entries.append(Entry(item["path"], item["title"], tokens))
    prints: dict[str, tuple[str, ...]] = {}
    rows = data.get("templates", [])
    if not isinstance(rows, list):
        raise IndexFileError(f'{what}: "templates" must be a list; rebuild it with `draftlint index`')
    for number, item in enumerate(rows, 1):
        if not (isinstance(item, dict) and isinstance(item.get("path"), str) and isinstance(item.get("lines"), list)):
            raise IndexFileError(f'{what}: template entry {number} needs a "path" string and a "lines" list')
        prints[item["path"]] = tuple(map(str, item["lines"]))
    return Index(entries, prints)


def path_key(path: str) -> str:
    """A path as compared between a run and an index (both relative to the current folder)."""
    return os.path.normcase(os.path.abspath(path))


def index_files(paths: Sequence[str], config: Config, jobs: int = 1) -> tuple[Index, Any]:
    """The index of every draft under ``paths`` (parsed, no rule run) and the discovery (missing paths)."""
    from draftlint import engine

    found = engine.discover(paths, config)
    plan = engine.Plan([], {}, {}, max_file_size=config.max_file_size, timeout=config.timeout, template_lines=True)
    return index_of(engine.lint_files(found.files, plan, jobs).summaries), found
