"""The Collaborators page: who works with an actor and through what, and the chains between two actors."""

from __future__ import annotations

import networkx as nx
import streamlit as st

import graph.analysis.network as analysis
from graph.i18n import escape_md, number, t
from graph.ui import cache, context, tables
from graph.ui.state import wkey


def render(ctx: context.PageContext) -> None:
    lang = ctx.lang
    st.header(t("collab.title", lang))
    st.caption(t("collab.intro", lang))
    actors = cache.actors(ctx.store, ctx.key, lang)
    if not actors:
        st.info(t("collab.no_actors", lang))
        return
    labels = dict(actors)
    iris = list(labels)
    home = cache.network_choices(ctx.store, ctx.key, lang)["home"]
    home = home if home in labels else iris[0]
    actor = st.selectbox(t("collab.actor", lang), iris, format_func=lambda i: labels[i],
                         key=wkey("collab_actor", lang, home))
    table = cache.ask(ctx.store, ctx.key, "collaborators", (("actor", actor),), lang)
    st.text(t("collab.count", lang, n=number(len(table.rows), lang), actor=labels[actor]))
    tables.show_table(table, lang, key="collab_table")
    if table.rows:
        tables.csv_button(table, lang, "collaborators.csv", "collab_csv")
    chains(ctx, iris, labels, actor)


def chains(ctx: context.PageContext, iris: list[str], labels: dict[str, str], actor: str) -> None:
    """The chains of collaboration between two actors, as text and as a small graph."""
    lang = ctx.lang
    st.subheader(t("collab.chains", lang))
    c1, c2, c3 = st.columns([2, 2, 1])
    a = c1.selectbox(t("collab.from", lang), iris, format_func=lambda i: labels[i],
                     key=wkey("chain_from", lang, actor))
    other = next((i for i in iris if i != a), a)
    b = c2.selectbox(t("collab.to", lang), iris, format_func=lambda i: labels[i], key=wkey("chain_to", lang, other))
    steps = int(c3.number_input(t("collab.max_steps", lang), 1, 6, 3, key="chain_max"))
    g = analysis.collaboration_graph(ctx.store, lang)
    found = analysis.chains(g, a, b, steps, shortest_only=False)
    if not found:
        st.info(escape_md(t("collab.no_chain", lang, a=labels[a], b=labels[b], n=steps)))
        return
    st.text(t("collab.chain_count", lang, n=number(len(found), lang)))
    st.text("\n".join(analysis.chain_text(g, p) for p in found))
    st.graphviz_chart(chains_dot(g, found), width="content")


def chains_dot(g: nx.Graph, paths: list[list[str]]) -> str:
    """The chains as a small Graphviz graph; labels are quoted DOT strings (text, never HTML)."""

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    nodes: dict[str, tuple[str, bool]] = {}
    edges: set[tuple[str, str]] = set()
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


if __name__ == "__main__":  # run by st.navigation as this page's script
    render(context.current())
