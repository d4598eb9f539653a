"""The command line: thin faces on the engine, one module per command or group of small commands.

A new command is a function in its own module (typer options as its parameters, the docstring as its help),
added to ``COMMANDS`` below.
"""
from __future__ import annotations

import sys
from typing import Optional

import typer

from draftlint import __version__
from draftlint.cli.check import check
from draftlint.cli.commands import clean, explain, index, rules, server, version
from draftlint.cli.common import EXIT_ERROR, err
from draftlint.cli.report import report

COMMANDS = (check, report, rules, explain, index, clean, server, version)

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="draftlint: a content-quality linter for article drafts.")
for command in COMMANDS:
    app.command()(command)


def _print_version(value: bool) -> None:
    if value:
        print(f"draftlint {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: Optional[bool] = typer.Option(None, "--version", "-V", callback=_print_version,
                                                     is_eager=True, help="Print draftlint's version and exit.")) -> None:
    """draftlint: a content-quality linter for article drafts."""


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err("interrupted")
        sys.exit(130)
    except Exception as exc:  # the last line of defence: a message, never a traceback
        err(f"internal error: {type(exc).__name__}: {exc}")
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
