"""The Timeline page: memberships, agreements, projects and activities as start–end bars (open ends
drawn fading out), grouped by kind or target area, filtered by kind, name and year."""

from __future__ import annotations

import zlib

import altair as alt
import pandas as pd
import streamlit as st

from graph.i18n import number, t
from graph.ui import cache, context, tables
from graph.ui.state import wkey
from graph.vocab.collate import name_key

KINDS = ("membership", "agreements", "projects", "activities")
COLOURS = ("#2ca02c", "#d62728", "#ff7f0e", "#bcbd22")  # as the network draws these kinds
WIDTH = 530  # pixels of the years axis (the names take the rest: 940 in all fit beside the sidebar at 1400)
LABEL_LIMIT = 380  # pixels of the names beside the bars, at most
PHONE_LABEL_LIMIT = 140  # the same on a phone's screen (graph.ui.tables.by_screen)
PAGE_BARS = 200  # bars drawn at once (the shipped graph has 71)


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("timeline.title", lang))
    st.caption(t("explorer.timeline.intro", lang))
    rows = cache.timeline(ctx.store, ctx.key, lang)
    if not rows:
        st.info(t("common.no_rows", lang))
        return
    lo, hi = min(r["start"] for r in rows), max(r["end"] for r in rows)
    c1, c2, c3 = st.columns([3, 2, 1])
    # pills, not a multiselect: the four kinds' chips did not fit its box, and the fourth was cut off
    kinds = c1.pills(t("explorer.timeline.kinds", lang), list(KINDS), selection_mode="multi",
                     format_func=lambda k: kind_name(k, lang), key=wkey("tl_kinds", lang, list(KINDS))) or []
    words = c2.text_input(t("explorer.timeline.search", lang), key="tl_search",
                          help=t("explorer.timeline.search_help", lang))
    group_by = c3.radio(t("explorer.timeline.group_by", lang), ["kind", "area"],
                        format_func=lambda g: t(f"explorer.timeline.by_{g}", lang), key=wkey("tl_group", lang, "kind"))
    d1, d2 = st.columns([3, 2])
    # from the first year: "started in ... or later" shows every bar with a known start until the year is moved
    # (the last year, as it was, left that choice empty)
    year = d1.slider(t("explorer.timeline.year_pick", lang), lo, hi, lo, key="tl_year",
                     help=t("explorer.timeline.year_help", lang))
    only = d2.radio(t("explorer.timeline.show", lang), ["all", "running", "from"],
                    format_func=lambda s: t(f"explorer.timeline.show_{s}", lang, year=year),
                    key=wkey("tl_only", lang, "all"))
    needle = words.strip().casefold()
    shown = [r for r in rows if r["kind"] in kinds and needle in r["names"]
             and (only == "all" or (only == "running" and r["start"] <= year <= r["end"])
                  or (only == "from" and r["start"] >= year and not r["open_start"]))]
    part = page_of(shown, rows, (tuple(kinds), words, group_by, year, only), lang)
    if not part:
        st.info(t("common.no_rows", lang))
        return
    unknown = sum(1 for r in rows if r["open_start"] and r["kind"] in kinds and needle in r["names"])
    if only == "from" and unknown:  # "started in ... or later" cannot say for these
        st.caption(t("explorer.timeline.no_start", lang, n=number(unknown, lang)))
    tables.own_width_chart(chart(part, group_by, year if only != "all" else None, lang), "timeline_chart")
    missing = cache.undated(ctx.store, ctx.key, lang)
    if missing:
        st.caption(t("explorer.timeline.undated", lang, n=number(missing, lang)))


