"""The SPARQL console: read-only queries on the graph, with the named questions as examples."""

from __future__ import annotations

import streamlit as st

import graph.questions.catalogue as queries
import graph.questions.console as console
from graph.errors import IkgError
from graph.i18n import escape_md, number, t
from graph.ui import context, tables
from graph.ui.state import wkey

ROW_LIMIT = 1000
TIME_LIMIT_S = 10
FIRST_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("sparql.title", lang))
    st.caption(t("sparql.intro", lang, rows=number(ROW_LIMIT, lang), seconds=TIME_LIMIT_S))
    by_name = {q.name: q for q in queries.list_questions() if not q.computed_by}
    example_key = wkey("sparql_example", lang, "")

    def load_example() -> None:
        q = by_name.get(st.session_state.get(example_key) or "")
        if q is not None:
            st.session_state["sparql_text"] = console.example_text(q, lang)

    st.selectbox(t("sparql.example", lang), ["", *by_name],
                 format_func=lambda n: f"{n} — {by_name[n].description(lang)}" if n else t("sparql.pick", lang),
                 key=example_key, on_change=load_example)
    chosen = by_name.get(st.session_state.get(example_key) or "")
    if chosen is not None:
        st.caption(chosen.description(lang))
    st.session_state.setdefault("sparql_text", FIRST_QUERY)
    text = st.text_area(t("sparql.query", lang), height=260, key="sparql_text")
    if st.button(t("sparql.run", lang), key="sparql_run", type="primary"):
        run(ctx, text)


def run(ctx: context.PageContext, text: str) -> None:
    """Run the query within the limits and show its answer, or why it was refused."""
    lang = ctx.lang
    try:
        result = console.run_console(ctx.store, text, row_limit=ROW_LIMIT, time_limit_s=TIME_LIMIT_S, lang=lang)
    except IkgError as exc:
        st.error(escape_md(str(exc)))
        return
    st.caption(t("sparql.took", lang, seconds=f"{result.seconds:.2f}"))
    if result.form == "ASK":
        st.text(t("common.yes", lang) if result.answer else t("common.no", lang))
        return
    if result.table is None:
        return
    if result.truncated:
        st.warning(result.notice(lang))
    st.text(t("sparql.rows", lang, n=number(len(result.table.rows), lang)))
    tables.show_table(result.table, lang, key="sparql_table")
    if result.table.rows:
        tables.csv_button(result.table, lang, "query.csv", "sparql_csv")


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
