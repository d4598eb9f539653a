"""The shortcuts taken for speed give exactly the results of the plain way. Each fast path is checked against the slow
computation it replaces: the array-based sentence splitter against spaCy's own sentencizer, the one-sentence
shortcut against a full pass, the opening word of R006 against the tokens, the quote rules' anchored pattern
subsets against all the patterns, the sentence count behind R003 against textstat's own, the bounded title
similarity against difflib, the title normalisation against NFKC and a regular expression, the title-keyword-
stuffing line filter against its stems, the parser's byte-to-character offsets against encoding, the YAML rules'
needles against every match of their patterns (and the one-pass search for them against a search for each, and that
the plan gives them all to it before any document is read). The one timer that limits each rule of a document is
checked against each rule's own start, and the last test checks that a linted document leaves no reference cycle
behind.
"""
from __future__ import annotations

import gc
import random
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from draftlint import config as configmod, engine, nlp, parse, registry, shortcuts
from draftlint.nlp import load, readability, sentences
from draftlint.rules.quotes import _analysis, _lexicon, _matchers
from draftlint.rules.readability import passive_heavy_paragraph, repeated_sentence_start
from draftlint.text import similarity
from draftlint.yamlrules import YamlRule, index, kinds

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# Texts written for this test: every kind of sentence end, quote marks before and after, abbreviations,
# ellipses, lowercase continuations, stacked punctuation and whitespace runs.
TEXTS = [
    "The council met on Monday. It voted to close the bridge! Why? Nobody said.",
    'Ana said hello. "We open at six," she added.',
    '"Stop!" said the guard, and the crowd stopped.',
    "Dr. Smith arrived at 9 a.m. and left early. The meeting went on.",
    "The plan (approved in May.) was dropped. Then came the vote.",
    "Wait... what happened next? (Nobody knows.) The end.",
    "It costs $5.50 per ticket. See e.g. the table below.",
    "First line ends here.\nSecond line starts here.\n\n  Indented third.",
    "“Curly quotes work,” she wrote. ‘Single ones too.’ Done.",
    "He shouted “Enough!” and left. the next morning was calm.",
    "A list item without an end mark",
    "One sentence that ends with marks.”)",
    "Ends with a question?!",
    "Version 2.1 shipped. Version 3 did not.",
    "  Leading spaces. And a tab\tinside.  ",
    "Three dots…and more. Then a stop.",
    "Cannot start like this. Gonna be fine. The end.",
    "Two spaces.  Then a wrap.\nThen an indent.\n   Then both.  \n  And \"quoted.\" Then (brackets.) After.",
    "Masked code        . Then text.",
    "Version 1.34 ships the kubernetes.io docs, e.g. the API reference (see v1.2.3) for 13.38 MB (+9.9%)",
    "Heap grew by 13.38 MB. Then it fell to 2.5 MB. see example.com. Done.",
    "A list item with a URL like https://example.com/a.b?c=d and an end mark inside!yes",
    "Mr. Smith and Dr. Jones met at 5 p.m. in the U.S. office",
    "",
    "   ",
]


def _fixture_segments() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix not in (".md", ".txt") or not path.is_file():
            continue
        doc = parse.build(str(path), parse.decode(path.read_bytes()))
        for block in doc.blocks:
            if block.kind in nlp.SENTENCE_KINDS:
                texts.extend(text for _, text in nlp.segments(block))
    return texts


@pytest.fixture(scope="module")
def segments() -> list[str]:
    nlp.configure(None)
    return TEXTS + _fixture_segments()


def _starts(doc) -> list[int]:
    return [t.i for t in doc if t.is_sent_start]


