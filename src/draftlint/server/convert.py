"""From draftlint's findings and fixes to the Language Server Protocol's diagnostics, edits and code actions.

Findings count lines from 1 and columns in characters (code points) of the source line; LSP counts both from
0, and columns in the units the client asked for (UTF-16 by default): pygls's position codec converts.
A quick fix is the edit ``draftlint.fix`` makes for that one finding, and "fix all" is ``fix.fix_bytes``,
the same fixed point as ``check --fix``: the edits are the lines that changed, never a fix written here.
"""
from __future__ import annotations

import re
from typing import Any, Optional, Sequence

from lsprotocol import types

from draftlint import fix as fixmod
from draftlint.findings import Finding, Severity
from draftlint.suppress import DIRECTIVE

SOURCE = "draftlint"
SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}
FIX_ALL = types.CodeActionKind.SourceFixAll + ".draftlint"


def position(lines: Sequence[str], codec: Any, line: int, column: int) -> types.Position:
    """The LSP position of a 1-based line and character column (clamped to the document)."""
    if not lines:
        return types.Position(line=0, character=0)
    row = min(max(line - 1, 0), len(lines) - 1)
    text = lines[row].rstrip("\r\n")
    spot = types.Position(line=row, character=min(max(column - 1, 0), len(text)))
    return codec.position_to_client_units(lines, spot)


def finding_range(lines: Sequence[str], codec: Any, f: Finding) -> types.Range:
    if f.line < 1:  # a finding about the whole document: its first line
        start = types.Position(line=0, character=0)
        return types.Range(start=start, end=position(lines, codec, 1, 10**9))
    end_line, end_column = (f.end_line, f.end_column) if f.end_line >= f.line else (f.line, f.column)
    return types.Range(start=position(lines, codec, f.line, f.column), end=position(lines, codec, end_line, end_column))


def diagnostic(lines: Sequence[str], codec: Any, f: Finding, summary: str) -> types.Diagnostic:
    """A finding as a diagnostic: its code, severity and range; the message, then the rule's one-line
    description (what the rule flags), since editors show only the message."""
    message = f"{f.message}\n{f.name}: {summary}" if summary else f.message
    return types.Diagnostic(range=finding_range(lines, codec, f), message=message, severity=SEVERITIES[f.severity],
                            code=f.code, source=SOURCE, data={"fixable": f.fix is not None})


def line_edits(before: str, after: str, lines: Sequence[str], codec: Any) -> list[types.TextEdit]:
    """One edit that turns ``before`` into ``after``: the run of lines between their common head and tail."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    if head == len(old) and head == len(new):
        return []
    start = _line_start(old, lines, codec, head)
    end = _line_start(old, lines, codec, len(old) - tail)
    return [types.TextEdit(range=types.Range(start=start, end=end), new_text="".join(new[head:len(new) - tail]))]


def _line_start(old: list[str], lines: Sequence[str], codec: Any, index: int) -> types.Position:
    """Where line ``index`` starts; past the last line, the end of the document."""
    if index < len(old):
        return types.Position(line=index, character=0)
    if not old or old[-1].endswith(("\n", "\r")):
        return types.Position(line=len(old), character=0)
    return codec.position_to_client_units(lines, types.Position(line=len(old) - 1, character=len(old[-1])))


def _edit(uri: str, edits: list[types.TextEdit], version: Optional[int]) -> types.WorkspaceEdit:
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)])


def quick_fix(uri: str, version: Optional[int], text: str, lines: Sequence[str], codec: Any, f: Finding,
              diag: types.Diagnostic) -> Optional[types.CodeAction]:
    """The safe fix of one finding, as ``--fix`` would make it alone."""
    change = fixmod.plan_fixes(f.path, text.encode("utf-8"), [f])
    if change is None:
        return None
    edits = line_edits(text, change.fixed.decode("utf-8"), lines, codec)
    return types.CodeAction(title=f"Fix {f.code}: {_short(f.message)}", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diag], edit=_edit(uri, edits, version), is_preferred=True)


def fix_all(uri: str, version: Optional[int], text: str, lines: Sequence[str], codec: Any, path: str,
            plan: Any) -> Optional[types.CodeAction]:
    """Every safe fix of the document to a fixed point (``check --fix`` on this text)."""
    change = fixmod.fix_bytes(path, text.encode("utf-8"), plan)
    if change is None:
        return None
    edits = line_edits(text, change.fixed.decode("utf-8"), lines, codec)
    return types.CodeAction(title=f"Fix all safe draftlint findings ({change.applied})", kind=FIX_ALL,
                            edit=_edit(uri, edits, version))


def disable_for_line(uri: str, version: Optional[int], lines: Sequence[str], codec: Any, f: Finding,
                     diag: types.Diagnostic) -> types.CodeAction:
    """Suppress this rule on this line: ``<!-- draftlint-disable-next-line CODE -->`` on a line of its own
    above a line that opens a block, else ``<!-- draftlint-disable-line CODE -->`` at the end of the line
    (a comment line inside a paragraph would split it in two). A directive already there gets the code
    added, since a second directive line would take the first one's place above the line."""
    row = min(max(f.line - 1, 0), max(len(lines) - 1, 0))
    line = lines[row].rstrip("\r\n") if lines else ""
    above = lines[row - 1].rstrip("\r\n") if row > 0 else ""
    if row == 0 or not above.strip() or _directive(above, "disable-next-line"):
        if (directive := _directive(above, "disable-next-line")) is not None:
            edit = _add_code(directive, row - 1, f.code, lines, codec)
        else:
            indent = line[:len(line) - len(line.lstrip())]
            start = types.Position(line=row, character=0)
            edit = types.TextEdit(range=types.Range(start=start, end=start),
                                  new_text=f"{indent}<!-- draftlint-disable-next-line {f.code} -->\n")
    elif (directive := _directive(line, "disable-line")) is not None:
        edit = _add_code(directive, row, f.code, lines, codec)
    else:
        end = position(lines, codec, row + 1, 10**9)
        edit = types.TextEdit(range=types.Range(start=end, end=end), new_text=f" <!-- draftlint-disable-line {f.code} -->")
    return types.CodeAction(title=f"Disable {f.code} ({f.name}) for this line", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diag], edit=_edit(uri, [edit], version))


def _directive(line: str, action: str):
    """The last directive of kind ``action`` on ``line``, if any."""
    found = [m for m in DIRECTIVE.finditer(line) if m.group(1) == action]
    return found[-1] if found else None


def _add_code(match: re.Match[str], row: int, code: str, lines: Sequence[str], codec: Any) -> types.TextEdit:
    """Add ``code`` to the codes of a directive (``match``, on line ``row``), just before its ``-->``: the
    directive of the kind that covers the finding, even when the line holds one of the other kind too."""
    codes = match.group(2).rstrip()
    at = position(lines, codec, row + 1, match.start(2) + len(codes) + 1)
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=f" {code}")


def _short(message: str, limit: int = 60) -> str:
    return message if len(message) <= limit else message[:limit - 1] + "…"
