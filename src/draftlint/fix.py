"""Safe fixes: applied only when asked (``check --fix``), shown with ``--diff``, written atomically.

Only fixes that rules attach to findings are applied (a rule attaches one only where the edit is always
right: deleting a residue line, a repeated title line, a generator disclaimer). Fixes are applied to the
original text, so line endings (LF, CRLF, CR), a UTF-8 byte-order mark and every other byte stay as they were.
A file whose parse reported a problem (E001/E002) is never touched.
"""
from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
from dataclasses import dataclass

from draftlint.findings import Finding

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_LF_LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")
BOM = b"\xef\xbb\xbf"


@dataclass
class FileFix:
    path: str
    original: bytes
    fixed: bytes
    applied: int

    def diff(self) -> str:
        """A unified diff that ``git apply`` and ``patch -p1`` accept: lines are split at LF only (a CR stays
        part of its line, as both tools read it), and a last line without a line break is followed by the
        ``\\ No newline at end of file`` marker, so the next file's header starts on a line of its own."""
        name = _diff_path(self.path)
        before, after = _diff_lines(self.original), _diff_lines(self.fixed)
        out = []
        for line in difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"):
            out.append(line if line.endswith("\n") else line + "\n" + NO_NEWLINE)
        return "".join(out)


NO_NEWLINE = "\\ No newline at end of file\n"


def _diff_lines(data: bytes) -> list[str]:
    """A file's lines as diff tools count them: each up to and with its LF; the last may lack one."""
    return _LF_LINES.findall(data.decode("utf-8", "replace"))


def _diff_path(path: str) -> str:
    """The path in the diff's header: POSIX separators, no leading "./" (``a/./x.md`` is not what git writes)."""
    posix = path.replace(os.sep, "/")
    while posix.startswith("./"):
        posix = posix[2:]
    return posix


MAX_ROUNDS = 10


def fix_bytes(path: str, data: bytes, plan) -> FileFix | None:
    """Every safe fix for one file's bytes, to a fixed point: a fix can leave a line that another fix now
    applies to (deleting a residue line under a repeated title turns the title into a line of its own), so
    the fixed text is linted again and fixed again until no fix is left (at most ``MAX_ROUNDS`` rounds).
    A second ``--fix`` then changes nothing. None when there is nothing to apply or a rule crashed."""
    from draftlint import engine

    current, applied = data, 0
    for _ in range(MAX_ROUNDS):
        run = engine.lint_text(current, path, plan)
        if run.crashes:
            break
        change = plan_fixes(path, current, run.findings)
        if change is None:
            break
        current, applied = change.fixed, applied + change.applied
    return FileFix(path, data, current, applied) if current != data else None


def plan_fixes(path: str, data: bytes, findings: list[Finding]) -> FileFix | None:
    """The fixed bytes of one file, or None when there is nothing (safe) to apply."""
    if any(f.code.startswith("E0") for f in findings):
        return None
    fixes = sorted({(f.fix.span, f.fix.replacement, f.fix.whole_lines) for f in findings if f.fix is not None})
    if not fixes:
        return None
    bom = data.startswith(BOM)
    text = data[len(BOM):].decode("utf-8") if bom else data.decode("utf-8")
    lines = _LINES.findall(text)
    deleted: set[int] = set()  # 0-based line indexes
    edits: dict[int, list[tuple[int, int, str]]] = {}
    applied = 0
    taken: list[tuple[int, int, int, int]] = []
    for span, replacement, whole in fixes:
        region = (span.line, 1 if whole else span.col, span.end_line, 10**9 if whole else span.end_col)
        if any(_overlap(region, other) for other in taken) or span.end_line > len(lines):
            continue
        taken.append(region)
        applied += 1
        if whole:
            deleted.update(range(span.line - 1, span.end_line))
        elif span.line == span.end_line:
            edits.setdefault(span.line - 1, []).append((span.col - 1, span.end_col - 1, replacement))
    for index in sorted(deleted):  # deleting a line between two blank lines would leave a double blank line
        before = index - 1
        while before in deleted:
            before -= 1
        after = index + 1
        while after in deleted:
            after += 1
        if after < len(lines) and _blank(lines[after]) and (before < 0 or _blank(lines[before])):
            deleted.add(after)
    out = []
    for index, line in enumerate(lines):
        if index in deleted:
            continue
        for start, end, replacement in sorted(edits.get(index, ()), reverse=True):
            body = line.rstrip("\r\n")
            line = body[:start] + replacement + body[end:] + line[len(body):]
        out.append(line)
    fixed = "".join(out).encode("utf-8")
    if bom:
        fixed = BOM + fixed
    return FileFix(path, data, fixed, applied) if fixed != data else None


def _blank(line: str) -> bool:
    return not line.strip()


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return (a[0], a[1]) < (b[2], b[3]) and (b[0], b[1]) < (a[2], a[3])


def write_atomic(path: str, data: bytes) -> None:
    """Write through a temporary file in the same folder: fsync, keep the mode, then rename over the file."""
    folder = os.path.dirname(os.path.abspath(path))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".draftlint-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
