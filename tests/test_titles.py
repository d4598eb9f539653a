"""Title family: title matching, the cross-file duplicate-title rule, the titles index and its command line."""
from __future__ import annotations

import itertools
import json
import random

import pytest

from conftest import SHARED, run_cli
from draftlint import engine, registry
from draftlint.config import Config
from draftlint.templates import fingerprint
from draftlint.text import title_forms, undecorated
from draftlint.titlematch import Stats, content_tokens, find_pairs, is_match, stem
from helpers import lint

RUSSIA = "How Russia's call for peace talks turned into a diplomatic defeat"
RUSSIA_SPUN = "How Russia's call to peace conversations became a diplomatic setback"


# -- title matching ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("word,expected", [
    ("talks", "talk"), ("russia's", "russia"), ("understanding", "understand"), ("turned", "turn"),
    ("stories", "story"), ("business", "business"), ("status", "status"), ("bus", "bus"), ("agreed", "agreed")])
def test_stem(word, expected):
    assert stem(word) == expected


def test_numbers_written_out_are_their_digits():
    """A repost that writes "Ten" as "10" keeps the title; "one" stays a word (it is often a pronoun)."""
    assert content_tokens("Ten Ways to Save on Ferry Fares in 2024") == content_tokens("10 ways to save on ferry fares in 2024!")
    assert content_tokens("Twelve new stalls for Quay Street") == ("12", "new", "stall", "quay", "street")
    assert content_tokens("The one market that never closes") == ("one", "market", "never", "close")


def test_a_newsroom_label_is_no_part_of_the_title():
    """"UPDATED: …", "WATCH: …", "… [VIDEO]", "… (PHOTOS)" and a "::" site suffix come off; a colon or brackets
    that belong to the headline stay."""
    assert undecorated("UPDATED: Ferry fares to rise in April [VIDEO]") == "Ferry fares to rise in April"
    assert undecorated("Ferry fares to rise in April (photos)") == "Ferry fares to rise in April"
    assert undecorated("Ferry fares: what the rise means (Part 2)") == "Ferry fares: what the rise means (Part 2)"
    assert "ferry fares to rise in april" in title_forms("Ferry fares to rise in April :: Harbour Daily")
    assert content_tokens("WATCH: Ferry fares to rise in April") == content_tokens("Ferry fares to rise in April")
    assert content_tokens("Ferry fares to rise in April [VIDEO] | Harbour Daily") == content_tokens("Ferry fares to rise in April")


def test_content_tokens_drop_stop_words_site_suffix_and_repeats():
    assert content_tokens("The Rise and Rise of the Night Train - Valley Courier") == ("rise", "night", "train")
    assert content_tokens("A Walk Round the Old Harbour - Part 2") == ("walk", "round", "old", "harbour", "part", "2")


@pytest.mark.parametrize("a,b,matches", [
    (RUSSIA, RUSSIA_SPUN, True),
    ("Understanding a Paradigm Shift with Examples", "Understanding the Concept of a Paradigm Shift", True),
    ("Winter Ferry Timetable", "The winter ferry timetable!", True),
    # one story, two stories: the shared words are few for the length, or in another order
    ("Bronx councilmember faces re-election fight over rezoning",
     "Rezoning plan plagues Bronx city councilmember's re-election bid", False),
    ("Graduate Ingress API to GA", "Graduate API gzip compression to GA", False),
    ("Council votes to freeze bridge tolls", "Drivers protest new bridge tolls", False),
    # two newsrooms' headlines of one event: 4 of 7 shared, as in a spin, but not word for word
    ("Rockfall injures walkers at Harbour National Park", "Walkers rescued by helicopter after rockfalls in Harbour National Park",
     False),
    ("A Walking Tour of the Old Harbour, Part 1", "A Walking Tour of the Old Harbour, Part 2", False),
    ("Budget", "Budget", True),
    ("Budget", "Budget cuts", False),
])
def test_is_match(a, b, matches):
    assert bool(is_match(content_tokens(a), content_tokens(b), 0.5, 3)) is matches


