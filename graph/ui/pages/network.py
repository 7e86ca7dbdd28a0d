"""The Network page: the drawn collaboration network (a component that loads its scripts once), its
filters in the sidebar, one details panel for the node clicked or focused, and an address that keeps
the view (graph/ui/network_url.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

import graph.render.view as view
from graph.i18n import escape_md, number, t
from graph.ui import cache, context, network_component, network_url, tables
from graph.ui.state import set_picker, wkey
from graph.ui.widget_texts import CONTAINS

FIND, EXPANDED, CLICK_AT = "net_find", "net_expanded", "net_click_at"
KINDS = list(view.KIND_GROUPS)


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("network.title", lang))
    st.caption(t("network.intro", lang))
    choices = cache.network_choices(ctx.store, ctx.key, lang)
    labels = dict(cache.focus_choices(ctx.store, ctx.key, lang))
    network_url.restore(lang, choices, list(labels), KINDS)
    options = _filters(choices, lang)

    c1, c2 = st.columns([3, 1])
    focus = c1.selectbox(t("network.search", lang), ["", *labels],
                         format_func=lambda i: labels[i] if i else t("network.no_focus", lang),
                         placeholder=t("common.choose", lang), key=wkey("net_focus", lang, ""))
    depth = c2.radio(t("network.depth", lang), [1, 2, 3], horizontal=True, key="net_depth")
    options.update(focus=focus or None, depth=depth)
    network_url.keep(options, KINDS)

    view_options = view.ViewOptions(**options)
    shown = view.build_view(ctx.store, view_options)
    lit = _highlight(shown, lang)
    # the view's own note and legend are inside the drawing; this line is for people and tests
    counts = "network.counts" if shown.total >= shown.whole else "network.counts_of_whole"  # filtered: of how many
    st.text(t(counts, lang, shown=number(shown.shown, lang), total=number(shown.total, lang),
              whole=number(shown.whole, lang)))
    graph_col, details_col = st.columns([5, 2])  # the details' tables need room; a long name breaks between words
    st.html(DETAILS_STYLE)
    with graph_col:
        click = network_component.draw_clicks(shown, (ctx.key, view_options.key()), key="net_drawing", highlight=lit)
    if click and view.is_cluster(click.node) and click.at != st.session_state.get(CLICK_AT):
        st.session_state[CLICK_AT] = click.at  # a cluster clicked: open it
        st.session_state[EXPANDED] = (*options["expanded"], click.node.removeprefix("cluster:"))
        st.rerun()
    clicked = click.node if click else None
    drawn = {n["id"] for n in shown.nodes if not view.is_cluster(n["id"])}
    selected = clicked if clicked in drawn else focus or None
    with details_col, st.container(key="net_details"):
        if selected:
            details_panel(ctx, selected, focusable=selected in labels and selected != focus)
        else:
            st.caption(t("explorer.click_hint", lang))
    _downloads(ctx, shown, view_options)


def _highlight(shown: view.View, lang: str) -> dict | None:
    """Search in the drawing and the chain between two of its actors: what to light up on it (the
    drawing stays as it is). Says what was found, or that nothing was."""
    names = shown.names
    h1, h2, h3, h4 = st.columns([4, 4, 4, 3], vertical_alignment="bottom")
    text = h1.text_input(t("explorer.find", lang), key=FIND, placeholder=t("explorer.find_hint", lang))
    picks = ["", *shown.actors]
    for key in ("net_chain_a.nb", "net_chain_a.en", "net_chain_b.nb", "net_chain_b.en"):
        if key in st.session_state and st.session_state[key] not in picks:  # no longer drawn: no longer picked
            st.session_state[key] = ""
    a = h2.selectbox(t("explorer.chain_from", lang), picks, format_func=lambda i: names[i] if i else "—",
                     placeholder=t("common.choose", lang), key=wkey("net_chain_a", lang, ""))
    b = h3.selectbox(t("explorer.chain_to", lang), picks, format_func=lambda i: names[i] if i else "—",
                     placeholder=t("common.choose", lang), key=wkey("net_chain_b", lang, ""))
    h4.button(t("explorer.clear_highlight", lang), key="net_clear", on_click=_clear, args=(lang,),
              disabled=not (text.strip() or a or b))
    found = view.find(shown, text)
    path = view.chain(shown, a, b) if a and b else []
    lines = []
    if text.strip():
        lines.append(t("explorer.found", lang, n=number(len(found), lang), names="; ".join(names[n] for n in found[:8]))
                     + (" …" if len(found) > 8 else "") if found else t("explorer.found_none", lang, text=text.strip()))
    if a and b:
        lines.append(t("explorer.chain_shown", lang, chain=" → ".join(names[n] for n in path)) if path
                     else t("explorer.chain_none", lang, a=names[a], b=names[b]))
    slot = st.empty()  # always there, so the drawing below keeps its place (and its frame) on the page
    if lines:
        slot.text("\n".join(lines))
    return view.lit(shown, found, [path] if path else None)


def _clear(lang: str) -> None:
    st.session_state[FIND] = ""
    set_picker("net_chain_a", lang, "")
    set_picker("net_chain_b", lang, "")


def _close_all() -> None:
    st.session_state[EXPANDED] = ()


def _filters(choices: dict[str, Any], lang: str) -> dict[str, Any]:
    """The sidebar's filters; the view options they choose (without the focus)."""
    this_year = dt.date.today().year
    years = choices["years"]
    lo, hi = (int(years["min"]), max(int(years["max"]), this_year)) if years else (this_year - 10, this_year)
    choose = t("common.choose", lang)

    def pick(label: str, base: str, values: dict[str, str]) -> list[str]:
        return st.multiselect(t(label, lang), list(values), format_func=lambda v: values[v],
                              key=wkey(base, lang, []), placeholder=choose, filter_mode=CONTAINS)

    with st.sidebar:
        st.subheader(t("network.filters", lang))
        kinds = st.multiselect(t("network.kinds", lang), KINDS, format_func=lambda k: t(f"group.{k}", lang),
                               key=wkey("net_kinds", lang, KINDS), placeholder=choose, filter_mode=CONTAINS)
        areas = pick("network.target_areas", "net_areas", choices["ta"])
        sdgs = pick("network.sdgs", "net_sdgs", choices["sdg"])
        types = pick("network.agreement_types", "net_types", choices["types"])
        statuses = pick("network.statuses", "net_statuses", choices["statuses"])
        use_year = st.toggle(t("network.use_year", lang), key="net_use_year")
        if "net_year" in st.session_state:  # a year from a link: clamp it, and give no second default
            held = int(st.session_state["net_year"])
            if not lo <= held <= hi:  # assigning a widget's value sends it to the browser: only when it changes,
                st.session_state["net_year"] = min(max(held, lo), hi)  # or a key press made meanwhile is undone
            year = st.slider(t("network.year", lang), lo, hi, key="net_year", disabled=not use_year)
        else:
            year = st.slider(t("network.year", lang), lo, hi, hi, key="net_year", disabled=not use_year)
        size_by = st.radio(t("network.size_by", lang), ["degree", "betweenness"],
                           format_func=lambda s: t(f"network.size.{s}", lang), key=wkey("net_size", lang, "degree"))
        colour_by = st.radio(t("explorer.colour_by", lang), ["kind", "community"],
                             format_func=lambda s: t(f"explorer.colour.{s}", lang),
                             key=wkey("net_colour", lang, "kind"))
        collapse = st.toggle(t("explorer.collapse", lang), key="net_collapse", on_change=_close_all,
                             help=t("explorer.collapse_help", lang))
        expanded = tuple(st.session_state.get(EXPANDED, ())) if collapse else ()
        if collapse and expanded:
            st.button(t("explorer.close_clusters", lang), key="net_close_clusters", on_click=_close_all)
    return {"lang": lang, "kinds": set(kinds), "target_areas": set(areas) or None, "sdgs": set(sdgs) or None,
            "agreement_types": set(types) or None, "statuses": set(statuses) or None,
            "year": year if use_year else None, "size_by": size_by, "max_nodes": view.PAGE_MAX_NODES,
            "colour_by": colour_by, "collapse": collapse, "expanded": expanded}


