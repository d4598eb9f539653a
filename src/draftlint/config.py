"""Configuration: discovery, validation and rule selection.

Discovery walks up from the working directory; the first folder holding ``.draftlint.yaml`` (or
``.draftlint.yml``) or a ``pyproject.toml`` with a ``[tool.draftlint]`` table wins, and within one folder
``.draftlint.yaml`` is preferred. ``--config FILE`` names the file instead; ``--isolated`` uses none.
Paths in a config file (``rule-dirs``) are relative to the file's folder.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftlint import safeyaml
from draftlint.findings import Severity
from draftlint.rule import suggest

DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm")
DEFAULT_MAX_FILE_SIZE = 10_000_000
FAIL_ON = ("error", "warning", "info", "never")
KEYS = {
    "select": list, "ignore": list, "extend-select": list, "severity": dict, "fail-on": str,
    "per-file-ignores": dict, "exclude": list, "extend-exclude": list, "extensions": list, "rule-dirs": list,
    "rules": dict, "nlp-model": str, "max-file-size": int, "jobs": int, "cache": bool, "timeout": (int, float),
    "follow-symlinks": bool, "html-main": bool,
}


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "warning"
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    rule_dirs: list[Path] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    nlp_model: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    jobs: int | None = None
    cache: bool = True
    timeout: float = 60.0
    follow_symlinks: bool = False  # follow links that lead out of the folder being walked
    html_main: bool = False  # of an HTML page, lint only its article


def discover(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in (".draftlint.yaml", ".draftlint.yml"):
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "draftlint" in _read_toml(path).get("tool", {})
    except ConfigError:
        return "[tool.draftlint" in path.read_text(encoding="utf-8", errors="replace")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config error: cannot read {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config error: {path} is not valid TOML: {exc}") from None


def read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"config error: {path} does not exist")
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        data = _read_toml(path)
        data = data.get("tool", {}).get("draftlint", {}) if path.name == "pyproject.toml" else data
    else:
        try:
            data = safeyaml.load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config error: cannot read {path}: {exc}") from None
        except safeyaml.YamlError as exc:
            line = f":{exc.line}" if exc.line else ""
            raise ConfigError(f"config error: {path}{line} is not valid YAML: {exc}") from None
        data = data if data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError(f"config error: {path} must hold a mapping of keys to values")
    return data


def load(path: Path | None, isolated: bool = False, cwd: Path | None = None) -> Config:
    cwd = cwd or Path.cwd()
    if isolated:
        return Config(root=cwd)
    path = path or discover(cwd)
    if path is None:
        return Config(root=cwd)
    return from_mapping(read(path), path)


def from_mapping(data: dict[str, Any], path: Path | None) -> Config:
    where = f"{path}: " if path else ""
    config = Config(path=path, root=path.parent.resolve() if path else Path.cwd())
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f'config error: {where}unknown key "{key}"{suggest(str(key), KEYS)}')
        expected = KEYS[key]
        if expected in (int, (int, float)) and isinstance(value, bool) or not isinstance(value, expected):
            names = {list: "a list", dict: "a table", str: "a string", int: "an integer", bool: "true or false",
                     (int, float): "a number"}
            raise ConfigError(f'config error: {where}key "{key}" must be {names[expected]}, not {type(value).__name__}')
        if expected is list and not all(isinstance(v, str) for v in value):
            raise ConfigError(f'config error: {where}key "{key}" must be a list of strings')
    config.select = data.get("select")
    config.ignore = list(data.get("ignore", []))
    config.extend_select = list(data.get("extend-select", []))
    config.exclude = list(data.get("exclude", [])) + list(data.get("extend-exclude", []))
    if "extensions" in data:
        config.extensions = tuple(e if e.startswith(".") else f".{e}" for e in data["extensions"])
    config.rule_dirs = [(config.root / d) for d in data.get("rule-dirs", [])]
    config.nlp_model = data.get("nlp-model")
    if "max-file-size" in data:
        config.max_file_size = data["max-file-size"]
    config.jobs = data.get("jobs")
    config.cache = data.get("cache", True)
    config.follow_symlinks = data.get("follow-symlinks", False)
    config.html_main = data.get("html-main", False)
    if "timeout" in data:
        if data["timeout"] <= 0:
            raise ConfigError(f'config error: {where}"timeout" must be a positive number of seconds')
        config.timeout = float(data["timeout"])
    fail_on = data.get("fail-on", "warning")
    if fail_on not in FAIL_ON:
        raise ConfigError(f'config error: {where}"fail-on" must be one of {", ".join(FAIL_ON)}, not "{fail_on}"{suggest(fail_on, FAIL_ON)}')
    config.fail_on = fail_on
    for code, level in data.get("severity", {}).items():
        if level not in ("error", "warning", "info"):
            raise ConfigError(f'config error: {where}severity of {code} must be error, warning or info, not "{level}"')
    config.severity = dict(data.get("severity", {}))
    for pattern, selectors in data.get("per-file-ignores", {}).items():
        if isinstance(selectors, str):
            selectors = [selectors]
        if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
            raise ConfigError(f'config error: {where}per-file-ignores."{pattern}" must be a list of rule codes or names')
        config.per_file_ignores[pattern] = selectors
    for rule, options in data.get("rules", {}).items():
        if not isinstance(options, dict):
            raise ConfigError(f'config error: {where}rules.{rule} must be a table of options')
        config.rules[str(rule)] = options
    return config


def parse_severity(value: str) -> Severity:
    return Severity.parse(value)
