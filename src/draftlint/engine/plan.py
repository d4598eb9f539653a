"""The plan of a run: which rules are selected, their options and severities, and the run's limits.

Made once from the registry and the config (``make_plan``), before any file is read: a selector, option or
severity that names no rule is a config error here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from draftlint import filecodes
from draftlint.config import Config, ConfigError
from draftlint.findings import Severity
from draftlint.registry import Registry
from draftlint.rule import OptionError, Rule, suggest
from draftlint.suppress import Vocabulary


def _selector_matches(selector: str, rule: Rule) -> bool:
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    if s.lower() in (rule.name, str(rule.family)) or s.lower() in getattr(rule, "aliases", ()):
        return True
    return bool(re.fullmatch(r"[A-Z]{1,3}\d{0,3}", s.upper())) and rule.code.startswith(s.upper()) and s[:1].isalpha()


def _check_selectors(registry: Registry, selectors: Iterable[str], key: str) -> None:
    vocabulary = set(registry.rules) | set(registry.names) | registry.families | {"ALL"} | set(UNUSED)
    for s in selectors:
        if not any(_selector_matches(s, r) for r in registry) and s.strip().lower() not in UNUSED_LOWER:
            raise ConfigError(f'config error: {key}: "{s}" matches no rule code, code prefix, name or family'
                              f"{suggest(s, vocabulary)}")


def select(registry: Registry, config: Config) -> list[Rule]:
    for key, values in (("select", config.select or []), ("ignore", config.ignore), ("extend-select", config.extend_select)):
        _check_selectors(registry, values, key)
    for values in config.per_file_ignores.values():
        _check_selectors(registry, values, "per-file-ignores")
    if config.select is not None:
        chosen = [r for r in registry if any(_selector_matches(s, r) for s in config.select)]
    else:
        chosen = [r for r in registry if r.default_enabled]
    chosen += [r for r in registry if r not in chosen and any(_selector_matches(s, r) for s in config.extend_select)]
    return [r for r in chosen if not any(_selector_matches(s, r) for s in config.ignore)]


def index_readers(registry: Registry) -> list[str]:
    """The codes of the rules that read an index written by ``draftlint index`` (an ``index`` option):
    duplicate titles and template lines, and any plugin rule that declares one."""
    return [rule.code for rule in registry
            if is_dataclass(rule.Options) and any(f.name == "index" for f in fields(rule.Options))]


def rule_options(registry: Registry, config: Config,
                 overrides: Mapping[str, Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """Each rule's options: its defaults, then the config's table for it, then ``overrides`` (by code or name:
    what a command-line flag or an editor sets for one run), each value checked as the config's are."""
    options = {r.code: r.make_options({}) for r in registry}
    where = f"{config.path}: " if config.path else ""
    values: dict[str, dict[str, Any]] = {}
    for source, table in (("rules", config.rules), ("override", overrides or {})):
        for key, given in table.items():
            rule = registry.resolve(key)
            if rule is None:
                raise ConfigError(f'config error: {where if source == "rules" else ""}{source}."{key}" is not a rule '
                                  f"code or name{suggest(key, list(registry.rules) + list(registry.names))}")
            values.setdefault(rule.code, {}).update(given)
    for code, given in values.items():
        try:
            options[code] = registry.rules[code].make_options(given, where=f"config error: {where}")
        except OptionError as exc:
            raise ConfigError(str(exc)) from None
    return options


UNUSED = ("E004", "unused-suppression")  # the opt-in check of suppressions that hide nothing
UNUSED_LOWER = {u.lower() for u in UNUSED}


def _vocabulary(registry: Registry) -> Vocabulary:
    return Vocabulary(frozenset(registry.rules) | frozenset(filecodes.CODES),
                      frozenset(registry.names) | frozenset(c.name for c in filecodes.CODES.values()),
                      frozenset(registry.families) | {"file"})


@dataclass
class Plan:
    rules: list[Rule]
    options: dict[str, Any]
    severity: dict[str, Severity]
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    nlp_model: str | None = None
    max_file_size: int = 10_000_000
    timeout: float = 60.0
    scores: bool = False  # each document's summary carries its readability scores (R003, the archive report)
    template_lines: bool = False  # and its template-line fingerprints (B022, `draftlint index`)
    html_main: bool = False  # of an HTML page, lint only its article (its ``main`` or only ``article``)
    _specificity: dict[str, int] | None = field(default=None, repr=False, compare=False)
    vocabulary: Vocabulary | None = None  # what suppressions may name (unknown names are E003)
    report_unused: bool = False  # E004: report suppressions that hide nothing

    def judges(self, selector: str) -> bool:
        """Whether an unused suppression of ``selector`` can be told on one document: it names a rule that
        ran, and no rule that compares files (whose findings come after the document is done)."""
        def named(rule: Rule) -> bool:
            return selector.strip() == "*" or _selector_matches(selector, rule)

        return any(named(r) for r in self.document_rules) and not any(named(r) for r in self.corpus_rules)

    @property
    def document_rules(self) -> list[Rule]:
        return [r for r in self.rules if not r.corpus]

    @property
    def corpus_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.corpus]

    def specificity(self, code: str) -> int:
        """How specific the rule ``code`` is (``Rule.specificity``), for folding findings on one line."""
        if self._specificity is None:
            self._specificity = {r.code: r.specificity for r in self.rules}
        return self._specificity.get(code, Rule.specificity)

    @property
    def needs_sentences(self) -> bool:
        return any("sentences" in r.needs for r in self.document_rules)


def make_plan(registry: Registry, config: Config, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> Plan:
    """The plan of a run. ``overrides`` set options of single rules for this run (see ``rule_options``); every
    selected rule then checks its options against the world (``Rule.prepare``: a file it will read)."""
    rules = select(registry, config)
    severity: dict[str, Severity] = {}
    for key, level in config.severity.items():
        rule = registry.resolve(key)
        if rule is None:
            raise ConfigError(f'config error: severity: "{key}" is not a rule code or name'
                              f"{suggest(key, list(registry.rules) + list(registry.names))}")
        severity[rule.code] = Severity.parse(level)
    for rule in rules:
        severity.setdefault(rule.code, rule.severity)
    if config.nlp_model and not _pipeline_exists(config.nlp_model):
        where = f"{config.path}: " if config.path else ""
        raise ConfigError(f'config error: {where}nlp-model "{config.nlp_model}" is neither an installed spaCy '
                          "pipeline package nor a folder (install it, e.g. python -m spacy download NAME, or remove the key)")
    wanted = [s.strip().lower() for s in [*(config.select or []), *config.extend_select]]
    unused = any(s in UNUSED_LOWER for s in wanted) and not any(s.strip().lower() in UNUSED_LOWER for s in config.ignore)
    options = rule_options(registry, config, overrides)
    for rule in rules:
        try:
            rule.prepare(options[rule.code])
        except OptionError as exc:
            raise ConfigError(str(exc)) from None
    return Plan(rules, options, severity, config.per_file_ignores, config.nlp_model,
                config.max_file_size, config.timeout, scores=any("scores" in r.needs for r in rules),
                template_lines=any("template-lines" in r.needs for r in rules), html_main=config.html_main,
                vocabulary=_vocabulary(registry), report_unused=unused)


def _pipeline_exists(model: str) -> bool:
    """Checked before any file is read, without importing spaCy: a package name or a saved pipeline folder."""
    import importlib.util

    try:
        return Path(model).is_dir() or importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):
        return False
