"""The fast path finds exactly what the plain reference path finds, from raw input.

Two runs of the real command line over the same files, every rule selected, no cache: one as a user runs it,
one with DRAFTLINT_NO_SHORTCUTS=1, which switches off every shortcut (needles and other pre-checks, length
bounds, sentence-cut shortcuts, the prefix-filtered title join, ...) so that each rule takes its plain path.
The files: every fixture, the whole development set and 240 files spread over the benchmark corpus (both in
``../shared``; without it, the fixtures alone).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import FIXTURES, ROOT, SHARED, run_cli


def _inputs() -> list[str]:
    paths = [str(FIXTURES)]
    devset = SHARED / "devset" / "docs"
    if devset.is_dir():
        paths.append(str(devset))
    corpus = sorted((SHARED / "bench-corpus" / "full").rglob("*.md")) if SHARED.is_dir() else []
    if corpus:
        step = max(1, len(corpus) // 240)
        paths += [str(p) for p in corpus[::step][:240]]
    return paths


def _findings(no_shortcuts: bool) -> list[tuple]:
    env = {"DRAFTLINT_NO_SHORTCUTS": "1" if no_shortcuts else ""}
    result = run_cli("check", "--isolated", "--no-cache", "--select", "ALL", "--jobs", "2", "-f", "json",
                     *_inputs(), cwd=ROOT, env=env, timeout=1200)
    assert result.returncode == 1, result.stderr.decode()  # findings, no crash, no usage error
    assert b"crashed" not in result.stderr, result.stderr.decode()
    report = json.loads(result.stdout)
    return [(f["path"], f["line"], f["column"], f["code"], f["message"]) for f in report["findings"]]


def test_every_finding_of_the_fast_path_is_the_plain_paths_and_no_other():
    fast = _findings(no_shortcuts=False)
    plain = _findings(no_shortcuts=True)
    assert len(fast) > (1000 if SHARED.is_dir() else 100)
    missing, extra = sorted(set(plain) - set(fast)), sorted(set(fast) - set(plain))
    assert not missing and not extra, {"only on the plain path": missing[:20], "only on the fast path": extra[:20]}
    assert fast == plain  # the same order too


PROBE = """
from concurrent.futures import ProcessPoolExecutor

from draftlint import shortcuts


def probe(_):
    return shortcuts.enabled()


if __name__ == "__main__":
    with ProcessPoolExecutor(2) as pool:
        print(list(pool.map(probe, range(2))))
"""


def test_the_switch_reaches_the_worker_processes(tmp_path):
    """Workers inherit the environment and read the switch when they import draftlint."""
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    for value, expected in (("1", "[False, False]"), ("", "[True, True]")):
        out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                             env={**os.environ, "DRAFTLINT_NO_SHORTCUTS": value})
        assert out.stdout.strip() == expected, out.stderr
