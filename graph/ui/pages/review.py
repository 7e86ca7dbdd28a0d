"""The Review page (strategy section 5.1): the review table, the assessment form for editors, the downloads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

import graph.analysis.assessments as assessments
import graph.edit.assessments as saving
import graph.questions.catalogue as queries
import graph.render.review_report as review_report
from graph.errors import InputError
from graph.i18n import escape_md, t
from graph.ui import cache, context, tables
from graph.ui.state import wkey

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("review.title", lang))
    st.caption(t("review.intro", lang))
    known_rounds = cache.rounds(ctx.store, ctx.key, lang)
    default_round = known_rounds[-1][1] if known_rounds else t("review.default_round", lang, year=dt.date.today().year)
    round_label = st.text_input(t("review.round", lang), default_round, key="review_round").strip()
    table = cache.review_table(ctx.store, ctx.key, lang, round_label or None)
    if not table.rows:
        st.info(t("review.no_items", lang))
        return
    tables.show_table(table, lang, drop=("item",), key="review_table")

    st.subheader(t("review.assess", lang))
    if ctx.editor:
        assessment_form(ctx, table, round_label, ctx.editor)
    else:
        st.caption(t("review.login_to_assess", lang))

    st.subheader(t("review.side_by_side", lang))
    tables.show_table(cache.side_by_side(ctx.store, ctx.key, lang), lang, key="review_side")
    downloads(ctx, round_label or None)


def assessment_form(ctx: context.PageContext, table: queries.Table, round_label: str, editor: str) -> None:
    """An editor's assessment of one item: relevance per target area, effect, cost, recommendation."""
    lang = ctx.lang
    names = {row[0]: f"{row[2]} ({row[1]})" for row in table.rows}
    item = st.selectbox(t("review.item", lang), list(names), format_func=lambda i: names[i],
                        key=wkey("review_item", lang, next(iter(names))))
    earlier = [a for a in cache.assessments(ctx.store, ctx.key, lang) if a.item == item]
    if earlier:
        st.caption(t("review.earlier", lang))
        st.text("\n".join(
            t("review.earlier_line", lang, round=a.round_label, rec=t(f"rec.{a.recommendation}", lang),
              reviewer=a.reviewer, date=a.date) for a in earlier
        ))
    areas = cache.target_areas(ctx.store, ctx.key, lang)
    with st.form("assessment", clear_on_submit=False):
        st.caption(t("review.relevance_help", lang))
        relevance = {}
        cols = st.columns(max(1, min(len(areas), 5)))
        for i, (notation, label) in enumerate(areas):
            relevance[notation] = cols[i % len(cols)].select_slider(
                escape_md(f"{notation} {label}"), [0, 1, 2, 3], format_func=lambda v: t(f"score.{v}", lang),
                key=wkey(f"rel_{notation}", lang, 0),
            )
        effect = st.text_area(t("col.effect_seen", lang), key="review_effect")
        cost_benefit = st.text_area(t("col.cost_benefit", lang), key="review_cb")
        rec = st.radio(t("col.recommendation", lang), list(assessments.RECOMMENDATIONS), horizontal=True,
                       format_func=lambda r: t(f"rec.{r}", lang), key=wkey("review_rec", lang, "keep"))
        comment = st.text_area(t("col.comment", lang), key="review_comment")
        c1, c2 = st.columns(2)
        st.session_state.setdefault("review_reviewer", editor)
        reviewer = c1.text_input(t("col.reviewer", lang), key="review_reviewer")
        day = c2.date_input(t("col.date", lang), dt.date.today(), key="review_date")
        submitted = st.form_submit_button(t("review.save", lang), key="review_save")
    if submitted and item is not None:
        try:
            saving.save_assessment(ctx.store, item, round_label, relevance, effect or "", cost_benefit or "",
                                   rec or "keep", comment or "", reviewer, day, lang=lang)
        except InputError as exc:
            st.error(escape_md(str(exc)))
        else:  # rerun so every table on the page shows the new assessment
            st.session_state["review_saved"] = (names[item], round_label)
            st.rerun()
    if "review_saved" in st.session_state:
        saved_item, saved_round = st.session_state.pop("review_saved")
        st.success(escape_md(t("review.saved", lang, item=saved_item, round=saved_round)))


def downloads(ctx: context.PageContext, rnd: str | None) -> None:
    """The review as CSV, XLSX and a report; each file is made when clicked (deferred), not on every rerun."""
    lang, store = ctx.lang, ctx.store

    def made(export: Callable[..., str | bytes]) -> Callable[[], str | bytes]:
        return lambda: export(store, lang, rnd)

    st.subheader(t("review.downloads", lang))
    c1, c2, c3, c4 = st.columns(4)
    c1.download_button(t("review.csv", lang), made(review_report.export_csv), "review.csv", "text/csv",
                       key="dl_csv", on_click="ignore")
    c2.download_button(t("review.xlsx", lang), made(review_report.export_xlsx), "review.xlsx", XLSX_MIME, key="dl_xlsx",
                       on_click="ignore")
    c3.download_button(t("review.md", lang), made(review_report.report_markdown), "review-report.md", "text/markdown",
                       key="dl_md", on_click="ignore")
    c4.download_button(t("review.html", lang), made(review_report.report_html), "review-report.html", "text/html",
                       key="dl_html", on_click="ignore")


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
