"""The review's portfolio chart for the decision: every assessed item placed by strategic relevance (the
mean of its target-area scores) against annual cost, coloured by recommendation, sized by activity.
Drawn with matplotlib (no display needed) as PNG, for download and inside the printable report."""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # files only: no window, no display

from matplotlib.figure import Figure  # noqa: E402 - after choosing the backend
from matplotlib.ticker import FuncFormatter  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

from graph.analysis.review_items import GROUPS, PortfolioItem, portfolio  # noqa: E402
from graph.i18n import decimal, number, t  # noqa: E402
from graph.store.base import Store  # noqa: E402

COLOURS = {"keep": "#2e7d32", "review": "#f9a825", "leave": "#c62828", "none": "#9e9e9e"}


def positions(items: list[PortfolioItem]) -> dict[str, tuple[float, float]]:
    """Where each assessed item sits: (cost, relevance); items without a recorded cost share a strip left of
    zero, spread sideways so that equal relevances do not hide each other.

    >>> a = PortfolioItem("a", "A", "membership", 2.0, None, "", "keep", 0, [])
    >>> b = PortfolioItem("b", "B", "membership", 2.0, 100.0, "NOK", "keep", 0, [])
    >>> sorted(positions([a, b]).items())
    [('a', (-12.5, 2.0)), ('b', (100.0, 2.0))]
    """
    shown = [p for p in items if p.relevance is not None]
    width = strip_width(shown)
    out = {p.item: (p.cost, p.relevance or 0.0) for p in shown if p.cost is not None}
    rows: dict[float, list[PortfolioItem]] = {}
    for p in sorted((p for p in shown if p.cost is None), key=lambda p: p.name.casefold()):
        rows.setdefault(round(p.relevance or 0.0, 1), []).append(p)
    for level, row in rows.items():
        for i, p in enumerate(row):
            out[p.item] = (-width * (i + 0.5) / len(row), level)
    return out


def strip_width(shown: list[PortfolioItem]) -> float:
    """The width of the strip left of zero: a quarter of the largest cost, or 1 when no item has one."""
    return 0.25 * max([p.cost for p in shown if p.cost] + [0.0]) or 1.0


def figure(items: list[PortfolioItem], lang: str = "en") -> Figure:
    """The chart of the assessed items (items without a recorded cost in a strip left of zero, hollow)."""
    fig = Figure(figsize=(11, 7), dpi=110)
    ax = fig.add_subplot()
    shown = [p for p in items if p.relevance is not None]
    where = positions(shown)
    for group in GROUPS:
        part = [p for p in shown if (p.recommendation or "none") == group]
        for hollow in (False, True):
            some = [p for p in part if (p.cost is None) == hollow]
            if not some:
                continue
            label = t(f"report.group.{group}", lang) + (f" ({t('portfolio.no_cost', lang)})" if hollow else "")
            xs, ys = zip(*(where[p.item] for p in some), strict=True)
            ax.scatter(xs, ys, s=[_size(p) for p in some], label=label, linewidths=1.5 if hollow else 0.5,
                       facecolors="none" if hollow else COLOURS[group],
                       edgecolors=COLOURS[group] if hollow else "black", alpha=0.85)
    costs = [p.cost for p in shown if p.cost is not None]
    currency = ", ".join(sorted({p.currency for p in shown if p.currency}))
    ax.set_ylabel(t("portfolio.y", lang))
    ax.set_ylim(-0.25, 3.35)
    if costs:  # cost to the right of zero; a strip left of it, named, for the items with none
        ax.set_xlabel(t("portfolio.x", lang) + (f" ({currency})" if currency else ""))
        ax.axvline(0, color="#555", linewidth=0.8)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: number(int(x), lang) if x >= 0 else ""))
        if any(p.cost is None for p in shown):
            ax.text(-strip_width(shown) / 2, 3.3, t("portfolio.no_cost", lang), ha="center", va="top", fontsize=7,
                    color="#555")
    else:  # no cost at all: the items side by side across the strip, and how to place them by cost
        ax.set_xlabel(textwrap.fill(t("portfolio.x_none", lang), 100, break_on_hyphens=False), fontsize=8)
        ax.set_xticks([])
        ax.set_xlim(-strip_width(shown), 0)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: decimal(y, lang, 1)))  # 0,5 in bokmål
    ax.grid(True, alpha=0.3)
    ax.set_title(t("portfolio.title", lang))
    if shown:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, title=t("portfolio.size", lang),
                  title_fontsize=7, markerscale=0.6)
    fig.tight_layout()
    _labels(fig, ax, shown, where)  # last: the axes' limits and place are final
    return fig


def _labels(fig: Figure, ax: object, shown: list[PortfolioItem], where: dict[str, tuple[float, float]]) -> None:
    """Name each point unless its name would cover one already written (most active items first), measured as
    drawn."""
    fig.canvas.draw()  # the axes' final transform
    taken: list[Bbox] = []
    for p in sorted(shown, key=lambda p: (-p.activities, p.name.casefold())):
        name = ax.annotate(p.name, where[p.item], fontsize=7, xytext=(5, 4),  # type: ignore[attr-defined]
                           textcoords="offset points")
        box = name.get_window_extent().expanded(1.04, 1.1)
        if any(box.overlaps(other) for other in taken):
            name.remove()
            continue
        taken.append(box)


def _size(p: PortfolioItem) -> float:
    return 40.0 + 30.0 * min(p.activities, 20)


def _save(fig: Figure, fmt: str) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt)
    return buf.getvalue()


def portfolio_png(store: Store, lang: str = "en", round: str | None = None) -> bytes:
    """The chart of the round as a PNG."""
    return portfolio_png_of(portfolio(store, lang, round), lang)


def portfolio_png_of(items: list[PortfolioItem], lang: str = "en") -> bytes:
    """The chart of these items as a PNG (a picture: no text from the data can become markup)."""
    return _save(figure(items, lang), "png")
