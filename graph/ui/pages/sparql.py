"""The SPARQL console: read-only queries on the graph, with the named questions as examples."""

from __future__ import annotations

import re

import streamlit as st

import graph.questions.catalogue as queries
import graph.questions.console as console
from graph.errors import IkgError
from graph.i18n import decimal, escape_md, number, t
from graph.questions.languages import label_language
from graph.store.base import PREFIX_HEADER
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
            st.session_state["sparql_text"] = console.example_text(q, lang, label_language(ctx.store, lang))

    st.selectbox(t("sparql.example", lang), ["", *by_name],
                 format_func=lambda n: f"{n} — {by_name[n].description(lang)}" if n else t("sparql.pick", lang),
                 placeholder=t("common.choose", lang), key=example_key, on_change=load_example)
    chosen = by_name.get(st.session_state.get(example_key) or "")
    if chosen is not None:
        st.caption(chosen.description(lang))
    st.session_state.setdefault("sparql_text", FIRST_QUERY)
    text = st.text_area(t("sparql.query", lang), height=260, key="sparql_text")
    if st.button(t("sparql.run", lang), key="sparql_run", type="primary"):
        run(ctx, text)


ENGINE_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
ENGINE_CAUSES = (("Prefix not found", "sparql.no_prefix"), ("variable that is unbound", "sparql.unbound"))


def explain(exc: IkgError, lang: str) -> tuple[str, str | None]:
    """What to tell a person about a refused query, and the engine's own (English) message when it had one.
    The engine's syntax errors are said in `lang`: where, and the cause when it is a known one.

    >>> explain(IkgError("x", key="console.failed", detail="Unknown namespace prefix : foo"), "nb")
    ('Spørringen kunne ikke kjøres; databasemotorens melding står under.', 'Unknown namespace prefix : foo')

    >>> explain(IkgError("x", key="console.failed", detail="the query could not be parsed: error at 17:7: "
    ...                  "expected one of Prefix not found, ['_']"), "nb")[0]
    'Feil i spørringen ved linje 2, kolonne 7: et prefiks er ikke definert; legg til en PREFIX-linje for det øverst.'
    """
    if exc.key != "console.failed":  # our own refusals and limits, already in `lang`
        return str(exc), None
    detail = str(exc.params.get("detail", ""))
    found = ENGINE_ERROR.search(detail)
    if found is None:  # the engine's or the store's own words (English): ours above them
        return t("sparql.failed", lang), detail
    line, col, said = found.groups()
    line = str(max(1, int(line) - PREFIX_HEADER.count("\n")))  # the store put its PREFIX lines before the query
    cause = next((key for text, key in ENGINE_CAUSES if text in said), "sparql.syntax")
    return t("sparql.error_at", lang, line=line, col=col, cause=t(cause, lang)), said.strip()


def run(ctx: context.PageContext, text: str) -> None:
    """Run the query within the limits and show its answer, or why it was refused."""
    lang = ctx.lang
    try:
        result = console.run_console(ctx.store, text, row_limit=ROW_LIMIT, time_limit_s=TIME_LIMIT_S, lang=lang)
    except IkgError as exc:
        message, technical = explain(exc, lang)
        st.error(escape_md(message))
        if technical:
            with st.expander(t("sparql.engine_detail", lang)):
                st.code(technical, language=None)
        return
    st.caption(t("sparql.took", lang, seconds=decimal(result.seconds, lang)))
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
        tables.csv_button(result.table, lang, f"{t('file.query', lang)}.csv", "sparql_csv")


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
