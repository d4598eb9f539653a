from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

from draftlint import shortcuts
from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.titles._common import title_score
from draftlint.text import title_forms
from draftlint.titlematch import STOP_WORDS, base_title, stem

_WORD = re.compile(r"[\w'’]+")
_CLAUSE_END = re.compile(r"[.!?;:]+(?=\s|$)")
_TITLE_LIKE = 0.9  # lines this close to the title are repeats of it (title-repeated-in-body), not body text


@functools.lru_cache(maxsize=65536)
def _content(word: str) -> str | None:
    """The stem of a content word, None for a stop word."""
    word = word.casefold().replace("’", "'")
    token = stem(word)
    return None if not token or word in STOP_WORDS or token in STOP_WORDS else token


class TitleKeywordStuffing(Rule):
    """Flags a title phrase repeated in the body so often that it reads as keyword stuffing.

    ## What it flags
    A phrase of the title (``min-words`` to ``max-words`` consecutive content words of it: stop words and
    word endings aside, so "Russia's call for peace talks" also counts "Russia's calls for peace talks")
    that occurs at least ``min-count`` times in the body and at least ``min-density`` times per 1,000 words
    of body. Lines that repeat the whole title are left to ``title-repeated-in-body`` and not counted. A
    phrase that the body's paragraphs write as a name (every word capitalised, as in "World Health
    Organization" or a dish's name; headings are capitalised whatever they hold, so they do not count here)
    is the article's subject, not a keyword, and is left alone; so are two-word phrases (below ``min-words``),
    which news stories repeat naturally ("peace talks", "interest rates"). A body of fewer than ``min-body-words``
    words is not judged: a density needs words to stand on, and a short text (a news brief, the opening of a
    page) names its subject in most of its sentences. One finding, on the title line, for the longest
    phrase that crosses the thresholds.

    ## Why it matters
    Writing for a search engine instead of a reader produces the title's key phrase in every paragraph.
    Readers notice the repetition, and search engines treat it as spam. A reporter names the subject a
    few times and then uses pronouns and shorter references.

    ## Example
        title: How Russia's Call For Peace Talks Became A Diplomatic Setback

        This article examines how Russia's call for peace talks ... The West's response to Russia's calls
        for peace talks ... In conclusion, Russia's call for peace talks ... Further research into Russia's
        call for peace talks ... the nuances of Russia's call for peace talks ...

    ## How to fix
    Keep the phrase where it carries meaning (the introduction, perhaps one heading) and use pronouns,
    shorter references or the specific detail everywhere else. Technical documentation repeats its terms
    of art by design (a design document titled "Cloud Controller Manager" names it on every page): raise
    ``min-density`` for such folders or ignore the rule there with ``per-file-ignores``.
    """

    code = "T005"
    name = "title-keyword-stuffing"
    family = Family.TITLE

    @dataclass(frozen=True)
    class Options:
        min_words: int = field(default=3, metadata={"help": "fewest content words in a title phrase"})
        max_words: int = field(default=5, metadata={"help": "most content words in a title phrase"})
        min_count: int = field(default=5, metadata={"help": "fewest occurrences in the body"})
        min_density: float = field(default=4.0, metadata={"help": "fewest occurrences per 1,000 words of body"})
        min_body_words: int = field(default=400, metadata={"help": "fewest words of body for a density to be judged"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        if doc.title is None:
            return
        title_words = [(m, token) for m in _WORD.finditer(doc.title.text) if (token := _content(m.group()))]
        base = [word for word in _WORD.findall(base_title(doc.title.text)) if _content(word)]
        title_words = title_words[:len(base)]  # without the site suffix
        tokens = [token for _, token in title_words]
        phrases = {tuple(tokens[i:i + n]): (i, n) for n in range(opts.min_words, opts.max_words + 1)
                   for i in range(len(tokens) - n + 1)}
        if not phrases:
            return
        count, named, in_body, words = self._count(doc, phrases, opts)
        if not words or words < opts.min_body_words:
            return
        best = None
        for phrase, seen in count.items():
            density = 1000 * seen / words
            # a name is judged on the body's occurrences: headings are capitalised whatever they hold
            if seen >= opts.min_count and density >= opts.min_density and named[phrase] * 2 <= in_body[phrase]:
                key = (len(phrase), seen)
                if best is None or key > best[0]:
                    best = (key, phrase, seen, density)
        if best is None:
            return
        _, phrase, seen, density = best
        first, n = phrases[phrase]
        shown = doc.title.text[title_words[first][0].start():title_words[first + n - 1][0].end()]
        yield self.finding(doc, doc.title.start, doc.title.end,
                           f"title phrase “{shown}” appears {seen} times in {words:,} words of body "
                           f"({density:.1f} per 1,000 words): keyword stuffing")

    def _count(self, doc: Document, phrases: dict, opts: Options) -> tuple[Counter, Counter, Counter, int]:
        """Occurrences of each phrase in the body, how many of them are written as a name, how many are
        outside headings, and the body's word count (paragraph text; headings count occurrences but not
        words)."""
        assert doc.title is not None
        forms = title_forms(doc.title.text)
        first_words = {phrase[0] for phrase in phrases}
        # A stem without its last letter is the start of every word it stems from (see ``stem``): a line
        # holding none of these strings (folded as ``_content`` folds) holds no phrase, and is not split.
        openings = {token[:-1] for token in first_words}
        count: Counter = Counter()
        named: Counter = Counter()
        in_body: Counter = Counter()
        words = 0
        for block in doc.prose_blocks:
            for line in block.lines:
                if (line.start <= doc.title.start < line.start + len(line.text) + 1
                        or title_score(line.text, forms, _TITLE_LIKE) >= _TITLE_LIKE):
                    continue
                if block.kind != "heading":
                    words += len(line.text.split())
                folded = line.text.casefold().replace("’", "'")
                if shortcuts.enabled() and not any(opening in folded for opening in openings):
                    continue
                for clause in _CLAUSE_END.split(line.text):
                    content = [(word, token) for word in _WORD.findall(clause) if (token := _content(word))]
                    for i, (_, token) in enumerate(content):
                        if token not in first_words:
                            continue
                        for n in range(opts.min_words, min(opts.max_words, len(content) - i) + 1):
                            phrase = tuple(token for _, token in content[i:i + n])
                            if phrase in phrases:
                                count[phrase] += 1
                                if block.kind != "heading":
                                    in_body[phrase] += 1
                                    named[phrase] += all(w[0].isupper() for w, _ in content[i:i + n])
        return count, named, in_body, words
