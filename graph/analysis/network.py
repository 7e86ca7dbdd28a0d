"""The collaboration network as a networkx graph, and what is computed on it (degree, betweenness,
communities, brokers, chains; the `path` question and betweenness in igraph).

The graph is THE network of graph.analysis.ties, bipartite: actors on one side, the things that link
them (networks, projects, working groups, activities, agreements) on the other, so it stays linear in
the data size even when a network has thousands of members. Two actors collaborate when they share a
neighbour. The CLI, the app and the network view call these same functions.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import igraph
import networkx as nx
from rdflib.term import Node

from graph.analysis import ties as network_ties
from graph.questions.catalogue import Table
from graph.questions.reads import question_reads
from graph.store.base import Store
from graph.store.derived import persisted

EXACT_BETWEENNESS_LIMIT = 2000  # nodes; above it betweenness is sampled
BETWEENNESS_SAMPLE = 200  # pivots used when sampling (stated in the UI)
CHAIN_LIMIT = 50  # chains shown at most

_cache: dict[tuple, object] = {}
N = TypeVar("N")  # a node: an IRI in networkx, a number in igraph


def _cached(store: Store, key: str, lang: str, build):
    k = (id(store), store.generation, key, lang)
    if k not in _cache:
        if len(_cache) > 64:
            _cache.clear()
        _cache[k] = build()
    return _cache[k]


@dataclass
class Centrality:
    degree: dict[str, float]
    betweenness: dict[str, float]
    sampled: int | None  # number of pivots when betweenness was sampled, else None


def collaboration_graph(store: Store, lang: str = "en") -> nx.Graph:
    """Actors and the things linking them (graph.analysis.ties); node attrs: label, kind (the label of
    its most specific class), side ('actor' or 'via'); edge attr: role (the first tie's role label)."""

    def build() -> nx.Graph:
        names = network_ties.names(store, lang)
        kinds = network_ties.classes(store)
        actors = network_ties.actor_side(store)
        g = nx.Graph()
        for tie in network_ties.ties(store):
            for node in (tie.actor, tie.thing):
                if node not in g:
                    g.add_node(node, label=network_ties.name(names, node), kind=_kind(names, kinds, node),
                               side="actor" if node in actors else "via")
            if not g.has_edge(tie.actor, tie.thing):
                g.add_edge(tie.actor, tie.thing, role=network_ties.name(names, tie.role) if tie.role else "")
        return g

    return _cached(store, "graph", lang, build)


def _kind(names: dict[str, str], kinds: dict[str, str], node: str) -> str:
    """The name of a node's most specific class in the reader's language ('' when it has none)."""
    cls = kinds.get(node, "")
    return names.get(network_ties.IKG_NS + cls, cls) if cls else ""


def _shape(store: Store) -> tuple[list[str], dict[str, int], igraph.Graph, list[list[int]]]:
    """The network's nodes, their numbers and its shape alone (no labels; one edge per actor and thing),
    in igraph and as each node's neighbours: built from the ties in a tenth of the networkx graph's time,
    for the `path` question, the brokers and the isolated actors."""

    def build() -> tuple[list[str], dict[str, int], igraph.Graph, list[list[int]]]:
        found = network_ties.ties(store)
        actors, things = [t.actor for t in found], [t.thing for t in found]
        nodes = list(dict.fromkeys(actors + things))
        index = dict(zip(nodes, range(len(nodes)), strict=True))
        h = igraph.Graph(n=len(nodes), edges=list(zip(map(index.__getitem__, actors), map(index.__getitem__, things),
                                                      strict=True)), directed=False)
        h.simplify()  # one edge per actor and thing (a second tie between them is no second chain), no loops
        return nodes, index, h, h.get_adjlist()

    return _cached(store, "shape", "", build)


def degree(store: Store) -> dict[str, float]:
    """Degree centrality (the same in every language, so computed on one)."""
    g = collaboration_graph(store, "en")
    return _cached(store, "degree", "", lambda: nx.degree_centrality(g) if len(g) > 1 else dict.fromkeys(g, 0.0))


def betweenness(store: Store) -> tuple[dict[str, float], int | None]:
    """Betweenness centrality and the number of pivots when it was sampled (seeded), else None (kept
    beside a store folder while the store is unchanged, graph.store.derived; 0.4 s at 1M triples)."""

    def build() -> tuple[dict[str, float], int | None]:
        g = collaboration_graph(store, "en")
        if len(g) > EXACT_BETWEENNESS_LIMIT:
            k = min(BETWEENNESS_SAMPLE, len(g))
            return brandes(g, random.Random(42).sample(list(g), k)), k
        return brandes(g), None

    def kept() -> tuple[dict[str, float], int | None]:
        return persisted(store, "betweenness", build, list, lambda v: (dict(v[0]), v[1]), again=betweenness,
                         reads=lambda: question_reads(network_ties.TIES_READ), held=True)  # the graph's shape: ties

    return _cached(store, "betweenness", "", kept)


def brandes(g: nx.Graph, pivots: list[str] | None = None) -> dict[str, float]:
    """Betweenness centrality of an undirected graph, normalized and without endpoints, from every node or
    from the sampled `pivots` only: the values of networkx's `betweenness_centrality(g)` or
    `betweenness_centrality(g, k=len(pivots), seed=...)` when it samples those pivots, computed by igraph's
    C code (0.4 s instead of 30 s for 200 pivots on the 27,000 nodes of the network at 1M triples).

    >>> g = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> brandes(g)
    {'a': 0.0, 'b': 0.5, 'c': 0.6666666666666666, 'd': 0.5, 'e': 0.0}
    >>> brandes(g) == nx.betweenness_centrality(g)
    True
    >>> pivots = random.Random(42).sample(list(g), 3)
    >>> brandes(g, pivots) == nx.betweenness_centrality(g, k=3, seed=42)
    True
    """
    nodes = list(g)
    n = len(nodes)
    if n < 3:
        return dict.fromkeys(nodes, 0.0)
    index = {node: i for i, node in enumerate(nodes)}
    h = igraph.Graph(n=n, edges=[(index[a], index[b]) for a, b in g.edges()], directed=False)
    # igraph counts each pair {s, t} once, networkx's sum over sources counts (s, t) and (t, s): hence 2 ×
    if pivots is None:
        raw = h.betweenness(directed=False)
        return {node: raw[i] * 2 / ((n - 1) * (n - 2)) for i, node in enumerate(nodes)}
    sources = {index[p] for p in pivots}
    raw = h.betweenness(directed=False, sources=sorted(sources))
    k = len(pivots)
    # a sampled pivot is never its own source or target, so its pairs are one source fewer (networkx ≥ 3.5)
    return {node: (raw[i] * 2 / ((k - 1) * (n - 2)) if k > 1 else math.nan) if i in sources
            else raw[i] * 2 / (k * (n - 2)) for i, node in enumerate(nodes)}


def centrality(store: Store, lang: str = "en") -> Centrality:
    """Degree and betweenness together (for exports); each is cached on its own."""
    values, sampled = betweenness(store)
    return Centrality(degree(store), values, sampled)


def communities(store: Store, lang: str = "en") -> list[set[str]]:
    """Groups of densely linked nodes (Louvain, seeded so the answer is stable)."""
    g = collaboration_graph(store, lang)
    return _cached(store, "communities", lang, lambda: nx.community.louvain_communities(g, seed=42))


def brokers(store: Store, lang: str = "en") -> list[str]:
    """Actors whose removal splits the network (articulation points on the actor side; igraph, on the
    network's shape: at 1M triples 0.01 s once the ties are read, where the networkx graph took 0.5 s)."""
    nodes, _, h, _ = _shape(store)
    actors = network_ties.actor_side(store)
    return sorted(n for n in (nodes[i] for i in h.articulation_points()) if n in actors)


def isolated_actors(store: Store, lang: str = "en") -> list[str]:
    """Actors in the graph (persons aside) with no tie to any network, project, group, activity or agreement."""
    _, tied, _, _ = _shape(store)
    return sorted(iri for iri, cls in network_ties.classes(store).items()
                  if network_ties.is_actor_class(cls) and cls != "Person" and iri not in tied)


def ego_network(store: Store, node: str, radius: int = 1, lang: str = "en") -> nx.Graph:
    """The node and everything within `radius` actor steps (each step passes one linking thing)."""
    g = collaboration_graph(store, lang)
    if node not in g:
        return nx.Graph()
    return nx.ego_graph(g, node, radius=2 * radius)


def chains(g: nx.Graph, source: str, target: str, max_steps: int = 4, limit: int = CHAIN_LIMIT,
           shortest_only: bool = True) -> list[list[str]]:
    """Chains between two actors (node lists alternating actor, thing, actor …) of at most `max_steps`
    actor steps: the shortest ones, or with `shortest_only=False` every chain up to that length; shortest
    first, then in the order of their nodes, at most `limit` (see _search). On a networkx graph already
    built (an ego network, a graph of one's own); the app and `path` use chains_between, on the network's
    shape, which the tests hold to this."""
    if source not in g or target not in g or source == target:
        return []
    reach = nx.single_source_shortest_path_length(g, target, cutoff=2 * max_steps)
    return _search(lambda n: g.adj[n], reach.get, str, source, target, max_steps, limit, shortest_only)


def _search(neighbours: Callable[[N], Iterable[N]], distance: Callable[[N], float | None], name: Callable[[N], str],
            source: N, target: N, max_steps: int, limit: int, shortest_only: bool) -> list[list[N]]:
    """The chains of `chains`, on any graph: each length (in edges, even, so actor and thing alternate:
    an IRI that is both, a network that is a member of another, is one node) searched depth first in the
    order of the nodes' names, stepping only to nodes whose `distance` to the target (None: out of reach)
    leaves it within the edges left. So the work follows the chains found, not every path from the
    source: at 1M triples, chains of up to 4 steps from the best-linked city to a far one took 82 s when
    every simple path from the city was followed, 0.04 s now."""
    start = distance(source)
    if start is None or start > 2 * max_steps:
        return []
    found: list[list[N]] = []
    path, on_path = [source], {source}

    def walk(node: N, left: int) -> None:
        if left == 0:
            found.append(list(path))
            return
        steps = [n for n in neighbours(node) if n not in on_path and (n != target or left == 1)]
        for nxt in sorted((n for n in steps if (d := distance(n)) is not None and d < left), key=name):
            path.append(nxt)
            on_path.add(nxt)
            walk(nxt, left - 1)
            path.pop()
            on_path.discard(nxt)
            if len(found) >= limit:
                return

    for length in range(int(start) + int(start) % 2, 2 * max_steps + 1, 2):
        walk(source, length)
        if len(found) >= limit or (shortest_only and found):
            break
    return found


def chain_text(g: nx.Graph, path: list[str]) -> str:
    """'A —[via (kind)]→ B —[…]→ C' for a chain."""
    parts = [g.nodes[path[0]]["label"]]
    for via, actor in zip(path[1::2], path[2::2], strict=True):
        kind = g.nodes[via].get("kind", "")
        parts.append(f" —[{g.nodes[via]['label']}{f' ({kind})' if kind else ''}]→ {g.nodes[actor]['label']}")
    return "".join(parts)


def chains_between(store: Store, source: str, target: str, max_steps: int = 4, lang: str = "en",
                   shortest_only: bool = True) -> list[tuple[list[str], str]]:
    """The chains of `chains` with their text ('A —[via (kind)]→ B …'), shortest first and then as people
    read them: searched on the network's shape with every node's distance to the target from igraph (in
    C), without the networkx graph (0.4–0.8 s to build at 1M triples); only the chains' nodes are named."""
    nodes, index, h, adjacency = _shape(store)
    start, end = index.get(source), index.get(target)
    found: list[list[str]] = []
    if start is not None and end is not None and start != end:
        far = h.distances(end)[0]  # inf where unlinked
        found = [[nodes[i] for i in p] for p in _search(
            adjacency.__getitem__, lambda i: None if far[i] == math.inf else far[i], nodes.__getitem__,
            start, end, max_steps, CHAIN_LIMIT, shortest_only)]
    names, kinds = network_ties.names(store, lang), network_ties.classes(store)
    labelled = nx.Graph()
    labelled.add_nodes_from((n, {"label": network_ties.name(names, n), "kind": _kind(names, kinds, n)})
                            for n in {n for p in found for n in p})
    return sorted(((p, chain_text(labelled, p)) for p in found), key=lambda c: (len(c[0]), c[1].casefold()))


def shortest_chains(store: Store, bindings: dict[str, Node], lang: str = "en") -> Table:
    """The `path` named question: the shortest chains between two actors (the first 50 by their nodes)."""
    found = chains_between(store, str(bindings["from"]), str(bindings["to"]), int(str(bindings.get("max", 4))), lang)
    return Table(["steps", "chain"], [[str((len(p) - 1) // 2), text] for p, text in found])
