"""The attribution cues as spaCy ``Matcher`` patterns, by label (``grouped``). How they are matched, and the
trigger words that let a sentence skip them, are ``_matchers``'s."""
from __future__ import annotations

from draftlint.rules.quotes._lexicon import (ADVERBS_EXTRA, ANON_INHERENT, ANON_MARKERS, AUXILIARIES, CLAIM_VERBS, CROWDS,
                                            DOC_NOUNS, GENERIC_PEOPLE, INDEFINITE, INSTITUTIONS, ONE_OF, OWNERS,
                                            PEOPLE_VERBS, PERSON_NOUNS, POSSESSIVES, PROFESSIONS, QUOTATIVE, SAYING,
                                            SPEECH_VERBS, STUDIES, plural)


def _in(words) -> dict:
    return {"LOWER": {"IN": sorted(words)}}


# the plural of a profession: any noun in -ists or -ians, or one of the lexicon's professions
_CROWD_NOUN = r"(?:ists|ians)$|^(?:" + "|".join(sorted(plural(p) for p in PROFESSIONS)) + r")$"
_GENERIC_CLAIMS = frozenset({"say", "agree", "believe", "think", "recommend", "advise", "warn", "caution",
                             "suggest", "add", "argue", "insist", "urge", "stress", "claim", "maintain",
                             "emphasize", "emphasise", "explain", "reveal"})
_CLAIMING = frozenset({"saying", "claiming", "warning", "predicting", "suggesting", "arguing", "insisting",
                       "speculating", "cautioning", "indicating", "praising", "hailing", "forecasting"})
_EXPERTS_ONLY = frozenset({"cautioning", "indicating", "praising", "hailing"})  # not "many are hailing …"
# "it is believed that …", "it is learnt that …" (newsroom English for "we were told")
_IMPERSONAL = frozenset({"believed", "thought", "said", "claimed", "rumoured", "rumored", "argued", "reported", "known",
                         "accepted", "held", "learnt", "learned", "speculated", "theorized", "theorised"})
_INVERTED = SAYING | {"warned", "argued", "insisted", "predicted", "suggested", "noted", "agree", "agreed", "added"}
_VAGUE_QUANTIFIERS = frozenset({"many", "some", "most", "numerous", "several", "countless", "top", "leading"})


_ADV = {"LOWER": {"REGEX": r"^(?:[a-z]+ly|" + "|".join(sorted(ADVERBS_EXTRA)) + r")$"}}
_ADV_AUX = {"LOWER": {"REGEX": r"^(?:[a-z]+ly|" + "|".join(sorted(ADVERBS_EXTRA | AUXILIARIES)) + r")$"}}
_DETERMINERS = ["a", "an", "the", "one", "another", "this", "that", "these", "those", "some", "any"]
_MOD = {"IS_LOWER": True, "IS_ALPHA": True, "LOWER": {"NOT_IN": _DETERMINERS}}
_ED_TAG = [{"LOWER": {"REGEX": r"^[a-z]{3,}ed$"}}, _in({"a", "an", "the"}), _in(ANON_INHERENT)]  # `," dished the insider`
# "a Starbucks employee", "an Instagram user", "one crane operator's wife", "a 12-year-old witness"
# (a hyphen joins: "a next-door neighbour")
_MOD_ANY = {"IS_SPACE": False,
            "LOWER": {"NOT_IN": _DETERMINERS + [",", ".", ";", ":", "!", "?", "(", ")", "—", '"', "“", "”", "‘", "’", "'"]}}
_HYPHEN = {"ORTH": {"IN": ["-", "‐", "–"]}}
# whose crowd it is: "the", "the couple's closest", "Chantelle's" (any word or possessive, no punctuation)
_OWNER = {"IS_PUNCT": False, "IS_SPACE": False}
_PLACE_PREP = frozenset({"in", "on", "at", "from", "with", "near", "inside", "outside", "for", "of"})


