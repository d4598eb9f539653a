"""What the archive report shows, worked out from a run in the JSON output's shape (``report.json.document``).

Everything here is counting and grouping of findings and documents that the engine produced: no rule runs
again. Folders are the files' folders under the run's common root, cut to the depth that gives at most
``MAX_FOLDERS`` groups, so a site with one folder per author or section gets one bar per author or section.
"""
from __future__ import annotations

import os
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

FAMILIES = ("title", "quote", "boilerplate", "readability")
SEVERITIES = ("error", "warning", "info")
MAX_FOLDERS = 30
MIN_SCORED_WORDS = 100  # readability scores of shorter documents say little (R003's default min-words)
WORST_FILES = 50
FINDINGS_PER_FILE = 200  # listed below each worst file; the rest are counted
TEMPLATE_MIN_FILES = 3  # a flagged line in this many files is template residue
TOP_RULES = 15
MAX_ROWS = 100  # template lines and duplicate-title groups shown (the most shared first)


@dataclass
class Document:
    path: str
    folder: str
    title: str | None
    words: int
    reading_ease: float | None
    grade: float | None
    findings: list[dict] = field(default_factory=list)

    @property
    def by_family(self) -> Counter:
        return Counter(f["family"] if f["family"] in FAMILIES else "other" for f in self.findings)

    @property
    def by_severity(self) -> Counter:
        return Counter(f["severity"] for f in self.findings)

    @property
    def rank(self) -> tuple:
        """Worst first: errors, then warnings, then all findings."""
        levels = self.by_severity
        return (-levels["error"], -levels["warning"], -len(self.findings), self.path)


@dataclass
class Folder:
    name: str
    files: int = 0
    words: int = 0
    by_family: Counter = field(default_factory=Counter)
    ease: list[float] = field(default_factory=list)
    grade: list[float] = field(default_factory=list)

    def per_thousand(self, family: str | None = None) -> float:
        count = sum(self.by_family.values()) if family is None else self.by_family[family]
        return 1000 * count / self.words if self.words else 0.0


@dataclass
class Rule:
    code: str
    name: str
    family: str
    findings: int
    files: int


@dataclass
class TemplateLine:
    text: str
    files: int
    codes: list[str]


@dataclass
class Archive:
    tool_version: str
    root: str
    documents: list[Document]
    findings: int
    by_family_severity: dict[str, Counter]
    rules: list[Rule]
    folders: list[Folder]
    template_lines: list[TemplateLine]
    duplicate_groups: list[list[tuple[str, str | None]]]
    has_documents: bool  # False for a saved run from before ``documents`` was written

    @property
    def worst(self) -> list[Document]:
        return sorted((d for d in self.documents if d.findings), key=lambda d: d.rank)[:WORST_FILES]

    @property
    def words(self) -> int:
        return sum(d.words for d in self.documents)

    @property
    def scored(self) -> list[Document]:
        return [d for d in self.documents if d.words >= MIN_SCORED_WORDS and d.reading_ease is not None]

    @property
    def boilerplate_rules(self) -> list[Rule]:
        """Boilerplate rules (one per widget kind), those in the most files first."""
        return sorted((r for r in self.rules if r.family == "boilerplate"), key=lambda r: (-r.files, -r.findings, r.code))


def build(data: dict) -> Archive:
    """The archive of one run (the dict of ``check --format json``, version 1)."""
    findings = data["findings"]
    has_documents = "documents" in data
    docs = {d["path"]: d for d in data.get("documents", [])}
    paths = sorted(set(docs) | {f["path"] for f in findings})
    root, folder_of = _folders(paths)
    documents: dict[str, Document] = {}
    for path in paths:
        d = docs.get(path, {})
        documents[path] = Document(path, folder_of[path], d.get("title"), int(d.get("words") or 0),
                                   d.get("reading_ease"), d.get("grade"))
    for f in findings:
        documents[f["path"]].findings.append(f)
    table: dict[str, Counter] = {family: Counter() for family in FAMILIES}
    for f in findings:
        table.setdefault(f["family"], Counter())[f["severity"]] += 1
    return Archive(str(data.get("tool", {}).get("version", "")), root, list(documents.values()), len(findings),
                   table, _rules(findings), _folder_rows(documents.values()), _template_lines(findings),
                   _duplicate_groups(findings, documents), has_documents)


