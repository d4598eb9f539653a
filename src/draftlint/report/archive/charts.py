"""The report's charts: matplotlib figures saved by its SVG backend, each drawn once per colour scheme.

Text stays text (``svg.fonttype: none``): the page's fonts draw it, it can be searched, and the files stay
small. Each chart is drawn twice, with the light and the dark palette; the page shows the one that matches
the reader's ``prefers-color-scheme``. Each drawing gets its own hash salt, so the ids inside one SVG never
collide with another's on the same page; no metadata is written (no date: the same run gives the same SVG).
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable

from draftlint.report.archive.model import FAMILIES, Folder, Rule


@dataclass(frozen=True)
class Palette:
    name: str
    ink: str
    grid: str
    families: tuple[str, str, str, str]  # title, quote, boilerplate, readability (Okabe-Ito hues)
    bar: str


LIGHT = Palette("light", "#1f2328", "#d0d7de", ("#0072B2", "#D55E00", "#009E73", "#CC79A7"), "#0072B2")
DARK = Palette("dark", "#e6edf3", "#3d444d", ("#56B4E9", "#E69F00", "#3CCB9A", "#E3A1CB"), "#56B4E9")


@dataclass(frozen=True)
class Chart:
    """One chart in both schemes, and what it shows in words (the image's accessible name)."""

    name: str
    label: str
    light: str
    dark: str


def _draw(name: str, label: str, height: float, plot: Callable[..., None]) -> Chart:
    return Chart(name, label, *(_svg(f"{name}-{p.name}", height, lambda fig, p=p: plot(fig, p)) for p in (LIGHT, DARK)))


def _svg(salt: str, height: float, plot: Callable) -> str:
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt, "font.size": 10,
                                "font.family": "sans-serif", "axes.spines.top": False, "axes.spines.right": False}):
        fig = Figure(figsize=(8.0, height), layout="constrained")
        plot(fig)
        out = io.StringIO()
        fig.savefig(out, format="svg", transparent=True, metadata=dict.fromkeys(("Date", "Creator", "Format", "Type")))
    text = out.getvalue()
    return text[text.index("<svg"):]  # inline in HTML: without the XML declaration and doctype


def _style(ax, p: Palette, grid_axis: str = "x") -> None:
    ax.set_facecolor("none")
    ax.tick_params(colors=p.ink, labelcolor=p.ink)
    for spine in ax.spines.values():
        spine.set_color(p.grid)
    ax.xaxis.label.set_color(p.ink)
    ax.yaxis.label.set_color(p.ink)
    ax.title.set_color(p.ink)
    ax.grid(axis=grid_axis, color=p.grid, linewidth=0.6)
    ax.set_axisbelow(True)


def _height(rows: int) -> float:
    return 1.2 + 0.26 * max(rows, 1)


def top_rules(rules: list[Rule]) -> Chart:
    shown = list(reversed(rules))

    def plot(fig, p: Palette) -> None:
        ax = fig.subplots()
        colours = [p.families[FAMILIES.index(r.family)] if r.family in FAMILIES else p.ink for r in shown]
        bars = ax.barh([f"{r.code} {r.name}" for r in shown], [r.findings for r in shown], color=colours)
        ax.bar_label(bars, labels=[f"{r.findings:,}" for r in shown], padding=3, color=p.ink, fontsize=9)
        ax.set_xlabel("findings")
        ax.margins(x=0.12)
        _style(ax, p)

    return _draw("rules", f"the {len(shown)} rules with the most findings", _height(len(shown)), plot)


def folders(rows: list[Folder]) -> Chart:
    shown = list(reversed(rows))

    def plot(fig, p: Palette) -> None:
        ax = fig.subplots()
        left = [0.0] * len(shown)
        names = [f.name for f in shown]
        for family, colour in zip(FAMILIES, p.families):
            values = [f.per_thousand(family) for f in shown]
            ax.barh(names, values, left=left, color=colour, label=family)
            left = [a + b for a, b in zip(left, values)]
        ax.set_xlabel("findings per 1,000 words")
        ax.legend(loc="lower right", frameon=False, labelcolor=p.ink, ncols=4, bbox_to_anchor=(1, 1))
        _style(ax, p)

    return _draw("folders", f"findings per 1,000 words in {len(shown)} folders, by family", _height(len(shown)) + 0.3,
                 plot)


def readability_spread(ease: list[float], grade: list[float]) -> Chart:
    def plot(fig, p: Palette) -> None:
        left, right = fig.subplots(1, 2)
        for ax, values, label, colour in ((left, ease, "Flesch reading ease (higher is easier)", p.families[0]),
                                          (right, grade, "Flesch-Kincaid grade (school years)", p.families[3])):
            ax.hist(values, bins=20, color=colour)
            ax.set_xlabel(label)
            ax.set_ylabel("documents")
            _style(ax, p, "y")

    return _draw("readability", f"reading ease and grade of {len(ease):,} documents", 3.0, plot)


def readability_by_folder(rows: list[Folder]) -> Chart:
    shown = [f for f in reversed(rows) if f.ease]

    def plot(fig, p: Palette) -> None:
        left, right = fig.subplots(1, 2, sharey=True)
        for ax, values, label, colour in ((left, [f.ease for f in shown], "reading ease", p.families[0]),
                                          (right, [f.grade for f in shown], "grade", p.families[3])):
            ax.boxplot(values, orientation="horizontal", tick_labels=[f.name for f in shown], widths=0.6,
                       patch_artist=True, boxprops={"facecolor": colour, "edgecolor": p.ink, "alpha": 0.85},
                       medianprops={"color": p.ink}, whiskerprops={"color": p.ink}, capprops={"color": p.ink},
                       flierprops={"markeredgecolor": p.ink, "markersize": 3})
            ax.set_xlabel(label)
            _style(ax, p)

    return _draw("readability-folders", f"reading ease and grade per folder ({len(shown)} folders)",
                 _height(len(shown)), plot)


def boilerplate_kinds(rules: list[Rule]) -> Chart:
    shown = list(reversed(rules))

    def plot(fig, p: Palette) -> None:
        ax = fig.subplots()
        bars = ax.barh([r.name for r in shown], [r.files for r in shown], color=p.families[2])
        ax.bar_label(bars, labels=[f"{r.files:,} files, {r.findings:,} lines" for r in shown], padding=3,
                     color=p.ink, fontsize=9)
        ax.set_xlabel("files")
        ax.margins(x=0.3)
        _style(ax, p)

    return _draw("boilerplate", f"files with each kind of boilerplate ({len(shown)} kinds)", _height(len(shown)), plot)
