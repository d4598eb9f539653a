"""The rule interface shared by built-in rules, YAML rules and plugins.

A rule is a class with its metadata as class attributes, its options as a frozen dataclass, and a
docstring in four sections (What it flags / Why it matters / Example / How to fix). Rules never decide their
final severity: the engine stamps the configured one on every finding.
"""
from __future__ import annotations

import dataclasses
import difflib
import os
import re
import typing
from dataclasses import dataclass
from typing import Any, ClassVar, Iterable, Mapping

from draftlint import prose
from draftlint.document import Document
from draftlint.findings import Finding, Fix, Severity, Span
from draftlint.templates import TemplateLine, template_lines

CODE_PATTERN = re.compile(r"^[A-Z]{1,3}\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it flags", "Why it matters", "Example", "How to fix")


class OptionError(ValueError):
    pass


def suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


BUILTIN = "builtin"  # the source (and entry-point name) of the rules that ship with draftlint


class Rule:
    """Base class of per-document rules."""

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    # "sentences": the engine must provide spaCy sentences; "scores": every document's readability scores;
    # "template-lines": every document's template-line fingerprints (draftlint.templates)
    needs: ClassVar[frozenset[str]] = frozenset()
    default_enabled: ClassVar[bool] = True
    source: ClassVar[str] = BUILTIN
    version: ClassVar[str] = "1"
    # When several rules flag one line of residue, the most specific reports it (draftlint.fold): exact
    # phrase packs (70) over shape detectors (50) over positional (20, 30) and scored (10) rules.
    specificity: ClassVar[int] = 50

    @dataclass(frozen=True)
    class Options:
        pass

    corpus: ClassVar[bool] = False

    def check(self, doc: Document, opts: Any) -> Iterable[Finding]:
        raise NotImplementedError

    # -- helpers for rule authors ----------------------------------------------------------------------
    def finding(self, doc: Document, start: int, end: int, message: str, fix: Fix | None = None) -> Finding:
        span = doc.span(start, end)
        return self.finding_at(doc.path, span, message, doc.excerpt(start, end), fix)

    def finding_at(self, path: str, span: Span, message: str, excerpt: str = "", fix: Fix | None = None) -> Finding:
        excerpt = excerpt.split("\n", 1)[0]
        return Finding(path, span.line, span.col, span.end_line, span.end_col, self.code, self.name,
                       str(self.family), self.severity, message, excerpt[:200], fix)

    # -- documentation -------------------------------------------------------------------------------------
    @classmethod
    def doc_text(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc_text().split("\n", 1)[0]

    @classmethod
    def option_rows(cls) -> list[tuple[str, str, str, str]]:
        """(option name, type, default, help) for every option, in config spelling."""
        rows = []
        hints = typing.get_type_hints(cls.Options)
        for f in dataclasses.fields(cls.Options):
            default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
            rows.append((f.name.replace("_", "-"), _type_name(hints[f.name]), _show(default), f.metadata.get("help", "")))
        return rows

    @classmethod
    def prepare(cls, opts: Any) -> None:
        """Check the options against the world before any file is read (a file the rule will read), raising
        an OptionError (or a ConfigError) that tells the user what is wrong. Most rules need nothing."""

    @classmethod
    def make_options(cls, values: Mapping[str, Any] | None, where: str = "") -> Any:
        """Validate a config table into an Options value: unknown keys and wrong types are errors."""
        values = values or {}
        fields = {f.name: f for f in dataclasses.fields(cls.Options)}
        hints = typing.get_type_hints(cls.Options)
        kwargs = {}
        for key, value in values.items():
            attr = str(key).replace("-", "_")
            if attr not in fields:
                names = [n.replace("_", "-") for n in fields]
                raise OptionError(f'{where}rule {cls.name} has no option "{key}"{suggest(str(key), names)}'
                                  + ("" if names else " (it takes no options)"))
            kwargs[attr] = _coerce(value, hints[attr], f"{where}option {key} of rule {cls.name}")
        return cls.Options(**kwargs)


def display_path(path: str) -> str:
    """A path as the user reads it: relative to the working folder when it lies inside it, else as given
    (without a leading "./")."""
    try:
        rel = os.path.relpath(os.path.abspath(path))
    except ValueError:  # another drive
        rel = path
    if rel == ".." or rel.startswith(".." + os.sep):
        rel = path
    while rel.startswith("./"):
        rel = rel[2:]
    return rel


class CorpusRule(Rule):
    """A rule that sees every document of the run once (titles and headings), after the per-file stage."""

    corpus: ClassVar[bool] = True

    def check(self, doc: Document, opts: Any) -> Iterable[Finding]:
        return ()

    def check_corpus(self, summaries: list["Summary"], opts: Any) -> Iterable[Finding]:
        raise NotImplementedError


@dataclass(frozen=True)
class Summary:
    """What a corpus rule sees of one document, and the size and readability of its prose (for reports)."""

    path: str
    title: str | None
    title_span: Span | None
    headings: tuple[tuple[str, Span], ...] = ()
    scores: prose.Scores = prose.Scores(0, None, None)
    lines: tuple[TemplateLine, ...] = ()  # fingerprints of the lines a site template could print

    @classmethod
    def of(cls, doc: Document, scored: bool = False, lined: bool = False) -> "Summary":
        """The document's summary; its readability scores only when ``scored`` (scoring loads the pronouncing
        dictionary), its template lines only when ``lined`` (a rule or the index reads them)."""
        title_span = doc.span(doc.title.start, doc.title.end) if doc.title else None
        heads = tuple((b.plain, doc.span(b.lines[0].start, b.lines[0].end))
                      for b in doc.headings if b.lines)
        scores = prose.scores(doc) if scored else prose.Scores(prose.words(doc), None, None)
        return cls(doc.path, doc.title.text if doc.title else None, title_span, heads, scores,
                   template_lines(doc) if lined else ())


def _type_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is tuple:
        return f"list of {_type_name(typing.get_args(hint)[0])}"
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return " or ".join(_type_name(a) for a in typing.get_args(hint) if a is not type(None))
    return {int: "integer", float: "number", bool: "boolean", str: "string"}.get(hint, getattr(hint, "__name__", str(hint)))


def _show(value: Any) -> str:
    if value is None:
        return "unset"
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _coerce(value: Any, hint: Any, what: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):  # X | None: unset, or an X
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None or len(args) != 1:
            return value
        return _coerce(value, args[0], what)
    if origin is tuple:
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise OptionError(f"{what} must be a list of {_type_name(typing.get_args(hint)[0])}, not {_kind(value)}")
        inner = typing.get_args(hint)[0]
        return tuple(_coerce(v, inner, what) for v in value)
    if hint is bool:
        if not isinstance(value, bool):
            raise OptionError(f"{what} must be true or false, not {_kind(value)}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise OptionError(f"{what} must be an integer, not {_kind(value)}")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise OptionError(f"{what} must be a number, not {_kind(value)}")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise OptionError(f"{what} must be a string, not {_kind(value)}")
        return value
    return value


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"{type(value).__name__} {value!r}"
