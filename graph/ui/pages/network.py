"""The Network page: the drawn collaboration network, its filters in the sidebar, and a focused actor's details."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

import graph.render.view as view
from graph.i18n import escape_md, number, t
from graph.ui import cache, context, tables
from graph.ui.state import wkey

NETWORK_MAX_NODES = 400  # what the browser draws; the rest is reachable by filter, search and focus


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("network.title", lang))
    st.caption(t("network.intro", lang))
    choices = cache.network_choices(ctx.store, ctx.key, lang)
    options = _filters(choices, lang)

    actors = cache.actors(ctx.store, ctx.key, lang)
    labels = dict(actors)
    c1, c2 = st.columns([3, 1])
    focus = c1.selectbox(t("network.search", lang), ["", *labels],
                         format_func=lambda i: labels[i] if i else t("network.no_focus", lang),
                         key=wkey("net_focus", lang, ""))
    depth = c2.radio(t("network.depth", lang), [1, 2, 3], horizontal=True, key="net_depth")
    options.update(focus=focus or None, depth=depth)

    shown = view.build_view(ctx.store, view.ViewOptions(**options))
    # the view's own note, legend and details panel are inside its page; this line is for people and tests
    st.text(t("network.counts", lang, shown=number(shown.shown, lang), total=number(shown.total, lang)))
    if not focus:
        st.iframe(shown.html, height=680)
        return
    graph_col, details_col = st.columns([3, 1])
    with graph_col:
        st.iframe(shown.html, height=680)
    with details_col:
        details_panel(ctx, focus)


def _filters(choices: dict[str, Any], lang: str) -> dict[str, Any]:
    """The sidebar's filters; the view options they choose (without the focus)."""
    this_year = dt.date.today().year
    years = choices["years"]
    lo, hi = (int(years["min"]), max(int(years["max"]), this_year)) if years else (this_year - 10, this_year)
    choose = t("common.choose", lang)

    def pick(label: str, base: str, values: dict[str, str]) -> list[str]:
        return st.multiselect(t(label, lang), list(values), format_func=lambda v: values[v],
                              key=wkey(base, lang, []), placeholder=choose)

    with st.sidebar:
        st.subheader(t("network.filters", lang))
        kinds = st.multiselect(t("network.kinds", lang), list(view.KIND_GROUPS),
                               format_func=lambda k: t(f"group.{k}", lang),
                               key=wkey("net_kinds", lang, list(view.KIND_GROUPS)), placeholder=choose)
        areas = pick("network.target_areas", "net_areas", choices["ta"])
        sdgs = pick("network.sdgs", "net_sdgs", choices["sdg"])
        types = pick("network.agreement_types", "net_types", choices["types"])
        statuses = pick("network.statuses", "net_statuses", choices["statuses"])
        use_year = st.toggle(t("network.use_year", lang), key="net_use_year")
        year = st.slider(t("network.year", lang), lo, hi, hi, key="net_year", disabled=not use_year)
        size_by = st.radio(t("network.size_by", lang), ["degree", "betweenness"],
                           format_func=lambda s: t(f"network.size.{s}", lang), key=wkey("net_size", lang, "degree"))
    return {"lang": lang, "kinds": set(kinds), "target_areas": set(areas) or None, "sdgs": set(sdgs) or None,
            "agreement_types": set(types) or None, "statuses": set(statuses) or None,
            "year": year if use_year else None, "size_by": size_by, "max_nodes": NETWORK_MAX_NODES}


def details_panel(ctx: context.PageContext, iri: str) -> None:
    """The focused actor: facts, memberships and agreements, collaborators, sources (all as text)."""
    lang = ctx.lang
    d = cache.node_details(ctx.store, ctx.key, lang, iri)
    st.subheader(escape_md(d["label"]))
    if d.get("kind"):
        st.text(d["kind"])
    sections = [
        ("network.facts", d.get("facts", []), ["fact", "value"]),
        ("network.ties", [[x["label"], x["relation"], x["role"], period(x), x["status"], x["sources"]]
                          for x in d.get("ties", [])], ["label", "relation", "role", "period", "status", "source"]),
        ("network.collaborators", [[x["label"], x["via"]] for x in d.get("collaborators", [])],
         ["collaborator", "via"]),
        ("network.sources", [[x["source"], x["quote"], x["evidence"]] for x in d.get("sources", [])],
         ["source", "quote", "evidence"]),
    ]
    for title, rows, cols in sections:
        st.markdown(f"**{t(title, lang)}**")
        tables.rows_table(rows, cols, lang)


def period(tie: dict[str, Any]) -> str:
    """A tie's years, as "since–until", or nothing."""
    return f"{tie['since']}–{tie['until']}" if tie.get("since") or tie.get("until") else ""


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
