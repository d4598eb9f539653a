"""The quote rules (Q001-Q004): exact findings on small drafts, options, quote detection, the spaCy paths."""
from __future__ import annotations

import pytest

from conftest import SHARED, run_cli
from draftlint import engine, nlp, registry
from draftlint.config import Config
from helpers import doc, lint


def found(text: str, codes: str = "Q", path: str = "draft.md", options: dict | None = None):
    return [(f.code, f.line, f.column) for f in lint(text, path, select=[codes], options=options)]


def messages(text: str, codes: str = "Q", path: str = "draft.md", options: dict | None = None):
    return [f.message for f in lint(text, path, select=[codes], options=options)]


# -- Q001 unattributed-quote ---------------------------------------------------------------------------------
def test_names_in_any_script_are_names():
    """A surname learnt from a full name with an accented capital attributes a later quotation: "Élodie Durand",
    then "Durand" alone, as "Marie Durand" would. A citation or outlet with an accented name counts too."""
    for first in ("Élodie", "Marie", "Łucja"):
        text = (f"{first} Durand has sold fish on the quay since 1999.\n\n"
                "Durand is blunt about the market and what has happened to it.\n\n"
                "\"Nobody comes after four o'clock any more, and the council knows it.\"\n")
        assert found(text, "Q001") == [], first
    cited = "\"The harbour silted up within a decade,\" as the survey put it (Ødegaard, 2019).\n"
    assert found(cited, "Q001") == []


def test_floating_quote_is_flagged_and_attributed_ones_are_not():
    text = ("# Market\n\nThe market opens on Friday.\n\n"
            "\"Every stall has been booked since the first week of June.\"\n\n"
            "\"We expect more visitors than ever before this year,\" said Ana Ruiz, who runs the market.\n")
    assert found(text, "Q001") == [("Q001", 5, 1)]
    assert messages(text, "Q001") == ["quotation “Every stall has been booked since …” has no speaker or source"]


def test_attribution_in_the_sentence_before_or_after_and_pronouns():
    text = ("Ruiz spoke to the crowd at noon and said the council had finally listened.\n\n"
            "“It took three years of meetings to get a permit for one evening a week.”\n\n"
            "“We will open at six and close at eleven, rain or shine,” she said.\n\n"
            "“The first night sold out in an hour. Nobody expected that,” Ruiz added.\n")
    assert found(text, "Q001") == []


def test_colon_speaker_signature_and_table_row():
    text = ("- Priya Nair, chief economist at Harbour Bank: “We are moving to a period of higher interest rates.”\n\n"
            "\"Be the change that you wish to see in the world.\" — Mahatma Gandhi\n\n"
            "| Speaker | Quote |\n|---|---|\n| Ana Ruiz | \"We need the crossing before someone gets hurt.\" |\n")
    assert found(text, "Q001") == []


def test_british_single_quotes_are_quotations_and_hide_their_words():
    text = ("‘Experts say it is perfectly safe for children to swim there,’ the council leader, Ann Cole, said.\n\n"
            "The beach reopened on Monday. ‘We have waited all summer for this and the water looks lovely.’\n\n"
            "Fans of the band’s ‘90s albums queued outside, and the players’ union sent ‘best wishes’.\n")
    assert [q.text for q in doc(text).quotes] == [
        "Experts say it is perfectly safe for children to swim there,",
        "We have waited all summer for this and the water looks lovely.", "best wishes"]
    assert found(text) == [("Q001", 3, 31)]


def test_colon_speaker_in_bold_markup():
    assert found("**Ruiz:** \"We will keep pushing until the county listens to the people here.\"\n", "Q001") == []


def test_continuation_paragraphs_of_a_long_quote_are_attributed():
    text = ("Osei said: “The money is already in the budget, and nobody will pay more.\n\n"
            "“We will review the timetable again in the autumn, once we know the numbers.\n\n"
            "“Until then the Sunday sailings stay, whatever the weather does to the crossing.”\n\n"
            "“This one is a new quotation that nobody is named as saying at all.”\n")
    assert found(text, "Q001") == [("Q001", 7, 1)]


def test_reopened_quote_in_scraped_text_stays_attributed():
    text = ("She added, “We have asked every school to check its fire doors before the end of term. "
            "“An inspection is coming, and nobody wants to fail it in front of the parents.”\n")
    d = doc(text)
    assert [(q.closed, q.words) for q in d.quotes] == [(False, 15), (True, 15)]
    assert found(text, "Q001") == []