def _focus_on(iri: str, lang: str) -> None:
    set_picker("net_focus", lang, iri)


# the clicked node's name as a smaller heading than a page's, so a long one ("Kommunikasjonsenheten") fits
DETAILS_STYLE = "<style>.st-key-net_details h3 { font-size: 1.2rem; overflow-wrap: break-word; }</style>"


def details_panel(ctx: context.PageContext, iri: str, focusable: bool = False) -> None:
    """The node clicked (or the focused actor): facts, ties, collaborators, sources (all as text)."""
    lang = ctx.lang
    d = cache.node_details(ctx.store, ctx.key, lang, iri)
    st.subheader(escape_md(d["label"]))
    if d.get("kind"):
        st.text(d["kind"])
    if focusable:
        st.button(t("explorer.focus_here", lang), key="net_focus_here", on_click=_focus_on, args=(iri, lang))
    if d.get("facts"):  # a fact and its value on one line: a table of two columns was cut off in the panel
        st.markdown(f"**{t('network.facts', lang)}**")
        st.markdown("\n".join(f"- {escape_md(fact)}: {escape_md(value)}" for fact, value in d["facts"]))
    if d.get("ties"):
        st.markdown(f"**{t('network.ties', lang)}**")
        ties_list(d["ties"])
        with st.expander(t("network.ties_table", lang)):
            tables.rows_table([[x["label"], x["relation"], x["role"], period(x), x["status"], x["sources"]]
                               for x in d["ties"]], ["label", "relation", "role", "period", "status", "source"], lang)
    sections = [
        ("network.collaborators", [[x["label"], x["via"]] for x in d.get("collaborators", [])],
         ["collaborator", "via"]),
        ("network.sources", [[x["source"], x["quote"], x["evidence"]] for x in d.get("sources", [])],
         ["source", "quote", "evidence"]),
    ]
    for title, rows, cols in sections:
        if rows:
            st.markdown(f"**{t(title, lang)}**")
            tables.rows_table(rows, cols, lang)


