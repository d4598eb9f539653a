"""What spaCy's blank English pipeline answers without running it: its tokenizer's exceptions (and the texts
of their tokens) and its sentencizer's end punctuation, shipped as data (``blank_en.json``) so that a document none of whose sentences
needs the tokenizer is linted without importing spaCy (about half a second of a cold start).

The data records the spaCy version it was read from and is used only with that version installed (and
with the shortcuts on); otherwise the answers come from spaCy itself. ``tests/test_nlp_facts.py`` checks
the data against the installed spaCy; after a spaCy upgrade, rewrite it with
``python -m draftlint.nlp.facts``.
"""
from __future__ import annotations

import functools
import json
from importlib import metadata
from pathlib import Path

from draftlint import shortcuts

DATA = Path(__file__).with_name("blank_en.json")


def read_from_spacy() -> dict:
    """The answers, asked of spaCy: its version, each tokenizer exception with the texts of its tokens, and
    the sentencizer's end punctuation."""
    import spacy
    from spacy.attrs import ORTH
    from spacy.pipeline.sentencizer import Sentencizer

    rules = spacy.blank("en").tokenizer.rules or {}
    return {"spacy": spacy.__version__,
            "exceptions": {key: [str(t.get(ORTH, "")) for t in rules[key]] for key in sorted(rules)},
            "end_marks": sorted(Sentencizer.default_punct_chars)}


@functools.lru_cache(maxsize=1)
def _shipped() -> dict | None:
    try:
        installed = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        return None
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return data if data["spacy"] == installed else None


def shipped() -> dict | None:
    """The shipped answers when they hold for the installed spaCy and shortcuts are on, else None."""
    return _shipped() if shortcuts.enabled() else None


if __name__ == "__main__":
    facts = read_from_spacy()
    rows = ",\n".join(f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                      for k, v in facts["exceptions"].items())
    DATA.write_text(f'{{"spacy": {json.dumps(facts["spacy"])},\n"end_marks": '
                    f'{json.dumps(facts["end_marks"], ensure_ascii=False)},\n"exceptions": {{\n{rows}\n}}}}\n',
                    encoding="utf-8")
    print(f"wrote {DATA}")
