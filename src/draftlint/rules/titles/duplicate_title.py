from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator

from draftlint import titles_index
from draftlint.findings import Family, Finding
from draftlint.rule import CorpusRule, Summary, display_path
from draftlint.titlematch import content_tokens, find_pairs

SHOWN = 3  # other files named in a group's message


class DuplicateTitle(CorpusRule):
    """Flags two documents with the same or nearly the same title.

    ## What it flags
    Files of one run (and, with ``--titles-index FILE`` or the ``index`` option, files of the run against an
    archive's titles) whose titles are the same or nearly the same. Each file of the run is flagged once, on
    its title line, naming the files it duplicates: the closest one with its title, or, for a group, how
    many other files and the first three of them (paths relative to the working folder; archived paths as
    the index wrote them).
    Titles are compared by their content words: case, quotes, punctuation, a site suffix (" - Site Name"), a
    newsroom's label ("UPDATED:", "[VIDEO]"),
    stop words ("the", "of", "how") and word endings ("talks"/"talk", "Russia's"/"Russia") do not count, and
    a number from two to twenty written out is its digits ("Ten ways"/"10 ways").
    A pair is nearly the same when at least ``min-shared-words`` content words appear in both titles in
    the same order and cover at least ``min-similarity`` of the longer title's content words; titles that
    share only ``min-shared-words`` may differ by one other content word at most, and titles that share
    under 60% must have as many content words as each other (a spinner rewrites word for word; two
    newsrooms' headlines of one event share as much in titles of different lengths). Titles with different
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

    @classmethod
    def prepare(cls, opts: Options) -> None:
        if opts.index:
            titles_index.load(opts.index)  # a bad index is a usage error before any file is read

    def check_corpus(self, summaries: list[Summary], opts: Options) -> Iterator[Finding]:
        run = [s for s in summaries if s.title and s.title_span]
        archive = titles_index.load(opts.index) if opts.index else []
        if archive:  # a file of the run is compared by its current title, not by its indexed one
            in_run = {titles_index.path_key(s.path) for s in run}
            archive = [e for e in archive if titles_index.path_key(e.path) not in in_run]
        tokens = [content_tokens(s.title or "") for s in run] + [e.tokens for e in archive]
        matches: dict[int, dict[int, float]] = defaultdict(dict)  # run file -> its duplicates and their scores
        for i, j, value in find_pairs(tokens, opts.min_similarity, opts.min_shared_words, probes=range(len(run))):
            matches[i][j] = value
            if j < len(run):
                matches[j][i] = value
        for i in sorted(matches):
            others = sorted(matches[i].items(), key=lambda item: (-item[1], self._name(run, archive, item[0])))
            related = tuple(run[k].path if k < len(run) else archive[k - len(run)].path for k, _ in others)
            yield self._at(run[i], self._message(run, archive, others), related)

    def _message(self, run: list[Summary], archive: list, others: list[tuple[int, float]]) -> str:
        """One message per file, naming its group: the other files (the closest first) and how close."""
        j, value = others[0]
        how = ("the same title as" if value == 1.0
               else f"nearly the same title ({value:.0%} of content words in common) as")
        title = run[j].title if j < len(run) else archive[j - len(run)].title
        if len(others) == 1:
            return f"{how} {self._name(run, archive, j)} “{title}”"
        same = all(v == 1.0 for _, v in others)
        shown = ", ".join(self._name(run, archive, k) for k, _ in others[:SHOWN])
        more = f" and {len(others) - SHOWN} more" if len(others) > SHOWN else ""
        what = "the same title" if same else "the same or nearly the same title"
        return f"{what} as {len(others)} other files: {shown}{more} (closest: “{title}”)"

    @staticmethod
    def _name(run: list[Summary], archive: list, j: int) -> str:
        if j < len(run):
            return f"{display_path(run[j].path)}:{run[j].title_span.line}"
        return f"{archive[j - len(run)].path} in the titles index"

    def _at(self, summary: Summary, message: str, related: tuple[str, ...]) -> Finding:
        assert summary.title_span is not None
        found = self.finding_at(summary.path, summary.title_span, message, summary.title or "")
        return dataclasses.replace(found, related=related)

