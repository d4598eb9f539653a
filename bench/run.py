#!/usr/bin/env python3
"""Speed benchmark: draftlint beside the tools a user would otherwise run, on the same files, in one run.

    python3 bench/run.py [CORPUS] [--repeat N] [--peer-repeat M] [--tools a,b] [--no-install]

CORPUS defaults to ../shared/bench-corpus/full (every ``*.md`` under it). The peers are installed on first
use into ``bench/.peers/`` (git-ignored), never into draftlint's own environment:

* ``bench/.peers/py``  a Python venv with proselint (and psutil, used here to measure memory);
* ``bench/.peers/npm`` an npm prefix with write-good, and textlint with textlint-rule-sentence-length,
  textlint-rule-max-comma, textlint-rule-no-todo and textlint-rule-write-good.

Every tool gets the same files, all of them on one command line (one process per run, as a user runs a
linter over a folder), with its output written to a scratch file. Words are counted the same way for all:
whitespace tokens of the files (``str.split()``). Each tool runs ``--repeat`` times, round-robin, and the
table shows the minimum and median wall time, words per second (from the median), how many times faster
draftlint is, and peak memory: the resident set of the whole process tree (sampled every 250 ms with
psutil) and of the largest single process (``getrusage(RUSAGE_CHILDREN).ru_maxrss`` in a fresh child).

draftlint also runs with DRAFTLINT_NO_SHORTCUTS=1 (every shortcut off), so the table shows what the shortcuts
buy. Then draftlint alone: ``--jobs 1`` against the default (scaling), and the latency cases (medians): one file
with no sentence-level rule selected, one file with every rule, the pre-commit case (10 files, every rule),
and a warm-cache re-run over 1,000 files. Results are also written to ``bench/results/<time>.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PEERS = BENCH / ".peers"
PY_PEERS = PEERS / "py"
NPM_PEERS = PEERS / "npm"
DRAFTLINT_PY = REPO / ".venv" / "bin" / "python"
DEFAULT_CORPUS = REPO.parent / "shared" / "bench-corpus" / "full"

PIP_PEERS = ["proselint==0.16.0", "psutil"]
NPM_PACKAGES = {"write-good": "1.0.8", "textlint": "15.8.0", "textlint-rule-sentence-length": "5.2.1",
                "textlint-rule-max-comma": "4.0.0", "textlint-rule-no-todo": "2.0.1", "textlint-rule-write-good": "2.0.0"}
TEXTLINT_RULES = ["sentence-length", "max-comma", "no-todo", "write-good"]
PEER_NAMES = ("write-good", "proselint", "textlint")
NO_SHORTCUTS = "draftlint, DRAFTLINT_NO_SHORTCUTS=1"  # every shortcut off: the plain reference paths
# draftlint must be this many times faster than each peer (words per second), issue 5
TARGETS = {"write-good": 2.0, "proselint": 4.0, "textlint": 10.0}
SPACY_START = "reference: import spaCy, blank('en') + sentencizer"
REFERENCE_SPACY_START = 0.6  # seconds, on the machine where the issue set its targets
LATENCY_TARGETS = {"one file, no sentence rules": 0.25, "one file, all rules": 1.0,
                   "pre-commit: 10 files, all rules": 1.5, "warm cache: 1,000 files": 1.0}

# Runs the command given as arguments, then prints its wall time and the peak RSS of its largest process.
_TIMER = ("import resource, subprocess, sys, time\n"
          "t = time.perf_counter()\n"
          "rc = subprocess.call(sys.argv[2:])\n"
          "wall = time.perf_counter() - t\n"
          "print(f'{rc} {wall:.6f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=open(int(sys.argv[1]), 'w'))\n")


@dataclass
class Tool:
    name: str
    version: str
    argv: list[str]  # the files are appended
    cwd: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    per_file_list: bool = False  # takes a file listing instead of the files


@dataclass
class Run:
    wall: float
    rss_tree_mb: float | None
    rss_max_mb: float
    rc: int


# -- installing the peers ----------------------------------------------------------------------------------
def install_peers() -> None:
    if not (PY_PEERS / "bin" / "proselint").exists():
        print("installing proselint into bench/.peers/py ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(PY_PEERS)], check=True)
        subprocess.run([str(PY_PEERS / "bin" / "pip"), "install", "-q", *PIP_PEERS], check=True)
    missing = [p for p in NPM_PACKAGES if not (NPM_PEERS / "node_modules" / p / "package.json").exists()]
    if missing:
        print(f"installing {', '.join(missing)} into bench/.peers/npm ...", file=sys.stderr)
        subprocess.run(["npm", "install", "--prefix", str(NPM_PEERS), "--no-audit", "--no-fund", "--loglevel", "error",
                        *(f"{p}@{v}" for p, v in NPM_PACKAGES.items())], check=True)


def _reexec_with_psutil() -> None:
    """Memory of a process tree needs psutil; the peers' venv has it, so run there if this Python lacks it."""
    try:
        import psutil  # noqa: F401
    except ImportError:
        python = PY_PEERS / "bin" / "python"
        if python.exists() and Path(sys.prefix).resolve() != PY_PEERS.resolve():
            os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


