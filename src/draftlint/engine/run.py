"""Running a plan: read each file, parse it once, run the document rules, apply inline suppressions; then
the corpus rules over every file's summary, per-file ignores, and one sorted RunResult.

Files are independent, so the per-document stage runs in worker processes (``jobs``) on chunks of files;
corpus rules then see one small Summary per document in the main process. Output order is deterministic
whatever the number of jobs: findings are sorted by path, then position.

The doors: ``lint_text`` (one text in memory: an editor buffer, standard input) and ``lint_files`` (files on
disk); ``lint_each`` yields each file's result as it is done (for progress, or to stop early).
"""
from __future__ import annotations

import dataclasses
import functools
import gc
import os
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

from draftlint import cache as cachemod, fold, nlp, parse, suppress
from draftlint.document import Document
from draftlint.engine.plan import Plan
from draftlint.findings import Finding
from draftlint.results import FileResult, RunResult, file_finding
from draftlint.rule import Summary

CHUNK = 16
# Below this many bytes in all, starting worker processes (each imports the rules and spaCy) costs more than
# it saves: with the default number of jobs, such a run stays in-process.
SERIAL_BYTES = 256_000


# -- one file ------------------------------------------------------------------------------------------------
def load_bytes(path: str, plan: Plan) -> tuple[bytes | None, FileResult | None]:
    """The file's bytes, or a finished result for a file that cannot be linted (too big, unreadable)."""
    try:
        size = os.path.getsize(path)
        if size > plan.max_file_size:
            return None, FileResult(path, note=f"{path}: skipped: {size:,} bytes is over max-file-size ({plan.max_file_size:,})")
        with open(path, "rb") as handle:
            return handle.read(plan.max_file_size + 1), None
    except OSError as exc:
        return None, FileResult(path, [file_finding(path, "E001", f"cannot read file: {exc.strerror or exc}")])


def read_document(path: str, data: bytes, html_main: bool = False) -> tuple[Document | None, FileResult]:
    result = FileResult(path)
    try:
        source = parse.decode(data, path)
    except parse.ReadError as exc:
        if exc.skip:
            result.note = f"{path}: skipped: {exc}"
        else:
            result.findings.append(file_finding(path, "E001", str(exc), exc.span))
        return None, result
    doc = parse.build(path, source, html_main=html_main)
    for problem in doc.problems:
        result.findings.append(file_finding(path, problem.code, problem.message, problem.span))
    return doc, result


class RuleTimeout(Exception):
    pass


@contextmanager
def rule_alarm(seconds: float, clock: Callable[[], float] = time.monotonic,
               set_timer: Callable[[float], Any] | None = None):
    """Yield ``arm(on)``, called with True as each rule starts and with False as it ends: a rule still running
    ``seconds`` after its start is interrupted with RuleTimeout (POSIX main thread; elsewhere, or with no limit,
    ``arm`` does nothing).

    One timer serves all the rules of a document, so that starting a rule costs no system call: when the
    timer goes off between rules, or during a rule that started less than ``seconds`` ago, it is set again
    for the rest of that time. ``clock`` and ``set_timer`` (the real-time interval timer by default) are
    given by tests."""
    if not seconds or not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield lambda on: None
        return
    if set_timer is None:
        set_timer = functools.partial(signal.setitimer, signal.ITIMER_REAL)
    started: float | None = None  # when the running rule started; None between rules

    def arm(on: bool) -> None:
        nonlocal started
        started = clock() if on else None

    def expire(signum, frame) -> None:
        left = seconds if started is None else started + seconds - clock()
        if left > 0:
            set_timer(left)
            return
        raise RuleTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    set_timer(seconds)
    try:
        yield arm
    finally:
        set_timer(0)
        signal.signal(signal.SIGALRM, previous)


def check_document(doc: Document, result: FileResult, plan: Plan) -> FileResult:
    hidden = suppress.collect(doc, plan.vocabulary)
    for message in hidden.problems:
        result.findings.append(file_finding(doc.path, "E002", message))
    for span, message in hidden.unknown:
        result.findings.append(file_finding(doc.path, "E003", message, span))
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
                if finding.path != doc.path or finding.severity is not level:  # most are made so already
                    finding = dataclasses.replace(finding, path=doc.path, severity=level)
                if doc.origin is not None and finding.fix is not None:  # fixes edit source lines: not a page's
                    finding = dataclasses.replace(finding, fix=None)
                if not hidden.hides(finding):
                    result.findings.append(finding)
    if plan.report_unused and not result.crashes:
        for span, message in hidden.unused(plan.judges):
            result.findings.append(file_finding(doc.path, "E004", message, span))
    result.summary = Summary.of(doc, plan.scores, plan.template_lines)
    result.suppressions = hidden
    return result


def lint_batch(items: list[tuple[str, bytes]], plan: Plan) -> list[FileResult]:
    """Parse a chunk of files, split all their sentences in one batched pass if needed, run the rules."""
    nlp.configure(plan.nlp_model)
    parsed: list[tuple[Document | None, FileResult]] = [read_document(path, data, plan.html_main) for path, data in items]
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


def lint_each(paths: list[str], plan: Plan, jobs: int | None = 1, cache: cachemod.Cache | None = None,
               progress: Callable[[int], None] | None = None) -> Iterator[FileResult]:
    """Each file's result as it is done, linted in ``jobs`` worker processes when ``jobs`` > 1 (however few the
    files); cached results are served without parsing. ``jobs=None`` means all cores, except for a small run
    (under ``SERIAL_BYTES``), which stays in-process. ``finish`` turns the results into a RunResult."""
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

    def batches(size: int) -> Iterator[list[tuple[str, bytes]] | FileResult]:
        chunk: list[tuple[str, bytes]] = []
        for item in pending():
            if isinstance(item, FileResult):
                yield item
                continue
            chunk.append(item)
            if len(chunk) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    if jobs is None:
        jobs = 1 if _total_size(paths) < SERIAL_BYTES else os.cpu_count() or 1
    if jobs <= 1:
        for batch in batches(CHUNK):
            if isinstance(batch, FileResult):
                yield done(batch)
            else:
                for result in lint_batch(batch, plan):
                    yield done(result)
        return
    from concurrent.futures import ProcessPoolExecutor  # imported here: a run of a few files never needs it

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(plan,)) as pool:
        in_flight: deque = deque()
        # chunks of CHUNK files, smaller for a run of a few files, so that every worker gets some
        for batch in batches(max(1, min(CHUNK, -(-len(paths) // jobs)))):
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
    findings = fold.fold(findings, plan.specificity)
    findings.sort(key=lambda f: f.sort_key)
    return RunResult(findings, crashes, notes, files, skipped, sorted(by_path), summaries)


def lint_text(text: str | bytes, path: str, plan: Plan) -> RunResult:
    """Lint one text held in memory (an editor's buffer, standard input) as if it were the file ``path``:
    its suffix picks Markdown or plain text, and per-file ignores and corpus rules see that path. Bytes are
    decoded as a file's are (a bad encoding is an E001 finding)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return finish(lint_batch([(path, data)], plan), plan)


def lint_files(paths: list[str], plan: Plan, jobs: int | None = 1, cache: cachemod.Cache | None = None,
               progress: Callable[[int], None] | None = None) -> RunResult:
    """Lint files on disk (as found by ``discover``): ``finish(lint_each(...))``."""
    return finish(lint_each(paths, plan, jobs, cache, progress), plan)