def test_sentence_splitter_matches_spacys_sentencizer_where_no_fix_applies(segments):
    import spacy

    reference = spacy.blank("en")
    reference.add_pipe("sentencizer")
    ours = nlp.pipeline()
    checked = 0
    for text in segments:
        expected, got = reference(text), ours(text)
        # the two fixes: never start a sentence with a lowercase word; an opening mark joins the word it opens
        fixed = any(t.is_sent_start and t.i > 0 and (t.is_lower and t.is_alpha or expected[t.i - 1].text in load._OPENING_MARKS)
                    for t in expected)
        if not fixed:
            assert _starts(got) == _starts(expected), text
            checked += 1
    assert checked > 100


def test_sentence_splitter_fixes():
    ours = nlp.pipeline()
    doc = ours('Ana said hello. "We open at six," she added.')
    assert [s.text for s in doc.sents] == ["Ana said hello.", '"We open at six," she added.']
    doc = ours('"Stop!" said the guard. Then he left.')
    assert [s.text for s in doc.sents] == ['"Stop!" said the guard.', "Then he left."]


def test_one_sentence_shortcut_gives_the_sentence_and_tokens_of_a_full_pass(segments):
    pipeline = nlp.pipeline()
    shortcut = 0
    for text in segments:
        if not sentences._one_sentence(text):
            continue
        shortcut += 1
        full = [s for s in pipeline(text).sents if s.text.strip()]
        if not text.strip():
            assert full == []
            continue
        assert len(full) == 1, text
        lazy = sentences._first_sentence(text)
        assert lazy.text.strip() == text.strip()
        assert [t.text for t in lazy] == [t.text for t in full[0]]
        assert lazy.start_char == full[0].start_char
    assert shortcut > 50


def test_documents_split_the_same_with_and_without_the_shortcut(monkeypatch):
    paths = [p for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".md", ".txt") and p.is_file()]

    def split(path: Path):
        doc = parse.build(str(path), parse.decode(path.read_bytes()))
        return [(s.start, s.end, s.text, [t.text for t in s.tokens]) for s in nlp.annotate([doc])[0]]

    fast = [split(p) for p in paths]
    monkeypatch.setattr(sentences, "_one_sentence", lambda text: False)
    assert [split(p) for p in paths] == fast
    monkeypatch.setattr(shortcuts, "_ENABLED", False)  # every segment through spaCy whole
    assert [split(p) for p in paths] == fast


def test_paragraphs_are_cut_only_where_a_sentence_certainly_starts():
    text = ("It rained. Then it stopped! Dr. Smith left at 9 a.m. Nobody saw the id. Was it late? Yes.  Two spaces."
            "\nA wrap (and brackets.) After e.g. this. end")
    # not after an exception ("Dr.", "a.m.", "e.g."), nor after "id." (split "i", "d."), nor before a lowercase
    # word; the second space and the line break are whitespace tokens that open the next piece
    assert list(sentences._pieces(text)) == [(0, "It rained. "), (11, "Then it stopped! "),
                                       (28, "Dr. Smith left at 9 a.m. Nobody saw the id. Was it late? "),
                                       (85, "Yes. "), (90, " Two spaces."), (102, "\nA wrap (and brackets.) "),
                                       (126, "After e.g. this. end")]


def test_end_mark_shortcut_is_the_tokenizers_answer(segments):
    rules = nlp.pipeline().tokenizer.rules
    chunks = {key + mark for key in rules for mark in ".!?"} | {key for key in rules if key[-1:] in ".!?"}
    chunks |= {chunk for text in segments for chunk in text.split() if chunk[-1] in ".!?" and len(chunk) > 1}
    chunks |= {"word.", "Word!", "NASA.", "id.", "cannot.", "ID?"}
    assert len(chunks) > 1000
    for chunk in sorted(chunks):
        assert sentences._ends_sentence(chunk) == sentences._tokenized_end(chunk), chunk


def test_passive_prefilter_keeps_every_sentence_with_a_form_of_be(segments):
    texts = [t for t in segments if t.strip()] + ["It isn't done.", "They're gone.", "At 5am it was built.",
                                                   "Soft hyphen: it i\u00ads held.", "Being seen matters.", "This list."]
    doc = parse.build("draft.md", "\n\n".join(texts) + "\n")
    kept = dropped = 0
    for sentence in nlp.annotate([doc])[0]:
        if passive_heavy_paragraph._may_be_passive(sentence):
            kept += 1
        else:
            dropped += 1
            assert passive_heavy_paragraph.BE.isdisjoint(passive_heavy_paragraph._sentence_words(sentence)), sentence.text
    assert kept > 20 and dropped > 20