def _output(argv: list[str], **kwargs) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=120, **kwargs).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def _npm_version(package: str) -> str:
    try:
        return json.loads((NPM_PEERS / "node_modules" / package / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "?"


def compile_draftlint() -> None:
    """Byte-compile draftlint's own sources, as a regular ``pip install`` does. The repo's editable install would
    otherwise compile them again in every run where PYTHONDONTWRITEBYTECODE is set (as on the machines here):
    about 0.15 s per run that an installed draftlint never pays. The peers are regular installs."""
    subprocess.run([str(DRAFTLINT_PY), "-m", "compileall", "-q", str(REPO / "src")], check=True,
                   stdout=subprocess.DEVNULL)


def tools(corpus: Path, listing: Path) -> dict[str, Tool]:
    draftlint = str(REPO / ".venv" / "bin" / "draftlint")
    version = _output([draftlint, "version"])
    bin_ = NPM_PEERS / "node_modules" / ".bin"
    rc = PEERS / "textlintrc.json"
    rc.write_text(json.dumps({"rules": {rule: True for rule in TEXTLINT_RULES}}))
    # every rule on, the default number of jobs (all cores), no cache: a cold run over the whole archive
    check = [draftlint, "check", "--isolated", "--no-cache", "--select", "ALL", "--exit-zero", "-q"]
    spacy_version = _output([str(DRAFTLINT_PY), "-c", "import spacy; print(spacy.__version__)"]).strip() or "?"
    floor = [str(DRAFTLINT_PY), str(BENCH / "floor.py")]
    return {
        "draftlint": Tool("draftlint", version, check, corpus),
        "draftlint --jobs 1": Tool("draftlint --jobs 1", version, check + ["--jobs", "1"], corpus),
        NO_SHORTCUTS: Tool(NO_SHORTCUTS, version, check, corpus, env={"DRAFTLINT_NO_SHORTCUTS": "1"}),
        "write-good": Tool("write-good", _npm_version("write-good"), [str(bin_ / "write-good")], corpus),
        "proselint": Tool("proselint", _output([str(PY_PEERS / "bin" / "proselint"), "version"]).split()[-1],
                          [str(PY_PEERS / "bin" / "proselint"), "check"], corpus),
        "textlint": Tool("textlint", f"{_npm_version('textlint')} ({len(TEXTLINT_RULES)} rules)",
                         [str(bin_ / "textlint"), "--config", str(rc), "--rules-base-directory",
                          str(NPM_PEERS / "node_modules"), "--format", "compact"], corpus),
        "floor: spaCy sentencizer": Tool("floor: spaCy sentencizer", f"spaCy {spacy_version}", floor + ["spacy", str(listing)],
                                         corpus, per_file_list=True),
        "floor: Flesch scores": Tool("floor: Flesch scores", f"draftlint {version}", floor + ["flesch", str(listing)],
                                     corpus, per_file_list=True),
    }


# -- measuring ---------------------------------------------------------------------------------------------
def measure(argv: list[str], cwd: Path | None, scratch: Path, sample: bool = True, env: dict | None = None) -> Run:
    """Wall time and peak memory of one run of ``argv`` in a fresh timer process (its own start-up not counted)."""
    read_fd, write_fd = os.pipe()
    with open(scratch, "wb") as out, open(scratch.with_suffix(".err"), "wb") as err:
        proc = subprocess.Popen([sys.executable, "-c", _TIMER, str(write_fd), *argv], cwd=cwd, stdout=out, stderr=err,
                                pass_fds=(write_fd,), env={**os.environ, "NO_COLOR": "1", **(env or {})})
        os.close(write_fd)
        peak = _sample_tree(proc) if sample else None
        proc.wait()
    with os.fdopen(read_fd) as report:
        rc, wall, maxrss = report.read().split()
    return Run(float(wall), peak, int(maxrss) / 1024, int(rc))


def _sample_tree(proc: subprocess.Popen) -> float | None:
    try:
        import psutil
    except ImportError:
        return None
    try:
        timer = psutil.Process(proc.pid)
    except psutil.Error:
        return None
    peak = 0
    while proc.poll() is None:
        total = 0
        try:
            for child in timer.children(recursive=True):  # the timer itself is not counted
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak = max(peak, total)
        time.sleep(0.25)  # coarse: sampling every 0.1 s cost 5% of a core, taken from draftlint's workers
    return peak / 2**20


def corpus_files(corpus: Path) -> tuple[list[str], int]:
    paths = sorted(str(p.relative_to(corpus)) for p in corpus.rglob("*.md") if p.is_file())
    words = sum(len((corpus / p).read_bytes().decode("utf-8", "replace").split()) for p in paths)
    return paths, words


def throughput(selected: dict[str, Tool], files: list[str], repeat: dict[str, int], scratch: Path) -> dict[str, list[Run]]:
    runs: dict[str, list[Run]] = {name: [] for name in selected}
    for round_ in range(max(repeat.values())):
        for name, tool in selected.items():
            if round_ >= repeat[name]:
                continue
            argv = tool.argv if tool.per_file_list else tool.argv + files
            run = measure(argv, tool.cwd, scratch / f"{name.replace(' ', '_').replace(':', '').replace(',', '')}.out",
                          env=tool.env)
            runs[name].append(run)
            print(f"  {name}: {run.wall:.2f} s, exit {run.rc}", file=sys.stderr)
    return runs


def latency(corpus: Path, files: list[str], words_of: dict[str, int], repeat: int, scratch: Path) -> dict[str, dict]:
    draftlint = str(REPO / ".venv" / "bin" / "draftlint")
    base = [draftlint, "check", "--isolated", "--exit-zero", "-q"]
    no_sentences = _output([str(DRAFTLINT_PY), "-c", "from draftlint import registry\n"
                            "print(','.join(r.code for r in registry.load() if 'sentences' not in r.needs))"])
    by_size = sorted(files, key=lambda f: words_of[f])
    one = by_size[len(by_size) // 2]  # the median-sized file
    ten = [by_size[len(by_size) * k // 10] for k in range(10)]  # ten files across the size range
    cases = {
        "one file, no sentence rules": (base + ["--no-cache", "--select", no_sentences, one], [one]),
        "one file, all rules": (base + ["--no-cache", "--select", "ALL", one], [one]),
        "pre-commit: 10 files, all rules": (base + ["--no-cache", "--force-exclude", "--select", "ALL", *ten], ten),
    }
    results: dict[str, dict] = {}
    for name, (argv, used) in cases.items():
        runs = [measure(argv, corpus, scratch / "latency.out", sample=False) for _ in range(repeat)]
        results[name] = _latency_row(runs, used, words_of)
    # warm cache: a first run fills .draftlint_cache/ (in a scratch working folder), the timed runs hit it
    thousand = [str(corpus / f) for f in files[:1000]]
    cache_root = Path(tempfile.mkdtemp(prefix="cache-", dir=scratch))
    argv = base + ["--select", "ALL", *thousand]
    measure(argv, cache_root, scratch / "cache.out", sample=False)
    runs = [measure(argv, cache_root, scratch / "cache.out", sample=False) for _ in range(repeat)]
    results["warm cache: 1,000 files"] = _latency_row(runs, files[:1000], words_of)
    # the machine's own yardstick: the targets assume spaCy starts in about 0.6 s
    runs = [measure([str(DRAFTLINT_PY), "-c", "import spacy; spacy.blank('en').add_pipe('sentencizer')"], corpus,
                    scratch / "spacy.out", sample=False) for _ in range(repeat)]
    results[SPACY_START] = _latency_row(runs, [], words_of)
    shutil.rmtree(cache_root, ignore_errors=True)
    return results


def _latency_row(runs: list[Run], used: list[str], words_of: dict[str, int]) -> dict:
    walls = [r.wall for r in runs]
    return {"files": len(used), "words": sum(words_of[f] for f in used), "min": min(walls),
            "median": statistics.median(walls), "runs": walls, "rss_max_mb": max(r.rss_max_mb for r in runs)}


# -- reporting ---------------------------------------------------------------------------------------------
def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def report(selected: dict[str, Tool], runs: dict[str, list[Run]], files: int, words: int) -> tuple[str, dict]:
    stats: dict[str, dict] = {}
    for name, tool in selected.items():
        walls = [r.wall for r in runs[name]]
        median = statistics.median(walls)
        trees = [r.rss_tree_mb for r in runs[name] if r.rss_tree_mb is not None]
        stats[name] = {"version": tool.version, "min": min(walls), "median": median, "runs": walls,
                       "words_per_s": words / median, "rss_tree_mb": max(trees) if trees else None,
                       "rss_max_mb": max(r.rss_max_mb for r in runs[name]), "exit": [r.rc for r in runs[name]]}
    floors = [n for n in stats if n.startswith("floor:")]
    if len(floors) == 2:
        median = sum(stats[n]["median"] for n in floors)
        stats["floor: sum of both"] = {"version": "", "min": sum(stats[n]["min"] for n in floors), "median": median,
                                       "words_per_s": words / median, "rss_tree_mb": None, "rss_max_mb": None}
    ours = stats.get("draftlint", {}).get("words_per_s")
    rows = [["tool", "version", "files", "words", "wall s (min / median)", "words/s", "draftlint is",
             "peak RSS MB (tree / largest process)"]]
    for name, s in stats.items():
        s["draftlint_ratio"] = ours / s["words_per_s"] if ours else None
        ratio = f"{s['draftlint_ratio']:.2f}×" if ours and name != "draftlint" else ("—" if name == "draftlint" else "")
        rss = ("" if s["rss_max_mb"] is None else
               f"{s['rss_tree_mb']:.0f} / {s['rss_max_mb']:.0f}" if s["rss_tree_mb"] is not None else f"— / {s['rss_max_mb']:.0f}")
        rows.append([name, s["version"], f"{files:,}", f"{words:,}", f"{s['min']:.2f} / {s['median']:.2f}",
                     f"{s['words_per_s']:,.0f}", ratio, rss])
    lines = [table(rows)]
    if ours:
        checks = [f"{peer}: draftlint {stats[peer]['draftlint_ratio']:.2f}× (target ≥{target:g}×) "
                  f"{'ok' if stats[peer]['draftlint_ratio'] >= target else 'MISSED'}"
                  for peer, target in TARGETS.items() if peer in stats]
        if NO_SHORTCUTS in stats:
            plain = stats[NO_SHORTCUTS]["words_per_s"]
            checks.append(f"the shortcuts make draftlint {ours / plain:.2f}× as fast as its plain reference paths; without "
                          "them: " + ", ".join(f"{plain / stats[peer]['words_per_s']:.2f}× {peer}"
                                                for peer in TARGETS if peer in stats))
        if "draftlint --jobs 1" in stats:
            scaling = stats["draftlint --jobs 1"]["median"] / stats["draftlint"]["median"]
            checks.append(f"scaling: default jobs ({os.cpu_count()} cores) {scaling:.2f}× over --jobs 1 (target ≥1.7×) "
                          f"{'ok' if scaling >= 1.7 else 'MISSED'}")
        lines += ["", *checks]
    return "\n".join(lines), stats


def latency_report(results: dict[str, dict]) -> str:
    """Medians against the issue's targets, and scaled by this machine's spaCy start-up (0.6 s where the
    targets were set), so that a slower machine is not mistaken for a slower draftlint."""
    spacy = results.get(SPACY_START, {}).get("median")
    scale = REFERENCE_SPACY_START / spacy if spacy else None
    rows = [["draftlint case", "files", "words", "wall s (min / median)", "target",
             "", "median × 0.6 s / spaCy start-up here", ""]]
    for name, r in results.items():
        if name == SPACY_START:
            rows.append([name, "", "", f"{r['min']:.3f} / {r['median']:.3f}", f"{REFERENCE_SPACY_START:g} s", "", "", ""])
            continue
        target = LATENCY_TARGETS[name]
        scaled = r["median"] * scale if scale else None
        rows.append([name, str(r["files"]), f"{r['words']:,}", f"{r['min']:.3f} / {r['median']:.3f}",
                     f"≤{target:g} s", "ok" if r["median"] <= target else "MISSED",
                     f"{scaled:.3f}" if scaled is not None else "", "ok" if scaled is not None and scaled <= target else ""])
    return table(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool (default 3)")
    parser.add_argument("--peer-repeat", type=int, default=None, help="runs per peer (default: --repeat)")
    parser.add_argument("--jobs1-repeat", type=int, default=None, help="runs of draftlint --jobs 1 (default: --repeat)")
    parser.add_argument("--latency-repeat", type=int, default=7, help="runs per latency case (default 7)")
    parser.add_argument("--tools", default=None, help="comma-separated subset of: draftlint, noshortcuts, jobs1, "
                        "write-good, proselint, textlint, floor, latency (default: all)")
    parser.add_argument("--no-install", action="store_true", help="do not install missing peers")
    args = parser.parse_args()
    if not args.no_install:
        install_peers()
    _reexec_with_psutil()
    compile_draftlint()
    corpus = args.corpus.resolve()
    wanted = set((args.tools or "draftlint,noshortcuts,jobs1,write-good,proselint,textlint,floor,latency").split(","))
    files, words = corpus_files(corpus)
    words_of = {f: len((corpus / f).read_bytes().decode("utf-8", "replace").split()) for f in files}
    results_dir = BENCH / "results"
    results_dir.mkdir(exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="run-", dir=results_dir))
    listing = scratch / "files.txt"
    listing.write_text("".join(f"{corpus / f}\n" for f in files), encoding="utf-8")
    load = os.getloadavg()
    print(f"corpus {corpus}: {len(files):,} files, {words:,} words; load average {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f}; {os.cpu_count()} cores", file=sys.stderr)
    every = tools(corpus, listing)
    keys = {"draftlint": "draftlint", "noshortcuts": NO_SHORTCUTS, "jobs1": "draftlint --jobs 1",
            "write-good": "write-good", "proselint": "proselint",
            "textlint": "textlint"}
    selected = {keys[k]: every[keys[k]] for k in keys if k in wanted}
    if "floor" in wanted:
        selected.update({n: t for n, t in every.items() if n.startswith("floor:")})
    repeat = {n: args.repeat for n in selected}
    repeat.update({n: args.peer_repeat for n in selected if n in PEER_NAMES and args.peer_repeat})
    if args.jobs1_repeat and "draftlint --jobs 1" in selected:
        repeat["draftlint --jobs 1"] = args.jobs1_repeat
    out: dict = {"corpus": str(corpus), "files": len(files), "words": words, "load_before": load,
                 "cpus": os.cpu_count(), "started": time.strftime("%Y-%m-%d %H:%M:%S %Z")}
    text = ""
    if selected:
        runs = throughput(selected, files, repeat, scratch)
        text, out["throughput"] = report(selected, runs, len(files), words)
        print(text + "\n")
    if "latency" in wanted:
        out["latency"] = latency(corpus, files, words_of, args.latency_repeat, scratch)
        print(latency_report(out["latency"]))
    out["load_after"] = os.getloadavg()
    print(f"\nload average before {load[0]:.2f}, after {out['load_after'][0]:.2f}")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (results_dir / f"{stamp}.json").write_text(json.dumps(out, indent=2, default=str))
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"results: {results_dir / (stamp + '.json')}", file=sys.stderr)


if __name__ == "__main__":
    main()
