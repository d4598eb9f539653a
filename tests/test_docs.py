"""The README stays true: its rule table is the generated one, and its commands exist."""
from __future__ import annotations

import re

from typer.testing import CliRunner

from conftest import ROOT
from draftlint.cli import app


def test_readme_rule_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- rules:start.*?-->\n(.*?)<!-- rules:end -->", readme, re.S)
    assert match, "README.md lost its rules:start / rules:end markers"
    generated = CliRunner().invoke(app, ["rules", "--format", "markdown", "--isolated"]).stdout
    assert match.group(1) == generated, "README rule table is stale: paste `draftlint rules --format markdown`"


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = readme.index("make run")
    assert first < readme.index("## Usage") and readme.index("make test") < readme.index("## Usage")
