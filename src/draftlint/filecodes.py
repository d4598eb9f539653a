"""The findings the engine makes about a file itself rather than about its prose: E001-E004.

They are not rules (nothing selects them, except E004, which a selector turns on), but each is documented
like one, so that ``draftlint explain E003`` and the SARIF report can say what it means.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass

from draftlint.findings import Severity


@dataclass(frozen=True)
class FileCode:
    code: str
    name: str
    severity: Severity
    doc: str
    family: str = "file"

    def doc_text(self) -> str:
        return inspect.cleandoc(self.doc)

    def summary(self) -> str:
        return self.doc_text().split("\n", 1)[0]


CODES = {c.code: c for c in (
    FileCode("E001", "unreadable-file", Severity.ERROR, """
        A file that cannot be read or is not valid UTF-8: nothing else in it was checked.

        ## What it flags
        A file that could not be opened, or whose bytes are not UTF-8 text (Latin-1, UTF-16 without a
        byte-order mark, random bytes), at the line and column of the first byte that cannot be decoded.

        ## Why it matters
        No rule can read the file, so none of its problems are found; the draft may also show garbled
        characters wherever it is published.

        ## Example
            Caf<0xE9> prices rose again this spring.      (saved as Latin-1)

        ## How to fix
        Save the file as UTF-8 (any editor's "Save with encoding"), or fix its permissions."""),
    FileCode("E002", "invalid-front-matter", Severity.ERROR, """
        Front matter that is unclosed, not YAML or not a mapping, or a malformed draftlint directive in it.

        ## What it flags
        Front matter opened with ``---`` (or ``+++``) and never closed, that is not valid YAML (TOML), that
        is not a mapping of keys to values, or whose ``draftlint: {ignore: ...}`` is not a list of codes.

        ## Why it matters
        The title and the file's own ignores come from the front matter: when it cannot be read, title
        rules and suppressions work from a guess, and the site generator will usually fail on it too.

        ## Example
            ---
            title: "Ferry times
            ---

        ## How to fix
        Close the front matter and quote values that contain a colon or a quotation mark."""),
    FileCode("E003", "unknown-suppression", Severity.WARNING, """
        A suppression that names a rule that does not exist, or an unknown key under front matter ``draftlint:``.

        ## What it flags
        A code, prefix, name or family in an inline directive (``<!-- draftlint-disable B1O1 -->``) or in
        front matter ``draftlint: {ignore: [...]}`` that matches no rule, and a key other than ``ignore``
        under front matter ``draftlint:``; the message suggests the nearest valid spelling.

        ## Why it matters
        A misspelt suppression suppresses nothing, silently: the writer believes a finding is switched off
        while it is not, or a later rename leaves dead directives behind. Config files are checked strictly;
        the directives in drafts deserve the same.

        ## Example
            <!-- draftlint-disable-next-line ai-disclaimr -->

        ## How to fix
        Correct the code or name (``draftlint rules`` lists them all), or delete the directive."""),
    FileCode("E004", "unused-suppression", Severity.WARNING, """
        A suppression that hides nothing (opt-in: select E004 or unused-suppression).

        ## What it flags
        An inline directive or front matter ignore whose rules ran and found nothing there to hide. Off by
        default; ``--extend-select E004`` (or ``extend-select: [E004]`` in config) turns it on. Selectors
        for rules that did not run, and for rules that compare files (duplicate-title), are not judged.

        ## Why it matters
        Suppressions outlive the problems they were written for; a stale one will silently hide the next
        real finding on that line.

        ## Example
            <!-- draftlint-disable-next-line B101 -->
            A sentence with no disclaimer in it any more.

        ## How to fix
        Delete the directive, or the codes in it that no longer apply."""),
)}