def _downloads(ctx: context.PageContext, shown: view.View, options: view.ViewOptions) -> None:
    """The view as SVG and as GraphML (PNG is the drawing's own button)."""
    lang, store = ctx.lang, ctx.store
    c1, c2, _ = st.columns([1, 1, 1])
    c1.download_button(t("explorer.svg", lang), lambda: view.view_svg(view.build_view(store, options)),
                       f"{t('file.network', lang)}.svg", "image/svg+xml", key="net_svg", on_click="ignore")
    c2.download_button(t("explorer.view_graphml", lang),
                       lambda: view.view_graphml(view.build_view(store, options), lang),
                       f"{t('file.network_view', lang)}.graphml", "application/xml", key="net_graphml",
                       on_click="ignore")


def ties_list(ties: list[dict[str, Any]]) -> None:
    """A node's ties as lists under each relation ("member of (3)"), the name first and then its role,
    years and status: they fit the narrow panel, where a table of six columns had to be scrolled sideways
    to see more than the names."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for tie in ties:
        groups.setdefault(tie["relation"], []).append(tie)
    for relation, items in groups.items():
        lines = [f"{escape_md(relation)} ({len(items)}):"]
        for tie in items:
            more = ", ".join(v for v in (tie["role"], period(tie), tie["status"]) if v)
            lines.append(f"- {escape_md(tie['label'])}" + (f" · {escape_md(more)}" if more else ""))
        st.markdown("\n".join(lines))


def period(tie: dict[str, Any]) -> str:
    """A tie's years, as "since–until", one year once, or nothing.

    >>> period({"since": "2011", "until": "2011"}), period({"since": "2009", "until": ""}), period({})
    ('2011', '2009–', '')
    """
    if tie.get("since") and tie.get("since") == tie.get("until"):
        return str(tie["since"])
    return f"{tie['since']}–{tie['until']}" if tie.get("since") or tie.get("until") else ""


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
