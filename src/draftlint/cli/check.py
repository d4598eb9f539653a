"""``draftlint check``: parse the options, lint through the engine, fix or show fixes, report, exit.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings at or above it (or, with ``--diff``, a fix to
show); 2 usage, config or internal error (including a rule that crashed).
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, List, Optional

import typer

from draftlint import __version__
from draftlint.cli.common import (CONFIG_OPTION, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, ISOLATED_OPTION, FailOn,
                                  Format, err, fail, lint_paths, setup, split)

STDIN = "-"


def check(
    paths: List[str] = typer.Argument(None, help="Files and folders to lint; - reads standard input. Default: ."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to FILE instead of standard output."),
    config_path: Optional[Path] = CONFIG_OPTION,
    isolated: bool = ISOLATED_OPTION,
    select: Optional[List[str]] = typer.Option(None, "--select", help="Rules to run (codes, prefixes, names, families); replaces the config's select."),
    extend_select: Optional[List[str]] = typer.Option(None, "--extend-select", help="Rules to add to the selection."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Rules to leave out."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Lowest severity that makes the exit code 1 (default: warning, or fail-on in config)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings (report-only jobs)."),
    statistics: bool = typer.Option(False, "--statistics", help="Print the number of findings per rule instead of the findings."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="Name to report for standard input (its suffix picks Markdown, HTML or text)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores, or none for a run under 256 kB); 1 stays in-process."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only: no notes, no summary."),
    show_progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Show a progress bar on standard error (default: on a terminal, once a run lasts a second)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the result cache (.draftlint_cache/)."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes (atomically; standard input's fixed text goes to standard output), then report what remains."),
    diff: bool = typer.Option(False, "--diff", help="Print the safe fixes as a unified diff; change no file."),
    report: Optional[List[str]] = typer.Option(None, "--report", metavar="FORMAT:PATH", help="Also write a report in FORMAT to PATH (- is standard output); repeatable."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Hide the findings recorded in this baseline file; report its stale entries."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record every finding of this run in FILE (exit 0 unless an error)."),
    diff_base: Optional[str] = typer.Option(None, "--diff-base", metavar="REV", help="Lint only files changed since the git revision REV and report findings on added or modified lines."),
    force_exclude: bool = typer.Option(False, "--force-exclude", help="Apply exclude globs to files named on the command line too (for pre-commit)."),
    titles_index: Optional[Path] = typer.Option(None, "--titles-index", help="Also compare titles against this index (written by `draftlint index`)."),
    html_main: bool = typer.Option(False, "--html-main", help="Of an HTML page, lint only the article: its main element, else its only outermost article element, else the element holding most of its running prose."),
) -> None:
    """Lint drafts and report findings."""
    from draftlint import engine
    from draftlint.config import ConfigError
    from draftlint.gate import Gate, GateError
    from draftlint.registry import RegistryError

    try:
        config, reg = setup(config_path, isolated)
        if select:
            config.select = split(select)
        config.extend_select += split(extend_select)
        config.ignore += split(ignore)
        if fail_on is not None:
            config.fail_on = fail_on.value
        config.html_main = config.html_main or html_main
        overrides = {code: {"index": str(titles_index)} for code in engine.index_readers(reg)} if titles_index else None
        plan = engine.make_plan(reg, config, overrides)
        gate = Gate.prepare(report or [], baseline, write_baseline, diff_base)
    except (ConfigError, RegistryError, GateError) as exc:
        raise fail(str(exc))
    job = Check(paths or ["."], config, reg, plan, gate, jobs or config.jobs, quiet, show_progress,
                not no_cache and config.cache, force_exclude, stdin_filename or "stdin.md")
    job.read_stdin()
    run, errors = job.lint()
    if fix or diff:
        run, errors = job.fix(run, errors, write=fix and not diff, show_diff=diff)
    job.finish(run, errors, format, output, statistics, exit_zero)


@dataclass
class Check:
    """One ``check`` run: the inputs, the plan, and what was linted, fixed and reported."""

    paths: list[str]
    config: Any
    registry: Any
    plan: Any
    gate: Any
    jobs: Optional[int]
    quiet: bool
    show_progress: Optional[bool]
    use_cache: bool
    force_exclude: bool
    stdin_name: str
    stdin_data: Optional[bytes] = None
    stdin_fixed: Optional[bytes] = None  # --fix: standard input's text after the fixes, printed as it is
    status: int = EXIT_CLEAN
    diff_mode: bool = False  # --diff: standard output carries the diff only
    diff_shown: bool = False
    notes: list[str] = field(default_factory=list)

    def read_stdin(self) -> None:
        if STDIN in self.paths:
            self.stdin_data = sys.stdin.buffer.read()

    @property
    def stdin_input(self) -> Optional[bytes]:
        """Standard input as it is now: fixed, once --fix has fixed it."""
        return self.stdin_data if self.stdin_fixed is None else self.stdin_fixed

    def lint(self) -> tuple[Any, list[str]]:
        """Lint standard input and the files under the paths: the run and the paths that could not be walked."""
        from draftlint import engine
        from draftlint.gate import force_excluded

        results = []
        if self.stdin_data is not None:
            results = engine.lint_batch([(self.stdin_name, self.stdin_input)], self.plan)
        found_results, found = lint_paths(
            [p for p in self.paths if p != STDIN], self.config, self.plan, self.jobs, self.use_cache,
            self.show_progress, self.quiet,
            keep=lambda f: self.gate.wants(f) and not (self.force_exclude and force_excluded(f, self.config)))
        results += found_results
        if not results and not found.errors and not self.quiet and self.gate.changes is None:
            err(f"no drafts found in {', '.join(self.paths)} (extensions: {', '.join(self.config.extensions)})")
        return engine.finish(results, self.plan), found.errors

    def fix(self, run, errors: list[str], write: bool, show_diff: bool) -> tuple[Any, list[str]]:
        """Apply the safe fixes (``write``) or only compute them; print them as a diff (``show_diff``); lint
        again to report what remains after a written fix."""
        from draftlint import engine, fix as fixmod, parse

        changes = []
        self.diff_mode = show_diff
        if write and self.stdin_data is not None:
            self.stdin_fixed = self.stdin_data  # printed even when nothing is fixed: editors replace the buffer
        for path in sorted({f.path for f in run.findings if f.fix is not None}):
            stdin = self.stdin_data is not None and path == self.stdin_name
            if stdin:
                data: Optional[bytes] = self.stdin_data
            else:
                data, early = engine.load_bytes(path, self.plan)
                if early is not None:
                    continue
            assert data is not None
            change = fixmod.fix_bytes(path, data, self.plan)
            if change is None:
                continue
            if stdin and write:
                self.stdin_fixed = change.fixed
            elif write:
                try:
                    fixmod.write_atomic(path, change.fixed)
                except OSError as exc:
                    err(f"{path}: cannot write the fix: {exc.strerror or exc}")
                    continue
            changes.append(change)
        pages = sum(parse.kind_of(path) == "html" for path in run.paths)
        if pages and not self.quiet:
            self.notes.append(f"--{'diff' if show_diff else 'fix'} leaves HTML files untouched ({pages} file"
                              f"{'s' * (pages > 1)}): fixes edit Markdown and text only")
        if show_diff:
            sys.stdout.write("".join(change.diff() for change in changes))
            self.diff_shown = bool(changes)
            return run, errors
        if changes:
            if not self.quiet:
                self.notes.append(f"fixed {sum(c.applied for c in changes)} finding(s) in {len(changes)} file(s)")
            return self.lint()  # report what remains
        return run, errors

    def finish(self, run, errors: list[str], format: Format, output: Optional[Path], statistics: bool,
               exit_zero: bool) -> None:
        """Print the notes and the report, write the extra reports, and exit with the run's status."""
        from draftlint.gate import GateError
        from draftlint.report import Context, formats

        for message in errors:
            err(message)
            self.status = EXIT_ERROR
        for note in self.notes + (run.notes if not self.quiet else []):
            err(note)
        for crash in run.crashes:
            err(crash)
            self.status = EXIT_ERROR
        sources = self.gate.sources(self.stdin_name, self.stdin_input)
        try:
            run, outcome, gate_notes = self.gate.apply(run, sources)
        except GateError as exc:
            raise fail(str(exc))
        for note in gate_notes if not self.quiet else ():
            err(note)
        ctx = Context(run, self.registry, color=_color(output) and format == Format.text, statistics=statistics,
                      fail_on=self.config.fail_on, version=__version__, rules=self.plan.rules, baseline=outcome,
                      sources=sources)
        self.emit(ctx, format, output)
        for message in self.gate.write_reports(ctx, formats()):
            err(message)
            self.status = EXIT_ERROR
        if self.status == EXIT_CLEAN and not exit_zero and self.gate.write_baseline is None:
            if self.diff_shown or _fails(run.findings, self.config.fail_on):
                self.status = EXIT_FINDINGS
        raise typer.Exit(self.status)

    def emit(self, ctx, format: Format, output: Optional[Path]) -> None:
        """The primary report: to ``output``, else standard output; standard error when standard output
        carries standard input's fixed text or a diff. A baseline being written shows only its summary."""
        from draftlint.report import formats
        from draftlint.report.text import summary_line

        if format == Format.text and self.gate.write_baseline is not None:
            rendered = summary_line(ctx) + "\n"
        else:
            rendered = formats()[format.value](ctx)
        if self.quiet and format == Format.text:
            rendered = "".join(line + "\n" for line in rendered.splitlines()
                               if line and not line.startswith(("Found ", "No findings")))
        if output is not None:
            try:
                output.write_text(rendered, encoding="utf-8")
            except OSError as exc:
                raise fail(f"cannot write {output}: {exc.strerror or exc}")
        elif self.stdin_fixed is not None:
            sys.stdout.buffer.write(self.stdin_fixed)
            sys.stdout.flush()
            sys.stderr.write(rendered)
        elif self.diff_mode:
            sys.stderr.write(rendered)
        else:
            sys.stdout.write(rendered)


def _fails(findings, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    from draftlint.findings import Severity

    threshold = Severity.parse(fail_on)
    return any(f.severity >= threshold for f in findings)


def _color(output: Optional[Path]) -> bool:
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()