def _opening_from_span(sentence):
    """R006's opening word from the sentence's spaCy tokens: the first that is not punctuation, if a word."""
    base = None
    for token in sentence.tokens:
        if token.is_space:
            continue
        base = token.idx if base is None else base
        if token.is_alpha:
            start = sentence.start + token.idx - base
            return token.lower_, start, start + len(token.text)
        if not token.is_punct:
            return None
    return None


def test_opening_word_from_chunk_tokens_is_the_spans(segments):
    # the last two texts have sentences that start inside a chunk, whose tokens come from their span
    texts = [t for t in segments if t.strip()] + ['"  (Quoted) start.', "... and  then?", "'Tis odd. 42 is a number.",
                                                   'It ended."(link) came next.', "It ended.Then more."]
    doc = parse.build("draft.md", "\n\n".join(texts) + "\n")
    checked = 0
    for sentence in nlp.annotate([doc])[0]:
        expected = _opening_from_span(sentence)
        assert repeated_sentence_start._opening_word(sentence) == expected, sentence.text
        checked += 1
    assert checked > 100


def test_sentence_words_from_chunks_are_the_spans_words(segments):
    texts = [t for t in segments if t.strip()] + ["It isn't i\u00ads done, (they're) \"gone\"... 5am!",
                                                   'It ended."(link) was next.', "It was.Then more."]
    doc = parse.build("draft.md", "\n\n".join(texts) + "\n")
    for sentence in nlp.annotate([doc])[0]:
        expected = [t.lower_.replace("\u00ad", "") for t in sentence.tokens if not (t.is_space or t.is_punct)]
        assert passive_heavy_paragraph._sentence_words(sentence) == expected, sentence.text


def test_anchored_pattern_subsets_find_what_all_the_patterns_find(monkeypatch):
    paths = [p for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".md", ".txt") and p.is_file()]

    def hits():
        docs = [parse.build(str(p), parse.decode(p.read_bytes())) for p in paths]
        nlp.annotate(docs)
        return [[(info.sentence.start, [(h.label, h.start, h.end) for h in info.hits])
                 for info in _analysis.analyse(doc).sentences] for doc in docs]

    subsets = hits()
    monkeypatch.setattr(_matchers._Matchers, "for_words", lambda self, hashes, among: self.every())
    assert hits() == subsets
    assert sum(len(found) for doc in subsets for _, found in doc) > 100


def test_a_pattern_matches_only_where_its_required_words_are_possible(segments):
    """``_matchers.possible`` keeps every pattern that matches a sentence (each one alone, on its whole token
    list): over the fixtures' paragraphs and random sentences made of the patterns' own words, tokenizer
    exceptions that make such words ("cannot", "isn't", "it's", "itll"), other words and punctuation."""
    from spacy.matcher import Matcher

    pipe = nlp.pipeline()
    words = sorted({w for _, p in _matchers.PATTERNS for words in _matchers._required(p) for w in words})
    extra = ["cannot", "isn't", "it's", "Itll", "thats", "gonna", "don't", "said,", "(said)", "SAID", "Experts",
             "a", "the", "one", "local", "worker", "told", ",", ".", "\"", "“", "-", "—", "x", "Ana"]
    rng = random.Random(11)
    texts = [t for t in segments if t.strip()]
    texts += [" ".join(rng.choice(words + extra) for _ in range(rng.randint(1, 14))) for _ in range(4000)]
    single = []
    for index, (label, pattern) in enumerate(_matchers.PATTERNS):
        matcher = Matcher(pipe.vocab)
        matcher.add(label, [pattern])
        single.append((index, matcher))
    matched = 0
    for text in texts:
        doc = pipe.make_doc(text)
        kept = _matchers.possible(text.lower())
        for index, matcher in single:
            if matcher(doc):
                matched += 1
                assert index in kept, (text, _matchers.PATTERNS[index][0])
    assert matched > 1000


