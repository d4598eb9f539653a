from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--update-expected", action="store_true",
                     help="rewrite fixtures/rules/**/*.expected from the current output (review the diff)")


@pytest.fixture
def update_expected(request) -> bool:
    return request.config.getoption("--update-expected")


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the real command line in a subprocess (exit codes, stderr, no traceback)."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "draftlint", *args], cwd=cwd or ROOT, input=stdin,
                          capture_output=True, env=full_env, timeout=timeout)
