"""Per-file result cache: ``.draftlint_cache/`` beside the config (or in the working folder).

An entry is keyed by the file's content hash and suffix, inside a folder named by the run's key: draftlint's
version, the selected rules with their versions, options and severities, and the NLP model. Entries are JSON
(never pickle: a cache folder can come from anywhere), written atomically; an entry that cannot be read or
does not have the expected shape is ignored and rebuilt, never trusted.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from draftlint import __version__
from draftlint.findings import Finding, Fix, Severity, Span
from draftlint.prose import Scores
from draftlint.results import FileResult
from draftlint.rule import Summary
from draftlint.templates import TemplateLine
from draftlint.suppress import Suppressions

FOLDER = ".draftlint_cache"
FORMAT = 3  # 2: a summary holds the prose's words and readability scores; 3: and its template-line fingerprints


def plan_key(plan: Any) -> str:
    parts = [f"draftlint {__version__}", f"format {FORMAT}", f"nlp {plan.nlp_model}", f"max {plan.max_file_size}",
             f"unused-suppressions {plan.report_unused}", f"scores {plan.scores}", f"template-lines {plan.template_lines}",
             f"html-main {plan.html_main}"]
    for rule in plan.rules:
        parts.append("|".join((rule.code, rule.name, str(getattr(rule, "version", "1")), _rule_fingerprint(rule),
                               repr(plan.options[rule.code]), str(plan.severity[rule.code]))))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:24]


def _rule_fingerprint(rule: Any) -> str:
    path = getattr(rule, "path", None)  # a YAML rule: its file's content counts, whatever its version says
    if path is not None:
        try:
            return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
        except OSError:
            return "unreadable"
    module = type(rule).__module__
    if module.startswith("draftlint."):
        return _package_fingerprint()
    source = getattr(sys.modules.get(module), "__file__", None)
    try:
        return hashlib.sha256(Path(source).read_bytes()).hexdigest()[:16] if source else module
    except OSError:
        return module


@functools.lru_cache(maxsize=1)
def _package_fingerprint() -> str:
    """A hash of draftlint's own source, so an edited rule or parser never serves stale results."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode("utf-8"))
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def content_key(path: str, data: bytes) -> str:
    h = hashlib.sha256(data)
    h.update(b"\0" + Path(path).suffix.lower().encode("utf-8"))
    return h.hexdigest()


class Cache:
    def __init__(self, root: Path, plan: Any) -> None:
        self.base = root / FOLDER
        self.folder = self.base / plan_key(plan)

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, path: str, key: str):
        try:
            with open(self._entry(key), encoding="utf-8") as handle:
                data = json.load(handle)
            if data.get("format") != FORMAT or data.get("key") != key:
                return None
            return FileResult(path, [_finding(path, f) for f in data["findings"]], _summary(path, data["summary"]),
                              _suppressions(data["suppressions"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, result: FileResult) -> None:
        if result.crashes or result.note or result.summary is None or result.suppressions is None:
            return
        data = {"format": FORMAT, "key": key,
                "findings": [_dump_finding(f) for f in result.findings],
                "summary": {"title": result.summary.title, "title_span": result.summary.title_span,
                            "headings": [[text, list(span)] for text, span in result.summary.headings],
                            "scores": list(result.summary.scores),
                            "lines": [[t.fingerprint, list(t.span), t.text] for t in result.summary.lines]},
                "suppressions": {"ranges": [[a, b, list(s)] for a, b, s in result.suppressions.ranges],
                                 "whole_file": list(result.suppressions.whole_file)}}
        target = self._entry(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._mark()
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False)
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only tree just runs uncached

    def _mark(self) -> None:
        tag = self.base / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# draftlint's result cache\n", encoding="utf-8")
            (self.base / ".gitignore").write_text("*\n", encoding="utf-8")


def clean(root: Path) -> bool:
    folder = root / FOLDER
    if folder.is_dir():
        shutil.rmtree(folder)
        return True
    return False


def _dump_finding(f: Finding) -> dict:
    data = f.to_dict()
    del data["path"], data["fixable"]
    if f.fix is not None:
        data["fix"] = {"span": list(f.fix.span), "replacement": f.fix.replacement, "whole_lines": f.fix.whole_lines}
    return data


def _finding(path: str, d: dict) -> Finding:
    fix = d.get("fix")
    return Finding(path, int(d["line"]), int(d["column"]), int(d["end_line"]), int(d["end_column"]), str(d["code"]),
                   str(d["name"]), str(d["family"]), Severity.parse(d["severity"]), str(d["message"]),
                   str(d.get("excerpt", "")),
                   Fix(Span(*fix["span"]), fix["replacement"], bool(fix["whole_lines"])) if fix else None)


def _summary(path: str, d: dict) -> Summary:
    span = d["title_span"]
    words, ease, grade = d["scores"]
    return Summary(path, d["title"], Span(*span) if span else None,
                   tuple((str(text), Span(*s)) for text, s in d["headings"]),
                   Scores(int(words), None if ease is None else float(ease), None if grade is None else float(grade)),
                   tuple(TemplateLine(str(fp), Span(*s), str(text)) for fp, s, text in d["lines"]))


def _suppressions(d: dict) -> Suppressions:
    return Suppressions([(int(a), int(b), tuple(s)) for a, b, s in d["ranges"]], tuple(d["whole_file"]))
