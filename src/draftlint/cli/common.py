"""What every command shares: exit codes, the error line, comma-separated options, config and registry."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Callable, List, Optional

import typer

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

CONFIG_OPTION = typer.Option(None, "--config", help="Use this config file (skips discovery).")
ISOLATED_OPTION = typer.Option(False, "--isolated", help="Ignore all config files.")


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


def err(message: str) -> None:
    print(f"draftlint: {message}", file=sys.stderr)


def fail(message: str) -> typer.Exit:
    """Print ``message`` as an error; the caller raises the returned exit (status 2)."""
    err(message)
    return typer.Exit(EXIT_ERROR)


def split(values: Optional[List[str]]) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def setup(config_path: Optional[Path], isolated: bool):
    """The config (found as every command finds it) and the registry of rules it names."""
    from draftlint import config as configmod, registry

    config = configmod.load(config_path, isolated=isolated)
    return config, registry.load(config.rule_dirs)


def lint_paths(paths: list[str], config, plan, jobs, use_cache: bool, show_progress: Optional[bool], quiet: bool,
               keep: Optional[Callable[[str], bool]] = None):
    """Discover the drafts under ``paths`` (those that ``keep`` accepts) and lint them, with the result cache
    and a progress bar: (the files' results, the discovery)."""
    from draftlint import engine
    from draftlint.cli.progress import progress

    engine.tune_gc()
    cache = None
    if use_cache:
        from draftlint.cache import Cache

        cache = Cache(config.root, plan)
    found = engine.discover(paths, config)
    if keep is not None:
        found.files = [f for f in found.files if keep(f)]
    with progress(len(found.files), show_progress, quiet) as step:
        results = list(engine.lint_each(found.files, plan, jobs, cache, step))
    return results, found
