"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding.

    ::warning file=drafts/a.md,line=3,col=1,endLine=3,endColumn=24,title=B101 ai-disclaimer::message

GitHub requires ``%``, CR and LF to be escaped in the message, and additionally ``:`` and ``,`` in property
values. Paths are relative to ``GITHUB_WORKSPACE`` (the checkout) when it is set, else to the working folder. The plain summary line
follows the annotations. This format is never chosen automatically: pass ``--format github`` (or
``--report github:-``) in the workflow.
"""
from __future__ import annotations

from draftlint.findings import Severity
from draftlint.report.context import Context
from draftlint.report.text import summary_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(ctx: Context) -> str:
    out = []
    for f in ctx.result.findings:
        props = [("file", ctx.relative(f.path) or f.path)]
        if f.line >= 1:
            props += [("line", str(f.line)), ("col", str(f.column)), ("endLine", str(f.end_line)),
                      ("endColumn", str(f.end_column))]
        props.append(("title", f"{f.code} {f.name}"))
        joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
        out.append(f"::{COMMANDS[f.severity]} {joined}::{escape_data(f.message)}")
    out.append(summary_line(ctx))
    return "\n".join(out) + "\n"
