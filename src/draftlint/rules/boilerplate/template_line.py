from __future__ import annotations

from collections import defaultdict
from itertools import islice
from dataclasses import dataclass, field
from typing import Iterator

from draftlint import titles_index
from draftlint.findings import Family, Finding
from draftlint.rule import CorpusRule, Summary, display_path


class TemplateLine(CorpusRule):
    """Flags a line that three or more documents of the run share: the site template's footer, newsletter box
    or standard disclaimer.

    ## What it flags
    A line of a paragraph or list item (of 3 to 60 words; a hard-wrapped paragraph counts as one line; block
    quotes, headings, tables and task-list items aside) that appears, the same after case, quote marks,
    dashes, spaces and end punctuation are set aside, in at least ``min-documents`` documents of the run,
    counting the documents of a titles index given with ``--titles-index FILE`` or the ``index`` option
    (written by `draftlint index`, which records each document's line fingerprints, not its text). Every
    occurrence is flagged, in each document, naming how many documents share it and a few of them.

    ## Why it matters
    A scraper or a CMS export that keeps the page template copies the same footer ("© The Harbour Press.
    All rights reserved."), subscription box or disclaimer into every article. Each copy is fine on its own,
    which is why no rule for one file can see it: across an archive it is plainly the template.

    ## Example
        posts/a.md, posts/b.md, posts/c.md all end with:
        Support local reporting: become a member of the Harbour Press today.

    ## How to fix
    Delete the line from the articles (the site template prints it); if it is meant to be in every article,
    keep it and add the rule to `per-file-ignores` for those files.
    """

    code = "B022"
    name = "template-line"
    family = Family.BOILERPLATE
    needs = frozenset({"template-lines"})

    @dataclass(frozen=True)
    class Options:
        min_documents: int = field(default=3, metadata={"help": "fewest documents that share a line for it to count"})
        index: str = field(default="", metadata={
            "help": "an index written by `draftlint index`, whose documents count too (path)"})

    @classmethod
    def prepare(cls, opts: Options) -> None:
        if opts.index:
            titles_index.templates(opts.index)  # a bad index is a usage error before any file is read

    def check_corpus(self, summaries: list[Summary], opts: Options) -> Iterator[Finding]:
        sharing: dict[str, list[str]] = defaultdict(list)  # fingerprint -> the paths that hold it, once each
        in_run = {titles_index.path_key(s.path) for s in summaries}
        archive = titles_index.templates(opts.index) if opts.index else {}
        for path, prints in archive.items():
            if titles_index.path_key(path) not in in_run:  # a file of the run counts by its current text
                for fp in set(prints):
                    sharing[fp].append(path)
        for s in summaries:
            for fp in {line.fingerprint for line in s.lines}:
                sharing[fp].append(s.path)
        for s in summaries:
            for line in s.lines:
                holders = sharing[line.fingerprint]
                if len(holders) >= opts.min_documents:
                    # the first three others only: a line shared by n documents is n findings
                    others = [display_path(p) for p in islice((p for p in holders if p != s.path), 3)]
                    shown = ", ".join(others) + (", …" if len(holders) > 4 else "")
                    yield self.finding_at(s.path, line.span,
                                          f"template line shared by {len(holders)} documents ({shown}): “{line.text}”",
                                          line.text)
