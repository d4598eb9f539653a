"""Standalone lines (``Block.standalone``) of a stack of long lines hard-wrapped one by one: each long line
stands as itself, not as the pieces of its wrapping, nor as one paragraph with the others."""
from __future__ import annotations

from helpers import doc, lint

# A stack of three long lines (an article's first lines, a paywall notice, the next line), each hard-wrapped
# at 72 columns on its own: each ends short of the width, before a word that would have fit.
WRAPPED = """# Second berth for the north quay

The harbour board met on Tuesday evening to weigh the plan for a second
ferry berth on the north quay.
This story is one of the pieces our newsroom writes for members only:
subscribe to keep reading.
Members voted seven to two in favour, and building work is expected to
begin in the spring of next year.
"""
UNWRAPPED = """# Second berth for the north quay

The harbour board met on Tuesday evening to weigh the plan for a second ferry berth on the north quay.
This story is one of the pieces our newsroom writes for members only: subscribe to keep reading.
Members voted seven to two in favour, and building work is expected to begin in the spring of next year.
"""


def _standalone(text: str) -> list[tuple[int, str]]:
    d = doc(text)
    return [(line.number, line.text) for block in d.prose_blocks for line in block.standalone]


def _found(text: str) -> list[tuple[str, int, int, int, int]]:
    return [(f.code, f.line, f.column, f.end_line, f.end_column) for f in lint(text, select=["boilerplate"])]


def test_each_long_line_of_a_wrapped_stack_stands_as_itself():
    assert _standalone(WRAPPED) == [
        (1, "Second berth for the north quay"),
        (3, "The harbour board met on Tuesday evening to weigh the plan for a second ferry berth on the north quay."),
        (5, "This story is one of the pieces our newsroom writes for members only: subscribe to keep reading."),
        (7, "Members voted seven to two in favour, and building work is expected to begin in the spring of next year."),
    ]
    d = doc(WRAPPED)
    line = list(d.prose_blocks)[1].standalone[1]
    assert d.text[line.start:line.end] == ("This story is one of the pieces our newsroom writes for members only:\n"
                                           "subscribe to keep reading.")


def test_a_paywall_notice_is_found_whole_whether_wrapped_or_not():
    assert _found(UNWRAPPED) == [("B116", 4, 1, 4, 97)]
    # the whole notice, from its first piece to the end of its last, not "subscribe to keep reading." alone
    assert _found(WRAPPED) == [("B116", 5, 1, 6, 27)]


def test_a_hard_wrapped_paragraph_is_still_one_line():
    text = ("The board met on Tuesday evening, and after a long debate it voted for the\n"
            "plan, which its chair called the largest change to the quay in a century.\n")
    assert _standalone(text) == [(1, "The board met on Tuesday evening, and after a long debate it voted for the "
                                     "plan, which its chair called the largest change to the quay in a century.")]


def test_a_stack_of_short_lines_and_long_unwrapped_lines_stay_apart():
    assert _standalone("Share this story\nFacebook\nEmail the editor\n") == [
        (1, "Share this story"), (2, "Facebook"), (3, "Email the editor")]
    # no break comes early, but the lines are wider than editors wrap at: lines that were never wrapped
    first = "The harbour board met on Tuesday evening to weigh the plan for a ferry berth on the quay."
    second = "Members voted seven to two in favour, and the building work is to begin in the spring."
    assert _standalone(f"{first}\n{second}\n") == [(1, first), (2, second)]


def test_a_label_over_a_wrapped_line_stands_apart_from_it():
    text = ("Editor's note:\n"
            "This story was corrected on Wednesday to give the right number of votes\n"
            "in favour of the berth.\n")
    assert _standalone(text) == [(1, "Editor's note:"), (2, "This story was corrected on Wednesday to give the "
                                                          "right number of votes in favour of the berth.")]
