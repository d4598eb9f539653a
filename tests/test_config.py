"""Config discovery, precedence, validation, selection and per-rule options."""
from __future__ import annotations

from pathlib import Path

import pytest

from draftlint import config, engine, registry
from draftlint.config import Config, ConfigError

REG = registry.load()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_walks_up_and_prefers_draftlint_yaml(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.draftlint]\nfail-on = 'error'\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert config.discover(deep) == tmp_path / "pyproject.toml"
    write(tmp_path / ".draftlint.yaml", "fail-on: info\n")
    assert config.discover(deep) == tmp_path / ".draftlint.yaml"
    write(tmp_path / "a" / "pyproject.toml", "[tool.draftlint]\nfail-on = 'never'\n")
    assert config.discover(deep) == tmp_path / "a" / "pyproject.toml"
    assert config.load(None, cwd=deep).fail_on == "never"


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert config.discover(tmp_path) is None


def test_isolated_ignores_config(tmp_path):
    write(tmp_path / ".draftlint.yaml", "fail-on: info\n")
    assert config.load(None, isolated=True, cwd=tmp_path).fail_on == "warning"


@pytest.mark.parametrize("text,message", [
    ("selct: [T]\n", 'unknown key "selct" (did you mean "select"?)'),
    ("fail-on: warn\n", '"fail-on" must be one of error, warning, info, never, not "warn" (did you mean "warning"?)'),
    ("select: T002\n", 'key "select" must be a list, not str'),
    ("rules: {long-sentence: 3}\n", "rules.long-sentence must be a table of options"),
    ("severity: {R001: loud}\n", 'severity of R001 must be error, warning or info, not "loud"'),
    ("a: [unclosed\n", "is not valid YAML"),
    ("- just\n- a list\n", "must hold a mapping"),
    ("a: &x [1]\nb: *x\n", "aliases"),
    ("a: !!python/object:os.system {}\n", "is not valid YAML"),
])
def test_config_errors_name_the_key(tmp_path, text, message):
    path = write(tmp_path / ".draftlint.yaml", text)
    with pytest.raises(ConfigError) as info:
        config.load(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_malformed_toml(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.draftlint\nselect = [\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.load(path)


@pytest.mark.parametrize("data,message", [
    ({"select": ["T9"]}, 'select: "T9" matches no rule code'),
    ({"ignore": ["long-sentense"]}, '(did you mean "long-sentence"?)'),
    ({"rules": {"long-sentence": {"max-wrds": 3}}}, 'rule long-sentence has no option "max-wrds" (did you mean "max-words"?)'),
    ({"rules": {"R001": {"max-words": "forty"}}}, "option max-words of rule long-sentence must be an integer, not str 'forty'"),
    ({"rules": {"R001": {"max-words": True}}}, "must be an integer, not boolean true"),
    ({"rules": {"long-sentance": {}}}, 'rules."long-sentance" is not a rule code or name (did you mean "long-sentence"?)'),
    ({"severity": {"Q999": "info"}}, 'severity: "Q999" is not a rule code or name'),
])
def test_selection_and_option_errors(data, message):
    cfg = config.from_mapping(data, None)
    with pytest.raises(ConfigError) as info:
        engine.make_plan(REG, cfg)
    assert message in str(info.value)


def codes(data):
    return {r.code for r in engine.make_plan(REG, config.from_mapping(data, None)).rules}


def test_select_by_code_prefix_name_and_family():
    assert codes({"select": ["R001"]}) == {"R001"}
    assert codes({"select": ["long-sentence"]}) == {"R001"}
    assert codes({"select": ["quote"]}) == {r.code for r in REG if r.family == "quote"}
    assert codes({"select": ["T"]}) == {r.code for r in REG if r.code.startswith("T")}
    assert codes({"select": ["R", "T"], "ignore": ["R001"]}) == {r.code for r in REG if r.code[0] in "RT"} - {"R001"}
    assert "R001" in codes({"select": ["T"], "extend-select": ["R001"]})


def test_options_and_severity_are_applied():
    plan = engine.make_plan(REG, config.from_mapping({"rules": {"long-sentence": {"max-words": 12}},
                                                      "severity": {"long-sentence": "error"}}, None))
    assert plan.options["R001"].max_words == 12
    assert str(plan.severity["R001"]) == "error"


def test_rule_dirs_are_relative_to_the_config_file(tmp_path):
    write(tmp_path / "house" / "banned.yaml", "code: H001\nname: house-banned\nkind: phrases\nfamily: boilerplate\n"
          "message: x\nphrases: [synergy]\n")
    path = write(tmp_path / ".draftlint.yaml", "rule-dirs: [house]\n")
    cfg = config.load(path)
    assert cfg.rule_dirs == [tmp_path.resolve() / "house"]


def test_a_run_overrides_one_rules_options_over_the_configs():
    cfg = config.from_mapping({"rules": {"long-sentence": {"max-words": 12}}}, None)
    plan = engine.make_plan(REG, cfg, {"R001": {"max-words": 30}})
    assert plan.options["R001"].max_words == 30
    plan = engine.make_plan(REG, cfg, {"title-repeated-as-heading": {"min-similarity": 0.8}})
    assert plan.options["R001"].max_words == 12 and plan.options["T001"].min_similarity == 0.8
    with pytest.raises(ConfigError, match='override."long-sentense" is not a rule code or name.*long-sentence'):
        engine.make_plan(REG, cfg, {"long-sentense": {"max-words": 30}})
    with pytest.raises(ConfigError, match="max-words"):
        engine.make_plan(REG, cfg, {"R001": {"max-words": "many"}})


def test_a_rule_checks_its_options_against_the_world_before_any_file_is_read(tmp_path):
    with pytest.raises(ConfigError, match="titles index"):
        engine.make_plan(REG, Config(select=["T004"]), {"duplicate-title": {"index": str(tmp_path / "missing.json")}})
