"""Where every node sits: laid out once per store generation for the whole network, so nothing jumps
when a filter changes."""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter, deque

import networkx as nx

import graph.render.view.cache as cache
from graph.render.view.data import network_data
from graph.render.view.model import NetworkData
from graph.store.base import Store

LAYOUT_CORE = 400  # nodes laid out by networkx's spring layout; the rest are placed around them
LAYOUT_SEED = 42
SPACING = 80.0  # pixels per sqrt(node) of the core
SATELLITE_STEP = 22.0  # pixels between satellites placed around a node
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def positions(store: Store, lang: str = "en") -> dict[str, tuple[float, float]]:
    """IRI -> (x, y) in pixels for every node, computed once per store generation (any language)."""
    key = (id(store), store.generation)
    with cache.lock:
        pos = cache.get(cache.layout_cache, key, store)
        if pos is None:
            pos = layout(network_data(store, lang))
            cache.put(cache.layout_cache, key, store, pos, limit=4)
        return pos


def layout(data: NetworkData) -> dict[str, tuple[float, float]]:
    """Spring layout (seeded) of the best-connected LAYOUT_CORE nodes; every other node sits in a
    sunflower disc around the neighbour it was reached from, so the whole layout is linear in size
    beyond the core and identical on every run."""
    order = sorted(data.order, key=lambda n: (-data.degree[n], n))
    if not order:
        return {}
    rank = {n: i for i, n in enumerate(order)}
    core = _core(data, order, rank)
    core_set = set(core)
    g = nx.Graph()
    g.add_nodes_from(core)
    g.add_edges_from((e.actor, e.thing) for e in data.edges if e.actor in core_set and e.thing in core_set)
    scale = SPACING * math.sqrt(len(core))
    raw = nx.spring_layout(g, seed=LAYOUT_SEED, scale=scale) if len(core) > 1 else {core[0]: (0.0, 0.0)}
    pos = {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in raw.items()}
    children: Counter = Counter()
    queue = deque(core)
    outer = 0
    for root in order:  # every component is reached: the core first, then the rest in order
        if root not in pos:
            radius = scale * 1.3 + SPACING * 3 * math.sqrt(outer)
            angle = outer * GOLDEN_ANGLE
            pos[root] = (round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
            outer += 1
            queue.append(root)
        while queue:
            parent = queue.popleft()
            px, py = pos[parent]
            phase = _phase(parent)
            for child in sorted((c for c in data.neighbours(parent) if c not in pos), key=rank.__getitem__):
                j = children[parent]
                children[parent] += 1
                r = SATELLITE_STEP * (1.5 + math.sqrt(j))
                a = phase + j * GOLDEN_ANGLE
                pos[child] = (round(px + r * math.cos(a), 1), round(py + r * math.sin(a), 1))
                queue.append(child)
    return pos


def _core(data: NetworkData, order: list[str], rank: dict[str, int]) -> list[str]:
    """The LAYOUT_CORE nodes to lay out first: grown from the best-connected node, always taking the
    best-connected neighbour next, so the core is connected (a spring layout flings loose nodes to
    the edge)."""
    core: list[str] = []
    taken: set[str] = set()
    frontier: list[tuple[int, str]] = []
    for start in order:
        if len(core) >= LAYOUT_CORE:
            break
        if start in taken:
            continue
        heapq.heappush(frontier, (rank[start], start))
        taken.add(start)
        while frontier and len(core) < LAYOUT_CORE:
            _, n = heapq.heappop(frontier)
            core.append(n)
            for m in data.neighbours(n):
                if m not in taken:
                    taken.add(m)
                    heapq.heappush(frontier, (rank[m], m))
    return core


def _phase(iri: str) -> float:
    """A stable angle per node (Python's hash() changes between runs).

    >>> 0 <= _phase("https://example.org/x") < 2 * math.pi
    True
    """
    return int.from_bytes(hashlib.blake2b(iri.encode(), digest_size=4).digest(), "big") / 2**32 * 2 * math.pi