def grouped() -> dict[str, list[list[dict]]]:
    speech = _in(SPEECH_VERBS)
    return {
        # attribution cues: any of these near a quotation attributes it (Q001)
        "SPEECH": [[speech], [_in({"point", "points", "pointed", "pointing"}), {"LOWER": "out"}], _ED_TAG],
        "ACCORDING": [[{"LOWER": "according"}, {"LOWER": "to"}]],
        "DOCUMENT": [
            [{"LOWER": {"IN": ["in", "through", "via"]}}, {"LOWER": {"IN": ["a", "an", "the", "his", "her", "their", "its", "our"]}},
             dict(_MOD, OP="{0,2}"), _in(DOC_NOUNS)],
            [{"LOWER": {"IN": ["the", "a", "his", "her", "their", "its"]}}, dict(_MOD, OP="{0,2}"), _in(DOC_NOUNS),
             {"LOWER": {"IN": ["read", "reads", "stated", "states", "said", "says"]}}],
            [{"LOWER": {"IN": ["read", "reads", "reading"]}}, {"ORTH": {"IN": [":", ","]}}],  # `the sign reads: "…"`
            [{"LOWER": {"IN": ["read", "reads"]}}, {"LOWER": {"IN": ["a", "an", "the", "his", "her", "their", "its", "our"]}},
             dict(_MOD, OP="{0,2}"), _in(DOC_NOUNS)],  # `"…," read a club statement`
        ],
        "PUT_IT": [[{"LOWER": {"IN": ["put", "puts"]}}, {"LOWER": "it"}]],
        # a crowd holding a claim: "experts say", "many analysts believe", "research has shown" (Q002)
        "CROWD": [[_in(CROWDS | STUDIES | INSTITUTIONS), dict(_ADV_AUX, OP="{0,2}"), _in(CLAIM_VERBS)],
                  # in a relative clause: "insiders who say", "experts that warn"
                  [_in(CROWDS | INSTITUTIONS), _in({"who", "that"}), dict(_ADV_AUX, OP="{0,2}"), _in(SAYING)],
                  # in the progressive: "critics are saying", "experts are warning"
                  [_in(CROWDS | INSTITUTIONS), _in({"are", "were"}), dict(_ADV, OP="{0,2}"), _in(_CLAIMING)],
                  [_in(CROWDS), _in(_CLAIMING)],  # "despite experts cautioning against it", "with my sources indicating"
                  [_in(CROWDS | STUDIES | INSTITUTIONS), dict(_ADV, OP="?"), {"LOWER": {"IN": ["close", "familiar"]}},
                   {"LOWER": {"IN": ["to", "with"]}}, {"OP": "{1,4}", "IS_PUNCT": False}, dict(_ADV_AUX, OP="{0,2}"), _in(CLAIM_VERBS)],
                  [_in({"friends", "pals", "confidants", "sources", "insiders"}), _in({"of", "in", "at", "inside"}), {"OP": "{1,3}", "IS_PUNCT": False}, _in(CLAIM_VERBS)]],  # "friends of the couple say", "sources in Cupertino confirm"
        # the crowd after its verb, closing the clause: `…, say experts.`, `"…," said industry insiders.`
        "CROWD_AFTER": [[_in(_INVERTED), {"IS_ALPHA": True, "OP": "{0,3}"}, _in(CROWDS | INSTITUTIONS), {"IS_PUNCT": True}]],
        # any plural of a profession after a vague quantifier: "many nutritionists believe", "some dentists warn"
        # (the noun is matched by a pattern, not a word list, so that the claim verb stays the anchor: plurals
        # of professions such as "developers" are common words in technical text)
        "CROWD_Q": [[_in(_VAGUE_QUANTIFIERS), {"IS_LOWER": True, "LOWER": {"REGEX": _CROWD_NOUN}},
                     dict(_ADV_AUX, OP="{0,2}"), _in(CLAIM_VERBS)],
                    # "many cautious investors are claiming": a modifier, and the progressive
                    [_in(_VAGUE_QUANTIFIERS), dict(_MOD, OP="?"), {"IS_LOWER": True, "LOWER": {"REGEX": _CROWD_NOUN}},
                     _in({"are", "were"}), dict(_ADV, OP="{0,2}"), _in(_CLAIMING)]],
        # a profession in the plural as the source of a general claim, in the present: "nutritionists agree",
        # "doctors recommend" (the past, "doctors said the boy is stable", is often the team that treated him)
        "CROWD_P": [[_in(plural(p) for p in PROFESSIONS), dict(_ADV_AUX, OP="{0,2}"), _in(_GENERIC_CLAIMS)]],
        "ACCORDING_CROWD": [[{"LOWER": "according"}, {"LOWER": "to"}, {"IS_PUNCT": False, "OP": "{0,4}"},
                             _in(CROWDS | STUDIES | INSTITUTIONS)],
                            [{"LOWER": "as"}, {"LOWER": "per"}, {"IS_PUNCT": False, "OP": "{0,4}"},  # "as per the reports"
                             _in(CROWDS | STUDIES | INSTITUTIONS)],
                            [{"LOWER": "as"}, _in({"stated", "reported", "noted", "mentioned", "suggested"}),
                             _in({"by", "in"}), {"IS_PUNCT": False, "OP": "{0,4}"},  # "as stated by reports"
                             _in(CROWDS | STUDIES | INSTITUTIONS)]],
        "PEOPLE": [[{"LOWER": {"IN": ["some", "many", "most"]}}, {"LOWER": "people", "OP": "?"}, dict(_ADV, OP="{0,2}"),
                    _in(PEOPLE_VERBS)],
                   [{"LOWER": "there"}, _in({"are", "were"}), {"LOWER": "those"}, {"LOWER": "who"},  # "there are those who think"
                    _in(PEOPLE_VERBS)],
                   [{"LOWER": "others"}, dict(_ADV, OP="{0,2}"), _in(PEOPLE_VERBS)],  # "Others say that …"
                   [_in({"some", "many"}), _in({"are", "were"}), dict(_ADV, OP="{0,2}"), _in(_CLAIMING - _EXPERTS_ONLY)],
                   [{"LOWER": "according"}, {"LOWER": "to"}, _in({"some", "many", "others"}), {"ORTH": ","}]],  # bare
        # hearsay with no one behind it: "there have been suggestions that …", "there is speculation that …"
        "HEARSAY": [[{"LOWER": "there"}, _in({"is", "are", "was", "were", "has", "have", "had", "'s"}),
                     {"LOWER": "been", "OP": "?"},
                     dict(_in({"growing", "widespread", "persistent", "unconfirmed", "some", "many", "also"}), OP="?"),
                     _in({"suggestions", "suggestion", "speculation", "rumours", "rumors", "rumour", "rumor", "claims",
                          "whispers", "talk"}), {"LOWER": "that"}],
                    [_in({"rumor", "rumour", "word"}), {"LOWER": "has"}, {"LOWER": "it"}],  # "Rumor has it that …"
                    [_in({"is", "are", "was", "were"}), _in({"rumored", "rumoured"}), {"LOWER": "to"}]],  # "X is rumored to"
        "IMPERSONAL": [[{"LOWER": "it"}, {"LOWER": {"IN": ["is", "was", "'s", "’s"]}}, dict(_ADV, OP="?"), _in(_IMPERSONAL)],
                       [{"LOWER": "it"}, {"LOWER": {"IN": ["is", "was", "'s", "’s", "has", "had"]}}, {"LOWER": "been"},
                        dict(_ADV, OP="?"), _in(_IMPERSONAL | {"suggested", "alleged", "stated"})]],
        "ANON_AFTER": [[_in(QUOTATIVE), _in(INDEFINITE | {"the", "this", "that"}), dict(_MOD_ANY, OP="{0,3}"), dict(_HYPHEN, OP="?"),
                        _in(GENERIC_PEOPLE | ANON_INHERENT)],  # Q003's: an anonymous person as the speaker
                       [_in(QUOTATIVE), _in(POSSESSIVES), _in(ANON_INHERENT)], _ED_TAG],  # `," says their source`
        "ANON_BEFORE": [[_in(INDEFINITE | {"the", "this", "that"}), dict(_MOD_ANY, OP="{0,3}"), dict(_HYPHEN, OP="?"),
                         _in(GENERIC_PEOPLE | ANON_INHERENT), dict(_ADV_AUX, OP="{0,2}"), speech],  # "a source has told"
                        # "a senior engineer at the plant said", "one reporter on the beat told me"
                        [_in(INDEFINITE), dict(_MOD_ANY, OP="{0,3}"), _in(GENERIC_PEOPLE | ANON_INHERENT), _in(_PLACE_PREP),
                         {"IS_PUNCT": False, "IS_SPACE": False, "OP": "{1,4}"}, dict(_ADV, OP="{0,2}"), speech],
                        [_in(POSSESSIVES), _in(ANON_INHERENT), dict(_ADV_AUX, OP="{0,2}"), speech],  # "our source added"
                        # "one resident, who relies on the bus, said", "a pensioner who used the route said"
                        [_in(INDEFINITE), dict(_MOD_ANY, OP="{0,3}"), _in(GENERIC_PEOPLE | ANON_INHERENT),
                         {"ORTH": ",", "OP": "?"}, {"LOWER": "who"}, {"IS_PUNCT": False, "IS_SPACE": False, "OP": "{1,8}"},
                         {"ORTH": ",", "OP": "?"}, dict(_ADV, OP="{0,2}"), speech]],
        # "The Sun quoted an 'insider source' as saying": the outlet names no one
        "ANON_QUOTED": [[_in({"quoted", "quotes", "quoting"}), _in(INDEFINITE), {"IS_PUNCT": True, "OP": "?"},
                         dict(_MOD_ANY, OP="{0,3}"), _in(GENERIC_PEOPLE | ANON_INHERENT), {"IS_PUNCT": True, "OP": "?"},
                         {"LOWER": "as"}, _in({"saying", "telling", "claiming", "revealing"})]],
        # "as one reporter on the beat put it"
        "ANON_PUT": [[{"LOWER": "as"}, _in(INDEFINITE), dict(_MOD_ANY, OP="{0,3}"), _in(GENERIC_PEOPLE | ANON_INHERENT),
                      {"LOWER": {"IN": sorted(_PLACE_PREP)}, "OP": "?"}, {"IS_ALPHA": True, "OP": "{0,3}"},
                      {"LOWER": {"IN": ["put", "puts"]}}, {"LOWER": "it"}]],
        "ANON_SOMEONE": [[_in(QUOTATIVE), _in({"someone", "somebody"})],
                         # one of an unnamed crowd after another: `"…," said another.`, `"…," another added.`
                         [_in(QUOTATIVE), _in({"another", "one"}), {"IS_PUNCT": True}],
                         [_in({"another", "one"}), dict(_ADV, OP="{0,2}"), _in(QUOTATIVE)],
                         # one of a crowd nobody names: `"…," said one of the traders`, `one of the fans wrote`
                         [_in(QUOTATIVE), {"LOWER": "one"}, {"LOWER": "of"}, dict(_OWNER, OP="{1,4}"),
                          _in(ONE_OF)],
                         [{"LOWER": "one"}, {"LOWER": "of"}, dict(_OWNER, OP="{1,4}"),
                          _in(ONE_OF), dict(_ADV, OP="{0,2}"), _in(QUOTATIVE)],
                         [_in({"someone", "somebody"}), dict(_ADV, OP="{0,2}"),
                          _in({"said", "says", "told", "tells", "wrote", "writes", "posted", "posts", "commented",
                               "tweeted", "asked", "added", "claimed", "claims"})]],
        "ANON_ACCORDING": [[{"LOWER": "according"}, {"LOWER": "to"},
                            _in(INDEFINITE | OWNERS | {"the", "this", "that"}),
                            dict(_MOD_ANY, OP="{0,3}"), dict(_HYPHEN, OP="?"), _in(GENERIC_PEOPLE | ANON_INHERENT)],
                           [{"LOWER": "according"}, {"LOWER": "to"}, {"LOWER": "one"}, {"LOWER": "of"}, dict(_OWNER, OP="{1,4}"),
                            _in(ONE_OF)],  # "according to one of the magazine's sources": one of a crowd nobody names
                           # "as noted by an analyst", "as one trader put it" is ANON_PUT's
                           [{"LOWER": "as"}, _in({"noted", "stated", "said", "explained", "observed", "reported", "mentioned",
                                                  "pointed"}), {"LOWER": "out", "OP": "?"}, {"LOWER": "by"}, _in(INDEFINITE),
                            dict(_MOD_ANY, OP="{0,3}"), dict(_HYPHEN, OP="?"), _in(GENERIC_PEOPLE | ANON_INHERENT)]],
        "ANON_MARKED": [[_in(ANON_MARKERS), dict(_MOD_ANY, OP="{0,2}"), _in(PERSON_NOUNS)],
                        [_in(ANON_MARKERS), dict(_MOD, OP="?"),
                         {"IS_LOWER": True, "LOWER": {"REGEX": r"(?:er|or|ist|ian|ant|ent|ee|man|woman)s?$"}}],
                        [_in(PERSON_NOUNS), {"LOWER": "familiar"}, {"LOWER": "with"}],
                        [_in(PERSON_NOUNS), {"LOWER": "close"}, {"LOWER": "to"}],
                        [{"LOWER": "on"}, {"LOWER": "the", "OP": "?"}, {"LOWER": "condition"}, {"LOWER": "of"},
                         {"LOWER": "anonymity"}],
                        [{"LOWER": {"IN": ["asked", "asking", "declined", "declining", "requested", "requesting", "wished",
                                           "refused", "refusing"]}}, {"LOWER": "not", "OP": "?"},
                         {"LOWER": "to"}, {"LOWER": "be"}, {"LOWER": {"IN": ["named", "identified"]}}],
                        [{"LOWER": {"IN": ["want", "wanted", "wish", "wished"]}}, {"LOWER": "to"}, {"LOWER": "be"},
                         {"LOWER": {"IN": ["named", "identified"]}}],
                        [{"LOWER": "requested"}, {"LOWER": "anonymity"}],
                        # "who was not authorized to speak publicly", "because they weren't allowed to discuss it"
                        *([{"LOWER": {"IN": ["was", "were", "is", "are", "being", "be"]}, "OP": "?"}, _in({"not", "n't", "n’t"}),
                           _in(allowed), {"LOWER": "to"}, _in({"speak", "discuss", "comment", "talk"})]  # two, anchored on
                          for allowed in ({"authorized", "authorised"}, {"permitted", "allowed", "cleared"})),  # participles
                        [{"LOWER": {"IN": ["remain", "remaining", "stay", "staying"]}}, {"LOWER": "anonymous"}],
                        [{"LOWER": {"IN": ["spoke", "speaking", "spoken"]}}, {"LOWER": "anonymously"}]],
    }
