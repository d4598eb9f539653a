from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterator

from draftlint.findings import Family, Finding
from draftlint.rule import CorpusRule, Summary
from draftlint.titlematch import content_tokens, find_pairs


class DuplicateTitle(CorpusRule):
    """Flags two documents with the same or nearly the same title.

    ## What it flags
    Every pair of files in one run (and, with ``--titles-index FILE`` or the ``index`` option, every file of
    the run against an archive's titles) whose titles are the same or nearly the same, on the title line of
    both files of the run, each naming the other (by its path relative to the flagged file's folder).
    Titles are compared by their content words: case, quotes, punctuation, a site suffix (" - Site Name"),
    stop words ("the", "of", "how") and word endings ("talks"/"talk", "Russia's"/"Russia") do not count.
    A pair is nearly the same when at least ``min-shared-words`` content words appear in both titles in
    the same order and cover at least ``min-similarity`` of the longer title's content words; titles that
    share only ``min-shared-words`` may differ by one other content word at most. Titles with different
    numbers ("Part 2", "Part 3") never match. Corpus rules see the files of one run: under pre-commit
    (changed files only) use an index.

    ## Why it matters
    Reposts, spun copies (a few words swapped for synonyms) and two drafts of one story make an archive
    compete with itself in search results and confuse readers who meet the same headline twice.

    ## Example
        posts/peace-talks.md:    title: "How Russia's call for peace talks turned into a diplomatic defeat"
        drafts/peace-talks-2.md: title: "How Russia's call to peace conversations became a diplomatic setback"

    ## How to fix
    Delete or merge the copy (and redirect its address), or give each article a title that says what is
    different about it.
    """

    code = "T004"
    name = "duplicate-title"
    family = Family.TITLE

    @dataclass(frozen=True)
    class Options:
        min_similarity: float = field(default=0.5, metadata={
            "help": "0..1: share of the longer title's content words that both titles hold in the same order"})
        min_shared_words: int = field(default=3, metadata={"help": "fewest content words two titles must share"})
        index: str = field(default="", metadata={
            "help": "a titles index written by `draftlint index` to compare the run against (path)"})

    def check_corpus(self, summaries: list[Summary], opts: Options) -> Iterator[Finding]:
        from draftlint import titles_index

        run = [s for s in summaries if s.title and s.title_span]
        archive = titles_index.load(opts.index) if opts.index else []
        if archive:  # a file of the run is compared by its current title, not by its indexed one
            in_run = {titles_index.path_key(s.path) for s in run}
            archive = [e for e in archive if titles_index.path_key(e.path) not in in_run]
        tokens = [content_tokens(s.title or "") for s in run] + [e.tokens for e in archive]
        for i, j, value in find_pairs(tokens, opts.min_similarity, opts.min_shared_words, probes=range(len(run))):
            how = ("the same title as" if value == 1.0
                   else f"nearly the same title ({value:.0%} of content words in common) as")
            this = run[i]
            if j < len(run):
                other = run[j]
                yield self._at(this, f"{how} {_near(other.path, this)}:{other.title_span.line} “{other.title}”")
                yield self._at(other, f"{how} {_near(this.path, other)}:{this.title_span.line} “{this.title}”")
            else:
                entry = archive[j - len(run)]
                yield self._at(this, f"{how} {entry.path} in the titles index “{entry.title}”")

    def _at(self, summary: Summary, message: str) -> Finding:
        assert summary.title_span is not None
        return self.finding_at(summary.path, summary.title_span, message, summary.title or "")


def _near(path: str, summary: Summary) -> str:
    """The other file's path as seen from the flagged file's folder (the same whatever the working folder)."""
    try:
        return os.path.relpath(path, os.path.dirname(os.path.abspath(summary.path)))
    except ValueError:  # another drive
        return path
