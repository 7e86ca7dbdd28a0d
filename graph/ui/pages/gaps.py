"""The Gaps page: coverage heatmaps of target areas and SDGs, every gap list with why it matters, brokers."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

import graph.analysis.gaps as gaps
from graph.i18n import t
from graph.ui import cache, context, tables


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("gaps.title", lang))
    st.caption(t("gaps.intro", lang))
    tab_ta, tab_sdg = st.tabs([t("gaps.heat_ta", lang), t("gaps.heat_sdg", lang)])
    with tab_ta:
        heatmap(cache.coverage(ctx.store, ctx.key, lang, "target_areas"), lang, t("col.target_area", lang))
        tables.show_table(cache.ask(ctx.store, ctx.key, "coverage-target-areas", (), lang), lang, key="cov_ta")
    with tab_sdg:
        heatmap(cache.coverage(ctx.store, ctx.key, lang, "sdgs"), lang, t("col.sdg", lang))
        tables.show_table(cache.ask(ctx.store, ctx.key, "coverage-sdgs", (), lang), lang, key="cov_sdg")

    since = st.number_input(t("gaps.since", lang), 1900, dt.date.today().year, 2010, key="gaps_since")
    for gap, table in cache.gap_tables(ctx.store, ctx.key, lang, int(since)):
        st.subheader(gap.title[lang])
        st.write(gap.why[lang])
        tables.show_table(table, lang, key=f"gap_{gap.question}")
    brokers, isolated = cache.network_gaps(ctx.store, ctx.key, lang)
    st.subheader(t("gaps.brokers", lang))
    st.write(gaps.BROKERS_WHY[lang])
    tables.items_text(brokers, lang)
    st.subheader(t("gaps.isolated", lang))
    st.write(gaps.ISOLATED_WHY[lang])
    tables.items_text(isolated, lang)


def heatmap(df: pd.DataFrame, lang: str, dim_title: str) -> None:
    """Which networks and projects (columns) serve which target areas or SDGs (rows)."""
    if df.empty:
        st.info(t("common.no_rows", lang))
        return
    chart = (
        alt.Chart(df)
        .mark_rect()
        .encode(
            x=alt.X("thing:N", title=t("gaps.things", lang), sort=alt.EncodingSortField("kind"),
                    axis=alt.Axis(labelLimit=220, labelAngle=-60)),
            y=alt.Y("dimension:N", title=dim_title, sort=alt.EncodingSortField("order"), axis=alt.Axis(labelLimit=320)),
            color=alt.Color("kind:N", title=t("gaps.kind", lang)),
            tooltip=[alt.Tooltip("thing:N", title=t("gaps.things", lang)), alt.Tooltip("dimension:N", title=dim_title)],
        )
    )
    st.altair_chart(chart, width="stretch")


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
