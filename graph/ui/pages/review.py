"""The Review page (strategy section 5.1): the round, its progress, the review table, the assessment form
for editors (graph.ui.review_form) beside the item's facts, and the downloads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

import graph.analysis.assessments as reads
import graph.analysis.review_items as review_items
import graph.edit.assessments as saving
import graph.edit.uploads as uploads
import graph.questions.catalogue as queries
import graph.render.review_report as review_report
from graph.errors import InputError
from graph.i18n import day, escape_md, has_text, t
from graph.ui import cache, context, review_form, review_portfolio, tables, widget_texts
from graph.ui.state import wkey

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FACTS = ("kind", "since", "status", "target_areas", "responsible_unit", "annual_cost", "currency", "last_activity",
         "source")


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("review.title", lang))
    st.caption(t("review.intro", lang))
    rounds = reads.review_rounds(ctx.store, lang)
    if ctx.editor:
        new_round(ctx)
    if not rounds:  # offered by name; the first save creates it
        label = t("review.default_round", lang, year=dt.date.today().year)
        rounds = [reads.ReviewRound(str(reads.round_iri(ctx.store, label)), label, new=True)]
        st.info(t("round.none", lang))
    round_ = pick_round(ctx, rounds)
    table = cache.review_table(ctx.store, ctx.key, lang, round_.iri)
    if not table.rows:
        st.info(t("review.no_items", lang))
        return
    views = {"assess": t("review.view_assess", lang), "portfolio": t("review.view_portfolio", lang)}
    view = st.segmented_control(t("review.view", lang), list(views), format_func=lambda v: views[v],
                                key=wkey("review_view", lang, "assess"))
    if view == "portfolio":
        review_portfolio.portfolio_view(ctx, round_, rounds)
        downloads(ctx, None if round_.new else round_.iri)
        return
    show_progress(ctx, table)
    tables.show_table(table, lang, drop=("item",), key="review_table")

    st.subheader(t("review.assess", lang))
    if ctx.editor:
        names = {row[0]: f"{row[2]} ({row[1]})" for row in table.rows}
        item = st.selectbox(t("review.item", lang), list(names), format_func=lambda i: names[i],
                            placeholder=t("common.choose", lang), key=wkey("review_item", lang, next(iter(names))))
        if item is not None:
            left, right = st.columns([3, 2])
            with left:
                review_form.assessment_form(ctx, round_, item, names, ctx.editor)
            with right:
                item_context(ctx, table, item, round_)
    else:
        st.caption(t("review.login_to_assess", lang))

    st.subheader(t("review.side_by_side", lang))
    tables.show_table(cache.side_by_side(ctx.store, ctx.key, lang), lang, key="review_side")
    downloads(ctx, None if round_.new else round_.iri)
    if ctx.editor and not round_.new and not round_.closed:
        workbook_import(ctx, round_)


def round_text(r: reads.ReviewRound, lang: str) -> str:
    return t("round.option", lang, label=r.label, status=t(f"round.status.{r.status}", lang))


def pick_round(ctx: context.PageContext, rounds: list[reads.ReviewRound]) -> reads.ReviewRound:
    """The round picker (the last open round first), the round's facts, and open/close for editors."""
    lang = ctx.lang
    by_iri = {r.iri: r for r in rounds}
    default = next((r.iri for r in reversed(rounds) if r.status == "open"), rounds[-1].iri)
    key = wkey("review_round_pick", lang, default)
    if st.session_state.get(key) not in by_iri:
        st.session_state[key] = default
    chosen = st.selectbox(t("round.pick", lang), list(by_iri), format_func=lambda i: round_text(by_iri[i], lang),
                          placeholder=t("common.choose", lang), key=key)
    round_ = by_iri[chosen]
    period = "–".join(p for p in (round_.begin, round_.end) if p) or "–"
    scope = ", ".join(t(f"round.scope.{s}", lang) if has_text(f"round.scope.{s}") else s for s in round_.scope)
    st.caption(escape_md(t("round.facts", lang, period=period, status=t(f"round.status.{round_.status}", lang),
                           lead=round_.lead or "–", scope=scope or "–")))
    if round_.closed:
        st.info(escape_md(t("round.closed_note", lang, round=round_.label)))
    if ctx.editor and not round_.new:
        status = "open" if round_.status in ("planned", "closed") else "closed"
        label = t("round.open" if status == "open" else "round.close", lang)
        if st.button(label, key=f"review_round_{status}"):
            try:
                saving.set_round_status(ctx.store, round_.iri, status, ctx.editor, lang=lang)
            except InputError as exc:
                st.error(escape_md(str(exc)))
            else:
                st.session_state["review_round_flash"] = t(f"round.{'opened' if status == 'open' else 'closed'}",
                                                           lang, round=round_.label)
                st.rerun()
    if "review_round_flash" in st.session_state:
        st.success(escape_md(st.session_state.pop("review_round_flash")))
    return round_


