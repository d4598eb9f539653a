from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from draftlint import nlp
from draftlint.document import Document, Sentence
from draftlint.findings import Family, Finding, Severity
from draftlint.rule import Rule
from draftlint.rules.readability._common import Quotations

_RUN_KINDS = frozenset({"paragraph", "blockquote", "footnote"})


def _opening_word(sentence: Sentence) -> tuple[str, int, int] | None:
    """(word lowercased, start, end) of the sentence's first token that is not punctuation; None when that
    is a number or a symbol, or there is none."""
    for start, text, lower, alpha, punct in nlp.token_attributes(sentence):
        if alpha:
            return lower, start, start + len(text)
        if not punct:
            return None
    return None


def _openings(doc: Document) -> Iterator[tuple[str, int, int] | None]:
    """The opening word of each sentence in order, with None wherever a run must stop: a sentence of a
    list item, one whose first word is quoted (a speaker's words), or a heading, list, table or code block
    between two sentences."""
    order = {id(b): i for i, b in enumerate(doc.blocks)}
    quotations = Quotations(doc)
    last = None
    for sentence in doc.sentences:
        if sentence.block.kind not in _RUN_KINDS:
            yield None
            continue
        index = order[id(sentence.block)]
        if last is not None and any(doc.blocks[i].kind not in _RUN_KINDS for i in range(last + 1, index)):
            yield None
        last = index
        opening = _opening_word(sentence)
        yield None if opening is None or quotations.covers(opening[1]) else opening


class RepeatedSentenceStart(Rule):
    """Flags ``min-run`` or more consecutive sentences that open with the same word.

    ## What it flags
    A run of at least ``min-run`` consecutive sentences of running prose whose first word is the same,
    ignoring case ("The ... The ... The ...", "He ... He ... He ..."). Every word counts, function words
    included: a run of "The" openings is exactly the monotony readers notice. Runs follow the text across
    paragraphs but stop at a heading, a list, a table or code; list items never count, since a list
    of parallel items ("Check ..., Check ...") is deliberate. A sentence whose first word is inside a
    quotation holds a speaker's words, not the writer's: it never counts and it ends a run. Words listed in
    ``ignore-words`` never start a run. The finding sits on the first word of the run's first sentence.
    Severity is ``info``: a run of openings is a matter of style, worth a second look.

    ## Why it matters
    Sentences that open the same way read like a list and bury what is new in each one; varying the
    openings (the subject, a time, a place, a condition) keeps the reader's attention on the content.
    Content-analysis tools used by publishers flag three or more in a row.

    ## Example
        The mayor opened the meeting. The council then voted. The result surprised everyone.

    ## How to fix
    Reorder or join the sentences: "The mayor opened the meeting and the council voted; nobody expected the
    result."
    """

    code = "R006"
    name = "repeated-sentence-start"
    family = Family.READABILITY
    severity = Severity.INFO
    needs = frozenset({"sentences"})

    @dataclass(frozen=True)
    class Options:
        min_run: int = field(default=3, metadata={"help": "how many consecutive sentences with the same first word are flagged"})
        ignore_words: tuple[str, ...] = field(default=(), metadata={"help": "first words that never start a run"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        ignored = {w.lower() for w in opts.ignore_words}
        run: list[tuple[str, int, int]] = []
        for item in (*_openings(doc), None):
            if item is not None and run and item[0] == run[0][0]:
                run.append(item)
                continue
            if len(run) >= opts.min_run:
                word, start, end = run[0]
                yield self.finding(doc, start, end, f"{len(run)} sentences in a row open with “{doc.text[start:end]}”")
            run = [item] if item is not None and item[0] not in ignored else []
