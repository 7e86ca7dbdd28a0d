"""The explorer: a Streamlit face on the same graph/ functions the `ikg` command uses.

Run with `streamlit run app.py`. Layout and widgets only: every answer comes from graph/; every
piece of text comes from graph/i18n.py in Norwegian (bokmål) or English; data is shown as text.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import urllib.parse
import uuid

import altair as alt
import pandas as pd
import pydeck as pdk
import streamlit as st

import graph.analysis.gaps as gaps
import graph.analysis.network as analysis
import graph.analysis.review as review
import graph.questions.catalogue as queries
import graph.questions.console as console
import graph.render.exports as gio
import graph.render.view as view
import graph.store.base as gstore
import graph.ui.editing as app_editing
from graph import config
from graph.errors import IkgError, InputError
from graph.i18n import LANG_NAMES, column, escape_md, number, t

log = logging.getLogger("ikg.app")
PAGES = ("network", "collaborators", "gaps", "review", "map", "sparql", "history", "about")
EDITOR_PAGES = ("edit", "import")  # shown, and rendered, only for a logged-in editor



# ---------------------------------------------------------------------------------------------
# The store and cached answers
# ---------------------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def open_graph(setting: str, data_dir: str) -> gstore.Store:
    """One store for all sessions (data_dir is part of the key so tests can point at other data)."""
    store = gstore.open_store(setting or None)
    store.app_token = uuid.uuid4().hex  # with the generation, the key of every cached answer
    return store


def cache_key(store: gstore.Store) -> tuple[str, int]:
    return (store.app_token, store.generation)


@st.cache_data(show_spinner=False, max_entries=512)
def ask(_store, key, name: str, params: tuple = (), lang: str = "en") -> queries.Table:
    return queries.run(_store, name, dict(params), lang)


@st.cache_data(show_spinner=False, max_entries=64)
def cached(_store, key, what: str, lang: str, *args):
    """Answers of graph/ functions other than the named questions, cached per store generation."""
    return COMPUTED[what](_store, lang, *args)


COMPUTED = {
    "actors": lambda s, lang: queries.actor_choices(s, lang),
    "network_choices": lambda s, lang: network_choices(view.network_data(s, lang), lang),
    "node_details": lambda s, lang, iri: view.node_details(s, iri, lang),
    "gaps": lambda s, lang, since: [(g, tb) for g, tb in gaps.gap_tables(s, lang, since)],
    "network_gaps": lambda s, lang: gaps.network_gaps(s, lang),
    "review_table": lambda s, lang, rnd: review.review_table(s, lang, rnd),
    "rounds": lambda s, lang: review.rounds(s, lang),
    "side_by_side": lambda s, lang: review.rounds_side_by_side(s, lang),
    "assessments": lambda s, lang, rnd: review.assessments(s, lang, rnd),
    "target_areas": lambda s, lang: review.target_areas(s, lang),
    "coverage": lambda s, lang, dim: coverage_matrix(s, lang, dim),
    "places": lambda s, lang: map_places(s, lang),
    "documents": lambda s, lang: documents(s, lang),
    "triples": lambda s, lang: s.count(),
}


def coverage_matrix(store, lang: str, dimension: str) -> pd.DataFrame:
    """One row per (network or project, target area or SDG) link, from the `coverage-matrix` question."""
    wanted = "target area" if dimension == "target_areas" else "SDG"
    rows = [r for r in queries.run(store, "coverage-matrix", {}, lang).dicts() if r["dimension"] == wanted]
    return pd.DataFrame(
        [{"thing": r["thing"], "kind": t(f"kind.{r['kind']}", lang), "dimension": f"{r['dim_no']} {r['dim_label']}",
          "order": int(r["dim_no"]) if r["dim_no"].isdigit() else 0} for r in rows],
        columns=["thing", "kind", "dimension", "order"],
    )


def map_places(store, lang: str) -> pd.DataFrame:
    """The home city, twin cities and partner cities, from the `places` question."""
    rows = queries.run(store, "places", {}, lang).dicts()
    return pd.DataFrame(
        [{"name": r["city"], "lat": float(r["lat"]), "lon": float(r["long"]), "home": r["role"] == "home",
          "type": r["agreement"], "since": r["since"], "status": r["status"]} for r in rows],
        columns=["name", "lat", "lon", "home", "type", "since", "status"],
    )


def documents(store, lang: str) -> tuple[list[dict[str, str]], dict[str, str]]:
    docs = queries.run(store, "documents", {}, lang).dicts()
    dataset = queries.run(store, "dataset", {}, lang).dicts()
    return docs, (dataset[0] if dataset else {})


# ---------------------------------------------------------------------------------------------
# Small display helpers (data is always text)
# ---------------------------------------------------------------------------------------------


def wkey(base: str, lang: str, default) -> str:
    """The key of a widget whose shown options follow the language.

    Streamlit matches a widget's value by its shown text, so a widget keeps one key per language;
    its value (language-independent: IRIs, notations, names) is carried over when the language
    changes. Widgets keyed this way take their default from here, never from their own arguments.
    """
    key = f"{base}.{lang}"
    if key not in st.session_state:
        other = f"{base}.{'en' if lang == 'nb' else 'nb'}"
        st.session_state[key] = st.session_state[other] if other in st.session_state else default
    return key


def frame(table: queries.Table, lang: str, drop: tuple[str, ...] = ()) -> pd.DataFrame:
    df = pd.DataFrame(table.rows, columns=table.columns).drop(columns=list(drop), errors="ignore")
    return df.rename(columns={c: column(c, lang) for c in df.columns})


def show_table(table: queries.Table, lang: str, drop: tuple[str, ...] = (), key: str | None = None) -> None:
    if not table.rows:
        st.info(t("common.no_rows", lang))
        return
    st.dataframe(frame(table, lang, drop), hide_index=True, key=key)


def csv_button(table: queries.Table, lang: str, file_name: str, key: str) -> None:
    cols = [column(c, lang) for c in table.columns]
    st.download_button(t("common.download_csv", lang), gio.csv_text(cols, table.rows), file_name=file_name,
                       mime="text/csv", key=key, on_click="ignore")


def items_text(items: list[str], lang: str) -> None:
    if items:
        st.text("\n".join(f"• {item}" for item in items))
    else:
        st.caption(t("common.none", lang))


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


def network_choices(data, lang: str) -> dict[str, dict[str, str]]:
    """Filter choices from the network data: value -> label for each filter."""
    ta = {n: f"{n} {label}" for (what, n), label in data.notation_labels.items() if what == "ta"}
    sdg = {n: f"{n} {label}" for (what, n), label in data.notation_labels.items() if what == "sdg"}
    types = {n.agreement_type for n in data.nodes.values() if n.agreement_type}
    statuses = {n.status for n in data.nodes.values() if n.status} | {e.status for e in data.edges if e.status}
    years = {y for n in data.nodes.values() for y in (n.since, n.until) if y is not None}
    years |= {y for e in data.edges for y in (e.since, e.until) if y is not None}

    def by_number(d: dict[str, str]) -> dict[str, str]:
        return dict(sorted(d.items(), key=lambda kv: (len(kv[0]), kv[0])))

    def by_label(iris: set[str]) -> dict[str, str]:
        return dict(sorted(((i, data.labels.get(i, i)) for i in iris), key=lambda kv: kv[1].casefold()))

    return {"ta": by_number(ta), "sdg": by_number(sdg), "types": by_label(types), "statuses": by_label(statuses),
            "years": {"min": str(min(years)), "max": str(max(years))} if years else {}, "home": data.home or ""}


def page_network(store, key, lang: str) -> None:
    st.header(t("network.title", lang))
    st.caption(t("network.intro", lang))
    choices = cached(store, key, "network_choices", lang)
    this_year = dt.date.today().year
    years = choices["years"]
    lo, hi = (int(years["min"]), max(int(years["max"]), this_year)) if years else (this_year - 10, this_year)

    choose = t("common.choose", lang)
    with st.sidebar:
        st.subheader(t("network.filters", lang))
        kinds = st.multiselect(t("network.kinds", lang), list(view.KIND_GROUPS),
                               format_func=lambda k: t(f"group.{k}", lang),
                               key=wkey("net_kinds", lang, list(view.KIND_GROUPS)), placeholder=choose)
        areas = st.multiselect(t("network.target_areas", lang), list(choices["ta"]), format_func=choices["ta"].get,
                               key=wkey("net_areas", lang, []), placeholder=choose)
        sdgs = st.multiselect(t("network.sdgs", lang), list(choices["sdg"]), format_func=choices["sdg"].get,
                              key=wkey("net_sdgs", lang, []), placeholder=choose)
        types = st.multiselect(t("network.agreement_types", lang), list(choices["types"]),
                               format_func=choices["types"].get, key=wkey("net_types", lang, []), placeholder=choose)
        statuses = st.multiselect(t("network.statuses", lang), list(choices["statuses"]),
                                  format_func=choices["statuses"].get, key=wkey("net_statuses", lang, []),
                                  placeholder=choose)
        use_year = st.toggle(t("network.use_year", lang), key="net_use_year")
        year = st.slider(t("network.year", lang), lo, hi, hi, key="net_year", disabled=not use_year)
        size_by = st.radio(t("network.size_by", lang), ["degree", "betweenness"],
                           format_func=lambda s: t(f"network.size.{s}", lang), key=wkey("net_size", lang, "degree"))

    actors = cached(store, key, "actors", lang)
    labels = dict(actors)
    c1, c2 = st.columns([3, 1])
    focus = c1.selectbox(t("network.search", lang), [""] + [iri for iri, _ in actors],
                         format_func=lambda i: labels[i] if i else t("network.no_focus", lang),
                         key=wkey("net_focus", lang, ""))
    depth = c2.radio(t("network.depth", lang), [1, 2, 3], horizontal=True, key="net_depth")

    options = view.ViewOptions(
        lang=lang, kinds=set(kinds), target_areas=set(areas) or None, sdgs=set(sdgs) or None,
        agreement_types=set(types) or None, statuses=set(statuses) or None, year=year if use_year else None,
        focus=focus or None, depth=depth, size_by=size_by, max_nodes=NETWORK_MAX_NODES,
    )
    shown = view.build_view(store, options)
    # the view's own note, legend and details panel are inside its page; this line is for people and tests
    st.text(t("network.counts", lang, shown=number(shown.shown, lang), total=number(shown.total, lang)))
    graph_col, details_col = st.columns([3, 1]) if focus else (st.container(), None)
    with graph_col:
        st.iframe(shown.html, height=680)
    if details_col is not None:
        with details_col:
            details_panel(store, focus, lang)


NETWORK_MAX_NODES = 400  # what the browser draws; the rest is reachable by filter, search and focus


def details_panel(store, iri: str, lang: str) -> None:
    """The focused actor: facts, memberships and agreements, collaborators, sources (all as text)."""
    d = cached(store, cache_key(store), "node_details", lang, iri)
    st.subheader(escape_md(d["label"]))
    if d.get("kind"):
        st.text(d["kind"])
    sections = [
        ("network.facts", d.get("facts", []), ["fact", "value"]),
        ("network.ties", [[x["label"], x["relation"], x["role"], view_period(x), x["status"], x["sources"]]
                          for x in d.get("ties", [])], ["label", "relation", "role", "period", "status", "source"]),
        ("network.collaborators", [[x["label"], x["via"]] for x in d.get("collaborators", [])],
         ["collaborator", "via"]),
        ("network.sources", [[x["source"], x["quote"], x["evidence"]] for x in d.get("sources", [])],
         ["source", "quote", "evidence"]),
    ]
    for title, rows, cols in sections:
        st.markdown(f"**{t(title, lang)}**")
        if rows:
            st.dataframe(pd.DataFrame(rows, columns=[column(c, lang) for c in cols]), hide_index=True)
        else:
            st.caption(t("common.none", lang))


def view_period(tie: dict) -> str:
    return f"{tie['since']}–{tie['until']}" if tie.get("since") or tie.get("until") else ""


def page_collaborators(store, key, lang: str) -> None:
    st.header(t("collab.title", lang))
    st.caption(t("collab.intro", lang))
    actors = cached(store, key, "actors", lang)
    if not actors:
        st.info(t("collab.no_actors", lang))
        return
    labels = dict(actors)
    iris = [iri for iri, _ in actors]
    home = cached(store, key, "network_choices", lang)["home"]
    home = home if home in labels else iris[0]
    actor = st.selectbox(t("collab.actor", lang), iris, format_func=labels.get, key=wkey("collab_actor", lang, home))
    table = ask(store, key, "collaborators", (("actor", actor),), lang)
    st.text(t("collab.count", lang, n=number(len(table.rows), lang), actor=labels[actor]))
    show_table(table, lang, key="collab_table")
    if table.rows:
        csv_button(table, lang, "collaborators.csv", "collab_csv")

    st.subheader(t("collab.chains", lang))
    c1, c2, c3 = st.columns([2, 2, 1])
    a = c1.selectbox(t("collab.from", lang), iris, format_func=labels.get, key=wkey("chain_from", lang, actor))
    other = next((i for i in iris if i != a), a)
    b = c2.selectbox(t("collab.to", lang), iris, format_func=labels.get, key=wkey("chain_to", lang, other))
    steps = c3.number_input(t("collab.max_steps", lang), 1, 6, 3, key="chain_max")
    g = analysis.collaboration_graph(store, lang)
    found = analysis.chains(g, a, b, int(steps), shortest_only=False)
    if not found:
        st.info(escape_md(t("collab.no_chain", lang, a=labels[a], b=labels[b], n=int(steps))))
        return
    st.text(t("collab.chain_count", lang, n=number(len(found), lang)))
    st.text("\n".join(analysis.chain_text(g, p) for p in found))
    st.graphviz_chart(chains_dot(g, found), width="content")


def chains_dot(g, paths: list[list[str]]) -> str:
    """The chains as a small Graphviz graph; labels are quoted DOT strings (text, never HTML)."""

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    nodes, edges = {}, set()
    for path in paths:
        for i, n in enumerate(path):
            nodes[n] = (g.nodes[n].get("label", n), g.nodes[n].get("side") == "actor")
            if i:
                edges.add((path[i - 1], n))
    ids = {n: f"n{i}" for i, n in enumerate(nodes)}
    lines = ["graph chains {", "rankdir=LR;", 'node [fontname="Helvetica", fontsize=11];']
    for n, (label, is_actor) in nodes.items():
        shape = 'shape=ellipse, style=filled, fillcolor="#dbe9f6"' if is_actor else 'shape=box, style="rounded"'
        lines.append(f"{ids[n]} [label={q(label)}, {shape}];")
    lines += [f"{ids[u]} -- {ids[v]};" for u, v in sorted(edges)]
    return "\n".join(lines + ["}"])


def heatmap(df: pd.DataFrame, lang: str, dim_title: str) -> None:
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


def page_gaps(store, key, lang: str) -> None:
    st.header(t("gaps.title", lang))
    st.caption(t("gaps.intro", lang))
    tab_ta, tab_sdg = st.tabs([t("gaps.heat_ta", lang), t("gaps.heat_sdg", lang)])
    with tab_ta:
        heatmap(cached(store, key, "coverage", lang, "target_areas"), lang, t("col.target_area", lang))
        show_table(ask(store, key, "coverage-target-areas", (), lang), lang, key="cov_ta")
    with tab_sdg:
        heatmap(cached(store, key, "coverage", lang, "sdgs"), lang, t("col.sdg", lang))
        show_table(ask(store, key, "coverage-sdgs", (), lang), lang, key="cov_sdg")

    since = st.number_input(t("gaps.since", lang), 1900, dt.date.today().year, 2010, key="gaps_since")
    for gap, table in cached(store, key, "gaps", lang, int(since)):
        st.subheader(gap.title[lang])
        st.write(gap.why[lang])
        show_table(table, lang, key=f"gap_{gap.question}")
    brokers, isolated = cached(store, key, "network_gaps", lang)
    st.subheader(t("gaps.brokers", lang))
    st.write(gaps.BROKERS_WHY[lang])
    items_text(brokers, lang)
    st.subheader(t("gaps.isolated", lang))
    st.write(gaps.ISOLATED_WHY[lang])
    items_text(isolated, lang)


def page_review(store, key, lang: str) -> None:
    st.header(t("review.title", lang))
    st.caption(t("review.intro", lang))
    known_rounds = cached(store, key, "rounds", lang)
    default_round = known_rounds[-1][1] if known_rounds else t("review.default_round", lang, year=dt.date.today().year)
    round_label = st.text_input(t("review.round", lang), default_round, key="review_round").strip()
    table = cached(store, key, "review_table", lang, round_label or None)
    if not table.rows:
        st.info(t("review.no_items", lang))
        return
    show_table(table, lang, drop=("item",), key="review_table")

    st.subheader(t("review.assess", lang))
    editor = app_editing.current_editor()
    if editor:
        assessment_form(store, key, lang, table, round_label, editor)
    else:
        st.caption(t("review.login_to_assess", lang))

    st.subheader(t("review.side_by_side", lang))
    side = cached(store, key, "side_by_side", lang)
    show_table(side, lang, key="review_side")
    review_downloads(store, lang, round_label or None)


def assessment_form(store, key, lang: str, table: queries.Table, round_label: str, editor: str) -> None:
    names = {row[0]: f"{row[2]} ({row[1]})" for row in table.rows}
    item = st.selectbox(t("review.item", lang), list(names), format_func=names.get,
                        key=wkey("review_item", lang, next(iter(names))))
    earlier = [a for a in cached(store, key, "assessments", lang, None) if a.item == item]
    if earlier:
        st.caption(t("review.earlier", lang))
        st.text("\n".join(
            t("review.earlier_line", lang, round=a.round_label, rec=t(f"rec.{a.recommendation}", lang),
              reviewer=a.reviewer, date=a.date) for a in earlier
        ))
    areas = cached(store, key, "target_areas", lang)
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
        rec = st.radio(t("col.recommendation", lang), list(review.RECOMMENDATIONS), horizontal=True,
                       format_func=lambda r: t(f"rec.{r}", lang), key=wkey("review_rec", lang, "keep"))
        comment = st.text_area(t("col.comment", lang), key="review_comment")
        c1, c2 = st.columns(2)
        st.session_state.setdefault("review_reviewer", editor)
        reviewer = c1.text_input(t("col.reviewer", lang), key="review_reviewer")
        day = c2.date_input(t("col.date", lang), dt.date.today(), key="review_date")
        submitted = st.form_submit_button(t("review.save", lang), key="review_save")
    if submitted:
        try:
            review.save_assessment(store, item, round_label, relevance, effect, cost_benefit, rec, comment,
                                   reviewer, day, lang=lang)
        except InputError as exc:
            st.error(escape_md(str(exc)))
        else:  # rerun so every table on the page shows the new assessment
            st.session_state["review_saved"] = (names[item], round_label)
            st.rerun()
    if "review_saved" in st.session_state:
        saved_item, saved_round = st.session_state.pop("review_saved")
        st.success(escape_md(t("review.saved", lang, item=saved_item, round=saved_round)))


def review_downloads(store, lang: str, rnd: str | None) -> None:
    st.subheader(t("review.downloads", lang))
    c1, c2, c3, c4 = st.columns(4)  # the files are made when clicked (deferred), not on every rerun
    c1.download_button(t("review.csv", lang), lambda f=review.export_csv: f(store, lang, rnd), "review.csv", "text/csv",
                       key="dl_csv", on_click="ignore")
    c2.download_button(t("review.xlsx", lang), lambda f=review.export_xlsx: f(store, lang, rnd), "review.xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="dl_xlsx",
                       on_click="ignore")
    c3.download_button(t("review.md", lang), lambda f=review.report_markdown: f(store, lang, rnd), "review-report.md",
                       "text/markdown", key="dl_md", on_click="ignore")
    c4.download_button(t("review.html", lang), lambda f=review.report_html: f(store, lang, rnd), "review-report.html",
                       "text/html", key="dl_html", on_click="ignore")


NAMED_COLOURS = {"grey": [150, 150, 150], "black": [0, 0, 0]}
TYPE_COLOURS = [[31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75],
                [227, 119, 194], [188, 189, 34], [23, 190, 207]]
# A map style with no tiles, as a data: URL: nothing is fetched from the internet (municipal networks are
# often closed), and Streamlit does not fall back to its online base map when a style is given.
BLANK_STYLE = "data:application/json," + urllib.parse.quote(json.dumps({
    "version": 8, "sources": {},
    "layers": [{"id": "background", "type": "background", "paint": {"background-color": "#eef3f7"}}],
}))


def page_map(store, key, lang: str) -> None:
    st.header(t("map.title", lang))
    st.caption(t("map.intro", lang))
    places = cached(store, key, "places", lang)
    if places.empty:
        st.info(t("map.no_places", lang))
        return
    df = places.copy()
    df["type"] = df["type"].where(df["type"] != "", t("map.partner", lang))
    df.loc[df["home"], "type"] = t("map.home", lang)
    types = sorted(set(df["type"]) - {t("map.home", lang), t("map.partner", lang)})
    colour_no = {tp: i % len(TYPE_COLOURS) for i, tp in enumerate(types)}
    colour_no[t("map.partner", lang)], colour_no[t("map.home", lang)] = "grey", "black"
    palette = {tp: TYPE_COLOURS[n] if isinstance(n, int) else NAMED_COLOURS[n] for tp, n in colour_no.items()}
    df["colour"] = df["type"].map(palette)
    this_year = dt.date.today().year
    df["radius"] = df["since"].map(lambda y: 30000 + 1000 * max(0, this_year - int(y)) if str(y).isdigit() else 25000)
    df["label"] = [f"{n} ({y})" if y else n for n, y in zip(df["name"], df["since"], strict=True)]
    partner = df["type"] == t("map.partner", lang)
    df["shown_label"] = df["label"].where(~partner, "")  # partner cities: tooltip only, the map stays readable
    df["tip"] = [" · ".join(x for x in parts if x) for parts in zip(df["label"], df["type"], df["status"], strict=True)]
    home = df[df["home"]]
    lines = pd.DataFrame()
    if not home.empty:
        hlon, hlat = float(home.iloc[0]["lon"]), float(home.iloc[0]["lat"])
        lines = df[~df["home"]].assign(hlon=hlon, hlat=hlat)
    layers = [
        pdk.Layer("LineLayer", lines, get_source_position=["hlon", "hlat"], get_target_position=["lon", "lat"],
                  get_color="colour", get_width=1.5, opacity=0.5) if not lines.empty else None,
        pdk.Layer("ScatterplotLayer", df, get_position=["lon", "lat"], get_fill_color="colour",
                  get_radius="radius", radius_min_pixels=4, radius_max_pixels=30, pickable=True, opacity=0.8),
        pdk.Layer("TextLayer", df, get_position=["lon", "lat"], get_text="shown_label", get_size=12,
                  get_color=[30, 30, 30], get_alignment_baseline="'bottom'", get_pixel_offset=[0, -10]),
    ]
    # set after construction: pydeck would turn a list given to the constructor into an expression
    layers[-1].character_set = sorted(set("".join(df["shown_label"])))
    layers[-1].font_family = "Helvetica, Arial, sans-serif"
    deck = pdk.Deck(
        layers=[layer for layer in layers if layer is not None],
        initial_view_state=pdk.data_utils.compute_view(df[["lon", "lat"]], view_proportion=0.9),
        tooltip={"text": "{tip}"}, map_provider=None, map_style=BLANK_STYLE,
    )
    st.pydeck_chart(deck, height=560)
    st.caption(t("map.legend", lang))
    st.text("\n".join(f"● {t(f'colour.{colour_no[tp]}', lang)}: {tp}"
                       for tp in [*types, t("map.partner", lang), t("map.home", lang)]))
    table = queries.Table(["city", "agreement", "since", "status"],
                          df.sort_values("name")[["name", "type", "since", "status"]].values.tolist())
    show_table(table, lang, key="map_table")


def page_sparql(store, key, lang: str) -> None:
    st.header(t("sparql.title", lang))
    st.caption(t("sparql.intro", lang, rows=number(1000, lang), seconds=10))
    examples = [q for q in queries.list_questions() if not q.computed_by]
    by_name = {q.name: q for q in examples}

    def load_example() -> None:
        q = by_name.get(st.session_state.get(f"sparql_example.{lang}") or "")
        if q is not None:
            st.session_state["sparql_text"] = console.example_text(q, lang)

    st.selectbox(t("sparql.example", lang), [""] + list(by_name),
                 format_func=lambda n: f"{n} — {by_name[n].description(lang)}" if n else t("sparql.pick", lang),
                 key=wkey("sparql_example", lang, ""), on_change=load_example)
    chosen = by_name.get(st.session_state.get(f"sparql_example.{lang}") or "")
    if chosen is not None:
        st.caption(chosen.description(lang))
    st.session_state.setdefault("sparql_text", "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10")
    text = st.text_area(t("sparql.query", lang), height=260, key="sparql_text")
    if not st.button(t("sparql.run", lang), key="sparql_run", type="primary"):
        return
    try:
        result = console.run_console(store, text, row_limit=1000, time_limit_s=10, lang=lang)
    except IkgError as exc:
        st.error(escape_md(str(exc)))
        return
    st.caption(t("sparql.took", lang, seconds=f"{result.seconds:.2f}"))
    if result.form == "ASK":
        st.text(t("common.yes", lang) if result.answer else t("common.no", lang))
        return
    if result.truncated:
        st.warning(result.notice(lang))
    st.text(t("sparql.rows", lang, n=number(len(result.table.rows), lang)))
    show_table(result.table, lang, key="sparql_table")
    if result.table.rows:
        csv_button(result.table, lang, "query.csv", "sparql_csv")


def page_about(store, key, lang: str) -> None:
    st.header(t("about.title", lang))
    docs, dataset = cached(store, key, "documents", lang)
    if dataset.get("label"):
        st.subheader(escape_md(dataset["label"]))
    if dataset.get("description"):
        st.text(dataset["description"])
    st.subheader(t("about.sources", lang))
    if docs:
        st.dataframe(pd.DataFrame([[d["title"], d["date"], d["description"]] for d in docs],
                                  columns=[column("document", lang), column("date", lang), column("note", lang)]),
                     hide_index=True, key="about_docs")
    else:
        st.info(t("common.no_rows", lang))
    st.subheader(t("about.counts", lang))
    show_table(ask(store, key, "counts", (), lang), lang, key="about_counts")
    st.text(t("about.triples", lang, n=number(cached(store, key, "triples", lang), lang), store=store.describe()))
    st.caption(t("about.privacy", lang))


RENDER = {
    "network": page_network, "collaborators": page_collaborators, "gaps": page_gaps, "review": page_review,
    "map": page_map, "sparql": page_sparql, "about": page_about,
    "history": lambda store, key, lang: app_editing.page_history(store, key, lang, app_editing.current_editor()),
    "edit": lambda store, key, lang: app_editing.page_edit(store, key, lang, app_editing.current_editor()),
    "import": lambda store, key, lang: app_editing.page_import(store, key, lang, app_editing.current_editor()),
}


# ---------------------------------------------------------------------------------------------
# The frame: language, navigation, the store, errors for people
# ---------------------------------------------------------------------------------------------


def main() -> None:
    st.set_page_config(page_title="Trondheim – internasjonale relasjoner", page_icon="🌐", layout="wide")
    lang = st.sidebar.radio("Språk / Language", list(LANG_NAMES), format_func=LANG_NAMES.get, key="lang",
                            horizontal=True)
    st.sidebar.title(t("app.title", lang))
    editor = app_editing.sidebar_login(lang)
    pages = PAGES + (EDITOR_PAGES if editor else ())
    asked = st.query_params.get("page")  # a link to one page, e.g. ?page=gaps
    if asked in PAGES + EDITOR_PAGES and "page_from_link" not in st.session_state:
        st.session_state["page_from_link"] = asked
        st.session_state[f"page.{lang}"] = asked
    for key in ("page.nb", "page.en"):
        if key in st.session_state and st.session_state[key] not in pages:
            if key == f"page.{lang}":  # a visitor asking for an editor page (by a link or after logging out)
                st.sidebar.warning(t("login.required", lang))
            st.session_state[key] = PAGES[0]
    page = st.sidebar.radio(t("app.pages", lang), pages, format_func=lambda p: t(f"page.{p}", lang),
                            key=wkey("page", lang, PAGES[0]))
    try:
        with st.spinner(t("app.opening", lang)):
            store = open_graph(config.env("IKG_STORE"), str(config.data_dir()))
    except IkgError as exc:
        st.title(t("app.error_title", lang))
        st.error(escape_md(t("app.store_error", lang, detail=str(exc))))
        st.caption(t("app.store_error_help", lang))
        return
    if gstore.is_stale(store):
        st.sidebar.warning(t("app.stale", lang))
    if page in EDITOR_PAGES and not editor:  # never rendered for a visitor, whatever the session says
        st.warning(t("login.required", lang))
        return
    try:
        RENDER[page](store, cache_key(store), lang)
    except IkgError as exc:
        st.error(escape_md(str(exc)))
    except Exception as exc:  # never a traceback for a user; the log has it
        if config.debug():
            raise
        log.exception("page %s failed", page)
        st.error(escape_md(t("app.unexpected", lang, detail=f"{type(exc).__name__}: {exc}")))
