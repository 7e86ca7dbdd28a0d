"""Where each node of one view sits, laid out for what that view shows.

A focused view is a shell: the focus in the centre, a ring per step away, each ring wide enough for
its nodes and ordered after the ring inside it (fewer crossings). An overview is laid out by stress
(nodes as far apart as their distance in steps; not a star around the home actor, which sits in the
middle), then spread so that no two nodes crowd each other, loose parts in rows beneath. Clusters
(Louvain) are found on the nodes shown.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

import networkx as nx

SEED = 42
RING_STEP = 170.0  # pixels between rings
NODE_GAP = 62.0  # pixels between neighbours on a ring
SPREAD = 95.0  # pixels per sqrt(node) of an overview


def arrange(nodes: list[str], pairs: Iterable[tuple[str, str]], focus: str | None = None,
            dist: dict[str, int] | None = None, home: str | None = None,
            score: dict[str, float] | None = None) -> dict[str, tuple[float, float]]:
    """IRI -> (x, y) for the nodes of one view.

    >>> pos = arrange(["f", "a", "b", "c"], [("f", "a"), ("f", "b"), ("b", "c")], focus="f",
    ...               dist={"f": 0, "a": 1, "b": 1, "c": 2})
    >>> pos["f"], round(math.dist(pos["f"], pos["a"])), round(math.dist(pos["f"], pos["c"]))
    ((0.0, 0.0), 170, 340)
    """
    pairs = list(pairs)
    score = score or {}
    if focus is not None and dist:
        return shell(nodes, pairs, focus, dist, score)
    return remembered_overview(nodes, pairs, home)


def remembered_overview(nodes: list[str], pairs: list[tuple[str, str]],
                        home: str | None) -> dict[str, tuple[float, float]]:
    """overview(), remembered for the last few sets of nodes and ties: switching the language, the sizes,
    the colours or the grouping redraws the same nodes, and their stress layout is most of a view's time
    (about 1.2 s for 2,000 nodes). The positions depend on nothing else, not even the store."""
    ties = frozenset((a, b) if a <= b else (b, a) for a, b in pairs)
    return dict(_overview_of(tuple(sorted(nodes)), ties, home))


@functools.lru_cache(maxsize=8)
def _overview_of(nodes: tuple[str, ...], ties: frozenset[tuple[str, str]],
                 home: str | None) -> dict[str, tuple[float, float]]:
    return overview(list(nodes), sorted(ties), home)


def shell(nodes: list[str], pairs: list[tuple[str, str]], focus: str, dist: dict[str, int],
          score: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Rings by distance from the focus; a node's place on its ring follows its neighbours inside."""
    shown = set(nodes)
    adjacent: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b in pairs:
        if a in shown and b in shown:
            adjacent[a].add(b)
            adjacent[b].add(a)
    rings: dict[int, list[str]] = {}
    for n in nodes:
        rings.setdefault(dist.get(n, max(dist.values(), default=0) + 1), []).append(n)
    pos: dict[str, tuple[float, float]] = {focus: (0.0, 0.0)}
    angle: dict[str, float] = {}
    radius = 0.0
    for level in sorted(k for k in rings if k > 0):
        ring = rings[level]
        radius = max(radius + RING_STEP, len(ring) * NODE_GAP / (2 * math.pi))
        wanted = {n: _mean_angle([angle[m] for m in adjacent[n] if m in angle]) for n in ring}
        ring.sort(key=lambda n: (wanted[n] if wanted[n] is not None else 0.0, -score.get(n, 0.0), n))
        start = next((w for w in (wanted[n] for n in ring) if w is not None), -math.pi / 2)
        step = 2 * math.pi / len(ring)
        for i, n in enumerate(ring):
            turn = start + i * step
            angle[n] = turn
            pos[n] = (round(radius * math.cos(turn), 1), round(radius * math.sin(turn), 1))
    for n in rings.get(0, []):
        pos.setdefault(n, (0.0, 0.0))
    return pos


def _mean_angle(angles: list[float]) -> float | None:
    """The circular mean of some angles (None for none).

    >>> round(_mean_angle([0.1, -0.1]), 6), _mean_angle([])
    (0.0, None)
    """
    if not angles:
        return None
    return math.atan2(sum(math.sin(a) for a in angles), sum(math.cos(a) for a in angles))


