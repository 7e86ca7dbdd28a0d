"""The chains between two actors drawn in their neighbourhood: every node of the chains, then the best
connected nodes next to them up to a limit, laid out as an overview; the page lights the chains up
(graph.render.view.highlight)."""

from __future__ import annotations

import graph.render.view.cache as cache
from graph.i18n import number
from graph.render.view.arrange import arrange
from graph.render.view.data import network_data
from graph.render.view.model import View
from graph.render.view.page import component_data, legend, vis_edges, vis_nodes
from graph.render.view.text import text
from graph.store.base import Store

AROUND = 45  # nodes at most in a chain drawing, chains included


def chain_view(store: Store, lang: str, paths: list[list[str]], limit: int = AROUND) -> View:
    """The chains' nodes and the best connected of their neighbours (at most `limit` in all, the chains
    always drawn), with every tie among them (cached per store generation, language and chains).

    >>> from graph.history.shipped import open_store
    >>> s = open_store("memory")
    >>> v = chain_view(s, "en", [["https://example.org/nobody"]])
    >>> v.shown, v.note
    (0, 'No nodes match the filters.')
    """
    key = (id(store), store.generation, ("chains", lang, limit, tuple(tuple(p) for p in paths)))
    with cache.lock:
        hit = cache.get(cache.view_cache, key, store)
    if hit is not None:
        return hit
    v = _chain_view(store, lang, paths, limit)
    with cache.lock:
        cache.put(cache.view_cache, key, store, v, limit=12)
    return v


def _fill(pos: dict[str, tuple[float, float]], width: float = 760.0, height: float = 400.0) -> dict:
    """A small drawing spread to about `width` x `height` (vis-network fits a drawing to its window but
    never zooms in past 1, so a few nodes would sit in the middle of it), at most 1.6 times wider.

    >>> _fill({"a": (0.0, 0.0), "b": (100.0, 50.0)}), _fill({"a": (0.0, 0.0), "b": (100.0, 100.0)})
    ({'a': (0.0, 0.0), 'b': (760.0, 400.0)}, {'a': (0.0, 0.0), 'b': (640.0, 400.0)})
    """
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    if not pos:
        return pos
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    fy = max(1.0, height / h if h else 1.0)
    fx = max(1.0, min(width / w if w else 1.0, 1.6 * fy))  # wider than tall, as the window, within reason
    return {n: (round(x * fx, 1), round(y * fy, 1)) for n, (x, y) in pos.items()}


def _chain_view(store: Store, lang: str, paths: list[list[str]], limit: int) -> View:
    t = text(lang)
    data = network_data(store, lang)
    on_chain = list(dict.fromkeys(n for p in paths for n in p if n in data.nodes))
    keep = set(on_chain)
    around = sorted({m for n in on_chain for m in data.neighbours(n)} - keep,
                    key=lambda m: (-data.degree.get(m, 0), data.nodes[m].label, m))
    keep.update(around[: max(0, limit - len(keep))])
    node_ids = sorted(keep)
    edges = sorted({i for n in node_ids for i in data.incident.get(n, ())
                    if data.edges[i].actor in keep and data.edges[i].thing in keep})
    pairs = [(data.edges[i].actor, data.edges[i].thing) for i in edges]
    n = max(len(data.order) - 1, 1)
    score = {m: data.degree.get(m, 0) / n for m in node_ids}
    pos = _fill(arrange(node_ids, pairs, None, None, data.home, score))
    drawn = vis_nodes(data, node_ids, pos, score, None, t)
    key = legend(data, node_ids, edges, t)
    drawn_edges = vis_edges(data, edges, t)
    note = (t["chain_note"][len(paths) != 1].format(n=number(len(paths), lang), shown=number(len(node_ids), lang))
            if node_ids else t["none"])
    names = {m: data.nodes[m].label for m in node_ids}
    actors = sorted((m for m in node_ids if data.nodes[m].is_actor), key=lambda m: (names[m].casefold(), m))
    return View(drawn, drawn_edges, key, len(node_ids), len(node_ids), False, note, "",
                component_data(drawn, drawn_edges, None, key, note, t, lang), pairs, {m: m for m in node_ids},
                names, actors)
