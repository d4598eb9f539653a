"""The run: discover files, parse each once, run the selected rules, apply suppressions, gather findings.

Files are independent, so the per-document stage runs in worker processes (``jobs``) on chunks of files;
corpus rules then see one small Summary per document in the main process. Output order is deterministic
whatever the number of jobs: findings are sorted by path, then position.
"""
from __future__ import annotations

import dataclasses
import errno
import fnmatch
import gc
import os
import re
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from draftlint import nlp, parse, suppress
from draftlint.config import Config, ConfigError
from draftlint.document import Document
from draftlint.findings import Finding, Severity, Span
from draftlint.registry import Registry
from draftlint.rule import Rule, Summary, suggest

SKIP_DIRS = frozenset({"node_modules", "venv", "env", "site-packages", "__pycache__", "_build", "dist", "build"})
FILE_CODES = {"E001": ("unreadable-file", "file"), "E002": ("invalid-front-matter", "file")}
CHUNK = 16
# Below this many bytes in all, starting worker processes (each imports the rules and spaCy) costs more than
# it saves: with the default number of jobs, such a run stays in-process.
SERIAL_BYTES = 256_000


# -- selection ---------------------------------------------------------------------------------------------
def _selector_matches(selector: str, rule: Rule) -> bool:
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    if s.lower() in (rule.name, str(rule.family)) or s.lower() in getattr(rule, "aliases", ()):
        return True
    return bool(re.fullmatch(r"[A-Z]{1,3}\d{0,3}", s.upper())) and rule.code.startswith(s.upper()) and s[:1].isalpha()


def _check_selectors(registry: Registry, selectors: Iterable[str], key: str) -> None:
    vocabulary = set(registry.rules) | set(registry.names) | registry.families | {"ALL"}
    for s in selectors:
        if not any(_selector_matches(s, r) for r in registry):
            raise ConfigError(f'config error: {key}: "{s}" matches no rule code, code prefix, name or family'
                              f"{suggest(s, vocabulary)}")


def select(registry: Registry, config: Config) -> list[Rule]:
    for key, values in (("select", config.select or []), ("ignore", config.ignore), ("extend-select", config.extend_select)):
        _check_selectors(registry, values, key)
    for values in config.per_file_ignores.values():
        _check_selectors(registry, values, "per-file-ignores")
    if config.select is not None:
        chosen = [r for r in registry if any(_selector_matches(s, r) for s in config.select)]
    else:
        chosen = [r for r in registry if r.default_enabled]
    chosen += [r for r in registry if r not in chosen and any(_selector_matches(s, r) for s in config.extend_select)]
    return [r for r in chosen if not any(_selector_matches(s, r) for s in config.ignore)]


def rule_options(registry: Registry, config: Config) -> dict[str, Any]:
    from draftlint.rule import OptionError

    options = {r.code: r.make_options({}) for r in registry}
    where = f"{config.path}: " if config.path else ""
    for key, values in config.rules.items():
        rule = registry.resolve(key)
        if rule is None:
            raise ConfigError(f'config error: {where}rules."{key}" is not a rule code or name'
                              f"{suggest(key, list(registry.rules) + list(registry.names))}")
        try:
            options[rule.code] = rule.make_options(values, where=f"config error: {where}")
        except OptionError as exc:
            raise ConfigError(str(exc)) from None
    return options


@dataclass
class Plan:
    rules: list[Rule]
    options: dict[str, Any]
    severity: dict[str, Severity]
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    nlp_model: str | None = None
    max_file_size: int = 10_000_000
    timeout: float = 60.0

    @property
    def document_rules(self) -> list[Rule]:
        return [r for r in self.rules if not r.corpus]

    @property
    def corpus_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.corpus]

    @property
    def needs_sentences(self) -> bool:
        return any("sentences" in r.needs for r in self.document_rules)


