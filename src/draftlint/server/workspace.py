"""The server's view of a workspace folder: its config, found and re-read as ``draftlint check`` run in that
folder would find it, and the plan made from it, kept warm between edits.

A folder's config, rule directories and titles index are fingerprinted by their files' sizes and times; each
lint compares the fingerprint (a few ``stat`` calls) and makes a new plan when it changed, so an edit to
``.draftlint.yaml`` applies to the next lint even when the editor does not report file changes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

CONFIG_NAMES = (".draftlint.yaml", ".draftlint.yml", "pyproject.toml")
DEFAULT_INDEX = ".draftlint-titles.json"  # the titles index the README suggests keeping in the repository


def _stamp(path: Path) -> Optional[tuple[int, int]]:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


@dataclass
class Folder:
    """One workspace folder (or, for a file outside every folder, that file's folder)."""

    root: Path
    plan: Any = None
    error: Optional[str] = None  # the config error that stops linting, until the config changes
    index: Optional[str] = None  # the titles index the plan compares against, when there is one
    summaries: dict[str, str] = field(default_factory=dict)  # rule code -> one-line description
    _key: Any = field(default=None, repr=False)
    _rule_dirs: list[Path] = field(default_factory=list, repr=False)

    def fingerprint(self) -> tuple:
        """What the plan depends on: config files from the root up, rule directories' files, the index."""
        configs = tuple((str(folder / name), _stamp(folder / name))
                        for folder in (self.root, *self.root.parents) for name in CONFIG_NAMES)
        rules = []
        for folder in self._rule_dirs:
            try:
                names = sorted(os.listdir(folder))
            except OSError:
                names = []
            rules.extend((str(folder / n), _stamp(folder / n)) for n in names)
        return configs, tuple(rules), _stamp(self.root / DEFAULT_INDEX)

    def refresh(self) -> bool:
        """Make a new plan if what it depends on changed; True when it did (open documents need a new lint)."""
        key = self.fingerprint()
        if key == self._key:
            return False
        self._key = key
        self._load()
        self._key = self.fingerprint()  # rule directories are known only once the config is read
        return True

    def _load(self) -> None:
        from draftlint import config as configmod, engine, registry
        from draftlint.registry import RegistryError

        self.plan, self.error, self.index = None, None, None
        try:
            config = configmod.load(None, cwd=self.root)
            self._rule_dirs = list(config.rule_dirs)
            reg = registry.load(config.rule_dirs)
            work_in(self.root)
            readers = engine.index_readers(reg)
            options = engine.rule_options(reg, config)
            unset = {code: {"index": DEFAULT_INDEX} for code in readers if not options[code].index}
            own = unset if unset and (self.root / DEFAULT_INDEX).is_file() else None  # the workspace's own index
            plan = engine.make_plan(reg, config, own)
            self.index = next((plan.options[code].index for code in readers
                               if code in plan.options and plan.options[code].index), None)
        except (configmod.ConfigError, RegistryError) as exc:
            self.error = str(exc)
            return
        self.plan = plan
        self.summaries = {rule.code: rule.summary() for rule in plan.rules}

    def summary(self, code: str) -> str:
        """The one-line description of the rule ``code`` (empty for file-level codes)."""
        return self.summaries.get(code, "")

    def path_of(self, file: Path) -> str:
        """The path a finding names: relative to the folder, as ``draftlint check`` run there prints it."""
        try:
            return file.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(file)

    def lint(self, text: str, file: Path):
        """Lint an open document's text (the one library door, ``engine.lint_text``) as the file ``file``."""
        from draftlint import engine

        work_in(self.root)
        return engine.lint_text(text, self.path_of(file), self.plan)


def work_in(root: Path) -> None:
    """Set the working folder to ``root``: the server lints as ``draftlint check`` run there would (a titles
    index and the paths in it are relative to that folder). Lints run one at a time on the server's thread."""
    if os.getcwd() != str(root):
        os.chdir(root)


class Workspace:
    """The folders of an editor's workspace; a document belongs to the deepest folder that holds it."""

    def __init__(self, roots: list[Path]) -> None:
        self.folders = [Folder(root.resolve()) for root in roots]

    def folder_of(self, file: Path) -> Folder:
        file = file.resolve()
        holders = [f for f in self.folders if f.root == file.parent or f.root in file.parents]
        if holders:
            return max(holders, key=lambda f: len(f.root.parts))
        folder = Folder(file.parent)
        self.folders.append(folder)
        return folder

    def add(self, root: Path) -> None:
        if all(f.root != root.resolve() for f in self.folders):
            self.folders.append(Folder(root.resolve()))

    def remove(self, root: Path) -> None:
        self.folders = [f for f in self.folders if f.root != root.resolve()]