def test_the_sentences_searched_for_cues_are_all_that_may_hold_one():
    """``_matchers.with_trigger_words`` (one search per block) keeps every sentence for which ``possible``
    finds a pattern: over the fixtures and random paragraphs with soft hyphens, dotted capitals and curly
    apostrophes."""
    rng = random.Random(5)
    vocab = ["said", "SAID", "sa\u00adid", "İstanbul", "experts", "Experts", "say", "told", "one", "worker",
             "according", "to", "it’s", "cannot", "the", "x", ".", "!", "\"", "—", "Ana", "Reports", "reportedly"]
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))]
    texts += ["\n\n".join(" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 12))) + "."
                          for _ in range(rng.randint(1, 6))) for _ in range(300)]
    kept_some = 0
    for text in texts:
        doc = parse.build("draft.md", text)
        nlp.annotate([doc])
        sentences = list(doc.sentences)
        kept = set(_matchers.with_trigger_words(sentences))
        for i, sentence in enumerate(sentences):
            words = _lexicon.plain(sentence.text) if _lexicon.INVISIBLE.search(sentence.text) else sentence.text
            if _matchers.possible(words.lower()):
                assert i in kept, sentence.text
                kept_some += 1
    assert kept_some > 200


def test_no_trigger_word_comes_from_a_tokenizer_exception():
    """With the blank pipeline every quote pattern has an anchor and no anchor word is made by a tokenizer
    exception ("that's" makes "that"): otherwise ``with_trigger_words`` keeps every sentence of every block
    and the trigger shortcut silently does nothing (an anchor of "that" once made Q002 take 14 s per MB)."""
    if nlp.model() is not None:
        pytest.skip("a trained pipeline has exceptions of its own")
    assert not _matchers.UNANCHORED
    assert load.special_cases_with(_matchers.TRIGGERS) == ()


def test_the_reader_prompt_pre_check_keeps_every_prompt(monkeypatch):
    """``reader_prompt.prompt_in`` gives up early when no phrase is anywhere in the text: the same answers as
    sentence by sentence, over the fixtures' lines and random texts of phrases, sentence ends and quotes."""
    from draftlint.rules.boilerplate import reader_prompt

    phrases = sorted(reader_prompt._lexicon().phrases)
    pieces = phrases + ["you", "your", "our", "us", "please", "below", ".", "!", "?", ".\"", "?)", "’", "said",
                        "the", "ferry", "Subscribe", "x"]
    rng = random.Random(3)
    texts = [line for p in sorted(FIXTURES.rglob("*.md")) for line in p.read_text(encoding="utf-8").splitlines()]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(1000)]  # no spaces
    fast = [reader_prompt.prompt_in(t) for t in texts]
    monkeypatch.setattr(shortcuts, "_ENABLED", False)
    assert [reader_prompt.prompt_in(t) for t in texts] == fast
    assert sum(1 for f in fast if f) > 300


def test_sentence_count_is_textstats_own(monkeypatch):
    import textstat

    rng = random.Random(7)
    alphabet = list("abcdefghij ABC 0123 _ ' ’ . ! ? , ; : - — \" ( ) é ß 北 \n\t") + ["n't", "'s", "'ll", "...", "e.g."]
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))] + TEXTS
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(3000)]
    fast = [readability.sentence_count(text) for text in texts]
    monkeypatch.setattr(shortcuts, "_ENABLED", False)
    assert [readability.sentence_count(text) for text in texts] == fast
    for text, count in zip(texts, fast):
        assert count == textstat.sentence_count(text), text


