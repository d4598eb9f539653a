"""End to end on the bundled samples (what `make run` lints): the content-farm draft shows every shape the
seed article has, each at its exact place; the clean article stays clean; the real seed, when present."""
from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, SHARED, run_cli

SAMPLES = FIXTURES / "samples"
SEED = SHARED / "seed" / "content-farm-article.txt"


def findings(*paths: str) -> list[dict]:
    proc = run_cli("check", "--isolated", "--no-cache", "-f", "json", *paths)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)["findings"]


def test_content_farm_sample_has_every_seed_shape():
    got = [(f["line"], f["column"], f["code"]) for f in findings(str(SAMPLES / "content-farm.txt"))]
    assert got == [
        (1, 1, "T005"),     # the title's key phrase stuffed into every paragraph
        (3, 1, "B110"),     # "3 min read Posted on June 2, 2025" above the title: one finding (also: B010)
        (4, 1, "T002"),     # the title repeated as a line
        (6, 1, "T002"),
        (9, 1, "B107"),     # "Article with TOC"
        (11, 1, "B001"),    # a "Table of Contents" with nothing under it
        (15, 5, "B002"),    # outline labels left at the start of the bullets
        (15, 64, "Q002"),   # "Many analysts believe"
        (16, 5, "B002"),
        (18, 97, "Q004"),   # "Dr. Helen Marsh, a leading expert ..." with no source
        (32, 1, "B109"),    # "Conclusion" left as a heading (info)
        (34, 1, "B003"),    # "In conclusion," restating the title
        (34, 87, "B108"),   # "Further research into ... is crucial for understanding"
        (34, 186, "B108"),  # "We urge readers to consult ..."
        (36, 1, "T002"),
        (37, 1, "B113"),    # the lone "close"
    ]


def test_clean_sample_article_has_no_finding():
    assert findings(str(SAMPLES / "clean-article.md")) == []


def test_every_problem_sample_shows_its_family():
    families: dict[str, set[str]] = {}
    for f in findings(str(SAMPLES)):
        families.setdefault(f["path"].rsplit("/", 1)[-1], set()).add(f["family"])
    assert "title" in families["title-problems.md"]
    assert "quote" in families["quote-problems.md"]
    assert "boilerplate" in families["boilerplate-residue.md"]
    assert "readability" in families["readability-problems.md"]
    assert "clean-article.md" not in families


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is absent")
def test_the_seed_article():
    """Issue 3's list for the seed: every one of these is found at its line."""
    text = SEED.read_text(encoding="utf-8").split("\n")
    got = findings(str(SEED))

    def line_of(fragment: str, start: int = 0) -> int:
        return next(i for i, line in enumerate(text, 1) if i > start and fragment in line)

    title = text[0].strip()
    title_lines = [i for i, line in enumerate(text, 1) if line.strip() == title and i > 1]
    found = {(f["line"], f["code"][0]) for f in got} | {(f["line"], f["code"]) for f in got}
    for line in title_lines:
        assert (line, "T") in found, f"repeated title on line {line}"
    assert len(title_lines) == 4
    assert (line_of("4 min read"), "B") in found
    assert (line_of("Article with TOC"), "B") in found
    assert (line_of("Table of Contents"), "B001") in found
    assert (len(text) if text[-1].strip() else len(text) - 1, "B113") in found  # the final lone "close"
    assert (line_of("Dr. Anya Petrova"), "Q004") in found
    assert (line_of("Many analysts believe"), "Q002") in found
    assert (line_of("In conclusion"), "B003") in found
    assert (1, "T005") in found
    outline_bullets = [f for f in got if f["code"] == "B002"]
    assert len(outline_bullets) >= 6