def _folders(paths: list[str]) -> tuple[str, dict[str, str]]:
    """The run's common root, and each path's folder under it (cut to at most MAX_FOLDERS groups)."""
    if not paths:
        return "", {}
    parents = [os.path.dirname(os.path.normpath(p)) for p in paths]
    try:
        root = os.path.commonpath(parents) if len(set(p.startswith("/") for p in parents)) == 1 else ""
    except ValueError:
        root = ""
    parts = {p: _parts(parent, root) for p, parent in zip(paths, parents)}
    depth = max((len(v) for v in parts.values()), default=0)
    while depth > 1 and len({tuple(v[:depth]) for v in parts.values()}) > MAX_FOLDERS:
        depth -= 1
    return root, {p: "/".join(v[:depth]) or "." for p, v in parts.items()}


def _parts(parent: str, root: str) -> list[str]:
    rel = os.path.relpath(parent, root) if root else parent
    return [part for part in re.split(r"[\\/]", rel) if part not in ("", ".")]


def _rules(findings: list[dict]) -> list[Rule]:
    counts = Counter(f["code"] for f in findings)
    files: dict[str, set] = defaultdict(set)
    meta: dict[str, dict] = {}
    for f in findings:
        files[f["code"]].add(f["path"])
        meta.setdefault(f["code"], f)
    return [Rule(code, meta[code]["name"], meta[code]["family"], n, len(files[code]))
            for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _folder_rows(documents: Iterable[Document]) -> list[Folder]:
    folders: dict[str, Folder] = {}
    for doc in documents:
        row = folders.setdefault(doc.folder, Folder(doc.folder))
        row.files += 1
        row.words += doc.words
        row.by_family.update(doc.by_family)
        if doc.words >= MIN_SCORED_WORDS and doc.reading_ease is not None and doc.grade is not None:
            row.ease.append(doc.reading_ease)
            row.grade.append(doc.grade)
    return sorted(folders.values(), key=lambda f: (-f.per_thousand(), f.name))


def _template_lines(findings: list[dict]) -> list[TemplateLine]:
    """Boilerplate lines flagged in several files: the same text (case and spacing aside) is site template."""
    files: dict[str, set] = defaultdict(set)
    codes: dict[str, set] = defaultdict(set)
    shown: dict[str, str] = {}
    for f in findings:
        text = " ".join(str(f.get("excerpt") or "").split())
        if f["family"] != "boilerplate" or not text:
            continue
        key = text.casefold()
        shown.setdefault(key, text)
        files[key].add(f["path"])
        codes[key].add(f["code"])
    rows = [TemplateLine(shown[k], len(v), sorted(codes[k])) for k, v in files.items() if len(v) >= TEMPLATE_MIN_FILES]
    return sorted(rows, key=lambda r: (-r.files, r.text))


def _duplicate_groups(findings: list[dict], documents: dict[str, Document]) -> list[list[tuple[str, str | None]]]:
    """Files that share a title (T004 pairs, joined into groups): each group's (path, title), by path."""
    parent: dict[str, str] = {}

    def top(path: str) -> str:
        while parent.setdefault(path, path) != path:
            parent[path] = parent[parent[path]]
            path = parent[path]
        return path

    titles: dict[str, str | None] = {}
    for f in findings:
        if not f.get("related"):
            continue
        titles[f["path"]] = f.get("excerpt") or None
        for other in f["related"]:
            parent[top(other)] = top(f["path"])
    groups: dict[str, list[str]] = defaultdict(list)
    for path in parent:
        groups[top(path)].append(path)
    out = []
    for members in groups.values():
        out.append([(p, titles.get(p) or (documents[p].title if p in documents else None)) for p in sorted(members)])
    return sorted(out, key=lambda g: (-len(g), g[0][0]))


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None
