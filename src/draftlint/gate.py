"""What ``check`` does for CI gates beyond linting: changed files and lines (``--diff-base``), the baseline
(``--baseline``, ``--write-baseline``) and extra reports (``--report FORMAT:PATH``).

Order: the baseline hides the findings it records (stale entries are computed over every linted file),
then ``--diff-base`` keeps the findings on touched lines, so a baseline entry on an untouched line is not
called stale just because the diff filter dropped its finding.
"""
from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from draftlint import parse
from draftlint.baseline import Baseline, BaselineError, Outcome, Sources
from draftlint.engine.discover import excluded
from draftlint.gitdiff import Changes, GitError, changes_since


class GateError(Exception):
    pass


def force_excluded(path: str, config) -> bool:
    """Whether ``exclude`` matches a file named on the command line (``--force-exclude``, as pre-commit needs).

    The globs are matched as during discovery: against the path relative to the config's folder, each of its
    parent folders, and the names of the file and of those folders.
    """
    rel = os.path.relpath(os.path.abspath(path), config.root)
    parts = Path(path if rel.startswith("..") else rel).parts
    return any(excluded(Path(*parts[:i + 1]).as_posix(), parts[i], config.exclude) for i in range(len(parts)))


@dataclass
class Gate:
    reports: list[tuple[str, Path]] = field(default_factory=list)
    baseline: Baseline | None = None
    write_baseline: Path | None = None
    changes: Changes | None = None

    @classmethod
    def prepare(cls, reports: list[str], baseline: Path | None, write_baseline: Path | None,
                diff_base: str | None) -> "Gate":
        from draftlint.report import parse_report

        if write_baseline is not None and diff_base is not None:
            raise GateError("--write-baseline records every finding of the files linted: it cannot be combined "
                            "with --diff-base")
        try:
            gate = cls([parse_report(spec) for spec in reports], write_baseline=write_baseline)
            if baseline is not None:
                gate.baseline = Baseline.load(baseline)
            if diff_base is not None:
                gate.changes = changes_since(diff_base)
        except (ValueError, BaselineError, GitError) as exc:
            raise GateError(str(exc)) from None
        return gate

    def wants(self, path: str) -> bool:
        """Whether to lint ``path``: with --diff-base, only files changed since the base."""
        return self.changes is None or self.changes.has(path)

    def sources(self, stdin_name: str | None, stdin_data: bytes | None) -> Sources:
        given = {}
        if stdin_name is not None and stdin_data is not None:
            try:
                given[stdin_name] = parse.decode(stdin_data, stdin_name)
            except parse.ReadError:
                pass
        return Sources(given)

    def apply(self, run, sources: Sources) -> tuple[object, Outcome | None, list[str]]:
        """Write the baseline, hide what it records, keep changed lines: (run, baseline outcome, notes)."""
        notes: list[str] = []
        if self.write_baseline is not None:
            if run.crashes:
                raise GateError(f"not writing the baseline {self.write_baseline}: a rule crashed, so findings may be "
                                f"missing from it")
            written = Baseline.of(self.write_baseline, run.findings, sources)
            try:
                written.write()
            except BaselineError as exc:
                raise GateError(str(exc)) from None
            notes.append(f"wrote {len(run.findings)} finding(s) to the baseline {self.write_baseline} "
                         f"({len(written.entries)} entries)")
        outcome = None
        findings = run.findings
        if self.baseline is not None:
            outcome = self.baseline.apply(findings, run.paths, sources)
            findings = outcome.findings
            for entry in outcome.stale:
                notes.append(f"baseline {self.baseline.path}: stale entry {entry.path} {entry.code} "
                             f"{entry.fingerprint} (x{entry.count}) matches no finding any more: "
                             f"rewrite the baseline with --write-baseline")
        if self.changes is not None:
            findings = [f for f in findings if self.changes.touches(f)]
        return dataclasses.replace(run, findings=findings), outcome, notes

    def write_reports(self, ctx, renderers: dict[str, Callable]) -> list[str]:
        """Write each ``--report FORMAT:PATH`` (``-`` is standard output); returns error messages."""
        errors = []
        plain = dataclasses.replace(ctx, color=False)  # colour is for the primary report on a terminal only
        for name, path in self.reports:
            text = renderers[name](plain)
            if str(path) == "-":
                sys.stdout.write(text)
                continue
            try:
                path.write_text(text, encoding="utf-8")
            except OSError as exc:
                errors.append(f"cannot write {path}: {exc.strerror or exc}")
        return errors
