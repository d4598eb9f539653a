"""The archive report (``draftlint report``): what it counts, the page it writes, and the page in a browser."""
from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from draftlint.cli import app
from draftlint.report import archive
from draftlint.report.archive import model

runner = CliRunner()


def finding(path: str, code: str, family: str, severity: str = "warning", line: int = 1, excerpt: str = "",
            **extra) -> dict:
    return {"path": path, "line": line, "column": 1, "end_line": line, "end_column": 2, "code": code,
            "name": f"rule-{code.lower()}", "family": family, "severity": severity, "message": f"{code} here",
            "excerpt": excerpt, "fixable": False, **extra}


def doc(path: str, words: int, ease: float | None = None, grade: float | None = None, title: str | None = None) -> dict:
    return {"path": path, "title": title, "words": words, "reading_ease": ease, "grade": grade}


RUN = {
    "version": 1, "tool": {"name": "draftlint", "version": "9.9"},
    "summary": {"files": 5},
    "documents": [doc("site/news/a.md", 2000, 55.0, 9.0, "Harbour dues rise"),
                  doc("site/news/b.md", 500, 65.0, 7.0, "Harbour Dues Rise"),
                  doc("site/opinion/c.md", 1000, 30.0, 15.0, "Why the ferry matters"),
                  doc("site/opinion/d.md", 80, 90.0, 2.0, "Short note"),
                  doc("site/e.md", 0, None, None, None)],
    "findings": [finding("site/news/a.md", "B113", "boilerplate", excerpt="Share this"),
                 finding("site/news/b.md", "B113", "boilerplate", excerpt="share  THIS"),
                 finding("site/opinion/c.md", "B113", "boilerplate", excerpt="Share this"),
                 finding("site/opinion/c.md", "B120", "boilerplate", excerpt="Related stories"),
                 finding("site/news/a.md", "T004", "title", excerpt="Harbour dues rise", related=["site/news/b.md"]),
                 finding("site/news/b.md", "T004", "title", excerpt="Harbour Dues Rise", related=["site/news/a.md"]),
                 finding("site/opinion/c.md", "Q001", "quote", "error", line=7),
                 finding("site/opinion/c.md", "R001", "readability", "info", line=9)],
}


def test_counts_folders_readability_templates_and_duplicates():
    a = model.build(RUN)
    assert a.root == "site" and a.findings == 8 and a.words == 3580
    assert {k: dict(v) for k, v in a.by_family_severity.items()} == {
        "title": {"warning": 2}, "quote": {"error": 1}, "boilerplate": {"warning": 4}, "readability": {"info": 1}}
    assert [(r.code, r.findings, r.files) for r in a.rules] == [("B113", 3, 3), ("T004", 2, 2), ("B120", 1, 1),
                                                                 ("Q001", 1, 1), ("R001", 1, 1)]
    # per 1,000 words: opinion 4 findings / 1,080 words, news 4 / 2,500, the top folder 0 / 0
    assert [(f.name, f.files, f.words, round(f.per_thousand(), 2)) for f in a.folders] == [
        ("opinion", 2, 1080, 3.7), ("news", 2, 2500, 1.6), (".", 1, 0, 0.0)]
    opinion = a.folders[0]
    assert opinion.per_thousand("quote") == 1000 / 1080 and opinion.ease == [30.0] and opinion.grade == [15.0]
    assert [d.path for d in a.scored] == ["site/news/a.md", "site/news/b.md", "site/opinion/c.md"]  # d: 80 words
    assert [(t.text, t.files, t.codes) for t in a.template_lines] == [("Share this", 3, ["B113"])]
    assert a.duplicate_groups == [[("site/news/a.md", "Harbour dues rise"), ("site/news/b.md", "Harbour Dues Rise")]]
    assert [r.code for r in a.boilerplate_rules] == ["B113", "B120"]
    assert [d.path for d in a.worst] == ["site/opinion/c.md", "site/news/a.md", "site/news/b.md"]