def test_find_pairs_reports_each_pair_once_and_respects_probes():
    titles = [content_tokens(t) for t in (RUSSIA, "Winter ferry timetable", RUSSIA_SPUN, "The winter ferry timetable")]
    assert sorted((i, j) for i, j, _ in find_pairs(titles, 0.5, 3)) == [(2, 0), (3, 1)]
    # only title 0 probes: its pair with 2 is found, the pair 1-3 (no probe) is not searched
    assert [(i, j) for i, j, _ in find_pairs(titles, 0.5, 3, probes=[0])] == [(0, 2)]


def synthetic_titles(count: int, rng: random.Random) -> list[tuple[str, ...]]:
    """Content tokens of ``count`` made-up titles: 4 to 8 words drawn from 84,375 words with Zipf's law
    (the 100 most frequent ranks left out, as stop words are), the shape of real headline vocabularies."""
    consonants, vowels = "bcdfghjklmnprst", "aeiou"
    vocabulary = ["".join(w) for w in itertools.product(consonants, vowels, consonants, vowels, consonants)]
    rng.shuffle(vocabulary)
    cumulative = list(itertools.accumulate(1 / (rank + 100) for rank in range(len(vocabulary))))
    return [tuple(dict.fromkeys(rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(4, 8))))
            for _ in range(count)]


def test_find_pairs_scales_by_candidates_not_by_all_pairs():
    """100,000 synthetic titles with 50 planted spun copies: every copy is found, and the number of scored
    pairs stays a small multiple of the number of titles instead of the 5 billion pairs of a full
    comparison. (Timing is in bench/titles_bench.py, never in a test.)"""
    rng = random.Random(20261126)
    titles = synthetic_titles(100_000, rng)
    planted = set()
    for n, i in enumerate(rng.sample(range(len(titles)), 50)):
        tag = "".join("abcdefghij"[int(d)] for d in f"{n:02d}")
        original = titles[i] + ("planted" + tag,)
        titles[i] = original
        titles.append(original[:-2] + ("synonym" + tag,) + original[-1:])  # one word swapped for a synonym
        planted.add((len(titles) - 1, i))
    stats = Stats()
    found = {(i, j) for i, j, _ in find_pairs(titles, 0.5, 3, stats=stats)}
    assert planted <= found
    assert stats.titles == 100_050
    assert stats.comparisons < 20 * stats.titles  # a full comparison would score 50,000 pairs per title


# -- the rules through the engine ----------------------------------------------------------------------------
def test_title_repeated_as_heading_fix_deletes_the_heading_but_not_inside_a_quotation():
    plain = lint('---\ntitle: "Night Trains Return"\n---\n\n# Night trains return\n\nText.\n', select=["T001"])
    assert [(f.line, f.fix.whole_lines, f.fix.span.line, f.fix.span.end_line) for f in plain] == [(5, True, 5, 5)]
    quoted = lint('---\ntitle: "Night Trains Return"\n---\n\n> # Night trains return\n', select=["T001"])
    assert [(f.line, f.fix) for f in quoted] == [(5, None)]


def test_duplicate_heading_can_compare_across_sections():
    text = "# Hotels\n\n## In Lisbon\n\n### What we liked\n\nA.\n\n## In Porto\n\n### What we liked\n\nB.\n"
    assert lint(text, select=["T003"]) == []
    found = lint(text, select=["T003"], options={"T003": {"siblings-only": False}})
    assert [(f.line, f.message) for f in found] == [(11, "heading “What we liked” repeats the heading on line 5")]


def _run(paths, options=None):
    plan = engine.make_plan(registry.load(), Config(select=["T004"], rules=options or {}))
    return engine.lint_files([str(p) for p in paths], plan, 1)


