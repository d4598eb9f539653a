"""The command line: thin wrappers that parse options and call the engine.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings at or above it; 2 usage, config or internal
error (including a rule that crashed).
"""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from draftlint import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="draftlint: a content-quality linter for article drafts.")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _err(message: str) -> None:
    print(f"draftlint: {message}", file=sys.stderr)


def _split(values: Optional[List[str]]) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _setup(config_path: Optional[Path], isolated: bool):
    from draftlint import config as configmod, registry

    config = configmod.load(config_path, isolated=isolated)
    reg = registry.load(config.rule_dirs)
    return config, reg


def _color(output: Optional[Path]) -> bool:
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


@app.command()
def check(
    paths: List[str] = typer.Argument(None, help="Files and folders to lint; - reads standard input. Default: ."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to FILE instead of standard output."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file (skips discovery)."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore all config files."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Rules to run (codes, prefixes, names, families); replaces the config's select."),
    extend_select: Optional[List[str]] = typer.Option(None, "--extend-select", help="Rules to add to the selection."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Rules to leave out."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Lowest severity that makes the exit code 1 (default: warning, or fail-on in config)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings (report-only jobs)."),
    statistics: bool = typer.Option(False, "--statistics", help="Print the number of findings per rule."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Name to report for standard input (its suffix picks Markdown or text)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores, or none for a run under 256 kB); 1 stays in-process."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only: no notes, no summary."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the result cache (.draftlint_cache/)."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes (atomically), then report what remains."),
    diff: bool = typer.Option(False, "--diff", help="Print the safe fixes as a unified diff; change no file."),
    report: Optional[List[str]] = typer.Option(None, "--report", metavar="FORMAT:PATH", help="Also write a report in FORMAT to PATH (- is standard output); repeatable."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Hide the findings recorded in this baseline file; report its stale entries."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record every finding of this run in FILE (exit 0 unless an error)."),
    diff_base: Optional[str] = typer.Option(None, "--diff-base", metavar="REV", help="Lint only files changed since the git revision REV and report findings on added or modified lines."),
    force_exclude: bool = typer.Option(False, "--force-exclude", help="Apply exclude globs to files named on the command line too (for pre-commit)."),
    titles_index: Optional[Path] = typer.Option(None, "--titles-index", help="Also compare titles against this index (written by `draftlint index`)."),
) -> None:
    """Lint drafts and report findings."""
    from draftlint import engine
    from draftlint.config import ConfigError
    from draftlint import titles_index as titles_index_mod
    from draftlint.gate import Gate, GateError, force_excluded
    from draftlint.registry import RegistryError
    from draftlint.report import Context, formats

    try:
        config, reg = _setup(config_path, isolated)
        if select:
            config.select = _split(select)
        config.extend_select += _split(extend_select)
        config.ignore += _split(ignore)
        if fail_on is not None:
            config.fail_on = fail_on.value
        plan = engine.make_plan(reg, config)
        titles_index_mod.use(plan, str(titles_index) if titles_index else None)
        gate = Gate.prepare(report or [], baseline, write_baseline, diff_base)
    except (ConfigError, RegistryError, GateError) as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_ERROR)

    paths = paths or ["."]
    workers = jobs or config.jobs  # None: all cores, or in-process for a small run
    stdin_data = sys.stdin.buffer.read() if "-" in paths else None

    def lint() -> tuple["engine.RunResult", list[str]]:
        engine.tune_gc()
        cache = None
        if config.cache and not no_cache:
            from draftlint.cache import Cache

            cache = Cache(config.root, plan)
        found = engine.discover([p for p in paths if p != "-"], config)
        found.files = [f for f in found.files if gate.wants(f) and not (force_exclude and force_excluded(f, config))]
        results = []
        if stdin_data is not None:
            results = engine.lint_batch([(stdin_filename or "stdin.md", stdin_data)], plan)
        show = not quiet and format == Format.text and output is None and sys.stderr.isatty() and len(found.files) > 200
        results += list(engine.lint_each(found.files, plan, workers, cache, _progress(len(found.files)) if show else None))
        if not results and not found.errors and not quiet and gate.changes is None:
            _err(f"no drafts found in {', '.join(paths)} (extensions: {', '.join(config.extensions)})")
        return engine.finish(results, plan), found.errors

    run, path_errors = lint()
    if fix or diff:
        changes = _apply_fixes(run, plan, write=fix and not diff)
        if diff:
            sys.stdout.write("".join(change.diff() for change in changes))
            raise typer.Exit(EXIT_FINDINGS if changes else EXIT_CLEAN)
        if changes:
            run, path_errors = lint()  # report what remains
            if not quiet:
                _err(f"fixed {sum(c.applied for c in changes)} finding(s) in {len(changes)} file(s)")
    status = EXIT_CLEAN
    for message in path_errors:
        _err(message)
        status = EXIT_ERROR
    if not quiet:
        for note in run.notes:
            _err(note)
    for crash in run.crashes:
        _err(crash)
        status = EXIT_ERROR
    sources = gate.sources(stdin_filename or "stdin.md", stdin_data)
    try:
        run, outcome, gate_notes = gate.apply(run, sources)
    except GateError as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_ERROR)
    for note in gate_notes if not quiet else ():
        _err(note)

    ctx = Context(run, reg, color=_color(output) and format == Format.text, statistics=statistics,
                  fail_on=config.fail_on, version=__version__, rules=plan.rules, baseline=outcome, sources=sources)
    rendered = formats()[format.value](ctx)
    if quiet and format == Format.text:
        rendered = "".join(line + "\n" for line in rendered.splitlines() if line and not line.startswith(("Found ", "No findings")))
    if output is not None:
        try:
            output.write_text(rendered, encoding="utf-8")
        except OSError as exc:
            _err(f"cannot write {output}: {exc.strerror or exc}")
            raise typer.Exit(EXIT_ERROR)
    else:
        sys.stdout.write(rendered)
    for message in gate.write_reports(ctx, formats()):
        _err(message)
        status = EXIT_ERROR

    if status == EXIT_CLEAN and not exit_zero and write_baseline is None and config.fail_on != "never":
        from draftlint.findings import Severity

        threshold = Severity.parse(config.fail_on)
        if any(f.severity >= threshold for f in run.findings):
            status = EXIT_FINDINGS
    raise typer.Exit(status)


