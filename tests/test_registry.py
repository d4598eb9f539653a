"""The registry: YAML rule folders, plugins through the entry-point group, clashes and crashes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from helpers import make_plugin
from draftlint import registry, yamlrules
from draftlint.registry import RegistryError

RULE = "code: H001\nname: house-synergy\nkind: phrases\nfamily: style\nmessage: 'avoid “{match}”'\nphrases: [synergy, circle back]\n"


PLUGIN = '''
from dataclasses import dataclass
from draftlint.rule import Rule
from draftlint.findings import Severity

class NoExclaim(Rule):
    """Flags exclamation marks.

    ## What it flags
    Exclamation marks.
    ## Why it matters
    House style.
    ## Example
        Wow!
    ## How to fix
    Use a full stop.
    """
    code = "ACM001"
    name = "no-exclaim"
    family = "style"

    def check(self, doc, opts):
        for block in doc.prose_blocks:
            i = block.text.find("!")
            if i != -1:
                yield self.finding(doc, block.start + i, block.start + i + 1, "exclamation mark")

class Boom(Rule):
    """Always crashes."""
    code = "ACM002"
    name = "boom"
    family = "style"

    def check(self, doc, opts):
        raise RuntimeError("kaboom")

def rules():
    return [NoExclaim, Boom]
'''


def test_yaml_rule_folder(tmp_path):
    (tmp_path / "r.yaml").write_text(RULE, encoding="utf-8")
    reg = registry.load([tmp_path])
    assert reg.resolve("house-synergy").code == "H001"
    assert reg.sources["H001"].startswith("rule-dir")


@pytest.mark.parametrize("text,message", [
    (RULE.replace("phrases: [", "phrase: ["), 'key "phrase" is not known for kind phrases (did you mean "phrases"?)'),
    (RULE.replace("kind: phrases", "kind: phrase"), "(did you mean \"phrases\"?)"),
    ("code: H001\nname: x\nkind: pattern\nfamily: style\nmessage: m\npattern: '(unclosed'\n", 'key "pattern" is not a valid regular expression'),
    ("code: H001\nname: x\nkind: pattern\nfamily: style\nmessage: m\npattern: '(a+)+$'\n", "exponential time"),
    (RULE.replace("H001", "h1"), "must be one to three capital letters"),
    (RULE + "scope: [paragrah]\n", "(did you mean \"paragraph\"?)"),
    (RULE + "x: !!python/object/apply:os.system ['true']\n", "not valid YAML"),
    (RULE + "fix: delete-line\n", 'key "fix": delete-line goes with kind line'),
    (RULE + "fix: rewrite\n", 'key "fix" must be one of delete-line, delete-sentence'),
])
def test_bad_yaml_rule_names_file_and_key(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        registry.load([tmp_path])
    assert str(path) in str(info.value) and message in str(info.value)


def test_duplicate_code_names_both_sources(tmp_path):
    (tmp_path / "a.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(RULE.replace("house-synergy", "other"), encoding="utf-8")
    with pytest.raises(RegistryError, match=r"H001 is defined twice: by rule-dir .*a\.yaml and by rule-dir .*b\.yaml"):
        registry.load([tmp_path])


def test_duplicate_of_builtin_code(tmp_path):
    (tmp_path / "a.yaml").write_text(RULE.replace("H001", "R001"), encoding="utf-8")
    with pytest.raises(RegistryError, match="R001 is defined twice: by builtin and by rule-dir"):
        registry.load([tmp_path])


def test_plugin_rules_run_and_a_crash_is_isolated(tmp_path):
    env = make_plugin(tmp_path, "acme_rules", PLUGIN)
    draft = tmp_path / "d.md"
    draft.write_text("# Hello\n\nWow! As an AI language model, I agree.\n", encoding="utf-8")
    listing = run_cli("rules", env=env)
    assert b"ACM001" in listing.stdout and b"plugin acme_rules" in listing.stdout
    proc = run_cli("check", str(draft), "--select", "ACM,B101", "--format", "json", env=env)
    assert proc.returncode == 2
    assert b"rule ACM002 (boom) crashed on" in proc.stderr and b"RuntimeError: kaboom" in proc.stderr
    assert b"Traceback" not in proc.stderr
    codes = [f["code"] for f in json.loads(proc.stdout)["findings"]]
    assert codes == ["ACM001", "B101"]


def test_plugin_that_fails_to_import(tmp_path):
    env = make_plugin(tmp_path, "broken_rules", "import not_a_module_anywhere\ndef rules():\n    return []\n")
    proc = run_cli("check", "fixtures/rules", env=env)
    assert proc.returncode == 2
    assert b'plugin "broken_rules" (broken_rules:rules) failed to load: ModuleNotFoundError' in proc.stderr
    assert b"Traceback" not in proc.stderr


def test_plugin_clash_with_builtin(tmp_path):
    env = make_plugin(tmp_path, "clash_rules", PLUGIN.replace('"ACM001"', '"R001"'))
    proc = run_cli("rules", env=env)
    assert proc.returncode == 2
    assert b"rule code R001 is defined twice: by builtin and by plugin clash_rules" in proc.stderr


def test_regex_guard_rejects_nested_quantifiers():
    for bad in (r"(a+)+", r"(\w*)*x", r"(?:x+y?)+", r"(a|b+){2,}"):
        with pytest.raises(yamlrules.RuleFileError):
            yamlrules.check_regex(bad, "test")
    for good in (r"\d+\s*min(?:ute)?s?\s+read", r"(ab)+", r"^\[insert [^\]]+\]$"):
        yamlrules.check_regex(good, "test")


def test_bundled_packs_pass_full_validation():
    """A pack that ships with draftlint skips the compile-and-examples half of validation at start-up; here each
    one goes through all of it."""
    from draftlint import safeyaml
    from draftlint.rules import packs_dir

    packs = sorted(packs_dir().rglob("*.yaml"))
    assert len(packs) > 40
    for path in packs:
        yamlrules.validate(safeyaml.load(path.read_text(encoding="utf-8")), str(path))


def test_pack_patterns_compile_on_first_use(tmp_path):
    rules = registry.load().rules
    pack = rules["B110"]
    assert isinstance(pack, yamlrules.YamlRule) and "matcher" not in vars(pack)
    draft = tmp_path / "d.md"
    draft.write_text("# Ferry fares\n\n4 min read\n\nFares rise in April.\n", encoding="utf-8")
    proc = run_cli("check", str(draft), "--select", "B110", "--isolated", "--no-cache")
    assert b":3:1: B110" in proc.stdout
    # a user's rule folder is checked in full at load: a broken pattern is a config error before any file is read
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "bad.yaml").write_text(RULE.replace("kind: phrases", "kind: pattern").replace(
        "phrases: [synergy, circle back]", "pattern: '(unclosed'"), encoding="utf-8")
    with pytest.raises(RegistryError, match="not a valid regular expression"):
        registry.load([tmp_path / "rules"])
