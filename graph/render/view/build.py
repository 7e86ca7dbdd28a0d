"""build_view: what the page shows for a set of options — filtered, focused and trimmed to at most
`max_nodes`, sized by degree or betweenness, with its note, legend and HTML (cached per options)."""

from __future__ import annotations

import heapq

from rdflib import URIRef

import graph.render.view.cache as cache
from graph.analysis.network import betweenness
from graph.errors import IkgError
from graph.gc_pause import gc_paused
from graph.i18n import number
from graph.render.view.arrange import arrange, clusters
from graph.render.view.collapse import collapse, is_cluster
from graph.render.view.data import network_data
from graph.render.view.filters import neighbourhood, visible
from graph.render.view.html import render_html
from graph.render.view.model import NetworkData, View, ViewOptions
from graph.render.view.page import component_data, legend, page_data, vis_edges, vis_nodes
from graph.render.view.queries import LABELS_OF_QUERY
from graph.render.view.text import text
from graph.store.base import Store
from graph.vocab.labels import local_name, pick_label


def build_view(store: Store, options: ViewOptions | None = None) -> View:
    """The nodes, edges, legend, note and HTML page for a set of options (cached per options).

    >>> from graph.history.shipped import open_store
    >>> v = build_view(open_store("memory"), ViewOptions(max_nodes=5))
    >>> v.shown <= 5, "https://" in v.html.split("<script")[0], v.html.count("<img")
    (True, False, 0)
    """
    options = options or ViewOptions()
    key = (id(store), store.generation, options.key())
    with cache.lock:
        cached = cache.get(cache.view_cache, key, store)
    if cached is not None:
        return cached
    with gc_paused():
        view = _build_view(store, options)
    with cache.lock:
        cache.put(cache.view_cache, key, store, view, limit=12)
    return view


def _measure(size_by: str) -> str:
    return "betweenness" if size_by == "betweenness" else "degree"


def _label_of(store: Store, iri: str, lang: str) -> str:
    """The name of something that is not in the network (pick_label), its local name, or the text as given."""
    try:
        rows = store.select(LABELS_OF_QUERY, {"x": URIRef(iri)}).rows
    except IkgError:  # not an IRI we can ask about: show it as given
        return iri
    return pick_label([label for (label,) in rows if label is not None], lang) or local_name(iri)


def _centrality(store: Store, data: NetworkData, size_by: str) -> tuple[dict[str, float], int | None]:
    """Node sizes: betweenness on THE network (graph.analysis.network), or its degree centrality, which
    is the number of distinct neighbours over n - 1 (as networkx's degree_centrality, read off the data)."""
    if size_by == "betweenness":
        return betweenness(store)  # the same numbers in every language: computed (slowly) once
    n = max(len(data.order) - 1, 1)
    return {k: v / n for k, v in data.degree.items()}, None


def _filtered(data: NetworkData, options: ViewOptions) -> tuple[frozenset[str], list[int], dict[str, list[str]]]:
    """visible() and its adjacency, cached on the data per filters (focusing or resizing reuses it)."""
    filters = options.key()[1:7]  # kinds … year
    with cache.lock:
        hit = data.filtered.get(filters)
    if hit is None:
        nodes_passing, edges_passing = visible(data, options)
        adjacent: dict[str, list[str]] = {}
        for i in edges_passing:
            e = data.edges[i]
            adjacent.setdefault(e.actor, []).append(e.thing)
            adjacent.setdefault(e.thing, []).append(e.actor)
        hit = (frozenset(nodes_passing), edges_passing, adjacent)
        with cache.lock:
            if len(data.filtered) >= 16:
                data.filtered.clear()
            data.filtered[filters] = hit
    return hit


def _build_view(store: Store, options: ViewOptions) -> View:
    lang = options.lang
    t = text(lang)
    data = network_data(store, lang)
    cent, sampled = _centrality(store, data, options.size_by)
    passing, edge_idx, adjacent = _filtered(data, options)
    shown = set(passing)
    limit = max(1, int(options.max_nodes))
    score = {n: cent.get(n, 0.0) for n in shown}
    focus = options.focus if options.focus in data.nodes else None
    note_parts = []
    dist: dict[str, int] = {}
    if options.focus and focus is None:
        note_parts.append(t["not_found"].format(label=_label_of(store, options.focus, lang)))

    if focus:
        shown.add(focus)
        score.setdefault(focus, cent.get(focus, 0.0))
        depth = min(max(int(options.depth), 1), 3)
        dist = neighbourhood(adjacent, focus, 2 * depth)
        total = len(dist)
        keep = set(heapq.nsmallest(limit, dist, key=lambda n: (dist[n], -score.get(n, 0.0), n)))
        label = data.nodes[focus].label
        msg = "focus_cut" if total > limit else "focus"
        steps = t["steps"][depth != 1].format(n=depth)
        note_parts.append(t[msg].format(label=label, steps=steps, shown=number(len(keep), lang),
                                        total=number(total, lang)))
    else:
        total = len(shown)
        if total > limit:
            keep = set(heapq.nsmallest(limit, shown, key=lambda n: (n != data.home, -score[n], n)))
            note_parts.append(t["overview"].format(shown=number(len(keep), lang), total=number(total, lang),
                                                   measure=t[_measure(options.size_by)]))
        else:
            keep = shown
            # none shown: hidden by the filters, or nothing links anything yet (a new city's graph)
            note_parts.append(t["all"].format(shown=number(total, lang)) if total else
                              t["none"] if data.edges else t["empty"])
    if sampled and options.size_by == "betweenness":
        note_parts.append(t["sampled"].format(k=number(sampled, lang)))

    node_ids = sorted(keep)
    edges = [i for i in edge_idx if data.edges[i].actor in keep and data.edges[i].thing in keep]
    pairs = [(data.edges[i].actor, data.edges[i].thing) for i in edges]
    pos = arrange(node_ids, pairs, focus, {n: d for n, d in dist.items() if n in keep}, data.home, score)
    groups = clusters(node_ids, pairs, data.home) if options.colour_by == "community" or options.collapse else None
    drawn = vis_nodes(data, node_ids, pos, score, focus, t, groups)
    key = legend(data, node_ids, edges, t, groups, score if options.collapse else None)
    html = render_html(page_data(data, node_ids, edges, drawn, focus, t), key, " ".join(p.strip() for p in note_parts),
                       lang)
    drawn_edges = vis_edges(data, edges, t)
    owner = {n: n for n in node_ids}
    if options.collapse and groups:
        drawn, drawn_edges, owner = collapse(data, groups, drawn, drawn_edges, score, options.expanded, t)
        closed = sum(1 for n in drawn if is_cluster(n["id"]))
        note_parts.append(t["collapsed_note"][closed != 1].format(n=number(closed, lang)) if closed else t["all_open"])
    note = " ".join(p.strip() for p in note_parts)
    names = {n: data.nodes[n].label for n in node_ids}
    actors = sorted((n for n in node_ids if data.nodes[n].is_actor), key=lambda n: (names[n].casefold(), n))
    return View(drawn, drawn_edges, key, len(node_ids), total, len(node_ids) < total, note, html,
                component_data(drawn, drawn_edges, focus, key, note, t, lang), pairs, owner, names, actors,
                whole=len(_filtered(data, ViewOptions(lang=lang))[0]))  # what the view with no filter shows
