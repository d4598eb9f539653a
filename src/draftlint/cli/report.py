"""``draftlint report``: lint through the engine (or read a saved JSON run) and write the archive report."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import List, Optional

import typer

from draftlint import __version__
from draftlint.cli.common import CONFIG_OPTION, EXIT_CLEAN, EXIT_ERROR, ISOLATED_OPTION, err, fail, lint_paths, setup


def report(
    paths: List[str] = typer.Argument(None, help="Files and folders to lint (as for check). Default: ., unless --from is given."),
    output: Path = typer.Option(..., "--output", "-o", help="Write the HTML page to FILE."),
    from_json: Optional[Path] = typer.Option(None, "--from", help="Build the page from a saved `check --format json` run instead of linting."),
    title: str = typer.Option("draftlint archive report", "--title", help="The page's title."),
    config_path: Optional[Path] = CONFIG_OPTION,
    isolated: bool = ISOLATED_OPTION,
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores, or none for a run under 256 kB)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the result cache (.draftlint_cache/)."),
    show_progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Show a progress bar on standard error (default: on a terminal, once a run lasts a second)."),
) -> None:
    """Write one self-contained HTML page that shows a whole archive at a glance: totals, findings per folder,
    readability, boilerplate, duplicate titles and the worst files (exit 0 once written, whatever it found)."""
    from draftlint.report.archive import ArchiveError, load, render, require

    status = EXIT_CLEAN
    try:
        require()
        if from_json is not None:
            if paths:
                raise ArchiveError("give PATHS to lint or --from FILE, not both")
            data = load(from_json)
        else:
            data, status = _lint(paths or ["."], config_path, isolated, jobs, no_cache, show_progress)
        page = render(data, title)
    except ArchiveError as exc:
        raise fail(str(exc))
    try:
        output.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise fail(f"cannot write {output}: {exc.strerror or exc}")
    files, findings = len(data.get("documents", [])) or data["summary"]["files"], len(data["findings"])
    err(f"wrote {output} ({len(page.encode('utf-8')) / 1e6:.2f} MB): {files:,} files, {findings:,} findings")
    raise typer.Exit(status)


def _lint(paths: list[str], config_path: Optional[Path], isolated: bool, jobs: Optional[int], no_cache: bool,
          show_progress: Optional[bool]) -> tuple[dict, int]:
    """The run of ``paths`` in the JSON output's shape (every document scored), and the exit status so far."""
    from draftlint import engine
    from draftlint.config import ConfigError
    from draftlint.registry import RegistryError
    from draftlint.report import Context, json

    try:
        config, reg = setup(config_path, isolated)
        plan = dataclasses.replace(engine.make_plan(reg, config), scores=True)
    except (ConfigError, RegistryError) as exc:
        raise fail(str(exc))
    results, found = lint_paths(paths, config, plan, jobs or config.jobs, config.cache and not no_cache, show_progress,
                                quiet=False)
    if not found.files:
        for message in found.errors:
            err(message)
        raise fail(f"no drafts found in {', '.join(paths)} (extensions: {', '.join(config.extensions)}): no report written")
    run = engine.finish(results, plan)
    for message in found.errors + run.crashes:
        err(message)
    for note in run.notes:
        err(note)
    status = EXIT_ERROR if found.errors or run.crashes else EXIT_CLEAN
    return json.document(Context(run, reg, fail_on=config.fail_on, version=__version__)), status
