"""Every way through a bundled pack's pattern holds one of its needles, so the needle shortcut drops nothing.

The differential test (tests/test_reference_path.py) compares the shortcut and the plain path on real text;
this reads the patterns themselves, so an alternative that no fixture, devset page or bench file exercises is
checked too. It found seven packs whose needles missed one of their alternatives ("Be the first one to
reply.", "Copied to clipboard", "[Tags: …]", "For the rest of this story, see …", "Here is the rewrite:",
"Part 2 of the series is here.", "{ #registrationForm *}"): each line was found only with
DRAFTLINT_NO_SHORTCUTS=1.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from draftlint import safeyaml
from draftlint.yamlrules import load_file
from draftlint.yamlrules.coverage import parse, uncovered
from draftlint.yamlrules.kinds import declared_needles
from helpers import doc

PACKS = Path(__file__).resolve().parents[1] / "rules"

# Alternatives that hold a needle in every real match but not provably so: each with the reason.
WAIVED = {
    # "By Jo Bloggs on <date> 2021": the date's month name or a digit separator is a needle; only a date of a
    # weekday and a year alone ("on Sunday 2021") would hold none, which no byline writes.
    ("B111", r"by\s?:?"),  # in "(?:posted\sby|by\s?:?)(?:\s[^\n|•·]{1,60}?)?\son\s[^\n]{3,30}?\d{4}…"
}


def _packs() -> list[dict]:
    """The bundled packs whose pattern declares needles."""
    specs = [safeyaml.load(path.read_text(encoding="utf-8")) for path in sorted(PACKS.rglob("*.yaml"))]
    return [spec for spec in specs if spec.get("pattern") and spec.get("needles")]


def test_the_bundled_packs_are_read():
    assert len(_packs()) >= 40


@pytest.mark.parametrize("spec", _packs(), ids=lambda spec: spec["code"])
def test_every_alternative_of_a_pack_holds_a_needle(spec: dict):
    found = uncovered(parse(spec["pattern"]), declared_needles(spec))
    assert [text for text in found if (spec["code"], text) not in WAIVED] == [], \
        f"{spec['code']}: no needle in these alternatives"


@pytest.mark.parametrize("pattern, needles, expected", [
    (r"(?x) read \s more | see \s also", ("read more", "see also"), []),
    (r"(?x) read \s more | see \s also", ("read more",), [r"see\salso"]),
    (r"this\s+video\s+cannot\s+be\s+(?:viewed|played)", ("view",), ["played"]),  # the gap of B125, found by hand
    (r"get\s+an\s+e-?mail", ("an email", "an e-mail"), []),  # an optional character: both ways
    (r"\d{4}[./]\d{2}", (".", "/"), []),  # a class of a few characters: each of them
    (r"cite(?:turn\d{1,2}search)", ("citeturn",), []),  # a group of one alternative opens in place
    (r"source[ \t]link", ("source link",), []),  # whitespace is one space in the searched text
    (r"\[(?:also|read|more\s[a-z]{2,5}\snews)\s?:", ("[also", "[read", "[more"), []),  # a group opened per way
    (r"(?:a|b)\w+c", ("ac", "bc"), [r"(?:a|b)\w+c"]),  # not provable: reported whole
    (r"h[1-3]:", ("h1", "h2", "h3"), []),  # a short range
    (r"\d+\s?min(?=\s?read)", ("read",), []),  # what a lookahead sees is in the searched text
])
def test_the_reader_of_patterns(pattern, needles, expected):
    assert uncovered(parse(pattern), needles) == expected


def test_a_users_pack_whose_needles_may_miss_a_match_runs_without_them(tmp_path: Path):
    """A user's pack is not required to cover its pattern with its needles: the loader drops needles it cannot
    prove, so the pattern is searched everywhere (slower, never missing a match); proved needles are kept."""
    spec = ("code: H201\nname: first-to-reply\nkind: line\nfamily: boilerplate\nmessage: 'invitation “{match}”'\n"
            "pattern: '(?x) be \\s the \\s first \\s (?: one \\s )? to \\s reply [.!]?'\nneedles: [NEEDLES]\n")
    path = tmp_path / "reply.yaml"
    path.write_text(spec.replace("NEEDLES", "first to"), encoding="utf-8")
    rule = load_file(path, "user")
    assert rule.needles is None
    d = doc("The harbour board met.\n\nBe the first one to reply.\n")
    assert [f.line for f in rule.check(d, None)] == [3]
    path.write_text(spec.replace("NEEDLES", "first to, first one to"), encoding="utf-8")
    assert load_file(path, "user").needles == ("first one to", "first to")


def test_a_pattern_is_verbose_only_by_its_flags():
    assert uncovered(parse(r"(?:x|y) read more"), ("y read more", "x read more")) == []  # spaces are text here
    assert uncovered(parse(r"(?x) (?:x|y) \s read \s more"), ("y read more", "x read more")) == []
