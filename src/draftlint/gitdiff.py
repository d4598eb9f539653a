"""Changed lines since a git revision, for ``check --diff-base REV``.

``git diff --unified=0 REV`` compares REV with the working tree (so committed and uncommitted edits both
count); its hunk headers give the added and modified lines of each file (a pure deletion adds none). Files
that git does not track yet (and does not ignore) are new: every line of them counts. Deleted files are
gone and have nothing to lint.

A finding is kept when its lines overlap a touched line; a document-level finding (line 0) is kept whenever
its file changed. The repository is the one of the current folder; a missing REV (in a shallow clone: not
fetched) or a folder outside git is a ``GitError`` with a message that says what to do.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from draftlint.findings import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


class GitError(Exception):
    pass


def _git(args: list[str], cwd: Path | str | None) -> str:
    try:
        proc = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True,
                              stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise GitError("--diff-base needs git, which is not installed or not on PATH") from None
    if proc.returncode != 0:
        raise GitError(proc.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return proc.stdout.decode("utf-8", "surrogateescape")


def unquote(path: str) -> str:
    """Undo git's C-style quoting of unusual path names ("a\\tb", octal escapes of non-ASCII bytes)."""
    if not (len(path) >= 2 and path.startswith('"') and path.endswith('"')):
        return path
    body, out, i = path[1:-1], bytearray(), 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "01234567" and re.match(r"[0-7]{3}", body[i + 1:i + 4]):
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, ord(nxt)))
            i += 2
            continue
        out.extend(ch.encode("utf-8", "surrogateescape"))
        i += 1
    return out.decode("utf-8", "surrogateescape")


def parse_hunks(patch: str) -> dict[str, set[int]]:
    """Lines added or modified per new path, from ``git diff --unified=0`` with a/ and b/ prefixes."""
    touched: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in patch.split("\n"):
        if line.startswith("+++ "):
            name = unquote(line[4:].rstrip("\t"))
            current = touched.setdefault(name[2:], set()) if name.startswith("b/") else None
        elif line.startswith("@@ ") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                current.update(range(start, start + count))
    return touched


@dataclass
class Changes:
    """Files changed since a revision (real paths) and their touched lines; ``None`` means every line."""

    rev: str
    root: Path
    files: dict[str, set[int] | None]

    def has(self, path: str) -> bool:
        return os.path.realpath(path) in self.files

    def touches(self, finding: Finding) -> bool:
        key = os.path.realpath(finding.path)
        if key not in self.files:
            return False
        lines = self.files[key]
        if lines is None or finding.line < 1:
            return True
        return any(n in lines for n in range(finding.line, max(finding.end_line, finding.line) + 1))


def changes_since(rev: str, cwd: Path | str | None = None) -> Changes:
    """What changed between ``rev`` and the working tree of the repository around ``cwd``."""
    try:
        root = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except GitError as exc:
        if "not a git repository" in str(exc).lower():
            raise GitError(f"--diff-base needs a git repository, and {Path(cwd or '.').resolve()} is not in one") from None
        raise
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], root)
    except GitError:
        raise GitError(f'--diff-base: "{rev}" is not a commit in this repository (in a shallow clone, fetch it '
                       f"first, e.g. git fetch --depth=1 origin {rev})") from None
    common = ["--no-color", "--no-ext-diff", "--no-textconv", "--ignore-submodules", "--diff-filter=ACMRT", "-M"]
    names = _git(["diff", "--name-only", "-z", *common, rev, "--"], root).split("\0")
    patch = _git(["diff", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", *common, rev, "--"], root)
    hunks = parse_hunks(patch)
    files: dict[str, set[int] | None] = {}
    for name in filter(None, names):
        files[os.path.realpath(root / name)] = hunks.get(name, set())
    for name in filter(None, _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0")):
        files[os.path.realpath(root / name)] = None
    return Changes(rev, root, files)
