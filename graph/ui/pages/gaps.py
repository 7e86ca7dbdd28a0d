"""The Gaps page: coverage heatmaps of every target area and SDG (empty ones marked), the gap lists with
why each matters (thin target areas by a threshold you choose), each linked to the network."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

import graph.analysis.gaps as gaps
from graph.i18n import t
from graph.questions.table import in_words
from graph.ui import cache, context, state, tables
from graph.vocab.collate import name_key

NETWORK_PAGE = "graph/ui/pages/network.py"
PLOT_WIDTH = 400  # pixels: the matrix's cells, beside the names (330 at most) and the slanted last name (190)
NAMES_WIDTH = tables.by_screen(140, 330)  # pixels: the names' column on a phone, and on a wider screen
CELL_MIN = 24  # pixels: the narrowest cell; more columns make a wider matrix


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("gaps.title", lang))
    st.caption(t("gaps.intro", lang))
    choices = cache.dimensions(ctx.store, ctx.key, lang)
    tab_ta, tab_sdg = st.tabs([t("gaps.heat_ta", lang), t("gaps.heat_sdg", lang)])
    with tab_ta:
        heatmap(cache.coverage(ctx.store, ctx.key, lang, "target_areas"), choices["ta"], lang,
                t("explorer.gaps.axis_ta", lang), "ta")
        tables.show_table(cache.ask(ctx.store, ctx.key, "coverage-target-areas", (), lang), lang, key="cov_ta")
    with tab_sdg:
        heatmap(cache.coverage(ctx.store, ctx.key, lang, "sdgs"), choices["sdg"], lang,
                t("explorer.gaps.axis_sdg", lang), "sdg")
        tables.show_table(cache.ask(ctx.store, ctx.key, "coverage-sdgs", (), lang), lang, key="cov_sdg")

    c1, c2 = st.columns(2)
    thinnest = cache.thinnest(ctx.store, ctx.key, lang)
    # no upper bound: at national scale the thinnest area has thousands (1,586 in the 1M benchmark graph)
    thin_max = c1.number_input(t("explorer.gaps.thin_max", lang), 0, None, thinnest, key="gaps_thin_max",
                               help=t("explorer.gaps.thin_help", lang, n=thinnest))
    since = c2.number_input(t("gaps.since", lang), 1900, dt.date.today().year, 2010, key="gaps_since")
    for gap, table in cache.gap_tables(ctx.store, ctx.key, lang, int(since), int(thin_max)):
        st.subheader(gap.title(lang))
        st.write(gap.why(lang))
        tables.show_table(in_words(table, gap.question, lang), lang, key=f"gap_{gap.question}")
        if gap.question == "thin-target-areas":
            _links(table.dicts(), "target_area_no", "target_area", "ta", lang)
    brokers, isolated = cache.network_gaps(ctx.store, ctx.key, lang)
    st.subheader(t("gaps.brokers", lang))
    st.write(gaps.brokers_why(lang))
    tables.items_text(brokers, lang)
    st.subheader(t("gaps.isolated", lang))
    st.write(gaps.isolated_why(lang))
    tables.items_text(isolated, lang)


def _links(rows: list[dict[str, str]], number: str, label: str, param: str, lang: str) -> None:
    """A link per row to the network filtered to that target area or SDG."""
    for row in rows[:20]:
        if row.get(number):
            st.page_link(NETWORK_PAGE, label=t("explorer.gaps.in_network", lang, name=f"{row[number]} {row[label]}"),
                         query_params={param: row[number], **state.lang_param(lang)}, icon=":material/hub:")


def heatmap(df: pd.DataFrame, dims: dict[str, str], lang: str, dim_title: str, dim_key: str) -> None:
    """Which networks and projects (rows) serve which target areas or SDGs (columns): every column
    shown, those nothing serves marked, every row and column labelled."""
    none = t("explorer.gaps.empty", lang)
    served = set(df["dimension"]) if not df.empty else set()
    names = {f"{n} {label}": f"{n} {label}" if f"{n} {label}" in served else f"{n} {label} ({none})"
             for n, label in ((k, v.split(" ", 1)[1] if " " in v else v) for k, v in dims.items())}
    columns = list(names.values())
    cells = df.assign(dimension=df["dimension"].map(lambda d: names.get(d, d))) if not df.empty else df
    empty = [c for c in columns if c.endswith(f"({none})")]
    if empty:
        st.caption(t("explorer.gaps.empty_list", lang, names="; ".join(empty)))
    if cells.empty:  # (not «Ingen rader.», above the coverage table's rows of zeros)
        st.info(t("explorer.gaps.matrix_empty", lang))
        return
    rows = sorted(set(cells["thing"]), key=lambda name: (name_key(name, lang), name))
    kind = t("gaps.kind", lang)
    kinds = sorted(set(cells["kind"]))
    chart = (
        alt.Chart(cells)
        .mark_rect(stroke="#ffffff", strokeWidth=1)
        .encode(
            x=alt.X("dimension:N", title=dim_title, scale=alt.Scale(domain=columns),
                    axis=alt.Axis(orient="top", labelAngle=-35, labelLimit=230, labelOverlap=False,
                                  titlePadding=12)),
            y=alt.Y("thing:N", title=t("gaps.things", lang), sort=rows,  # the title a screen reader says
                    axis=alt.Axis(title=None, labelLimit=NAMES_WIDTH, labelOverlap=False)),
            color=alt.Color("kind:N", title=kind, legend=alt.Legend(orient="bottom"),
                            scale=alt.Scale(domain=kinds, range=(["#2ca02c", "#ff7f0e", "#7f7f7f"] * 3)[: len(kinds)])),
            tooltip=[alt.Tooltip("thing:N", title=t("gaps.things", lang)), alt.Tooltip("dimension:N", title=dim_title),
                     alt.Tooltip("kind:N", title=kind)],
        )
        # sized to its content ("pad"): the names, the cells and the last column's slanted name (230 pixels at 35
        # degrees reach 190 across) all get their room, however narrow the screen
        .properties(width=max(PLOT_WIDTH, CELL_MIN * len(columns)), height=alt.Step(20),
                    padding={"left": 5, "top": 5, "bottom": 5, "right": 5}, autosize=alt.AutoSizeParams(type="pad"))
        # Vega describes axes and legends to screen readers in English only: the cells carry the data instead
        .configure_axis(aria=False).configure_legend(aria=False)
    )
    tables.own_width_chart(chart, f"gaps_matrix_{dim_key}")


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
