"""Loading a YAML rule file: read it, check every key against the schema (a malformed rule is an error naming
the file and the key), and make the rule.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from draftlint import safeyaml, shortcuts
from draftlint.findings import Family
from draftlint.rule import BUILTIN, CODE_PATTERN, NAME_PATTERN, suggest
from draftlint.yamlrules.coverage import proved
from draftlint.yamlrules.index import folded, needle_character, searchable
from draftlint.yamlrules.kinds import SCOPES, YamlRule, declared_needles

KINDS = ("phrases", "pattern", "line")
COMMON_KEYS = {"code", "name", "kind", "family", "severity", "scope", "message", "docs", "examples",
               "version", "enabled", "fix", "ignore-case", "max-words"}
KIND_KEYS = {"phrases": {"phrases", "exceptions", "skip-quoted"},
             "pattern": {"pattern", "needles", "exceptions", "skip-quoted"},
             "line": {"pattern", "needles", "phrases", "skip-title"}}
DOC_KEYS = {"what", "why", "example", "fix"}
EXAMPLE_KEYS = {"fail", "pass"}
FIXES = ("delete-line", "delete-sentence")  # delete-line for kind line, delete-sentence for the others
# A quantified group that itself ends in a quantifier: (a+)+, (\w*)*, (x+|y)+ ... can backtrack
# catastrophically, so such patterns are refused at load.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]")


class RuleFileError(ValueError):
    pass


def load_file(path: Path, source: str) -> YamlRule:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{where}: cannot read rule file: {exc}") from None
    try:
        spec = safeyaml.load(text)
    except safeyaml.YamlError as exc:
        line = f":{exc.line}" if exc.line else ""
        raise RuleFileError(f"{where}{line}: not valid YAML: {exc}") from None
    if not isinstance(spec, dict):
        raise RuleFileError(f"{where}: a rule file must be a mapping of keys to values")
    # Shortcut (off with DRAFTLINT_NO_SHORTCUTS=1): a pack that ships with draftlint is not compiled and run on
    # its examples at every start (the test suite checks each one in full); its patterns compile on first use
    validate(spec, where, full=not (source == BUILTIN and shortcuts.enabled()))
    if source != BUILTIN and spec.get("needles") and not proved(spec["pattern"], declared_needles(spec) or ()):
        spec = {**spec, "needles": None}  # a user's needles that may miss a match: the pattern runs everywhere
    return YamlRule(spec, path, source)


def validate(spec: dict[str, Any], where: str, full: bool = True) -> None:
    """Check a rule file's keys and values; ``full`` also compiles its regular expression and runs it on the
    rule's failing examples against its declared needles."""
    def fail(message: str) -> None:
        raise RuleFileError(f"{where}: {message}")

    kind = spec.get("kind")
    if kind not in KINDS:
        fail(f'key "kind" must be one of {", ".join(KINDS)}, not {kind!r}' + (suggest(str(kind), KINDS) if kind else ""))
    allowed = COMMON_KEYS | KIND_KEYS[kind]
    for key in spec:
        if key not in allowed:
            fail(f'key "{key}" is not known for kind {kind}{suggest(str(key), allowed)}')
    for key in ("code", "name", "family", "message"):
        if not isinstance(spec.get(key), str) or not spec[key].strip():
            fail(f'key "{key}" is required and must be a string')
    if not CODE_PATTERN.match(spec["code"]):
        fail(f'key "code": {spec["code"]!r} must be one to three capital letters and three digits, like B101')
    if not NAME_PATTERN.match(spec["name"]):
        fail(f'key "name": {spec["name"]!r} must be kebab-case, like read-time-residue')
    if spec.get("severity", "warning") not in ("error", "warning", "info"):
        fail(f'key "severity" must be error, warning or info, not {spec["severity"]!r}')
    family = spec["family"]
    if not re.fullmatch(r"[a-z][a-z0-9-]*", family):
        fail(f'key "family" must be a lower-case word such as {", ".join(f.value for f in Family)}')
    scope = spec.get("scope")
    if scope is not None:
        if not isinstance(scope, list) or not scope:
            fail('key "scope" must be a list of block kinds')
        for item in scope:
            if item not in SCOPES:
                fail(f'key "scope": {item!r} is not a block kind{suggest(str(item), SCOPES)}; kinds: {", ".join(SCOPES)}')
    if kind == "phrases" or (kind == "line" and "phrases" in spec):
        phrases = spec.get("phrases")
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            fail('key "phrases" must be a non-empty list of strings')
    if kind == "pattern" or (kind == "line" and "phrases" not in spec):
        if not isinstance(spec.get("pattern"), str):
            fail('key "pattern" is required and must be a string (a regular expression)')
    if isinstance(spec.get("pattern"), str) and full:
        # compiled with the rule's own flags, so that YamlRule gets this compiled pattern from re's cache
        check_regex(spec["pattern"], f'{where}: key "pattern"', re.IGNORECASE if spec.get("ignore-case", True) else 0)
    if "exceptions" in spec and not (isinstance(spec["exceptions"], list) and all(isinstance(p, str) for p in spec["exceptions"])):
        fail('key "exceptions" must be a list of strings')
    if "fix" in spec and spec["fix"] not in FIXES:
        fail(f'key "fix" must be one of {", ".join(FIXES)}')
    if spec.get("fix") in FIXES and (spec["fix"] == "delete-line") != (spec.get("kind") == "line"):
        fail('key "fix": delete-line goes with kind line, delete-sentence with kinds phrases and pattern')
    if "max-words" in spec and (not isinstance(spec["max-words"], int) or isinstance(spec["max-words"], bool) or spec["max-words"] < 1):
        fail('key "max-words" must be a positive integer')
    for key, allowed_keys in (("docs", DOC_KEYS), ("examples", EXAMPLE_KEYS)):
        table = spec.get(key)
        if table is None:
            continue
        if not isinstance(table, dict):
            fail(f'key "{key}" must be a mapping')
        for sub in table:
            if sub not in allowed_keys:
                fail(f'key "{key}.{sub}" is not known{suggest(str(sub), allowed_keys)}')
    for key in ("enabled", "ignore-case", "skip-quoted", "skip-title"):
        if key in spec and not isinstance(spec[key], bool):
            fail(f'key "{key}" must be true or false')
    if "needles" in spec:
        check_needles(spec, fail, full)


