"""What every command shares: exit codes, the error line, comma-separated options, config and registry."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

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