def make_plan(registry: Registry, config: Config) -> Plan:
    rules = select(registry, config)
    severity: dict[str, Severity] = {}
    for key, level in config.severity.items():
        rule = registry.resolve(key)
        if rule is None:
            raise ConfigError(f'config error: severity: "{key}" is not a rule code or name'
                              f"{suggest(key, list(registry.rules) + list(registry.names))}")
        severity[rule.code] = Severity.parse(level)
    for rule in rules:
        severity.setdefault(rule.code, rule.severity)
    if config.nlp_model and not _pipeline_exists(config.nlp_model):
        where = f"{config.path}: " if config.path else ""
        raise ConfigError(f'config error: {where}nlp-model "{config.nlp_model}" is neither an installed spaCy '
                          "pipeline package nor a folder (install it, e.g. python -m spacy download NAME, or remove the key)")
    return Plan(rules, rule_options(registry, config), severity, config.per_file_ignores, config.nlp_model,
                config.max_file_size, config.timeout)


def _pipeline_exists(model: str) -> bool:
    """Checked before any file is read, without importing spaCy: a package name or a saved pipeline folder."""
    import importlib.util

    try:
        return Path(model).is_dir() or importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):
        return False


# -- discovery ---------------------------------------------------------------------------------------------
@dataclass
class Discovery:
    files: list[str]
    errors: list[str]  # one message per path that could not be walked: missing, unreadable, a symlink loop


def _excluded(rel: str, name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p.rstrip("/") + "/*")
               for p in patterns)


def discover(paths: Iterable[str], config: Config) -> Discovery:
    files: list[str] = []
    errors: list[str] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_file() or (path.exists() and not path.is_dir()):
            if given not in seen:
                seen.add(given)
                files.append(given)
            continue
        if not path.is_dir():
            errors.append(f"{given}: {_why_missing(path)}")
            continue

        def unreadable(exc: OSError) -> None:
            errors.append(f"{exc.filename}: cannot read folder: {exc.strerror or exc}")

        walked: set[str] = set()
        for folder, dirs, names in os.walk(path, onerror=unreadable, followlinks=config.follow_symlinks):
            real = os.path.realpath(folder)
            if real in walked:  # a followed link back into a folder already walked: a loop
                dirs[:] = []
                continue
            walked.add(real)
            rel_folder = os.path.relpath(folder, path)
            dirs[:] = sorted(d for d in dirs if not _skip_dir(Path(folder) / d, d, config.follow_symlinks)
                             and not _excluded(os.path.normpath(os.path.join(rel_folder, d)), d, config.exclude))
            for name in sorted(names):
                if not name.lower().endswith(config.extensions):
                    continue
                full = os.path.join(folder, name)
                rel = os.path.normpath(os.path.join(rel_folder, name))
                if _excluded(rel, name, config.exclude) or full in seen:
                    continue
                if os.path.islink(full) and not (config.follow_symlinks and os.path.isfile(full)) and not _inside(full, path):
                    continue
                seen.add(full)
                files.append(full)
    return Discovery(files, errors)