def overview(nodes: list[str], pairs: list[tuple[str, str]], home: str | None) -> dict[str, tuple[float, float]]:
    """The overview: each connected part laid out by stress (its nodes as far apart as their distance in
    steps), the biggest part centred on the home actor, the small parts in rows beneath it: rows as wide
    as the biggest part, or wider when the small parts would otherwise stack into a column taller than
    it (hundreds of nodes whose ties lead off the drawing, in a big graph's overview)."""
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from((a, b) for a, b in pairs if a in g and b in g)
    parts = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    pos: dict[str, tuple[float, float]] = {}
    if not parts:
        return pos
    main = spread(stress(g.subgraph(parts[0]), home))
    cx, cy = main.get(home, (0.0, 0.0)) if home in main else (0.0, 0.0)
    pos.update({n: (x - cx, y - cy) for n, (x, y) in main.items()})
    left = min(x for x, _ in pos.values())
    right = max(x for x, _ in pos.values())
    top = max(y for _, y in pos.values()) + STEP * 1.5
    small = []
    for part in parts[1:]:
        laid = stress(g.subgraph(part))
        xs, ys = [p[0] for p in laid.values()], [p[1] for p in laid.values()]
        small.append((laid, min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    area = sum((w + STEP * 1.2) * (h + STEP) for *_, w, h in small)
    width = max(right - left, 1.6 * math.sqrt(area))  # at least a landscape block of the small parts
    left = (left + right - width) / 2  # centred under the biggest part
    x, row_height = left, 0.0
    for laid, x0, y0, w, h in small:
        if x + w > left + width and x > left:
            x, top, row_height = left, top + row_height + STEP, 0.0
        pos.update({n: (px - x0 + x, py - y0 + top) for n, (px, py) in laid.items()})
        x += w + STEP * 1.2
        row_height = max(row_height, h)
    return {n: (round(px, 1), round(py, 1)) for n, (px, py) in pos.items()}


STEP = 75.0  # pixels per step between two tied nodes in an overview
ROOM = 90.0  # pixels between any two nodes of an overview's biggest part, after spread()


def spread(pos: dict[str, tuple[float, float]], room: float = ROOM,
           rounds: int = 200) -> dict[str, tuple[float, float]]:
    """The layout with nodes closer than `room` pushed apart, a little each round, until each has room or
    the rounds are spent. Stress crowds what is tied only to the hub into a ring around it, where neither
    nodes nor names can be told apart: on the shipped data's overview the median node had its nearest
    neighbour 29 pixels away (the closest pair 7); after, 89 (the closest pair 75), and the biggest part
    fills more of the drawing. The parts that have room stay put. 0.06 s for 400 nodes, 0.5 s for 2,000.

    >>> p = spread({"a": (0.0, 0.0), "b": (10.0, 0.0), "c": (500.0, 0.0)})
    >>> round(math.dist(p["a"], p["b"])), p["c"]
    (90, (500.0, 0.0))
    """
    import numpy as np
    from scipy.spatial import KDTree

    names = list(pos)
    x = np.array([pos[n] for n in names], dtype=float).reshape(-1, 2)
    for _ in range(rounds):
        pairs = KDTree(x).query_pairs(room * 0.999, output_type="ndarray")
        if not len(pairs):
            break
        a, b = pairs[:, 0], pairs[:, 1]
        d = x[b] - x[a]
        dist = np.hypot(d[:, 0], d[:, 1])
        apart = dist > 1e-9
        d[~apart], dist[~apart] = (1.0, 0.0), 1.0  # two on one spot: side by side
        push = ((room - np.where(apart, dist, 0.0)) / 2 / dist)[:, None] * d * 0.6
        move = np.zeros_like(x)
        np.add.at(move, a, -push)
        np.add.at(move, b, push)
        x += move
    return {n: (float(x[i, 0]), float(x[i, 1])) for i, n in enumerate(names)}


def stress(g: nx.Graph, hub: str | None = None, iterations: int = 60) -> dict[str, tuple[float, float]]:
    """Stress majorisation (SMACOF, weights 1/d²) from a classical-MDS start: deterministic, and fast
    for the few thousand nodes a view draws (Kamada-Kawai gives the same picture, slowly). Ties of the
    `hub` (the home actor, tied to nearly everything) count two steps, so what only it links does not
    crowd the middle. Above SMALL nodes, those with one tie (a project with one partner shown) are left
    out of it and fanned out around their neighbour, facing away from its other ties: where stress
    would put them, at a fraction of the time (the time grows with the square of the nodes laid out).

    >>> p = stress(nx.path_graph(["a", "b", "c"]))
    >>> round(math.dist(p["a"], p["c"]) / math.dist(p["a"], p["b"]), 1)
    2.0
    """
    if len(g) <= SMALL:
        return _smacof(g, hub, iterations)
    leaf_of = {n: next(iter(g[n])) for n in g if g.degree(n) == 1 and n != hub}
    # a part of two stays whole; the hub's own leaves stay in: fanned out they would ring it like a star
    leaf_of = {n: p for n, p in leaf_of.items() if p not in leaf_of and p != hub}
    core = g.subgraph([n for n in g if n not in leaf_of])
    pos = _smacof(core, hub, iterations)
    fans: dict[str, list[str]] = {}
    for leaf, parent in sorted(leaf_of.items()):
        fans.setdefault(parent, []).append(leaf)
    cx = sum(x for x, _ in pos.values()) / len(pos)
    cy = sum(y for _, y in pos.values()) / len(pos)
    for parent, leaves in fans.items():
        px, py = pos[parent]
        others = [pos[m] for m in core[parent]] or [(cx, cy)]
        ax, ay = sum(x for x, _ in others) / len(others), sum(y for _, y in others) / len(others)
        away = math.atan2(py - ay, px - ax) if (px, py) != (ax, ay) else 0.0
        pos.update(zip(leaves, fan(px, py, away, len(leaves)), strict=True))
    return pos


LEAF_ANGLE = 0.5  # radians between the leaves of a small fan, one step from their neighbour
LEAF_GAP = 15.0  # pixels between the leaves of a big fan, and its rows 1.5 times that apart


def fan(x: float, y: float, away: float, k: int) -> list[tuple[float, float]]:
    """Places for k leaves of the node at (x, y): arcs of a half circle facing the angle `away`, the
    first one step out, further rows as they fill (a node with hundreds of leaves gets a fan, not a ring
    as wide as the graph).

    >>> [tuple(round(c) for c in p) for p in fan(0.0, 0.0, 0.0, 1)]
    [(75, 0)]
    >>> len(fan(0.0, 0.0, 0.0, 400)), round(max(math.dist((0, 0), p) for p in fan(0.0, 0.0, 0.0, 400)))
    (400, 300)
    """
    out: list[tuple[float, float]] = []
    radius = STEP
    while len(out) < k:
        m = int(min(max(1, math.pi * radius // LEAF_GAP), k - len(out)))
        step = min(LEAF_ANGLE, math.pi / m)
        for i in range(m):
            turn = away + (i - (m - 1) / 2) * step
            out.append((x + radius * math.cos(turn), y + radius * math.sin(turn)))
        radius += LEAF_GAP * 1.5
    return out


def _smacof(g: nx.Graph, hub: str | None, iterations: int) -> dict[str, tuple[float, float]]:
    """The stress layout of a connected graph, in pixels (see stress)."""
    import numpy as np
    from scipy.linalg import eigh, inv
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import shortest_path
    from scipy.sparse.linalg import LinearOperator, eigsh

    order = sorted(g.nodes)
    n = len(order)
    if n == 1:
        return {order[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(order)}
    edges = list(g.edges)
    steps = csr_array(([2.0 if hub in (a, b) else 1.0 for a, b in edges],
                       ([index[a] for a, _ in edges], [index[b] for _, b in edges])), shape=(n, n))
    d = shortest_path(steps, directed=False)  # a connected part: every distance finite, 0 only to itself
    d2 = np.square(d)
    if n > SMALL:  # only the two largest eigenpairs: Lanczos from a fixed start, a third of the dense solver's time
        # the MDS Gram -J d² J / 2 (J centres) applied without making it: d² u less its row and column means
        means = d2.mean(axis=0)
        mean = means.mean()

        def gram(u: np.ndarray) -> np.ndarray:
            total = u.sum(axis=0)
            return -0.5 * (d2 @ u - means @ u - np.multiply.outer(means, total) + mean * total)

        vals, vecs = eigsh(LinearOperator((n, n), matvec=gram, matmat=gram, dtype=float), k=2, which="LA",
                           v0=np.linspace(1.0, 2.0, n))
    else:
        b = d2 - d2.mean(axis=0) - d2.mean(axis=1)[:, None] + d2.mean()  # double centring: -2 x the MDS Gram
        vals, vecs = eigh(-0.5 * b, subset_by_index=[n - 2, n - 1])
    vecs *= np.where(vecs[np.abs(vecs).argmax(axis=0), range(2)] < 0, -1.0, 1.0)  # one sign on every machine
    x = vecs * np.sqrt(np.maximum(vals, 1e-9))
    x += np.random.default_rng(SEED).normal(scale=1e-3, size=x.shape)  # parts that MDS folds onto a line
    with np.errstate(divide="ignore"):
        v = np.reciprocal(d, out=d2)  # 1/d, each pass in place: n x n doubles are 32 MB at 2,000 nodes
    v[np.diag_indices(n)] = 0.0
    wd = v.astype(np.float32)  # weight x distance: 1/d off the diagonal, 0 on it
    np.square(v, out=v)  # the weights 1/d²
    degree = v.sum(axis=1)
    np.negative(v, out=v)
    v[np.diag_indices(n)] = degree  # the weighted Laplacian V
    v += 1.0 / n
    # x <- V+ B(x) x, with V+ the pseudo-inverse of V (of a connected graph: one inverse instead of an
    # SVD; faster here than a Cholesky factor and a pair of triangular solves a step)
    v_plus = inv(v, overwrite_a=True, check_finite=False) - 1.0 / n  # SciPy's: half NumPy's time
    y = np.empty((n, 2))
    rows = np.empty((min(BLOCK, n), n), dtype=np.float32)
    for _ in range(iterations):
        x32 = x.astype(np.float32)
        sq = (x32**2).sum(axis=1)
        # B(x) x a block of rows at a time, in single precision: each block's distances stay in the
        # cache instead of four n x n passes through memory
        for start in range(0, n, BLOCK):
            stop = min(n, start + BLOCK)
            r = rows[: stop - start]
            np.matmul(x32[start:stop], x32.T, out=r)
            r *= -2.0
            r += sq[start:stop, None]
            r += sq[None, :]
            np.maximum(r, 1e-12, out=r)
            np.sqrt(r, out=r)
            np.divide(wd[start:stop], r, out=r)  # -B off the diagonal; B's diagonal is minus its row sum
            y[start:stop] = r.sum(axis=1)[:, None] * x32[start:stop] - r @ x32
        x = v_plus @ y
    x -= x.mean(axis=0)
    return {node: (float(x[i, 0] * STEP), float(x[i, 1] * STEP)) for i, node in enumerate(order)}


SMALL = 200  # up to this many nodes every node is laid out by stress, from a dense eigensolver's MDS start
BLOCK = 128  # rows of B(x) computed at once


def clusters(nodes: list[str], pairs: Iterable[tuple[str, str]], home: str | None = None) -> list[list[str]]:
    """Louvain communities of the view (seeded), biggest first; the home actor counts in no cluster's
    making (it would pull everything into one) but joins the cluster it is most tied to.

    >>> clusters(["a", "b", "c", "d"], [("a", "b"), ("c", "d")])
    [['a', 'b'], ['c', 'd']]
    """
    g = nx.Graph()
    g.add_nodes_from(n for n in nodes if n != home)
    pairs = list(pairs)
    g.add_edges_from((a, b) for a, b in pairs if home not in (a, b) and a in g and b in g)
    if g.number_of_nodes() == 0:
        return [[home]] if home in nodes else []
    found = [sorted(c) for c in nx.community.louvain_communities(g, seed=SEED)]
    found.sort(key=lambda c: (-len(c), c[0]))
    if home is not None and home in nodes:
        ties = [sum(1 for a, b in pairs if home in (a, b) and (a in c or b in c)) for c in found]
        best = max(range(len(found)), key=lambda i: (ties[i], -i)) if found else 0
        if found:
            found[best] = sorted([*found[best], home])
        else:
            found = [[home]]
    return found