def test_normalize_is_nfkc_casefolded_with_whitespace_runs_collapsed():
    import re
    import unicodedata

    from draftlint import text as textmod

    def reference(text: str) -> str:
        text = unicodedata.normalize("NFKC", text).translate(textmod._QUOTES).casefold()
        return re.sub(r"\s+", " ", text).strip(textmod._EDGE_PUNCT)

    rng = random.Random(3)
    alphabet = " \t\n\u00a0\u2003\x1c-.,;:!?\"'()[]*_#|aZé“”’–—ﬁ⑴\u00adß"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert textmod.normalize.__wrapped__(text) == reference(text), repr(text)


def test_bounded_similarity_is_difflibs_ratio_or_zero():
    rng = random.Random(5)
    alphabet = "abcde fgh"
    for _ in range(2000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        bound = rng.choice([0.0, 0.5, 0.8, 0.9])
        ratio = 1.0 if a == b else SequenceMatcher(None, a, b, autojunk=False).ratio()
        assert similarity(a, b, bound) == (ratio if ratio >= bound else 0.0)


def test_parser_byte_offsets_map_to_character_offsets():
    from draftlint.parse.markdown import _Offsets

    rng = random.Random(11)
    alphabet = "ab \n“”é€😀日x"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        offsets = _Offsets(text)
        for i in range(len(text) + 1):
            assert offsets(len(text[:i].encode("utf-8"))) == i, (text, i)


def test_a_title_words_stem_without_its_last_letter_is_in_the_folded_word():
    # title-keyword-stuffing skips a line that holds no such string of a title word that can open a phrase
    from draftlint.rules.titles.title_keyword_stuffing import _WORD, _content

    words = ["studies", "Classes", "running", "Russia’s", "O’Brien's", "'quoted'", "MASSES", "focus", "agreed",
             "STRASSE", "Straße", "ΣΟΦΊΑ", "ﬁnance", "I", "x’s"]
    for path in sorted(FIXTURES.rglob("*.md")):
        words += _WORD.findall(path.read_text(encoding="utf-8", errors="replace"))
    checked = 0
    for word in words:
        token = _content(word)
        if token:
            assert token[:-1] in word.casefold().replace("’", "'"), (word, token)
            checked += 1
    assert checked > 1000


def _yaml_rules() -> list[YamlRule]:
    return [r for r in registry.load().rules.values() if isinstance(r, YamlRule)]


def test_every_match_of_a_yaml_rule_holds_one_of_its_needles():
    """Every match holds a needle as the haystack holds text: folded, each whitespace run one space (a match
    across a hard-wrapped line break holds "appeared first\non", which the needle "appeared first on" finds)."""
    import textwrap

    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.rglob("*")) if path.suffix in (".md", ".txt")]
    texts += ["\n".join(textwrap.wrap(text, 30)) for text in texts]
    rules = [r for r in _yaml_rules() if r.needles]
    assert len(rules) > 20
    matched = 0
    for rule in rules:
        assert rule.matcher is not None
        for text in texts + list(rule.examples.fail) + list(rule.examples.passing):
            pieces = [" ".join(line.split()) for line in text.split("\n")] if rule.kind == "line" else [text]
            for piece in pieces:
                found = [piece] if rule.kind == "line" and rule.matcher.fullmatch(piece) else (
                    [m.group() for m in rule.matcher.finditer(piece)] if rule.kind != "line" else [])
                for match in found:
                    matched += 1
                    assert any(n in index.searchable(match) for n in rule.needles), (rule.code, match)
    assert matched > 50


def test_a_phrase_gives_its_longest_word_as_a_needle():
    assert kinds.phrase_needles(["as an AI language model", "Regenerate response"]) == ("language", "regenerate")
    assert kinds.phrase_needles(["ΣΟΦΊΑ"]) is None  # a cased letter beyond ASCII: no needle, every block searched
    assert kinds.phrase_needles(["© reserved"]) == ("reserved",)
    # an apostrophe in a phrase matches a straight or a curly one: "don't" is no needle for "Don’t miss"
    assert kinds.phrase_needles(["don't miss", "we’re hiring"]) == ("hiring", "miss")
    rule = YamlRule({"code": "X900", "name": "dont-miss", "kind": "phrases", "phrases": ["don't stop"],
                     "message": "m", "family": "boilerplate"}, Path("dont-miss.yaml"), "test")
    assert [m.group() for m in rule.matcher.finditer("Don’t stop. don't  stop")] == ["Don’t stop", "don't  stop"]
    assert all(any(n in index.folded(m.group()) for n in rule.needles) for m in rule.matcher.finditer("Don’t stop"))