def new_round(ctx: context.PageContext) -> None:
    """An editor opens a new round by name."""
    lang = ctx.lang
    with st.expander(t("round.new", lang)):
        name = st.text_input(t("round.new_name", lang), key="review_new_round")
        if st.button(t("round.new_create", lang), key="review_new_round_create"):
            try:
                iri = saving.new_round(ctx.store, name, ctx.editor or "", lang=lang)
            except InputError as exc:
                st.error(escape_md(str(exc)))
            else:
                st.session_state[wkey("review_round_pick", lang, iri)] = iri
                st.session_state["review_round_flash"] = t("round.opened", lang, round=name.strip())
                st.rerun()


def show_progress(ctx: context.PageContext, table: queries.Table) -> None:
    """Assessed / total in the round, by kind and by responsible unit, and what is left."""
    lang = ctx.lang
    done = review_items.progress_of(table, lang)
    st.subheader(t("progress.title", lang))
    st.progress(done.done / done.total if done.total else 0.0,
                text=t("progress.total", lang, done=done.done, total=done.total))
    c1, c2 = st.columns(2)
    with c1:
        st.caption(t("progress.by_kind", lang))
        tables.show_table(done.by_kind, lang, key="review_progress_kind")
    with c2:
        st.caption(t("progress.by_unit", lang))
        tables.show_table(done.by_unit, lang, key="review_progress_unit")
        if done.units_counted > done.total:  # the totals add up to more than the round's items: say why
            st.caption(t("progress.units_overlap", lang, counted=done.units_counted, total=done.total))
    if done.left.rows:
        with st.expander(t("progress.left", lang, n=len(done.left.rows))):
            tables.show_table(done.left, lang, key="review_progress_left")
    else:
        st.caption(t("progress.none_left", lang))


def item_context(ctx: context.PageContext, table: queries.Table, item: str, round_: reads.ReviewRound) -> None:
    """What the reviewer needs beside the form: the item's facts with sources and earlier rounds' assessments."""
    lang = ctx.lang
    row = dict(zip(table.columns, next(r for r in table.rows if r[0] == item), strict=True))
    lines = [(t(f"col.{f}", lang), row[f]) for f in FACTS if row.get(f)]
    more = review_items.item_context(ctx.store, item, lang)
    lines += [(t(f"context.{k}", lang), "; ".join(v)) for k, v in more.items() if v]
    st.markdown("\n".join(f"- **{escape_md(k)}:** {escape_md(v)}" for k, v in lines))
    order = [r.iri for r in reads.review_rounds(ctx.store, lang)]
    here = order.index(round_.iri) if round_.iri in order else len(order)
    earlier = [a for a in cache.assessments(ctx.store, ctx.key, lang)
               if a.item == item and a.round in order[:here]]
    earlier.sort(key=lambda a: order.index(a.round))
    if earlier:
        a = earlier[-1]
        st.info(escape_md(t("form.previous_round", lang, round=a.round_label, rec=t(f"rec.{a.recommendation}", lang),
                            reviewer=a.reviewer, date=day(a.date, lang))))
    else:
        st.caption(t("form.no_previous", lang))


def downloads(ctx: context.PageContext, rnd: str | None) -> None:
    """The review as CSV, XLSX and a report; each file is made when clicked (deferred), not on every rerun."""
    lang, store = ctx.lang, ctx.store

    def made(export: Callable[..., str | bytes]) -> Callable[[], str | bytes]:
        return lambda: export(store, lang, rnd)

    st.subheader(t("review.downloads", lang))
    c1, c2, c3, c4 = st.columns(4)
    table, report = t("file.review", lang), t("file.review_report", lang)  # the files named in the page's language
    c1.download_button(t("review.csv", lang), made(review_report.export_csv), f"{table}.csv", "text/csv",
                       key="dl_csv", on_click="ignore")
    c2.download_button(t("review.xlsx", lang), made(review_report.export_xlsx), f"{table}.xlsx", XLSX_MIME,
                       key="dl_xlsx", on_click="ignore")
    c3.download_button(t("review.md", lang), made(review_report.report_markdown), f"{report}.md", "text/markdown",
                       key="dl_md", on_click="ignore")
    c4.download_button(t("review.html", lang), made(review_report.report_html), f"{report}.html", "text/html",
                       key="dl_html", on_click="ignore")


def workbook_import(ctx: context.PageContext, round_: reads.ReviewRound) -> None:
    """An editor takes a filled-in workbook back: all of it, or nothing and every problem listed."""
    lang = ctx.lang
    upload = widget_texts.file_uploader(t("wb.upload", lang), key="review_wb_upload", types=["xlsx"],
                                        max_bytes=uploads.max_upload_bytes(lang), lang=lang)
    if upload is not None and st.button(t("wb.import", lang), key="review_wb_import"):
        try:
            changed = saving.import_workbook(ctx.store, upload.getvalue(), ctx.editor or "", lang=lang,
                                             name=upload.name)
        except InputError as exc:
            st.error("  \n".join(escape_md(line) for line in str(exc).splitlines()))
        else:
            st.session_state["review_round_flash"] = (
                t("wb.imported", lang, n=len(changed), round=round_.label, items="; ".join(changed)) if changed
                else t("wb.nothing", lang))
            st.rerun()


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