def _why_missing(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return f"cannot read: {exc.strerror}"
    return "no such file or folder"


def _skip_dir(path: Path, name: str, follow_symlinks: bool = False) -> bool:
    return (name.startswith(".") or name in SKIP_DIRS or (path / "pyvenv.cfg").exists()
            or (path.is_symlink() and not follow_symlinks))


def _inside(file: str, root: Path) -> bool:
    try:
        Path(file).resolve(strict=True).relative_to(root.resolve())
        return True
    except (ValueError, OSError, RuntimeError):  # outside, dangling, or a loop (RuntimeError before 3.13)
        return False


# -- linting -----------------------------------------------------------------------------------------------
@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    summary: Summary | None = None
    suppressions: suppress.Suppressions | None = None
    crashes: list[str] = field(default_factory=list)
    note: str | None = None


def _file_finding(path: str, code: str, message: str, span: Span = Span(1, 1, 1, 1)) -> Finding:
    name, family = FILE_CODES[code]
    return Finding(path, span.line, span.col, span.end_line, span.end_col, code, name, family, Severity.ERROR, message)


def load_bytes(path: str, plan: Plan) -> tuple[bytes | None, FileResult | None]:
    """The file's bytes, or a finished result for a file that cannot be linted (too big, unreadable)."""
    try:
        size = os.path.getsize(path)
        if size > plan.max_file_size:
            return None, FileResult(path, note=f"{path}: skipped: {size:,} bytes is over max-file-size ({plan.max_file_size:,})")
        with open(path, "rb") as handle:
            return handle.read(plan.max_file_size + 1), None
    except OSError as exc:
        return None, FileResult(path, [_file_finding(path, "E001", f"cannot read file: {exc.strerror or exc}")])


def read_document(path: str, data: bytes) -> tuple[Document | None, FileResult]:
    result = FileResult(path)
    try:
        source = parse.decode(data)
    except parse.ReadError as exc:
        if exc.skip:
            result.note = f"{path}: skipped: {exc}"
        else:
            result.findings.append(_file_finding(path, "E001", str(exc)))
        return None, result
    doc = parse.build(path, source)
    for problem in doc.problems:
        result.findings.append(_file_finding(path, problem.code, problem.message, problem.span))
    return doc, result


class RuleTimeout(Exception):
    pass


@contextmanager
def rule_alarm(seconds: float):
    """Yield ``arm(on)``, called with True as each rule starts and with False as it ends: a rule still running
    ``seconds`` after its start is interrupted with RuleTimeout (POSIX main thread; elsewhere, or with no limit,
    ``arm`` does nothing).

    One timer serves all the rules of a document, so that starting a rule costs no system call: when the
    timer goes off between rules, or during a rule that started less than ``seconds`` ago, it is set again
    for the rest of that time."""
    if not seconds or not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield lambda on: None
        return
    started: float | None = None  # when the running rule started; None between rules

    def arm(on: bool) -> None:
        nonlocal started
        started = time.monotonic() if on else None

    def expire(signum, frame) -> None:
        left = seconds if started is None else started + seconds - time.monotonic()
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left)
            return
        raise RuleTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield arm
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_document(doc: Document, result: FileResult, plan: Plan) -> FileResult:
    hidden = suppress.collect(doc)
    for message in hidden.problems:
        result.findings.append(_file_finding(doc.path, "E002", message))
    with rule_alarm(plan.timeout) as arm:
        for rule in plan.document_rules:
            opts = plan.options[rule.code]
            try:
                arm(True)
                try:
                    found = list(rule.check(doc, opts))
                finally:
                    arm(False)
            except RuleTimeout:
                result.crashes.append(f"rule {rule.code} ({rule.name}) crashed on {doc.path}: "
                                      f"no result within the time limit of {plan.timeout:g} s")
                continue
            except Exception as exc:  # a crashing rule must not take the others down
                result.crashes.append(f"rule {rule.code} ({rule.name}) crashed on {doc.path}: {type(exc).__name__}: {exc}")
                continue
            level = plan.severity[rule.code]
            for finding in found:
                finding = dataclasses.replace(finding, path=doc.path, severity=level)
                if not hidden.hides(finding):
                    result.findings.append(finding)
    result.summary = Summary.of(doc)
    result.suppressions = hidden
    return result


def lint_batch(items: list[tuple[str, bytes]], plan: Plan) -> list[FileResult]:
    """Parse a chunk of files, split all their sentences in one batched pass if needed, run the rules."""
    nlp.configure(plan.nlp_model)
    parsed: list[tuple[Document | None, FileResult]] = [read_document(path, data) for path, data in items]
    if plan.needs_sentences:
        docs = [doc for doc, _ in parsed if doc is not None]
        try:
            nlp.annotate(docs)
        except nlp.PipelineError as exc:
            for _, result in parsed:
                result.crashes.append(str(exc))
            return [result for _, result in parsed]
    return [check_document(doc, result, plan) if doc is not None else result for doc, result in parsed]


_WORKER_PLAN: Plan | None = None


