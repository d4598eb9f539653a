"""JUnit XML for GitLab, Jenkins and other CI test views.

One ``<testsuite>`` per file of the run (named by its path, relative to the working folder when inside it). Each finding is a ``<testcase>`` named
``CODE name at line:col`` (classname: the path, attributes ``file`` and ``line``); a finding at or above
``fail-on`` carries a ``<failure>`` with the message and the ``path:line:col`` location, one below it passes
and keeps the message in ``<system-out>``. A file with no finding has one passing testcase, ``draftlint``;
a skipped file (binary, too big) one skipped testcase. Rule crashes go to a last suite, ``draftlint``, as
``<error>`` testcases.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from draftlint.findings import Severity
from draftlint.report.context import Context

_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _suite(parent: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(parent, "testsuite", name=_clean(name), time="0")


def _count(suite: ET.Element) -> tuple[int, int, int, int]:
    cases = suite.findall("testcase")
    totals = (len(cases), sum(c.find("failure") is not None for c in cases),
              sum(c.find("error") is not None for c in cases), sum(c.find("skipped") is not None for c in cases))
    for key, value in zip(("tests", "failures", "errors", "skipped"), totals):
        suite.set(key, str(value))
    return totals


def render(ctx: Context) -> str:
    threshold = None if ctx.fail_on == "never" else Severity.parse(ctx.fail_on)
    by_path = defaultdict(list)
    for f in ctx.result.findings:
        by_path[f.path].append(f)
    skipped = set(ctx.result.skipped)
    root = ET.Element("testsuites", name="draftlint", time="0")
    for path in sorted(set(ctx.result.paths) | set(by_path)):
        shown = ctx.relative(path) or path
        suite = _suite(root, shown)
        for f in by_path.get(path, []):
            case = ET.SubElement(suite, "testcase", name=_clean(f"{f.code} {f.name} at {f.line}:{f.column}"),
                                 classname=_clean(shown), file=_clean(shown), line=str(f.line), time="0")
            text = _clean(f"{shown}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}")
            if threshold is not None and f.severity >= threshold:
                failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f.code)
                failure.text = text
            else:
                ET.SubElement(case, "system-out").text = text
        if not by_path.get(path):
            case = ET.SubElement(suite, "testcase", name="draftlint", classname=_clean(shown), file=_clean(shown), time="0")
            if path in skipped:
                ET.SubElement(case, "skipped", message="not linted (see the run's notes)")
    if ctx.result.crashes:
        suite = _suite(root, "draftlint")
        for number, crash in enumerate(ctx.result.crashes, 1):
            case = ET.SubElement(suite, "testcase", name=f"crash {number}", classname="draftlint", time="0")
            ET.SubElement(case, "error", message=_clean(crash), type="crash").text = _clean(crash)
    totals = [0, 0, 0, 0]
    for suite in root.findall("testsuite"):
        totals = [a + b for a, b in zip(totals, _count(suite))]
    for key, value in zip(("tests", "failures", "errors", "skipped"), totals):
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
