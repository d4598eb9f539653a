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


def test_readme_config_example_is_valid(tmp_path):
    """The README's .draftlint.yaml example loads and makes a plan (every key, rule and option exists)."""
    import shutil

    from draftlint import engine, registry
    from draftlint.config import load

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n# \.draftlint\.yaml\n(.*?)```", readme, re.S).group(1)
    example = re.sub(r"(?m)^nlp-model:.*\n", "", example)  # names a pipeline this machine may not have
    (tmp_path / ".draftlint.yaml").write_text(example, encoding="utf-8")
    (tmp_path / "house-rules").mkdir()
    shutil.copy(ROOT / "rules" / "boilerplate" / "ai-disclaimer.yaml", tmp_path / "house-rules" / "house.yaml")
    (tmp_path / "house-rules" / "house.yaml").write_text(
        (tmp_path / "house-rules" / "house.yaml").read_text(encoding="utf-8").replace("code: B101", "code: H101")
        .replace("name: ai-disclaimer", "name: house-disclaimer"), encoding="utf-8")
    config = load(tmp_path / ".draftlint.yaml")
    plan = engine.make_plan(registry.load(config.rule_dirs), config)
    assert plan.options["R001"].max_words == 40 and config.jobs == 2
