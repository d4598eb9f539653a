"""page-furniture (B020): its vocabulary is documented class by class, and its evidence is case-blind."""
from __future__ import annotations

import pytest

from draftlint import registry
from draftlint.rules.boilerplate import reader_prompt
from draftlint.rules.boilerplate._furniture import evidence, lexicon
from helpers import lint

DOCS = registry.load().rules["B020"].doc_text()


@pytest.mark.parametrize("kind", sorted(lexicon().kinds))
def test_every_vocabulary_class_is_named_in_the_docs(kind):
    assert f"**{kind}**" in DOCS, f"furniture.yaml class {kind!r} is not named in B020's docs"


@pytest.mark.parametrize("text", ["Save FB Tweet More", "FacebookTwitterLinkedIn", "By Jo Bloggs, May 6, 2021 3:51 pm",
                                  "Comments Reuse content", "4.5 from 212 votes", "Tagged In: Veg recipes"])
def test_evidence_is_case_blind(text):
    assert evidence(text.upper()) == evidence(text.lower()) == evidence(text)


def test_a_fused_token_needs_two_chrome_words():
    assert evidence("shareholders").coverage < 0.5
    assert evidence("facebooktwitteremail").coverage == 1.0


def test_a_sentence_is_not_furniture():
    assert lint("The council will share the costs with the port, the mayor said on Monday.\n", select=["B020"]) == []


@pytest.mark.parametrize("kind", sorted(reader_prompt._lexicon().labels))
def test_every_prompt_class_is_named_in_the_docs(kind):
    assert f"**{kind}**" in registry.load().rules["B021"].doc_text(), f"prompts.yaml class {kind!r} is not in B021's docs"


def test_a_prompt_needs_the_reader_and_the_site():
    assert reader_prompt.prompt_in("Sign up for our newsletter.") == ("subscribe", "sign up")
    assert reader_prompt.prompt_in("Residents can sign up at the library.") is None
    assert reader_prompt.prompt_in('"Sign up for our newsletter," she said.') is None