def test_duplicate_title_reports_both_files_naming_each_other(tmp_path):
    (tmp_path / "posts").mkdir()
    a = tmp_path / "posts" / "a.md"
    b = tmp_path / "b.txt"
    a.write_text(f'---\ntitle: "{RUSSIA}"\n---\n\nText.\n', encoding="utf-8")
    b.write_text(f"{RUSSIA_SPUN}\n\nText.\n", encoding="utf-8")
    done = run_cli("check", ".", "--isolated", "--no-cache", "--select", "T004", cwd=tmp_path)
    assert done.stdout.decode().splitlines()[:2] == [  # paths relative to the working folder, without "./"
        f"b.txt:1:1: T004 [warning] nearly the same title (57% of content words in common) as posts/a.md:2 “{RUSSIA}”",
        f"posts/a.md:2:1: T004 [warning] nearly the same title (57% of content words in common) as b.txt:1 "
        f"“{RUSSIA_SPUN}”"]


def test_duplicate_title_reports_each_file_of_a_group_once(tmp_path):
    for name in ("a", "b", "c", "d", "e"):
        (tmp_path / f"{name}.md").write_text("# Weekly roundup\n\nText.\n", encoding="utf-8")
    (tmp_path / "f.md").write_text("# The weekly roundup!\n\nText.\n", encoding="utf-8")
    done = run_cli("check", ".", "--isolated", "--no-cache", "--select", "T004", cwd=tmp_path)
    lines = done.stdout.decode().splitlines()
    assert len(lines) == 7  # six findings and the summary, not 30 (every ordered pair)
    assert lines[0] == ("a.md:1:3: T004 [warning] the same title as 5 other files: b.md:1, c.md:1, d.md:1 and 2 more "
                        "(closest: “Weekly roundup”)")
    assert lines[5] == ("f.md:1:3: T004 [warning] the same title as 5 other files: a.md:1, b.md:1, c.md:1 and 2 more "
                        "(closest: “Weekly roundup”)")


STUFFED = """---
title: "Why Heat Pump Grants for Homeowners Are Changing the Energy Market"
---

Heat pump grants for homeowners are everywhere. We explain why heat pump grants for homeowners matter.

The rules for heat pump grants for homeowners differ between regions, so check them first.

In conclusion, heat pump grants for homeowners are changing the market. Research heat pump grants for homeowners.
"""
# 360 words of body that name no title phrase: with STUFFED's 48, a body of 408 words
PADDING = "\n" + "The installer came on a Tuesday and measured every room before lunch. " * 30


def test_keyword_stuffing_counts_the_longest_phrase_and_its_density():
    [found] = lint(STUFFED + PADDING, select=["T005"])
    assert (found.line, found.column) == (2, 1)
    assert found.message == ("title phrase “Heat Pump Grants for Homeowners” appears 5 times in 408 words of body "
                             "(12.3 per 1,000 words): keyword stuffing")
    # the same five repeats in an article of 1,700 words are under 4 per 1,000 words
    long_body = STUFFED + "\n" + "The installer visited twice and explained every step of the work. " * 150
    assert lint(long_body, select=["T005"]) == []
    assert [f.code for f in lint(long_body, select=["T005"], options={"T005": {"min-density": 2.0}})] == ["T005"]
    assert lint(STUFFED + PADDING, select=["T005"], options={"T005": {"min-count": 6}}) == []


def test_keyword_stuffing_needs_a_body_long_enough_for_a_density():
    # 48 words: a brief names its subject in most sentences, and five repeats are no evidence of stuffing
    assert lint(STUFFED, select=["T005"]) == []
    [found] = lint(STUFFED, select=["T005"], options={"T005": {"min-body-words": 40}})
    assert "appears 5 times in 48 words of body" in found.message


@pytest.mark.skipif(not (SHARED / "seed" / "content-farm-article.txt").is_file(), reason="../shared is absent")
def test_seed_article_shows_the_repeated_title_lines_and_the_stuffing():
    text = (SHARED / "seed" / "content-farm-article.txt").read_text(encoding="utf-8")
    found = lint(text, path="content-farm-article.txt", select=["title"])
    assert [(f.line, f.code) for f in found] == [(1, "T005"), (4, "T002"), (6, "T002"), (44, "T002"), (46, "T002")]
    assert "“Russia's Call For Peace Talks” appears 5 times" in found[0].message