def tune_gc() -> None:
    """For a lint process: linting allocates many small objects (parser tokens, blocks, lines, findings)
    that die with their document, so the youngest generation is collected less often (about 7% less time
    over a corpus), and what is loaded so far (modules, rules, config) is left out of collections."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _init_worker(plan: Plan) -> None:
    global _WORKER_PLAN
    _WORKER_PLAN = plan
    tune_gc()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C


def _work(items: list[tuple[str, bytes]]) -> list[FileResult]:
    assert _WORKER_PLAN is not None
    return lint_batch(items, _WORKER_PLAN)


def _total_size(paths: list[str]) -> int:
    total = 0
    for path in paths:
        try:
            total += os.path.getsize(path)
        except OSError:
            pass
        if total >= SERIAL_BYTES:
            break
    return total


def lint_files(paths: list[str], plan: Plan, jobs: int | None = 1, cache: Any = None,
               progress: Callable[[int], None] | None = None) -> Iterator[FileResult]:
    """Lint files, in worker processes when ``jobs`` > 1; cached results are served without parsing.

    ``jobs=None`` means all cores, except for a small run (under ``SERIAL_BYTES``), which stays in-process."""
    from draftlint import cache as cachemod

    keys: dict[str, str] = {}

    def pending() -> Iterator[tuple[str, bytes] | FileResult]:
        for path in paths:
            data, early = load_bytes(path, plan)
            if early is not None:
                yield early
                continue
            assert data is not None
            if cache is not None:
                key = cachemod.content_key(path, data)
                hit = cache.get(path, key)
                if hit is not None:
                    yield hit
                    continue
                keys[path] = key
            yield path, data

    def done(result: FileResult) -> FileResult:
        if cache is not None and result.path in keys:
            cache.put(keys.pop(result.path), result)
        if progress:
            progress(1)
        return result

    def batches() -> Iterator[list[tuple[str, bytes]] | FileResult]:
        chunk: list[tuple[str, bytes]] = []
        for item in pending():
            if isinstance(item, FileResult):
                yield item
                continue
            chunk.append(item)
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    if jobs is None:
        jobs = 1 if _total_size(paths) < SERIAL_BYTES else os.cpu_count() or 1
    if jobs <= 1 or len(paths) <= CHUNK:
        for batch in batches():
            if isinstance(batch, FileResult):
                yield done(batch)
            else:
                for result in lint_batch(batch, plan):
                    yield done(result)
        return
    from concurrent.futures import ProcessPoolExecutor  # imported here: a run of a few files never needs it

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(plan,)) as pool:
        in_flight: deque = deque()
        for batch in batches():
            if isinstance(batch, FileResult):
                yield done(batch)
                continue
            in_flight.append(pool.submit(_work, batch))
            while len(in_flight) > jobs * 4:
                for result in in_flight.popleft().result():
                    yield done(result)
        while in_flight:
            for result in in_flight.popleft().result():
                yield done(result)


@dataclass
class RunResult:
    findings: list[Finding]
    crashes: list[str]
    notes: list[str]
    files: int  # files linted
    skipped: list[str] = field(default_factory=list)  # files left out with a note (binary, over max-file-size)
    paths: list[str] = field(default_factory=list)  # every file of the run, linted or skipped


def finish(results: Iterable[FileResult], plan: Plan) -> RunResult:
    """Run corpus rules over the summaries, apply per-file ignores, sort."""
    findings: list[Finding] = []
    crashes: list[str] = []
    notes: list[str] = []
    by_path: dict[str, FileResult] = {}
    files = 0
    skipped: list[str] = []
    for result in results:
        by_path[result.path] = result
        findings.extend(result.findings)
        crashes.extend(result.crashes)
        if result.note:
            notes.append(result.note)
            skipped.append(result.path)
        else:
            files += 1
    summaries = [r.summary for r in by_path.values() if r.summary is not None]
    for rule in plan.corpus_rules:
        try:
            found = list(rule.check_corpus(summaries, plan.options[rule.code]))
        except Exception as exc:
            crashes.append(f"rule {rule.code} ({rule.name}) crashed on the run's corpus: {type(exc).__name__}: {exc}")
            continue
        for finding in found:
            finding = dataclasses.replace(finding, severity=plan.severity[rule.code])
            hidden = by_path.get(finding.path)
            if hidden is None or hidden.suppressions is None or not hidden.suppressions.hides(finding):
                findings.append(finding)
    if plan.per_file_ignores:
        kept = []
        for finding in findings:
            selectors = suppress.per_file_selectors(finding.path, plan.per_file_ignores)
            if not any(suppress.matches(s, finding) for s in selectors):
                kept.append(finding)
        findings = kept
    findings.sort(key=lambda f: f.sort_key)
    return RunResult(findings, crashes, notes, files, skipped, sorted(by_path))
