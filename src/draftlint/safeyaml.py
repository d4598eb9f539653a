"""YAML loading for untrusted input: safe constructors only, no aliases (no alias bombs), clear errors."""
from __future__ import annotations

from typing import Any

import yaml


class YamlError(ValueError):
    """A YAML text could not be loaded; ``line`` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases (*name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


_C_LOADER = getattr(yaml, "CSafeLoader", None)  # libyaml, when PyYAML was built with it


def _load_with_libyaml(text: str) -> tuple[bool, Any]:
    """(True, data) from the C loader when the text has no alias; (False, None) for anything else, which the
    pure-Python loader then handles: it is the reference for aliases (refused) and for error messages."""
    if _C_LOADER is None:
        return False, None
    try:
        if "*" in text and any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=_C_LOADER)):
            return False, None
        return True, yaml.load(text, Loader=_C_LOADER)  # noqa: S506 - libyaml's SafeLoader
    except yaml.YAMLError:
        return False, None


def load(text: str) -> Any:
    fast, data = _load_with_libyaml(text)
    if fast:
        return data
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        raise YamlError(str(problem).strip(), line) from None