def _apply_fixes(run, plan, write: bool) -> list:
    """Re-lint each file with fixable findings from fresh bytes, and apply (or only compute) its safe fixes."""
    from draftlint import engine, fix as fixmod

    changes = []
    for path in sorted({f.path for f in run.findings if f.fix is not None}):
        data, early = engine.load_bytes(path, plan)
        if data is None or early is not None:
            continue
        fresh = engine.lint_text(data, path, plan)
        if fresh.crashes:
            continue
        change = fixmod.plan_fixes(path, data, fresh.findings)
        if change is None:
            continue
        if write:
            try:
                fixmod.write_atomic(path, change.fixed)
            except OSError as exc:
                _err(f"{path}: cannot write the fix: {exc.strerror or exc}")
                continue
        changes.append(change)
    return changes


@app.command()
def rules(
    format: str = typer.Option("text", "--format", "-f", help="text or markdown."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore all config files."),
) -> None:
    """List every rule: code, name, family, default severity, enabled, source."""
    from draftlint import engine
    from draftlint.config import ConfigError
    from draftlint.registry import RegistryError

    try:
        config, reg = _setup(config_path, isolated)
        chosen = {r.code for r in engine.select(reg, config)}
    except (ConfigError, RegistryError) as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_ERROR)
    if format not in ("text", "markdown"):
        _err(f"unknown format {format!r} (text or markdown)")
        raise typer.Exit(EXIT_ERROR)
    rows = [(r.code, r.name, str(r.family), str(r.severity), "yes" if r.code in chosen else "no", reg.sources[r.code], r.summary())
            for r in reg]
    if format == "markdown":
        print("| code | name | family | severity | enabled | source | what it flags |")
        print("|---|---|---|---|---|---|---|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    print(f"{'code':<6} {'name':<34} {'family':<12} {'severity':<8} {'on':<3} source")
    for code, name, family, severity, on, source, _ in rows:
        print(f"{code:<6} {name:<34} {family:<12} {severity:<8} {on:<3} {source}")


@app.command()
def explain(code: str = typer.Argument(..., help="A rule code or name, e.g. Q001 or unsourced-quote.")) -> None:
    """Print a rule's documentation: what it flags, why it matters, an example, how to fix, options."""
    from draftlint import registry
    from draftlint.registry import RegistryError
    from draftlint.rule import suggest

    try:
        reg = registry.load()
    except RegistryError as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_ERROR)
    rule = reg.resolve(code)
    if rule is None:
        _err(f'no rule "{code}"{suggest(code, list(reg.rules) + list(reg.names))}')
        raise typer.Exit(EXIT_ERROR)
    print(f"{rule.code} {rule.name} ({rule.family}, default severity {rule.severity}, {reg.sources[rule.code]})\n")
    print(rule.doc_text())
    rows = rule.option_rows()
    if rows:
        print("\n## Options")
        for name, kind, default, help_text in rows:
            print(f"  {name} ({kind}, default {default}): {help_text}")


@app.command()
def clean(
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore all config files."),
) -> None:
    """Delete the result cache (.draftlint_cache/ beside the config, or in the current folder)."""
    from draftlint import cache, config as configmod
    from draftlint.config import ConfigError

    try:
        root = configmod.load(config_path, isolated=isolated).root
    except ConfigError as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_ERROR)
    removed = cache.clean(root)
    print(f"removed {root / cache.FOLDER}" if removed else f"no cache in {root}")


@app.command()
def index(
    paths: List[str] = typer.Argument(..., help="Files and folders of the archive (as for check)."),
    output: Path = typer.Option(..., "--output", "-o", help="Write the titles index (JSON) to FILE."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file (skips discovery)."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore all config files."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
) -> None:
    """Write the archive's titles (path, title, content tokens) for `check --titles-index`."""
    from draftlint import config as configmod, titles_index
    from draftlint.config import ConfigError

    try:
        config = configmod.load(config_path, isolated=isolated)
        entries, found = titles_index.index_files(paths, config, jobs or config.jobs or os.cpu_count() or 1)
        for message in found.errors:
            _err(message)
        if found.errors:
            raise typer.Exit(EXIT_ERROR)
        titles_index.write(entries, str(output))
    except ConfigError as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_ERROR)
    _err(f"indexed {len(entries)} titles of {len(found.files)} files in {output}")


def _progress(total: int):
    """A one-line progress counter on stderr (only used on a terminal)."""
    state = {"done": 0}

    def step(n: int) -> None:
        state["done"] += n
        done = state["done"]
        if done == total or done % 25 == 0:
            width = 30
            filled = width * done // total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
            if done == total:
                sys.stderr.write("\r" + " " * (width + 30) + "\r")
            sys.stderr.flush()

    return step


@app.command()
def version() -> None:
    """Print draftlint's version."""
    print(__version__)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except Exception as exc:  # the last line of defence: a message, never a traceback
        _err(f"internal error: {type(exc).__name__}: {exc}")
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
