"""One finding per residue line (draftlint.fold): the most specific rule reports the line, naming the others."""
from __future__ import annotations

from draftlint.findings import Finding, Fix, Severity, Span
from draftlint.fold import fold
from helpers import lint

RANK = {"B110": 70, "B010": 20, "B020": 10, "B103": 70, "Q004": 50, "Q001": 50}.get


def _f(code: str, line: int, col: int = 1, end_col: int = 10, family: str = "boilerplate",
       severity: Severity = Severity.WARNING, fix: Fix | None = None) -> Finding:
    return Finding("a.md", line, col, line, end_col, code, code.lower(), family, severity, f"{code} message", fix=fix)


def test_the_most_specific_rule_reports_the_line_and_names_the_others():
    delete = Fix(Span(3, 1, 3, 1), whole_lines=True)
    out = fold([_f("B010", 3, severity=Severity.ERROR, fix=delete), _f("B110", 3), _f("B020", 3)], lambda c: RANK(c, 50))
    assert [(f.code, f.message, f.severity, f.fix) for f in out] == [
        ("B110", "B110 message (also: B010, B020)", Severity.ERROR, delete)]


def test_a_finding_of_another_family_folds_only_when_it_overlaps_the_residue():
    placeholder = [_f("Q004", 5, 1, 30, family="quote"), _f("B103", 5, 5, 20)]
    assert [(f.code, f.message) for f in fold(placeholder, lambda c: RANK(c, 50))] == [("B103", "B103 message (also: Q004)")]
    apart = [_f("Q001", 5, 40, 80, family="quote"), _f("B020", 5, 1, 20)]
    assert sorted(f.code for f in fold(apart, lambda c: RANK(c, 50))) == ["B020", "Q001"]


def test_a_long_paragraph_links_no_two_findings_inside_it():
    """A readability finding over the whole paragraph joins the residue it overlaps, but a placeholder and a
    vague attribution elsewhere in the same paragraph each keep their finding."""
    items = [_f("R002", 6, 1, 900, family="readability"), _f("B103", 6, 298, 311), _f("Q002", 6, 460, 480, family="quote")]
    out = fold(items, lambda c: RANK(c, 50))
    assert [(f.code, f.column, f.message) for f in out] == [("B103", 298, "B103 message (also: R002)"),
                                                             ("Q002", 460, "Q002 message")]
    alone = [_f("R001", 7, 1, 200, family="readability"), _f("Q002", 7, 20, 40, family="quote")]
    assert sorted(f.code for f in fold(alone, lambda c: RANK(c, 50))) == ["Q002", "R001"]


def test_a_readability_finding_never_names_the_residue_it_joined():
    """A run of sentences opening with the same word over a title line: the line is the title and page
    furniture, not a readability problem, whatever the codes' order."""
    items = [_f("R006", 5, 1, 60, family="readability"), _f("B020", 5), _f("T002", 5, family="title")]
    out = fold(items, lambda c: RANK(c, 50))
    assert [(f.code, f.message) for f in out] == [("T002", "T002 message (also: B020, R006)")]


def test_lines_with_one_finding_and_other_lines_are_untouched():
    items = [_f("B020", 1), _f("B110", 2), _f("Q001", 2, family="quote", col=30, end_col=40)]
    assert fold(items, lambda c: RANK(c, 50)) == items


def test_the_engine_folds_a_stamp_above_the_title():
    text = "---\ntitle: Harbour dues rise\n---\n\n4 min read\n\n# Harbour dues rise\n\nThe board voted on Tuesday.\n"
    found = [(f.line, f.code, f.message) for f in lint(text, select=["B010", "B110", "B020"])]
    assert found == [(5, "B110", "reading-time label “4 min read” left from the page template (also: B010, B020)")]


def test_quote_findings_over_the_same_words_fold_and_a_long_sentence_over_them_stays():
    crowd = [_f("Q003", 7, 1, 26, family="quote"), _f("Q002", 7, 1, 30, family="quote"),
             _f("R001", 7, 1, 200, family="readability")]
    out = fold(crowd, lambda c: 50)
    assert sorted((f.code, f.message) for f in out) == [("Q002", "Q002 message (also: Q003)"), ("R001", "R001 message")]
    apart = [_f("Q001", 7, 1, 20, family="quote"), _f("Q002", 7, 40, 60, family="quote")]
    assert fold(apart, lambda c: 50) == apart


def test_the_engine_reports_an_anonymous_crowd_once():
    text = "# Quay plans\n\nSources close to the harbour board say the plan will be dropped.\n"
    found = [(f.line, f.code, f.message) for f in lint(text, select=["quote"])]
    assert found == [(3, "Q002", "vague attribution “Sources close to the harbour board say”: no one is named (also: Q003)")]