def test_folders_are_cut_to_a_readable_number():
    paths = [f"blog/{author}/{year}/post-{n}.md" for author in range(4) for year in range(2015, 2025) for n in range(2)]
    data = {"version": 1, "findings": [], "documents": [doc(p, 100) for p in paths]}
    a = model.build(data)
    assert a.root == "blog" and sorted(f.name for f in a.folders) == ["0", "1", "2", "3"]  # 40 author-years > 30
    one = model.build({"version": 1, "findings": [], "documents": [doc("x/a.md", 10), doc("x/b.md", 10)]})
    assert [f.name for f in one.folders] == ["."]


def test_a_saved_run_without_documents_still_reports(tmp_path):
    old = dict(RUN)
    del old["documents"]
    a = model.build(old)
    assert not a.has_documents and a.words == 0 and a.scored == [] and len(a.documents) == 3
    page = archive.render(old)
    assert "No word counts in this run" in page and 'data-chart="folders"' not in page
    assert 'data-chart="rules"' in page and 'data-chart="boilerplate"' in page


def test_page_is_self_contained_and_links_worst_files_to_their_findings():
    page = archive.render(RUN, "Harbour Gazette <archive>")
    assert "<title>Harbour Gazette &lt;archive&gt;</title>" in page  # escaped
    assert not re.search(r"<(link|img|iframe|object|embed|audio|video|source)\b|\bsrc\s*=|href=\"(?!#)|@import|url\((?!#)", page)
    charts = re.findall(r'data-chart="([a-z-]+)"', page)
    assert charts == ["rules", "folders", "readability", "readability-folders", "boilerplate"]
    assert page.count("<svg") == 2 * len(charts)  # each chart in the light and the dark scheme
    assert len(re.findall(r"<script>", page)) == 1 and len(re.findall(r"<table", page)) == 7
    assert '<td><a href="#file-1">site/opinion/c.md</a></td>' in page
    assert '<article class="file" id="file-1">' in page
    assert '<li><code>site/opinion/c.md:7</code> <span class="sev error">Q001</span> Q001 here</li>' in page


def test_report_command_lints_or_reads_saved_json_alike(tmp_path):
    saved, direct, again = tmp_path / "run.json", tmp_path / "direct.html", tmp_path / "again.html"
    samples = str(ROOT / "fixtures" / "samples")
    runner.invoke(app, ["check", samples, "--isolated", "--no-cache", "-f", "json", "-o", str(saved)])
    result = runner.invoke(app, ["report", samples, "--isolated", "--no-cache", "-o", str(direct)])
    assert result.exit_code == 0, result.output
    assert re.search(r"wrote .*direct\.html \(0\.\d\d MB\): 6 files, \d+ findings", result.stderr)
    assert runner.invoke(app, ["report", "--from", str(saved), "-o", str(again)]).exit_code == 0
    made = re.compile(r"on \d{4}-\d\d-\d\d \d\d:\d\d \w+\.")  # the only difference: the time it was made
    assert made.sub("", direct.read_text(encoding="utf-8")) == made.sub("", again.read_text(encoding="utf-8"))


