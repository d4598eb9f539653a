"""Human output: ``path:line:col: CODE [severity] message`` and a summary line."""
from __future__ import annotations

from collections import Counter

from draftlint.findings import Severity
from draftlint.report.context import Context

COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def render(ctx: Context) -> str:
    out = []
    paint = (lambda code, s: f"{code}{s}{RESET}") if ctx.color else (lambda code, s: s)
    for f in () if ctx.statistics else ctx.result.findings:  # --statistics: the table instead of the findings
        where = paint(BOLD, f"{f.path}:{f.line}:{f.column}:")
        level = paint(COLORS[f.severity], f"[{f.severity}]")
        out.append(f"{where} {paint(BOLD, f.code)} {level} {f.message}")
    if ctx.statistics:
        out.append(statistics(ctx))
    out.append(summary_line(ctx))
    return "\n".join(out) + "\n"


def statistics(ctx: Context) -> str:
    counts = Counter((f.code, f.name) for f in ctx.result.findings)
    rows = [f"{n:>6}  {code:<6} {name}" for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(["count  code   rule", *rows, ""]) if rows else ""


def summary_line(ctx: Context) -> str:
    findings = ctx.result.findings
    files_with = len({f.path for f in findings})
    by_level = Counter(f.severity for f in findings)
    parts = [f"{by_level[s]} {s}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if by_level[s]]
    checked = ctx.result.files
    noun = "file" if checked == 1 else "files"
    skipped = f" ({len(ctx.result.skipped)} skipped)" if ctx.result.skipped else ""
    if not findings:
        return f"No findings in {checked} {noun}{skipped}.{baseline_note(ctx)}"
    total = len(findings)
    return (f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {files_with} of "
            f"{checked} {noun}{skipped}.{baseline_note(ctx)}")


def baseline_note(ctx: Context) -> str:
    """`` Baseline: N hidden, M stale entries.`` when --baseline was given."""
    if ctx.baseline is None:
        return ""
    stale = ctx.baseline.stale_count
    return f" Baseline: {ctx.baseline.matched} hidden, {stale} stale entr{'y' if stale == 1 else 'ies'}."
