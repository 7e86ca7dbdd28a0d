"""The review page's portfolio view for the decision: the chart (relevance against annual cost, coloured
by recommendation, sized by activity) with its PNG, target area × recommendation, and what changed
between two rounds."""

from __future__ import annotations

import io

import streamlit as st

import graph.analysis.assessments as reads
import graph.analysis.review_items as review_items
from graph.i18n import t
from graph.render.review_portfolio import figure
from graph.ui import cache, context, tables


@st.cache_data(show_spinner=False, max_entries=32)
def _chart(_store: object, key: cache.Key, lang: str, round_iri: str) -> tuple[bytes, int, list[list[str]]]:
    """The chart as PNG, how many items are not in it, and the target area × recommendation rows."""
    items = review_items.portfolio(_store, lang, round_iri)  # type: ignore[arg-type]
    buf = io.BytesIO()
    figure(items, lang).savefig(buf, format="png")
    return buf.getvalue(), sum(p.relevance is None for p in items), review_items.area_summary(
        items, lang, reads.target_areas(_store, lang)).rows  # type: ignore[arg-type]


def portfolio_view(ctx: context.PageContext, round_: reads.ReviewRound, rounds: list[reads.ReviewRound]) -> None:
    lang = ctx.lang
    st.subheader(t("portfolio.title", lang))
    png, unassessed, areas = _chart(ctx.store, ctx.key, lang, round_.iri)
    st.image(png, width="stretch")
    if unassessed:
        st.caption(t("portfolio.unassessed", lang, n=unassessed))
    st.download_button(t("portfolio.png", lang), png, f"{t('file.review_portfolio', lang)}.png", "image/png",
                       key="dl_portfolio", on_click="ignore")
    st.subheader(t("portfolio.areas", lang))
    columns = ["target_area", *(f"rec_{g}" for g in review_items.GROUPS)]
    tables.rows_table(areas, columns, lang, key="portfolio_areas")
    others = [r for r in rounds if r.iri != round_.iri and not r.new]
    st.subheader(t("portfolio.changes", lang))
    if not others:
        st.caption(t("portfolio.no_changes", lang))
        return
    names = {r.iri: r.label for r in others}
    before = st.selectbox(t("portfolio.compare", lang), list(names), format_func=lambda i: names[i],
                          placeholder=t("common.choose", lang), key=f"portfolio_compare.{lang}")
    table = review_items.round_changes(ctx.store, lang, before, round_.iri)
    if table.rows:
        tables.show_table(table, lang, key="portfolio_changes")
    else:
        st.caption(t("portfolio.no_changes", lang))
