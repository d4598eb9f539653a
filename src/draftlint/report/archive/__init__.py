"""``draftlint report``: one self-contained HTML page that shows a whole archive's drafts at a glance.

``render(data)`` turns a run in the JSON output's shape (``report.json.document``, or a saved
``check --format json`` file read by ``load``) into the page: totals and the rules that fire most, findings
per folder per 1,000 words, readability per folder, boilerplate by widget kind and template lines, duplicate
titles, and the worst files with their findings. Charts come from matplotlib's SVG backend, inlined; the page
needs nothing from the network (no scripts, styles, fonts or images from elsewhere).
"""
from __future__ import annotations

import json
from pathlib import Path

from draftlint.report.archive.model import Archive, build

__all__ = ["Archive", "ArchiveError", "build", "load", "render"]


class ArchiveError(Exception):
    """A saved run that cannot be read, or a missing plotting library: a message for the user."""


def load(path: Path) -> dict:
    """A saved ``check --format json`` run, checked for the keys the report reads."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ArchiveError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise ArchiveError(f"{path} is not JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("findings"), list):
        raise ArchiveError(f"{path} is not the output of draftlint check --format json (version 1)")
    for number, finding in enumerate(data["findings"], 1):
        if not isinstance(finding, dict) or not all(isinstance(finding.get(k), str) for k in _FINDING_KEYS) \
                or not isinstance(finding.get("line"), int):
            raise ArchiveError(f"{path}: finding {number} lacks one of {', '.join(_FINDING_KEYS)} or line")
    documents = data.get("documents", [])
    if not isinstance(documents, list) or not all(isinstance(d, dict) and isinstance(d.get("path"), str)
                                                  and isinstance(d.get("words", 0), int) for d in documents):
        raise ArchiveError(f"{path}: documents must be a list of {{path, title, words, reading_ease, grade}}")
    return data


_FINDING_KEYS = ("path", "code", "name", "family", "severity", "message")


def require() -> None:
    """Fail with a clear message when the report's optional libraries are missing (asked before a run is
    linted, so that a long run is not wasted)."""
    try:
        import matplotlib  # noqa: F401  (the charts import it)
        import jinja2  # noqa: F401
    except ImportError as exc:
        raise ArchiveError(f"draftlint report needs {exc.name}: pip install 'draftlint[report]'") from None


def render(data: dict, title: str = "draftlint archive report") -> str:
    """The HTML page of one run."""
    require()
    from draftlint.report.archive.page import page

    return page(build(data), title)
