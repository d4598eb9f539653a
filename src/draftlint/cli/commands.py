"""The small commands: ``rules``, ``explain``, ``clean``, ``index``, ``server``, ``version``."""
from __future__ import annotations

import os
from pathlib import Path
from typing import List, Optional

import typer

from draftlint import __version__, filecodes
from draftlint.cli.common import CONFIG_OPTION, ISOLATED_OPTION, err, fail, setup


def rules(
    format: str = typer.Option("text", "--format", "-f", help="text or markdown."),
    config_path: Optional[Path] = CONFIG_OPTION,
    isolated: bool = ISOLATED_OPTION,
) -> None:
    """List every rule: code, name, family, default severity, enabled, source."""
    from draftlint import engine
    from draftlint.config import ConfigError
    from draftlint.registry import RegistryError

    try:
        config, reg = setup(config_path, isolated)
        chosen = {r.code for r in engine.select(reg, config)}
    except (ConfigError, RegistryError) as exc:
        raise fail(str(exc))
    if format not in ("text", "markdown"):
        raise fail(f"unknown format {format!r} (text or markdown)")
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


def explain(code: str = typer.Argument(..., help="A rule code or name, e.g. Q001 or unsourced-quote.")) -> None:
    """Print a rule's documentation: what it flags, why it matters, an example, how to fix, options."""
    from draftlint import registry
    from draftlint.registry import RegistryError
    from draftlint.rule import suggest

    try:
        reg = registry.load()
    except RegistryError as exc:
        raise fail(str(exc))
    rule = reg.resolve(code) or filecodes.CODES.get(code.upper())
    if rule is None:
        raise fail(f'no rule "{code}"{suggest(code, list(reg.rules) + list(reg.names) + list(filecodes.CODES))}')
    if isinstance(rule, filecodes.FileCode):
        print(f"{rule.code} {rule.name} (file, severity {rule.severity}, engine)\n")
        print(rule.doc_text())
        return
    print(f"{rule.code} {rule.name} ({rule.family}, default severity {rule.severity}, {reg.sources[rule.code]})\n")
    print(rule.doc_text())
    rows = rule.option_rows()
    if rows:
        print("\n## Options")
        for name, kind, default, help_text in rows:
            print(f"  {name} ({kind}, default {default}): {help_text}")


def clean(config_path: Optional[Path] = CONFIG_OPTION, isolated: bool = ISOLATED_OPTION) -> None:
    """Delete the result cache (.draftlint_cache/ beside the config, or in the current folder)."""
    from draftlint import cache, config as configmod
    from draftlint.config import ConfigError

    try:
        root = configmod.load(config_path, isolated=isolated).root
    except ConfigError as exc:
        raise fail(str(exc))
    removed = cache.clean(root)
    print(f"removed {root / cache.FOLDER}" if removed else f"no cache in {root}")


def index(
    paths: List[str] = typer.Argument(..., help="Files and folders of the archive (as for check)."),
    output: Path = typer.Option(..., "--output", "-o", help="Write the titles index (JSON) to FILE."),
    config_path: Optional[Path] = CONFIG_OPTION,
    isolated: bool = ISOLATED_OPTION,
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
) -> None:
    """Write the archive's titles (path, title, content tokens) and line fingerprints for `check --titles-index`."""
    from draftlint import config as configmod, titles_index
    from draftlint.config import ConfigError

    try:
        config = configmod.load(config_path, isolated=isolated)
        index, found = titles_index.index_files(paths, config, jobs or config.jobs or os.cpu_count() or 1)
        for message in found.errors:
            err(message)
        if found.errors:
            raise typer.Exit(2)
        titles_index.write(index, str(output))
    except ConfigError as exc:
        raise fail(str(exc))
    err(f"indexed {len(index.titles)} titles of {len(found.files)} files in {output} "
        f"(and the template lines of {len(index.templates)})")


def server() -> None:
    """Run the language server (LSP over standard input and output) for editors: diagnostics as you type,
    quick fixes, "disable for this line"."""
    from draftlint.server.lsp import serve

    serve()


def version() -> None:
    """Print draftlint's version."""
    print(__version__)