def test_report_command_errors(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "findings": [{"path": 3}]}', encoding="utf-8")
    cases = [(["report", "--from", str(bad), "-o", str(tmp_path / "r.html")], "finding 1 lacks one of path"),
             (["report", "--from", str(tmp_path / "nope.json"), "-o", str(tmp_path / "r.html")], "cannot read"),
             (["report", "x", "--from", str(bad), "-o", str(tmp_path / "r.html")], "not both"),
             (["report", str(tmp_path / "nope"), "--isolated", "-o", str(tmp_path / "r.html")], "no drafts found in"),
             (["report", str(bad), "--isolated", "-o", str(tmp_path / "no" / "r.html")], "cannot write")]
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()
    (tmp_path / "html").write_text(json.dumps({"version": 2}), encoding="utf-8")
    result = runner.invoke(app, ["report", "--from", str(tmp_path / "html"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "not the output of draftlint check --format json" in result.stderr


# -- in a real browser ---------------------------------------------------------------------------------------
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"]


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium, installed with apt-get when it is missing (as root); skipped when it cannot be had."""
    found = shutil.which("chromium")
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
            try:
                subprocess.run(command, env=env, capture_output=True, timeout=900, check=True)
            except (subprocess.SubprocessError, OSError):
                break
        found = shutil.which("chromium")
    if found is None:
        pytest.skip("no chromium: Debian's chromium package is not installed and apt-get could not install it "
                    "(needs root and the Debian registry)")
    return found


def browse(chromium: str, page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                          capture_output=True, timeout=120, cwd=page.parent)


def console_errors(proc: subprocess.CompletedProcess) -> list[str]:
    """The page's console errors and uncaught exceptions, as Chromium logs them on stderr."""
    return [line for line in proc.stderr.decode("utf-8", "replace").splitlines()
            if "CONSOLE" in line and ("Uncaught" in line or ":ERROR:" in line or "error" in line.lower())]


def test_report_of_the_fixtures_in_headless_chromium(chromium, tmp_path):
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(ROOT / "fixtures"), "--isolated", "--no-cache", "-o", str(page)])
    assert result.exit_code == 0, result.output
    # the check below finds a console error where there is one
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><title>x</title><script>undefinedFunction()</script>", encoding="utf-8")
    assert any("undefinedFunction" in line for line in console_errors(browse(chromium, broken, tmp_path / "p0", "--dump-dom")))

    shot = tmp_path / "screenshot.png"  # kept in pytest's temporary folder, to look at
    proc = browse(chromium, page, tmp_path / "p1", f"--screenshot={shot}", "--window-size=1280,2400")
    assert console_errors(proc) == [] and proc.returncode == 0, proc.stderr.decode()[-2000:]
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1280, 2400) and len(png) > 50_000

    # the DOM after the scripts ran, with a click on a column heading: charts drawn, tables sorted
    clicked = tmp_path / "clicked.html"
    clicked.write_text(page.read_text(encoding="utf-8").replace("</body>", CLICK + "</body>"), encoding="utf-8")
    proc = browse(chromium, clicked, tmp_path / "p2", "--dump-dom")
    dom = proc.stdout.decode("utf-8")
    assert console_errors(proc) == []
    for name in ("rules", "folders", "readability", "readability-folders", "boilerplate"):
        assert f'data-chart="{name}"' in dom
    assert dom.count("<svg") == 10 and dom.count("<table") == 7
    assert 'data-order="' in dom
    order = re.search(r'data-order="([^"]*)"', dom).group(1).split(",")
    assert order == sorted(order, key=int, reverse=True) and len(order) > 1  # the findings column, descending


# A test-only script: sort the rules table by its findings column twice (descending) and record the order.
CLICK = """<script>
const th = [...document.querySelectorAll("#totals details th")].find((h) => h.textContent === "findings");
th.click(); th.click();
document.body.dataset.order = [...th.closest("table").tBodies[0].rows].map((r) => r.cells[3].dataset.v).join(",");
</script>"""


# A test-only script: which drawing of the first chart the page shows, and the page's background colour.
SCHEME = """<script>
const shown = [...document.querySelectorAll(".chart")[0].children].filter((d) => getComputedStyle(d).display !== "none");
document.body.dataset.scheme = shown.map((d) => d.className).join(",") + " " + getComputedStyle(document.body).backgroundColor;
</script>"""


def test_report_follows_the_colour_scheme(chromium, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(archive.render(RUN).replace("</body>", SCHEME + "</body>"), encoding="utf-8")
    light = browse(chromium, page, tmp_path / "p1", "--dump-dom").stdout.decode("utf-8")
    dark = browse(chromium, page, tmp_path / "p2", "--dump-dom", "--force-dark-mode").stdout.decode("utf-8")
    assert 'data-scheme="light rgb(255, 255, 255)"' in light
    assert 'data-scheme="dark rgb(13, 17, 23)"' in dark


def test_a_missing_chart_library_is_named_before_anything_is_linted(monkeypatch, tmp_path):
    """Without matplotlib the command says what to install, before it lints (here the path does not even exist,
    which linting first would report instead)."""
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` raises ImportError
    result = runner.invoke(app, ["report", str(tmp_path / "missing"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "draftlint report needs matplotlib: pip install 'draftlint[report]'" in result.output
    assert not (tmp_path / "r.html").exists()
