"""One namespace of rules: built-ins, YAML packs, user rule folders and plugins, all through one door.

Every provider is an entry point in the group ``draftlint.rules`` whose value is a callable returning rule
classes, rule instances and/or paths of YAML rule files or folders. draftlint's own rules are the entry
point ``builtin = "draftlint.rules:load"``.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Iterable

from draftlint.rule import BUILTIN, CODE_PATTERN, NAME_PATTERN, Rule
from draftlint.yamlrules import RuleFileError, load_dir, load_file

GROUP = "draftlint.rules"


class RegistryError(Exception):
    pass


@dataclass
class Registry:
    rules: dict[str, Rule]  # by code, in code order
    names: dict[str, str]  # name or alias -> code
    sources: dict[str, str]  # code -> where it came from

    def resolve(self, key: str) -> Rule | None:
        key = key.strip()
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        code = self.names.get(key.lower())
        return self.rules[code] if code else None

    def __iter__(self):
        return iter(self.rules.values())

    @property
    def families(self) -> set[str]:
        return {str(r.family) for r in self.rules.values()}


def _entry_points() -> list[metadata.EntryPoint]:
    found = list(metadata.entry_points(group=GROUP))
    if not any(ep.name == BUILTIN and ep.value.startswith("draftlint.") for ep in found):
        # running from a source tree that was never installed: the built-ins still load through the same door
        found.insert(0, metadata.EntryPoint(BUILTIN, "draftlint.rules:load", GROUP))
    return sorted(found, key=lambda ep: (ep.name != BUILTIN, ep.name))


def load(rule_dirs: Iterable[Path] = ()) -> Registry:
    registry = Registry({}, {}, {})
    for ep in _entry_points():
        builtin = ep.name == BUILTIN and ep.value.startswith("draftlint.")  # not a plugin that takes the name
        source = BUILTIN if builtin else f"plugin {ep.name}"
        try:
            provider = ep.load()
            provided = list(provider())
        except Exception as exc:  # a plugin is third-party code: any failure is reported, never a traceback
            raise RegistryError(f'plugin "{ep.name}" ({ep.value}) failed to load: {type(exc).__name__}: {exc}') from None
        for item in provided:
            for rule in _instances(item, source, ep.name):
                _add(registry, rule, source if source != BUILTIN or isinstance(item, type) else f"pack {_short(rule)}")
    for folder in rule_dirs:
        if not folder.is_dir():
            raise RegistryError(f"rule-dirs: {folder} is not a folder")
        try:
            for rule in load_dir(folder, f"rule-dir {folder}"):
                _add(registry, rule, f"rule-dir {rule.path}")
        except RuleFileError as exc:
            raise RegistryError(f"config error: {exc}") from None
    registry.rules = dict(sorted(registry.rules.items()))
    return registry


def _short(rule: Rule) -> str:
    path = getattr(rule, "path", None)
    return f"{path.parent.name}/{path.name}" if path else rule.code


def _instances(item: object, source: str, plugin: str) -> Iterable[Rule]:
    try:
        if isinstance(item, (str, Path)):
            path = Path(item)
            rules = load_dir(path, source) if path.is_dir() else [load_file(path, source)]
            yield from rules
        elif isinstance(item, type) and issubclass(item, Rule):
            rule = item()
            if source != BUILTIN:
                rule.source = source  # type: ignore[misc]
            yield rule
        elif isinstance(item, Rule):
            yield item
        else:
            raise RegistryError(f'plugin "{plugin}" provided {item!r}, which is neither a rule nor a YAML rule path')
    except RuleFileError as exc:
        raise RegistryError(f"config error: {exc}") from None


def _add(registry: Registry, rule: Rule, where: str) -> None:
    code, name = rule.code, rule.name
    if not CODE_PATTERN.match(code):
        raise RegistryError(f"rule code {code!r} from {where} must be one to three capital letters and three digits")
    if not NAME_PATTERN.match(name):
        raise RegistryError(f"rule name {name!r} ({code}) from {where} must be kebab-case")
    if code in registry.rules:
        raise RegistryError(f"rule code {code} is defined twice: by {registry.sources[code]} and by {where}")
    for key in (name, *getattr(rule, "aliases", ())):
        if key in registry.names:
            other = registry.names[key]
            raise RegistryError(f'rule name "{key}" is used twice: by {other} ({registry.sources[other]}) and by {code} ({where})')
        registry.names[key] = code
    registry.rules[code] = rule
    registry.sources[code] = where
