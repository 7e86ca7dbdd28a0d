"""The SPARQL console: read-only queries on the graph, with the named questions as examples."""

from __future__ import annotations

import re

import streamlit as st
from babel import Locale

import graph.questions.catalogue as queries
import graph.questions.console as console
from graph.errors import IkgError
from graph.i18n import decimal, escape_md, locale_of, number, t
from graph.questions.languages import label_language
from graph.store.base import PREFIX_HEADER
from graph.ui import context, tables
from graph.ui.state import wkey
from graph.vocab.collate import name_key

ROW_LIMIT = 1000
TIME_LIMIT_S = 10
FIRST_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"
LOADED = "sparql_loaded"  # the text of the example last loaded


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("sparql.title", lang))
    st.caption(t("sparql.intro", lang, rows=number(ROW_LIMIT, lang), seconds=TIME_LIMIT_S))
    by_name = {q.name: q for q in queries.list_questions() if not q.computed_by}
    example_key = wkey("sparql_example", lang, "")

    def load_example() -> None:
        q = by_name.get(st.session_state.get(example_key) or "")
        if q is not None:
            dlang = label_language(ctx.store, lang)
            st.session_state["sparql_text"] = console.example_text(q, lang, dlang,
                                                                   console.example_values(ctx.store, q, dlang))
            st.session_state[LOADED] = st.session_state["sparql_text"]

    def text_changed() -> None:  # a text of one's own: the example it came from is no longer what runs
        if st.session_state.get("sparql_text") != st.session_state.get(LOADED):
            st.session_state[example_key] = ""
            st.session_state.pop(LOADED, None)

    # each named question by what it asks in the language, its name (as `ikg query` knows it) after that
    titles = {n: console.example_title(q, lang) for n, q in by_name.items()}
    ordered = sorted(by_name, key=lambda n: (name_key(titles[n], lang), n))
    st.selectbox(t("sparql.example", lang), ["", *ordered],
                 format_func=lambda n: f"{titles[n]} ({n})" if n else t("sparql.pick", lang),
                 placeholder=t("common.choose", lang), key=example_key, on_change=load_example)
    st.session_state.setdefault("sparql_text", FIRST_QUERY)
    chosen = by_name.get(st.session_state.get(example_key) or "")
    if chosen is not None and st.session_state["sparql_text"] != st.session_state.get(LOADED):
        chosen = None  # shown only while the text is the example's own
    if chosen is not None:
        st.caption(titles[chosen.name])
    text = st.text_area(t("sparql.query", lang), height=260, key="sparql_text", on_change=text_changed)
    if st.button(t("sparql.run", lang), key="sparql_run", type="primary"):
        run(ctx, text, chosen.name if chosen is not None else None)


ENGINE_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
ENGINE_CAUSES = (("Prefix not found", "sparql.no_prefix"), ("Unknown namespace prefix", "sparql.no_prefix"),
                 ("variable that is unbound", "sparql.unbound"))
# A SPARQL server's refusal or failure (graph.store.sparql), said as the server's, in the page's language.
SERVER_SAID = {"store.query_refused": "sparql.server_refused", "store.server_failed": "sparql.server_failed"}


