"""The promises of the README's Security section, one test each.

A pull request can change drafts, config and rule packs, and CI runs draftlint on it: none of these may run
code, hang the run, or make draftlint read files outside the tree it was pointed at.
"""
from __future__ import annotations

import json
import os

import pytest

from conftest import run_cli

EXPLOIT = "!!python/object/apply:os.system ['touch {marker}']"


@pytest.fixture
def marker(tmp_path):
    path = tmp_path / "pwned"
    yield path
    assert not path.exists(), "a YAML tag ran code"


def test_python_tag_in_front_matter_is_an_error_not_code(tmp_path, marker):
    draft = tmp_path / "a.md"
    draft.write_text(f"---\ntitle: {EXPLOIT.format(marker=marker)}\n---\n\nText.\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--no-cache", "-f", "json", str(draft), cwd=tmp_path)
    assert proc.returncode == 1
    [finding] = json.loads(proc.stdout)["findings"]
    assert (finding["code"], finding["line"]) == ("E002", 2)
    assert "could not determine a constructor for the tag" in finding["message"]


def test_python_tag_in_config_is_an_error_not_code(tmp_path, marker):
    (tmp_path / ".draftlint.yaml").write_text(f"fail-on: {EXPLOIT.format(marker=marker)}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert b".draftlint.yaml:1 is not valid YAML: could not determine a constructor" in proc.stderr


def test_python_tag_in_rule_pack_is_an_error_not_code(tmp_path, marker):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "evil.yaml").write_text(
        f"code: H001\nname: evil\nkind: phrases\nfamily: style\nmessage: {EXPLOIT.format(marker=marker)}\n"
        "phrases: [synergy]\n", encoding="utf-8")
    (tmp_path / ".draftlint.yaml").write_text("rule-dirs: [pack]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"evil.yaml" in proc.stderr and b"could not determine a constructor" in proc.stderr


def test_rule_dirs_never_import_python(tmp_path, marker):
    """Only installed packages add Python rules (entry points); a .py file in a rule folder is not run."""
    pack = tmp_path / "pack"
    pack.mkdir()
    code = f"open({str(marker)!r}, 'w').close()\n"
    for name in ("__init__.py", "rules.py", "conftest.py", "H001.py"):
        (pack / name).write_text(code, encoding="utf-8")
    (pack / "ok.yaml").write_text("code: H001\nname: house\nkind: phrases\nfamily: style\nmessage: 'avoid {match}'\n"
                                  "phrases: [synergy]\n", encoding="utf-8")
    (tmp_path / ".draftlint.yaml").write_text("rule-dirs: [pack]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("We value synergy.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "-q", "a.md", cwd=tmp_path)
    assert proc.returncode == 1 and b"H001" in proc.stdout


@pytest.mark.parametrize("key", ["plugins", "python", "import"])
def test_config_has_no_key_that_loads_code(tmp_path, key):
    (tmp_path / ".draftlint.yaml").write_text(f"{key}: [os]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and f'unknown key "{key}"'.encode() in proc.stderr


def test_user_regex_cannot_hang_the_run(tmp_path):
    """Nested quantifiers are refused at load; any other slow pattern is stopped by the per-rule time limit."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "slow.yaml").write_text("code: H001\nname: overlapping\nkind: pattern\nfamily: style\nmessage: slow\n"
                                    "pattern: '(a|a)*b'\n", encoding="utf-8")  # exponential, and not nested
    (tmp_path / ".draftlint.yaml").write_text("rule-dirs: [pack]\ntimeout: 1\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("a" * 60 + "c b\n", encoding="utf-8")  # the "b" gets past any cheap pre-check
    proc = run_cli("check", "--no-cache", "a.md", cwd=tmp_path, timeout=60)
    assert proc.returncode == 2
    assert b"rule H001 (overlapping) crashed on a.md: no result within the time limit of 1 s" in proc.stderr


@pytest.fixture
def tree_with_links(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("As an AI language model, I am outside the tree.\n", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "own.md").write_text("As an AI language model, I am inside the tree.\n", encoding="utf-8")
    os.symlink(outside / "secret.md", tree / "link.md")
    os.symlink(outside, tree / "linked-folder")
    os.symlink(tree / "own.md", tree / "alias.md")  # a link that stays inside is fine
    return tmp_path


def test_walks_do_not_follow_links_out_of_the_tree(tree_with_links):
    proc = run_cli("check", "--isolated", "--no-cache", "-f", "json", "tree", cwd=tree_with_links)
    paths = sorted({f["path"] for f in json.loads(proc.stdout)["findings"]})
    assert paths == [os.path.join("tree", "alias.md"), os.path.join("tree", "own.md")]


def test_following_links_out_of_the_tree_must_be_asked_for(tree_with_links):
    (tree_with_links / ".draftlint.yaml").write_text("follow-symlinks: true\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "-f", "json", "tree", cwd=tree_with_links)
    paths = sorted({f["path"] for f in json.loads(proc.stdout)["findings"]})
    assert paths == sorted(os.path.join("tree", name) for name in
                           ("alias.md", os.path.join("linked-folder", "secret.md"), "link.md", "own.md"))