def page_of(shown: list[dict], rows: list[dict], filters: tuple, lang: str) -> list[dict]:
    """At most PAGE_BARS bars at a time (a national graph has tens of thousands: drawn at once they took
    the browser over 15 s and a chart thousands of screens tall), with a page picker and the totals; the
    page goes back to the first when a filter changes."""
    if len(shown) <= PAGE_BARS:
        st.text(t("explorer.timeline.count", lang, shown=number(len(shown), lang), total=number(len(rows), lang)))
        return shown
    pages = -(-len(shown) // PAGE_BARS)
    c1, c2 = st.columns([1, 4])
    page = int(c1.number_input(t("explorer.timeline.page", lang), 1, pages, 1,
                               key=f"tl_page.{zlib.crc32(repr(filters).encode())}"))
    first = (page - 1) * PAGE_BARS
    part = shown[first:first + PAGE_BARS]
    c2.text(t("explorer.timeline.page_count", lang, first=number(first + 1, lang),
              last=number(first + len(part), lang), shown=number(len(shown), lang), total=number(len(rows), lang),
              page=number(page, lang), pages=number(pages, lang)))
    return part


def kind_name(kind: str, lang: str) -> str:
    return t(f"explorer.timeline.kind.{kind}", lang)


def chart(rows: list[dict], group_by: str, year: int | None, lang: str
          ) -> alt.LayerChart | alt.VConcatChart | alt.FacetChart:
    """A bar per item from its first to its last year; an open end fades out, an open start fades in; a
    dashed line at the year the filter asks about (none when it shows everything)."""
    records = []
    for r in rows:
        groups = r["areas"] if group_by == "area" and r["areas"] else [kind_name(r["kind"], lang) if group_by == "kind"
                                                                      else t("explorer.timeline.no_area", lang)]
        for g in groups:
            records.append({**r, "group": g, "kind_name": kind_name(r["kind"], lang), "stop": r["end"] + 1,
                            "shown": f"{'…' if r['open_start'] else r['start']}–{'' if r['open_end'] else r['end']}",
                            "row": f"{r['label']}"})
    df = pd.DataFrame(records)
    # one width for the names in every group, so that the groups' headings and bars start at the same place
    names_width = min(LABEL_LIMIT, 6 * max(len(r) for r in df["row"]) + 10)
    narrow = min(names_width, PHONE_LABEL_LIMIT)  # on a phone: the bars scroll into view beside short names
    keyed = zip(df["group"], df["start"], df["row"], strict=True)  # names in the reader's order (graph.vocab.collate)
    order = list(dict.fromkeys(row for *_, row in sorted(
        (name_key(group, lang), start, name_key(row, lang), row) for group, start, row in keyed)))
    kind = t("explorer.timeline.kind", lang)
    year_title = t("explorer.timeline.year", lang)
    axis = alt.Axis(title=year_title, format="d", orient="top")  # every layer's: Vega would join their titles
    base = alt.Chart(df).encode(
        y=alt.Y("row:N", sort=order, title=t("explorer.timeline.item", lang),  # the title a screen reader says
                axis=alt.Axis(title=None, labelLimit=tables.by_screen(narrow, names_width), labelOverlap=False,
                             minExtent=tables.by_screen(narrow, names_width, plus=8),
                             maxExtent=tables.by_screen(narrow, names_width, plus=8))),
        tooltip=[alt.Tooltip("label:N", title=t("explorer.timeline.item", lang)),
                 alt.Tooltip("kind_name:N", title=kind),
                 alt.Tooltip("shown:N", title=t("explorer.timeline.years", lang)),
                 alt.Tooltip("status:N", title=t("col.status", lang))],
    )
    bars = base.mark_bar(height=12).encode(
        x=alt.X("start:Q", title=year_title, axis=axis,
                scale=alt.Scale(domain=[int(df["start"].min()), int(df["stop"].max())], zero=False, nice=False)),
        x2=alt.X2("stop:Q", title=t("chart.until", lang)),
        color=alt.Color("kind_name:N", title=kind, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=[kind_name(k, lang) for k in KINDS], range=list(COLOURS))),
        opacity=alt.condition("datum.open_end || datum.open_start", alt.value(0.45), alt.value(0.95)),
    )
    ends = base.mark_text(align="left", dx=3, fontSize=12, color="#555").encode(
        x=alt.X("stop:Q", title=t("chart.until", lang), axis=axis), text=alt.value("→"),
    ).transform_filter("datum.open_end")
    rule = alt.Chart(pd.DataFrame({"year": [year]})).mark_rule(color="#111", strokeDash=[4, 3]).encode(
        x=alt.X("year:Q", title=year_title, axis=axis))
    marks = (rule,) if year is not None else ()
    groups = df["group"].unique().tolist()
    layered = alt.layer(bars, ends, *marks).properties(height=alt.Step(16), width=WIDTH)
    if len(groups) > 1:
        kinds = [kind_name(k, lang) for k in KINDS]  # by kind: in the legend's order; by area: by notation
        groups.sort(key=lambda g: (kinds.index(g) if g in kinds else len(kinds), g))
        return alt.vconcat(*[
            alt.layer(bars.transform_filter(alt.datum.group == g), ends.transform_filter(alt.datum.group == g),
                      *marks)
            .properties(title=alt.TitleParams(g, anchor="start", frame="group",
                                              dx=tables.by_screen(-narrow, -names_width, plus=-8)),
                        height=alt.Step(16), width=WIDTH) for g in groups
        ]).configure_axis(aria=False).configure_legend(aria=False)
    # Vega describes axes and legends to screen readers in English only: the bars carry the data instead
    return layered.configure_axis(aria=False).configure_legend(aria=False)


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