def test_a_hard_wrapped_paragraph_is_one_paragraph():
    """Patterns match across a line break, and a name or cue on the next line of the paragraph attributes."""
    one_line = ('"That crossing is the only way my kids get to school in winter," said one parent at the meeting.\n\n'
                'The council heard from the harbour master first. "The tide tables were wrong for three weeks in a '
                'row and nobody told us," she said.\n')
    wrapped = ('"That crossing is the only way my kids get to school in winter," said one\nparent at the meeting.\n\n'
               'The council heard from the harbour master first. "The tide tables were\nwrong for three weeks in a '
               'row and nobody told us," she said.\n')
    assert found(one_line) == [("Q003", 1, 66)]
    assert found(wrapped) == [("Q003", 1, 66)]


def test_speaker_named_after_the_quote_without_a_verb_or_in_a_pull_quote():
    text = ('"The dredging will take two summers and the ferries keep running," Ana Ruiz, director of the port.\n\n'
            '“The sea wall held and that is the only news that matters”\n\n'
            'Jo Brennan was plain about it: “The sea wall held and that is the only news that matters.”\n')
    assert found(text, "Q001") == []
    assert found(text.replace("Ana Ruiz, director", "the director"), "Q001") == [("Q001", 1, 1)]


def test_terms_titles_fragments_and_short_quotes_are_not_quotations():
    text = ("The plan is a \"so-called soft launch\" of the service.\n\n"
            "In her book, “The Sea Road Home: A History of the Island Ports,” she describes the storms.\n\n"
            "The operator calls it a \"two plus one rotation for the smaller vessels\" in its plans.\n\n"
            "\"Short and sharp.\"\n")
    assert found(text, "Q001") == []


def test_blockquote_needs_an_introduction_or_a_signature():
    text = ("# Notes\n\n> Travel is only worth it when you arrive as a different person.\n\n"
            "As the review put it:\n\n> The crossing is the island's lifeline, and every sailing counts.\n\n"
            "> We will not let the channel silt up again on our watch.\n>\n> — Morag Campbell\n\n"
            "> Note: this page is updated every Monday with the new timetable.\n")
    assert found(text, "Q001") == [("Q001", 3, 3)]


def test_min_words_and_strict_options():
    text = "Nothing here is named at all.\n\n\"Every stall is booked.\"\n\n\"We will open at six,\" said Ana Ruiz.\n"
    assert found(text, "Q001") == []
    assert found(text, "Q001", options={"Q001": {"min-words": 3}}) == [("Q001", 3, 1)]
    strict = found(text, "Q001", options={"Q001": {"min-words": 3, "strict": True}})
    assert strict == [("Q001", 3, 1), ("Q001", 5, 1)]
    assert messages(text, "Q001", options={"Q001": {"min-words": 3, "strict": True}})[1] == (
        "quotation “We will open at six, …” has no link, footnote or citation in its paragraph")
    linked = "\"We will open at six and close at eleven,\" said [Ana Ruiz](https://example.org/ruiz).\n"
    assert found(linked, "Q001", options={"Q001": {"strict": True}}) == []
    cited = "\"We will open at six and close at eleven,\" wrote Ruiz (Ruiz, 2021).\n"
    assert found(cited, "Q001", options={"Q001": {"strict": True}}) == []


def test_soft_hyphens_do_not_hide_speech_verbs():
    text = "Night trains are back.\n\nThe man­ag­er not­ed: “Every couchette on the Vienna train was sold by March.”\n"
    assert found(text, "Q001") == []


# -- Q002 vague-attribution ----------------------------------------------------------------------------------
def test_vague_crowds_studies_and_impersonal_passives():
    text = ("Experts say three cups a day is the limit. Many nutritionists believe timing matters more.\n\n"
            "Studies show that coffee drinkers live longer, and research has shown the same for decaf.\n\n"
            "According to insiders, prices will rise. It is widely believed that coffee dehydrates you.\n")
    assert found(text, "Q002") == [("Q002", 1, 1), ("Q002", 1, 44), ("Q002", 3, 1), ("Q002", 3, 52),
                                    ("Q002", 5, 1), ("Q002", 5, 42)]
    assert messages(text, "Q002")[1] == "vague attribution “Many nutritionists believe”: no one is named"


def test_a_quantified_profession_needs_no_other_trigger_word():
    """The vague-crowd pattern anchors on its quantifier: a sentence whose only cue is "Most dentists agree"
    is matched (the trigger shortcut used to skip it)."""
    text = "Most dentists agree that flossing once a day is enough.\n\nSome dentists warn that strips harm enamel.\n"
    assert found(text, "Q002") == [("Q002", 1, 1), ("Q002", 3, 1)]