# -- the titles index and the command line -------------------------------------------------------------------
def _archive(tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.md").write_text(f'---\ntitle: "{RUSSIA}"\n---\n\nText.\n', encoding="utf-8")
    (tmp_path / "archive" / "other.md").write_text("# Winter Ferry Timetable\n\nText.\n", encoding="utf-8")
    (tmp_path / "archive" / "notitle.txt").write_text("No title line here, only a sentence.\n", encoding="utf-8")
    (tmp_path / "new.md").write_text(f'---\ntitle: "{RUSSIA_SPUN}"\n---\n\nText.\n', encoding="utf-8")


def test_index_writes_paths_titles_and_tokens(tmp_path):
    _archive(tmp_path)
    done = run_cli("index", "archive", "-o", "titles.json", "--isolated", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert b"indexed 2 titles of 3 files in titles.json" in done.stderr
    data = json.loads((tmp_path / "titles.json").read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert data["templates"] == [{"path": "archive/notitle.txt", "lines": [fingerprint("No title line here, only a sentence.")]}]
    assert data["titles"] == [
        {"path": "archive/old.md", "title": RUSSIA, "tokens": list(content_tokens(RUSSIA))},
        {"path": "archive/other.md", "title": "Winter Ferry Timetable", "tokens": ["winter", "ferry", "timetable"]},
    ]


def test_check_with_titles_index_reports_only_on_the_run_naming_the_archive_path(tmp_path):
    _archive(tmp_path)
    assert run_cli("index", "archive", "new.md", "-o", "titles.json", "--isolated", cwd=tmp_path).returncode == 0
    done = run_cli("check", "new.md", "--isolated", "--no-cache", "--select", "T004",
                   "--titles-index", "titles.json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout.decode().splitlines()[0] == (
        f"new.md:2:1: T004 [warning] nearly the same title (57% of content words in common) as archive/old.md "
        f"in the titles index “{RUSSIA}”")
    # the run's file is in the index too: it is never compared with its own (possibly stale) entry
    assert "new.md in the titles index" not in done.stdout.decode()


def test_titles_index_can_come_from_config(tmp_path):
    _archive(tmp_path)
    assert run_cli("index", "archive", "-o", "titles.json", "--isolated", cwd=tmp_path).returncode == 0
    (tmp_path / ".draftlint.yaml").write_text("select: [T004]\nrules:\n  duplicate-title: {index: titles.json}\n")
    done = run_cli("check", "new.md", "--no-cache", cwd=tmp_path)
    assert done.returncode == 1 and b"archive/old.md in the titles index" in done.stdout


@pytest.mark.parametrize("content,message", [
    (None, "titles index titles.json: No such file or directory"),
    ('{"version": 1, "titles": [', "titles index titles.json is not valid JSON (line 1, column 27: Expecting value)"),
    ("[1, 2]", 'titles index titles.json is not a draftlint titles index (no "version" and "titles" list)'),
    ('{"version": 9, "titles": []}', "titles index titles.json has format version 9, this draftlint reads versions 1 and 2"),
    ('{"version": 1, "titles": [{"path": "a.md"}]}', 'titles index titles.json: entry 1 needs a "path" and a "title"'),
])
def test_bad_titles_index_is_a_usage_error(tmp_path, content, message):
    _archive(tmp_path)
    if content is not None:
        (tmp_path / "titles.json").write_text(content, encoding="utf-8")
    done = run_cli("check", "new.md", "--isolated", "--no-cache", "--titles-index", "titles.json", cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr.decode()
    assert b"Traceback" not in done.stderr


def test_index_errors(tmp_path):
    _archive(tmp_path)
    missing = run_cli("index", "nowhere", "-o", "titles.json", "--isolated", cwd=tmp_path)
    assert missing.returncode == 2 and b"nowhere" in missing.stderr and not (tmp_path / "titles.json").exists()
    unwritable = run_cli("index", "archive", "-o", "no/such/folder/titles.json", "--isolated", cwd=tmp_path)
    assert unwritable.returncode == 2
    assert b"cannot write the titles index no/such/folder/titles.json" in unwritable.stderr
    no_output = run_cli("index", "archive", "--isolated", cwd=tmp_path)
    assert no_output.returncode == 2
