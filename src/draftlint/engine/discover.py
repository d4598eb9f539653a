"""File discovery: the drafts under the paths of a run (globs, excludes, hidden and tool folders skipped,
symbolic links followed only when asked, loops detected), with one message per path that cannot be walked.
"""
from __future__ import annotations

import errno
import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from draftlint.config import Config

SKIP_DIRS = frozenset({"node_modules", "venv", "env", "site-packages", "__pycache__", "_build", "dist", "build"})


@dataclass
class Discovery:
    files: list[str]
    errors: list[str]  # one message per path that could not be walked: missing, unreadable, a symlink loop


def excluded(rel: str, name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p.rstrip("/") + "/*")
               for p in patterns)


def discover(paths: Iterable[str], config: Config) -> Discovery:
    files: list[str] = []
    errors: list[str] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_file() or (path.exists() and not path.is_dir()):
            if _tidy(given) not in seen:
                seen.add(_tidy(given))
                files.append(_tidy(given))
            continue
        if not path.is_dir():
            errors.append(f"{given}: {_why_missing(path)}")
            continue

        def unreadable(exc: OSError) -> None:
            errors.append(f"{exc.filename}: cannot read folder: {exc.strerror or exc}")

        walked: set[str] = set()
        for folder, dirs, names in os.walk(path, onerror=unreadable, followlinks=config.follow_symlinks):
            real = os.path.realpath(folder)
            if real in walked:  # a followed link back into a folder already walked: a loop
                dirs[:] = []
                continue
            walked.add(real)
            rel_folder = os.path.relpath(folder, path)
            dirs[:] = sorted(d for d in dirs if not _skip_dir(Path(folder) / d, d, config.follow_symlinks)
                             and not excluded(os.path.normpath(os.path.join(rel_folder, d)), d, config.exclude))
            for name in sorted(names):
                if not name.lower().endswith(config.extensions):
                    continue
                full = _tidy(os.path.join(folder, name))
                rel = os.path.normpath(os.path.join(rel_folder, name))
                if excluded(rel, name, config.exclude) or full in seen:
                    continue
                if os.path.islink(full) and not (config.follow_symlinks and os.path.isfile(full)) and not _inside(full, path):
                    continue
                seen.add(full)
                files.append(full)
    return Discovery(files, errors)


def _tidy(path: str) -> str:
    """A path as reports print it: ``./a.md`` (what walking "." gives) is ``a.md``."""
    while path.startswith("./") and len(path) > 2:
        path = path[2:]
    return path


def _why_missing(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return f"cannot read: {exc.strerror}"
    return "no such file or folder"


def _skip_dir(path: Path, name: str, follow_symlinks: bool = False) -> bool:
    return (name.startswith(".") or name in SKIP_DIRS or (path / "pyvenv.cfg").exists()
            or (path.is_symlink() and not follow_symlinks))


def _inside(file: str, root: Path) -> bool:
    try:
        Path(file).resolve(strict=True).relative_to(root.resolve())
        return True
    except (ValueError, OSError, RuntimeError):  # outside, dangling, or a loop (RuntimeError before 3.13)
        return False
