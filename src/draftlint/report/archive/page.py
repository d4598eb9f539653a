"""The report page: the archive's numbers and charts put into one HTML template (Jinja2, autoescaped)."""
from __future__ import annotations

import datetime
from pathlib import Path

from draftlint.report.archive import charts
from draftlint.report.archive.model import (FAMILIES, FINDINGS_PER_FILE, MIN_SCORED_WORDS, SEVERITIES,
                                            TEMPLATE_MIN_FILES, TOP_RULES, MAX_ROWS, Archive, median)

HERE = Path(__file__).parent


def page(archive: Archive, title: str) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["num"] = lambda value, digits=0: "–" if value is None else f"{value:,.{digits}f}"
    worst = archive.worst
    anchors = {doc.path: f"file-{number}" for number, doc in enumerate(worst, 1)}
    scored = archive.scored
    return env.get_template("page.html.j2").render(
        title=title, archive=archive, families=FAMILIES, severities=SEVERITIES, worst=worst, anchors=anchors,
        scored=scored, median=median, min_scored_words=MIN_SCORED_WORDS, per_file=FINDINGS_PER_FILE,
        template_min_files=TEMPLATE_MIN_FILES, max_rows=MAX_ROWS, charts=_charts(archive), generated=_now())


def _charts(archive: Archive) -> dict[str, charts.Chart]:
    out = {}
    if archive.rules:
        out["rules"] = charts.top_rules(archive.rules[:TOP_RULES])
    if archive.has_documents and archive.words:
        out["folders"] = charts.folders(archive.folders)
    if archive.scored:
        out["readability"] = charts.readability_spread([d.reading_ease for d in archive.scored],
                                                       [d.grade for d in archive.scored])
        out["readability_folders"] = charts.readability_by_folder(archive.folders)
    if archive.boilerplate_rules:
        out["boilerplate"] = charts.boilerplate_kinds(archive.boilerplate_rules)
    return out


def _now() -> str:
    return datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