def explain(exc: IkgError, lang: str, text: str = "") -> tuple[str, str | None]:
    """One sentence for a person about a refused query, in `lang`, and the engine's or server's own (English)
    words for the expander when it had some, never repeated in the sentence.

    >>> explain(IkgError("x", key="console.failed", engine="Unknown namespace prefix : foo"), "nb")
    ('Feil i spørringen: prefikset «foo:» er ikke definert; legg til linjen PREFIX foo: <…> øverst.', \
'Unknown namespace prefix : foo')
    >>> explain(IkgError("x", key="console.failed", engine="error at 17:7: expected one of Prefix not found, ['_']"),
    ...         "nb")[0]
    'Feil i spørringen ved linje 2, kolonne 7: et prefiks er ikke definert; legg til en PREFIX-linje for det øverst.'
    >>> explain(IkgError("x", key="console.failed", engine="error at 17:13: expected one of Prefix not found"), "en",
    ...         "SELECT * WHERE {\\n  ?s foo:bar ?o }")[0]
    'Error in the query at line 2, column 13: the prefix “foo:” is not declared; add a line PREFIX foo: <…> at the top.'
    >>> explain(IkgError.of("query.timeout", "nb", seconds="10"), "nb")
    ('Spørringen tok mer enn 10 s og ble stoppet; avgrens den eller legg til LIMIT.', None)
    """
    engine = str(exc.params["engine"]) if exc.params.get("engine") else None
    reason = exc.params.get("reason")
    if exc.key in ("console.parse", "console.parse_said"):  # our reader's finding, already in `lang`
        if reason == "readonly.unparsable_at":
            where = {"line": exc.params["line"], "col": exc.params["col"]}
            return t("sparql.error_at", lang, **where, cause=t("sparql.syntax", lang)), engine
        return sentence(str(exc.params.get("detail", exc))), engine
    if exc.key != "console.failed":  # our own refusals and limits, already in `lang`
        return sentence(str(exc)), None
    if reason in SERVER_SAID:
        return t(SERVER_SAID[str(reason)], lang), engine
    found = ENGINE_ERROR.search(engine or "")
    if found is None:
        cause = next((key for said, key in ENGINE_CAUSES if said in (engine or "")), None)
        named = re.search(r"Unknown namespace prefix : ([\w.-]+)", engine or "")
        if cause == "sparql.no_prefix" and named:
            return t("sparql.error", lang, cause=t("sparql.no_prefix_named", lang, prefix=named[1])), engine
        return (t("sparql.error", lang, cause=t(cause, lang)) if cause else t("sparql.failed", lang)), engine
    line, col, said = found.groups()
    line = str(max(1, int(line) - PREFIX_HEADER.count("\n")))  # the store put its PREFIX lines before the query
    cause = next((key for known, key in ENGINE_CAUSES if known in said), "sparql.syntax")
    prefix = _prefix_before(text, int(line), int(col)) if cause == "sparql.no_prefix" else None
    told = t("sparql.no_prefix_named", lang, prefix=prefix) if prefix else t(cause, lang)
    return t("sparql.error_at", lang, line=line, col=col, cause=told), said.strip()


def _prefix_before(text: str, line: int, col: int) -> str | None:
    """The prefix of the prefixed name that ends where the engine stopped (line and column from 1), if any.

    >>> _prefix_before("SELECT * WHERE {\\n  ?s   foo:bar ?o }", 2, 15), _prefix_before("x", 5, 1)
    ('foo', None)
    """
    rows = text.splitlines()
    if not 0 < line <= len(rows):
        return None
    found = re.search(r"([A-Za-z][\w.-]*):[\w.-]*$", rows[line - 1][:max(0, col - 1)])
    return found[1] if found else None


def sentence(text: str) -> str:
    """A message written to follow "ikg: " (the command line's way) as a sentence of its own.

    >>> sentence("write a query first")
    'Write a query first.'
    """
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def run(ctx: context.PageContext, text: str, example: str | None = None) -> None:
    """Run the query within the limits and show its answer, or why it was refused. The answer of an `example`
    run as loaded reads as that named question's answer does elsewhere in the app (its codes in words)."""
    lang = ctx.lang
    try:
        result = console.run_console(ctx.store, text, row_limit=ROW_LIMIT, time_limit_s=TIME_LIMIT_S, lang=lang)
    except IkgError as exc:
        message, technical = explain(exc, lang, text)
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
    table = console.as_named(result.table, example, lang) if example else result.table
    st.text(row_count(len(table.rows), lang))
    if table.rows != result.table.rows:
        st.caption(t("sparql.in_words", lang))
    tables.show_table(table, lang, key="sparql_table")
    if table.rows:
        tables.csv_button(table, lang, f"{t('file.query', lang)}.csv", "sparql_csv")


def row_count(n: int, lang: str) -> str:
    """'1 row' or '3 rows', as the language's plural rules (Babel's CLDR data) say.

    >>> row_count(1, "nb"), row_count(0, "nb"), row_count(1, "en"), row_count(1234, "en")
    ('1 rad', '0 rader', '1 row', '1,234 rows')
    """
    one = Locale.parse(locale_of(lang)).plural_form(n) == "one"
    return t("sparql.rows.one" if one else "sparql.rows", lang, n=number(n, lang))


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
