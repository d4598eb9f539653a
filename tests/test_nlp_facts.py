"""The answers of spaCy's blank English pipeline that draftlint ships as data (nlp/blank_en.json) are spaCy's."""
from __future__ import annotations

import json
import subprocess
import sys

from draftlint.nlp import facts


def test_shipped_data_is_what_the_installed_spacy_says():
    shipped = json.loads(facts.DATA.read_text(encoding="utf-8"))
    assert shipped == facts.read_from_spacy(), "spaCy changed: rewrite the data with python -m draftlint.nlp.facts"
    assert facts.shipped() == shipped


def test_a_draft_whose_sentences_need_no_tokenizer_is_linted_without_importing_spacy(tmp_path):
    draft = tmp_path / "plain.md"
    draft.write_text("# Ferry times\n\nThe ferry runs twice a day. Tickets cost four pounds.\n\n"
                     "- Morning boat at seven\n- Evening boat at six\n", encoding="utf-8")
    code = ("import sys\nfrom draftlint import engine, registry\nfrom draftlint.config import Config\n"
            f"run = engine.lint_files([{str(draft)!r}], engine.make_plan(registry.load(), Config()))\n"
            "print(len(run.findings), 'spacy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]