def test_one_pass_for_the_long_needles_finds_what_a_search_for_each_finds(monkeypatch):
    rng = random.Random(7)
    words = ["read", "more", "also read", "also", "ab", "-", "cookie", "ago", "x", "ﬁle", "©"]
    for _ in range(300):
        monkeypatch.setattr(index, "AUTOMATON", index.Automaton())  # no string known yet
        texts = ["".join(rng.choice(words + ["zz", "Read", "MORE"]) + rng.choice([" ", " ", "\n", "  \n "])
                         for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(1, 8))]
        haystack = index.Haystack(tuple(range(len(texts))), texts)
        for _ in range(3):  # strings added after the first search make the haystack search again
            needles = tuple(sorted(set(rng.sample(words, rng.randint(1, 4)))))
            index.AUTOMATON.add(needles)
            expected = [i for i in range(len(texts)) if any(n in index.searchable(texts[i]) for n in needles)]
            assert index.containing(haystack, needles) == expected, (texts, needles)


def test_the_plan_gives_every_pack_needle_to_the_automaton_before_any_document(monkeypatch):
    """Built once per process: linting a document adds no needle, so the automaton is never built again."""
    monkeypatch.setattr(index, "AUTOMATON", index.Automaton())
    monkeypatch.setattr(kinds, "AUTOMATON", index.AUTOMATON)
    config = configmod.load(None, isolated=True)
    rules = registry.load()
    for rule in rules.rules.values():
        if isinstance(rule, YamlRule):
            monkeypatch.setattr(rule, "_added", False)
    plan = engine.make_plan(rules, config)
    packs = [rule for rule in plan.document_rules if isinstance(rule, YamlRule) and rule.needles]
    assert packs
    assert {n for rule in packs for n in rule.needles if len(n) >= index.SHORT} == index.AUTOMATON.needles
    version = index.AUTOMATON.version
    doc = engine.read_document("a.md", b"# Harbour\n\nRead more about the quay. 4 min read\n")[0]
    nlp.annotate([doc])
    for rule in plan.document_rules:
        list(rule.check(doc, plan.options[rule.code]))
    assert index.AUTOMATON.version == version


def test_one_timer_per_document_times_each_rule_from_its_own_start():
    """The timer's handler, called at chosen times of a chosen clock (no waiting, no wall clock)."""
    import signal

    now = [0]
    timers: list[float] = []
    with engine.rule_alarm(5, clock=lambda: now[0], set_timer=timers.append) as arm:
        expire = signal.getsignal(signal.SIGALRM)

        def at(moment: int) -> None:
            now[0] = moment
            expire(signal.SIGALRM, None)

        assert timers == [5]  # set as the document's rules start
        now[0] = 4
        arm(True)  # a rule starts after 4 s of the engine's own work
        at(5)  # the timer goes off 1 s into the rule: set again for the 4 s it has left
        assert timers[-1] == 4
        now[0] = 7
        arm(False)
        at(9)  # between rules: set again for a whole limit, nothing interrupted
        assert timers[-1] == 5
        now[0] = 13
        arm(True)
        at(14)
        assert timers[-1] == 4
        with pytest.raises(engine.RuleTimeout):
            at(18)  # 5 s after the rule's own start
        arm(False)
    assert timers[-1] == 0  # switched off at the end


