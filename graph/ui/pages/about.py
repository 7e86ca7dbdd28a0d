"""The About page: the dataset, its source documents, what the graph holds, and where it is stored."""

from __future__ import annotations

import streamlit as st

from graph.i18n import day, escape_md, number, t
from graph.ui import cache, context, tables


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("about.title", lang))
    docs, dataset = cache.documents(ctx.store, ctx.key, lang)
    if dataset.get("label"):
        st.subheader(escape_md(dataset["label"]))
    if dataset.get("description"):
        st.text(dataset["description"])
    st.subheader(t("about.sources", lang))
    if docs:
        tables.rows_table([[d["title"], day(d["date"], lang), d["description"]] for d in docs],
                          ["document", "date", "note"], lang, key="about_docs")
    else:
        st.info(t("common.no_rows", lang))
    st.subheader(t("about.counts", lang))
    tables.show_table(cache.ask(ctx.store, ctx.key, "counts", (), lang), lang, key="about_counts")
    triples = cache.triples(ctx.store, ctx.key)
    if ctx.editor:  # where the store is (a folder's path, a server's address) is for those who keep it
        st.text(t("about.triples", lang, n=number(triples, lang), store=ctx.store.describe()))
    else:
        st.text(t("about.triples_count", lang, n=number(triples, lang)))
    st.caption(t("about.privacy", lang))


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