def check_needles(spec: dict[str, Any], fail, full: bool = True) -> None:
    """``needles``: strings one of which every match of the pattern holds, ignoring case (a block or line with
    none of them is not searched). Each is checked against the rule's own failing examples: every match of
    the pattern in an example must hold one."""
    needles = spec["needles"]
    if not isinstance(needles, list) or not needles or not all(isinstance(n, str) and n for n in needles):
        fail('key "needles" must be a non-empty list of strings')
    for needle in needles:
        bad = [ch for ch in needle if not needle_character(ch)]
        if bad:
            fail(f'key "needles": {needle!r} holds {bad[0]!r}, a letter with case beyond ASCII, which cannot be '
                 "compared ignoring case: leave it out of the needle")
    if not isinstance(spec.get("pattern"), str):
        fail('key "needles" goes with a "pattern"')
    if not full:
        return
    pattern = re.compile(spec["pattern"], re.IGNORECASE if spec.get("ignore-case", True) else 0)
    folded_needles = [folded(n) for n in needles]
    for example in (spec.get("examples") or {}).get("fail") or ():
        text = " ".join(str(example).split())
        found = [m.group() for m in pattern.finditer(str(example))] if spec["kind"] == "pattern" else (
            [text] if pattern.fullmatch(text) else [])
        for match in found:
            if not any(n in searchable(match) for n in folded_needles):
                fail(f'key "needles": the match {match!r} in the example {example!r} holds none of the needles')


def check_regex(pattern: str, where: str, flags: int = 0) -> None:
    try:
        re.compile(pattern, flags)
    except re.error as exc:
        raise RuleFileError(f"{where} is not a valid regular expression: {exc}") from None
    if _NESTED_QUANTIFIER.search(pattern):
        raise RuleFileError(f"{where} has a quantified group that contains a quantifier, which can take "
                            "exponential time; rewrite it without nesting (e.g. (a+)+ as a+)")


def load_dir(folder: Path, source: str) -> list[YamlRule]:
    return [load_file(path, source) for path in sorted(folder.rglob("*.y*ml")) if path.suffix in (".yaml", ".yml")]