def test_a_linted_document_leaves_no_reference_cycle():
    plan = engine.make_plan(registry.load(), configmod.load(None, isolated=True))
    items = [(str(p), p.read_bytes()) for p in sorted((FIXTURES / "samples").iterdir())]
    engine.lint_batch(items, plan)  # load everything once
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        results = engine.lint_batch(items, plan)
        assert any(r.findings for r in results)
        del results
        gc.collect()
        left = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert left == []


def test_the_prefix_filtered_title_join_finds_the_pairs_of_scoring_every_pair(monkeypatch):
    from draftlint import titlematch

    rng = random.Random(13)
    vocabulary = ["harbour", "bridge", "lane", "budget", "council", "2024", "2025", "night", "train", "alpine"]
    for _ in range(200):
        titles = [[rng.choice(vocabulary) for _ in range(rng.randint(0, 7))] for _ in range(rng.randint(1, 12))]
        probes = None if rng.random() < 0.5 else sorted(rng.sample(range(len(titles)), rng.randint(0, len(titles))))
        threshold, shared = rng.choice([0.5, 0.7, 0.9]), rng.choice([1, 2, 3])
        fast = list(titlematch.find_pairs(titles, threshold, shared, probes))
        with monkeypatch.context() as patch:
            patch.setattr(shortcuts, "_ENABLED", False)
            plain = list(titlematch.find_pairs(titles, threshold, shared, probes))
        assert fast == plain, (titles, probes, threshold, shared)


def test_every_placeholder_expert_holds_the_hint_that_lets_a_block_be_searched():
    from draftlint.rules.quotes import unverifiable_expert as q004

    rng = random.Random(11)
    pieces = ["Dr", "Prof", "Professor", "Doctor", "Mr", "Mrs", "Ms", "Mx", ".", " ", "[", "]", "{", "}", "{{",
              "}}", "Expert", "name", "NAME", "of", "the", "an", "source's", "author’s", "x", "\n", "insert"]
    found = 0
    for _ in range(10000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 12)))
        if q004._PLACEHOLDER.search(text):
            found += 1
            assert q004.may_hold_placeholder(text), text
    assert found > 100


def test_every_furniture_shape_match_holds_its_hint():
    from draftlint.rules.boilerplate import _furniture

    rng = random.Random(5)
    pieces = ["3", "12", "2024", ":", ".", "-", "/", " ", "pm", "a.m.", "ago", "a few", "min", "read", "of", "pages",
              "page", "votes", "+", "x", "shares", "jan", "monday", "by", "jo", "example", ".com", "at", "|", "utc"]
    texts = [line.casefold() for path in sorted(FIXTURES.rglob("*.md")) for line in path.read_text(encoding="utf-8").split("\n")]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(20000)]
    found = 0
    for text in texts:
        for _, shape, hint in _furniture.SHAPES:
            if shape.search(text):
                found += 1
                assert hint.search(text), (shape.pattern, text)
        for pattern, hint in ((_furniture._BYLINE, "by"), (_furniture._DOMAIN, ".")):
            assert not pattern.search(text) or hint in text, text
    assert found > 200


def test_a_newsroom_label_is_looked_for_only_where_it_can_stand(monkeypatch):
    """``text.undecorated`` searches only a text whose first 30 characters hold a colon, whose first 12 a digit, or
    whose end is a bracket; it strips what the plain search strips, however the labels, dates, spaces and
    brackets fall."""
    from draftlint import text

    rng = random.Random(17)
    pieces = ["UPDATED", "watch", "live", "video", "photos", "breaking", "news", "just", "in", ":", "(", ")", "[",
              "]", " ", "   ", "\t", "x", "Ferry", "date", "Published", "posted", "2016-12-27", "12", "2016"]
    stripped = 0
    for _ in range(20000):
        line = "".join(rng.choice(pieces) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(1, 10)))
        fast = text.undecorated(line)
        with monkeypatch.context() as patch:
            patch.setattr(shortcuts, "_ENABLED", False)
            plain = text.undecorated(line)
        assert fast == plain, line
        stripped += fast != line
    assert stripped > 100