def test_plurals_of_professions_are_english_plurals():
    """The quantified-profession pattern matches the lexicon's professions in the plural: "midwives", not
    "midwifes"."""
    from draftlint.rules.quotes._lexicon import plural

    assert [plural(n) for n in ("analyst", "attorney", "fisherman", "midwife", "coach", "nanny")] == [
        "analysts", "attorneys", "fishermen", "midwives", "coaches", "nannies"]
    text = "Some midwives warn that the ward is too small.\n"
    assert found(text, "Q002") == [("Q002", 1, 1)]


def test_every_quote_pattern_has_a_trigger_word_or_is_marked(monkeypatch):
    from draftlint.rules.quotes import _matchers, _patterns

    assert {"most", "agree"} & _matchers.TRIGGERS
    unanchored = [{"LOWER": {"REGEX": "^x"}}, {"IS_ALPHA": True}]
    monkeypatch.setattr(_patterns, "grouped", lambda: {"NEW": [unanchored]})
    with pytest.raises(RuntimeError, match="NEW .* has no trigger word"):
        _matchers.check_anchors()
    monkeypatch.setattr(_matchers, "NEEDS_NO_TRIGGER", frozenset({"NEW"}))
    assert _matchers.check_anchors() == (frozenset(), 2)


def test_named_counted_or_sourced_groups_are_not_vague():
    text = ("The experts agreed the rise would reach shops by summer. Goldman Sachs analysts expect a fall.\n\n"
            "In the survey, 97 percent of economists say inflation will ease.\n\n"
            "Researchers at the University of Reading found that drought cut the harvest.\n\n"
            "Researchers found a fifth of the crop was lost, according to a study published in Nature Food.\n\n"
            "Studies show demand rising fastest in Asia ([report](https://example.org/ico)).\n\n"
            "Park said customers told her that \"experts say we should drink less, but nobody does.\"\n")
    assert found(text, "Q002") == []


def test_officials_are_borderline_in_reported_news():
    only_officials = "The road stays closed until Friday, officials said.\n"
    assert found(only_officials, "Q002") == [("Q002", 1, 37)]
    with_named = only_officials + "\n\"We will reopen one lane on Thursday,\" said Tom Reyes, the county engineer.\n"
    assert found(with_named, "Q002") == []
    assert found(with_named, "Q002", options={"Q002": {"ignore-officials-when-named": False}}) == [("Q002", 1, 37)]


# -- Q003 anonymous-source -----------------------------------------------------------------------------------
def test_anonymous_people_are_flagged():
    text = ("\"It is going to be in June, on the coast,\" said a source close to the couple.\n\n"
            "According to the insider, a second venue is booked.\n\n"
            "“That just does not seem right to me at all,” said one person at the hearing.\n\n"
            "“Why is nobody asking about it?” asked one user on Threads.\n\n"
            "The anonymous employee claimed the rota changed. “They kept it very quiet,” the employee added.\n")
    assert found(text, "Q003") == [("Q003", 1, 44), ("Q003", 3, 1), ("Q003", 5, 47), ("Q003", 7, 34),
                                    ("Q003", 9, 1)]
    assert messages(text, "Q003")[0] == (
        "anonymous source “said a source close to the couple”: the reader cannot tell who said it")


def test_posters_and_unnamed_staff_without_a_quotation():
    text = ("An Instagram user commented that the couple looked unhappy at the premiere.\n\n"
            "One fan wrote on Instagram that the wedding had been called off.\n\n"
            "A Starbucks employee said the singer ordered three coffees.\n\n"
            "Another user claims the old username, and one user writes a manifest for each release.\n")
    assert found(text, "Q003") == [("Q003", 1, 1), ("Q003", 3, 1), ("Q003", 5, 1)]


def test_anaphora_to_an_anonymous_person_in_a_later_paragraph():
    text = ("An unnamed employee said the plans had changed.\n\n"
            "“Nobody told the drivers about any of it,” the employee said.\n")
    assert found(text, "Q003") == [("Q003", 1, 1), ("Q003", 3, 44)]


def test_named_people_and_reported_clauses_are_not_anonymous():
    text = ("\"It has taken me forty minutes every morning,\" said one resident, Maria Lopez.\n\n"
            "The shopkeeper said a woman walked in to complain before the hearing.\n\n"
            "\"This is a disgrace,\" the man shouted on the video.\n\n"
            "\"Route 12 is now delayed by roadworks,\" said a dispatcher on the council's travel feed.\n\n"
            "A user can change the route in the app, and one user wrote a long guide to it.\n")
    assert found(text, "Q003") == []


