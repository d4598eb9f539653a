"""Declarative rules: one YAML file per rule, of a few kinds (``kinds``), checked against a schema at load
(``schema``), searched through a per-document index of needles (``index``)."""
from __future__ import annotations

from draftlint.yamlrules.kinds import YamlRule
from draftlint.yamlrules.schema import RuleFileError, check_regex, load_dir, load_file, validate

__all__ = ["RuleFileError", "YamlRule", "check_regex", "load_dir", "load_file", "validate"]
