"""The switch for every speed shortcut: ``DRAFTLINT_NO_SHORTCUTS=1`` selects the plain reference path.

A shortcut is a prefilter, pre-check, memo or cut that skips work the plain path would do (trigger words,
required strings, length gates, sentence-cut fast paths). Each one sits beside the plain function it speeds
up and asks ``enabled()`` which to run; the differential test lints the same raw input both ways and
requires identical findings. Read once per process from the environment, so worker processes, which
inherit it, agree with their parent.
"""
from __future__ import annotations

import os

ENV = "DRAFTLINT_NO_SHORTCUTS"

_ENABLED = os.environ.get(ENV, "").strip() not in ("1", "true", "yes")


def enabled() -> bool:
    """True unless ``DRAFTLINT_NO_SHORTCUTS=1``: take the fast paths."""
    return _ENABLED
