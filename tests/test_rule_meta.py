"""Meta-tests: every rule is documented, has fixtures, a valid identity, and runnable examples."""
from __future__ import annotations

import re

import pytest

from conftest import FIXTURES
from draftlint import registry
from draftlint.rule import CODE_PATTERN, DOC_SECTIONS, NAME_PATTERN
from draftlint.yamlrules import YamlRule
from helpers import lint

REGISTRY = registry.load()
RULES = list(REGISTRY)


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(codes) == len(set(codes)) and len(names) == len(set(names))
    for rule in RULES:
        assert CODE_PATTERN.match(rule.code) and NAME_PATTERN.match(rule.name)
        assert str(rule.family) in ("title", "quote", "boilerplate", "readability")
        assert rule.code[0] == str(rule.family)[0].upper(), f"{rule.code}: code letter must match its family"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_all_doc_sections(rule):
    text = rule.doc_text()
    for section in DOC_SECTIONS:
        match = re.search(rf"^## {section}\n(.+?)(?=^## |\Z)", text, re.S | re.M)
        assert match and match.group(1).strip(), f"{rule.code}: section '## {section}' missing or empty"
    assert rule.summary().strip(), f"{rule.code}: first line (summary) is empty"
    what = re.search(r"^## What it flags\n(.+?)(?=^## |\Z)", text, re.S | re.M).group(1).strip()
    assert not (what.startswith(rule.summary()) and what != rule.summary()), \
        f"{rule.code}: '## What it flags' repeats the summary line before saying it in full"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_pass_and_fail_fixtures(rule):
    folder = FIXTURES / "rules" / f"{rule.code}-{rule.name}"
    assert folder.is_dir(), f"missing fixture folder {folder}"
    for kind in ("fail", "pass"):
        drafts = [p for p in (folder / kind).glob("*") if p.suffix in (".md", ".txt", ".html")] if (folder / kind).is_dir() else []
        assert drafts, f"{folder}/{kind}/ has no draft"


@pytest.mark.parametrize("rule", [r for r in RULES if isinstance(r, YamlRule)], ids=lambda r: r.code)
def test_yaml_rule_examples_run(rule):
    assert rule.examples.fail, f"{rule.code}: examples.fail is empty"
    assert rule.examples.passing, f"{rule.code}: examples.pass is empty"
    for text in rule.examples.fail:
        assert [f.code for f in lint(text + "\n", select=[rule.code])] == [rule.code], f"{rule.code} should flag: {text}"
    for text in rule.examples.passing:
        assert lint(text + "\n", select=[rule.code]) == [], f"{rule.code} should not flag: {text}"


@pytest.mark.parametrize("rule", [r for r in RULES if not isinstance(r, YamlRule)], ids=lambda r: r.code)
def test_python_rule_options_have_help(rule):
    for name, _, _, help_text in rule.option_rows():
        assert help_text, f"{rule.code}: option {name} has no help text"


def test_rule_docs_speak_to_users_only():
    """`draftlint explain` is read by writers and editors: nothing about how the project tunes its rules."""
    for rule in registry.load():
        text = rule.doc_text() + " ".join(row[3] for row in rule.option_rows())
        for internal in ("development set", "devset", "score.py", "held-out"):
            assert internal not in text.lower(), (rule.code, internal)
