"""The devset gates: precision, recall and F1 per family on ../shared/devset, scored by its own score.py.

Three parts are scored on their own (``score.py --docs``): 001-029, the documents the rules were first tuned
on; 030-070, forty pages from forty other sites added later; and the whole set. The floors are the numbers
reached (see the closing notes); a change that loses a true finding or adds a false one fails here, and the
whole set must meet the targets: F1 >= 0.90 in every family, quote precision >= 0.85, and no warning on a
clean document. Skipped when ../shared/devset is absent.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SHARED, run_cli

DEVSET = SHARED / "devset"
# Rules the devset does not label (its README: passive voice and document-level readability scores are not
# labelled): their findings are left out of the score rather than counted as false positives.
UNLABELLED = ("R003", "R004", "R005", "R006")
# part: family: (precision floor, recall floor, F1 floor)
FLOORS = {
    "001-029": {"title": (1.0, 1.0, 1.0), "quote": (1.0, 1.0, 1.0), "boilerplate": (1.0, 1.0, 1.0),
                "readability": (1.0, 0.93, 0.96)},
    "030-070": {"title": (1.0, 1.0, 1.0), "quote": (1.0, 1.0, 1.0), "boilerplate": (1.0, 0.89, 0.94),
                "readability": (1.0, 0.97, 0.98)},
    "001-070": {"title": (1.0, 1.0, 1.0), "quote": (1.0, 1.0, 1.0), "boilerplate": (1.0, 0.92, 0.96),
                "readability": (1.0, 0.96, 0.98)},
}

pytestmark = pytest.mark.skipif(not (DEVSET / "score.py").is_file(), reason="../shared/devset is absent")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("devset") / "findings.json"
    proc = run_cli("check", "--isolated", "--no-cache", "-f", "json", "-o", str(out), str(DEVSET / "docs"), timeout=600)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    scores = {}
    for part in FLOORS:
        score = subprocess.run([sys.executable, str(DEVSET / "score.py"), str(out), "--json", "--docs", part,
                                *[arg for code in UNLABELLED for arg in ("--ignore-code", code)]],
                               capture_output=True, text=True, check=True)
        scores[part] = json.loads(score.stdout)
    return json.loads(out.read_text(encoding="utf-8")), scores


@pytest.mark.parametrize("part,family", [(p, f) for p in FLOORS for f in sorted(FLOORS[p])])
def test_family_precision_recall_and_f1(run, part, family):
    score = run[1][part]
    got = score["per_family"][family]
    precision, recall, f1 = FLOORS[part][family]
    assert got["precision"] >= precision and got["recall"] >= recall and got["f1"] >= f1, (
        f"{part} {family}: P={got['precision']:.3f} R={got['recall']:.3f} F1={got['f1']:.3f} "
        f"(floors {precision}, {recall}, {f1}); "
        f"misses: {[m for m in score['misses'] if m[2] == family]}; "
        f"false positives: {[f for f in score['false_positives'] if f[2] == family]}")


def test_whole_set_meets_the_targets(run):
    families = run[1]["001-070"]["per_family"]
    assert all(families[f]["f1"] >= 0.90 for f in families), families
    assert families["quote"]["precision"] >= 0.85, families["quote"]


def test_clean_documents_get_no_warning(run):
    findings, scores = run
    clean = set(scores["001-070"]["clean_docs"])
    assert clean, "the devset lists no clean documents"
    loud = [f for f in findings["findings"]
            if f["path"].rsplit("/", 1)[-1] in clean and f["severity"] in ("warning", "error")]
    assert loud == []