# -- Q004 unverifiable-expert --------------------------------------------------------------------------------
def test_credential_appeals_without_a_source():
    text = ("\"Cold water trains the nervous system,\" says Dr. Mira Hale, a leading expert on performance.\n\n"
            "\"Two minutes is enough,\" said wellness expert Jonas Berg.\n\n"
            "Dr. [Doctor's name] recommends starting with thirty seconds.\n")
    assert found(text, "Q004") == [("Q004", 1, 46), ("Q004", 3, 31), ("Q004", 5, 1)]
    assert messages(text, "Q004")[0] == (
        "“Dr. Mira Hale, a leading expert” is quoted on credentials alone: no link, citation or named outlet")


def test_experts_with_an_outlet_link_or_plain_role_pass():
    text = ("\"Cold water trains the nervous system,\" Dr. Mira Hale, a leading expert, told the BBC.\n\n"
            "\"Two minutes is enough,\" said Jonas Berg, a [sports scientist](https://example.org/berg).\n\n"
            "\"The evidence is thin,\" said Dr. Paul Ames, director of the nutrition unit at St Mary's.\n\n"
            "\"Cold water is not a treatment,\" said an NHS expert at the Bristol clinic.\n\n"
            "The hospital's expert testimony said the same.\n")
    assert found(text, "Q004") == []


# -- documents, seed and spaCy paths -------------------------------------------------------------------------
def test_sentences_carry_their_spacy_tokens():
    d = doc("Ana said hello. \"We open at six,\" she added.\n")
    nlp.configure(None)
    nlp.annotate([d])
    first = d.sentences[0]
    # the next quotation's opening mark starts the next sentence (spaCy's sentencizer alone would hang it on this one)
    assert [t.text for t in first.tokens] == ["Ana", "said", "hello", "."]
    assert d.text[first.start:first.end] == 'Ana said hello.'
    assert d.text[d.sentences[1].start:d.sentences[1].end] == '"We open at six," she added.'


def test_a_trained_pipeline_from_config_is_used_for_speakers(tmp_path):
    """A pipeline that tags parts of speech finds a speaker whose name is not capitalised."""
    import spacy

    pipeline = spacy.blank("en")
    ruler = pipeline.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["danah", "boyd"]}}]], {"POS": "PROPN"})
    pipeline.add_pipe("sentencizer")
    pipeline.to_disk(tmp_path / "tagger")
    text = "danah boyd: \"Teenagers have always found ways to talk outside the view of adults.\"\n"
    reg = registry.load()

    def run(model):
        plan = engine.make_plan(reg, Config(select=["Q001"], nlp_model=model))
        [result] = engine.lint_batch([("draft.md", text.encode())], plan)
        assert not result.crashes, result.crashes
        return [(f.code, f.line, f.column) for f in result.findings]

    try:
        assert run(None) == [("Q001", 1, 13)]
        assert run(str(tmp_path / "tagger")) == []
        assert "attribute_ruler" in nlp.pipeline().pipe_names
    finally:
        nlp.configure(None)


def test_a_missing_pipeline_is_a_clear_error(tmp_path):
    (tmp_path / ".draftlint.yaml").write_text(f"nlp-model: {tmp_path / 'no-such-pipeline'}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("\"We will open at six and close at eleven,\" said Ana Ruiz.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Plain text.\n", encoding="utf-8")
    result = run_cli("check", "a.md", "b.md", "--select", "Q001", "-j", "2", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count(b"no-such-pipeline\" is neither an installed spaCy pipeline package nor a folder") == 1
    assert result.stdout == b""  # checked before any file is read: no half-run summary
    assert b"Traceback" not in result.stderr


SEED = SHARED / "seed" / "content-farm-article.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not available")
def test_seed_content_farm_article():
    text = SEED.read_text(encoding="utf-8")
    assert found(text, "Q", path="content-farm-article.txt") == [("Q002", 20, 68), ("Q004", 22, 56)]


@pytest.mark.parametrize("code", ["Q001", "Q002", "Q003", "Q004"])
def test_doc_examples_behave_as_documented(code):
    """The "## Example" of each quote rule: the first draft is flagged, the one after "Instead:" is not."""
    rule = registry.load().rules[code]
    section = rule.doc_text().split("## Example", 1)[1].split("\n## ", 1)[0]
    flagged, instead = section.split("Instead:", 1)

    def draft(block: str) -> str:
        paragraphs = [" ".join(p.split()) for p in block.strip("\n").split("\n\n") if p.strip()]
        return "\n\n".join(paragraphs) + "\n"

    assert code in [f.code for f in lint(draft(flagged), select=[code])], draft(flagged)
    assert lint(draft(instead), select=[code]) == [], draft(instead)
