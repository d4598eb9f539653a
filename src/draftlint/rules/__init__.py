"""Built-in rules: Python rules by family, and the YAML packs shipped from the top-level ``rules/`` folder.

``load`` is the ``builtin`` entry point of the ``draftlint.rules`` group, the same door plugins use.
"""
from __future__ import annotations

from pathlib import Path


def packs_dir() -> Path:
    """The YAML packs: inside the installed wheel, or the source tree's ``rules/`` folder."""
    packaged = Path(__file__).resolve().parent.parent / "packs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def load() -> list:
    from draftlint.rules import boilerplate, quotes, readability, titles

    return [*titles.RULES, *quotes.RULES, *boilerplate.RULES, *readability.RULES, packs_dir()]
