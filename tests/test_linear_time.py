"""Every rule runs in time linear in its input, on the hostile shapes of ``bench/adversarial.py``.

Each shape is linted in this process, every rule selected, at N and 4N characters; the CPU time of the larger
must stay under 8 times that of the smaller (linear work gives about 4, quadratic about 16). The fastest of
three runs is taken, so a busy machine slows both alike. Absolute speed is measured by the bench script,
never here.
"""
from __future__ import annotations

import importlib.util
import time

import pytest

from conftest import ROOT
from draftlint import engine, nlp, registry
from draftlint.config import Config
from draftlint.rule import Summary

_SPEC = importlib.util.spec_from_file_location("adversarial", ROOT / "bench" / "adversarial.py")
adversarial = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(adversarial)

SIZE = 12_000
RATIO = 8.0


@pytest.fixture(scope="module")
def plan():
    nlp.configure(None)
    return engine.make_plan(registry.load(), Config(select=["ALL"], rules={}))


def _cpu(text: str, plan, path: str = "hostile.md") -> float:
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        doc, result = engine.read_document(path, text.encode("utf-8"))
        assert doc is not None
        nlp.annotate([doc])
        engine.run.check_document(doc, result, plan)
        assert not result.crashes, result.crashes
        engine.finish([engine.FileResult(doc.path, summary=Summary.of(doc, plan.scores, plan.template_lines))], plan)
        best = min(best, time.process_time() - t)
    return best


@pytest.mark.parametrize("shape", sorted(adversarial.SHAPES))
def test_four_times_the_input_takes_about_four_times_the_time(shape, plan):
    make = adversarial.SHAPES[shape]
    small, large = _cpu(make(SIZE), plan), _cpu(make(4 * SIZE), plan)
    assert large < RATIO * max(small, 0.005), (shape, small, large)


def test_share_button_lines_with_long_separator_runs_are_matched_in_linear_time(plan):
    """A line of button names joined by runs of separators once took time exponential in the names."""
    line = ("x" + "|" * 40) * 9 + "!\n\n"
    small, large = _cpu(line * 20, plan), _cpu(line * 80, plan)
    assert large < RATIO * max(small, 0.005), (small, large)


@pytest.mark.parametrize("shape", ["html: nested divs", "html: unclosed tags"])
def test_html_pages_four_times_the_size_take_about_four_times_the_time(shape, plan):
    """HTML pages at 48k and 192k characters (lexbor's tree building slowed down with the depth of the open
    elements: 17,000 nested divs gave a ratio of 11 before tags past htmlsource.MAX_DEPTH were flattened)."""
    make = adversarial.HTML_SHAPES[shape]
    small, large = _cpu(make(4 * SIZE), plan, "hostile.html"), _cpu(make(16 * SIZE), plan, "hostile.html")
    assert large < RATIO * max(small, 0.005), (shape, small, large)
