"""What to highlight on a drawing that is shown: the nodes a search finds and the chain between two
actors, as the drawn nodes and edges to light up (the rest is dimmed by the component; nothing moves).

A node inside a collapsed cluster is found as its cluster; a chain through a cluster lights the
cluster and the aggregated ties it takes.
"""

from __future__ import annotations

import networkx as nx

from graph.render.view.model import View


def find(view: View, text: str) -> list[str]:
    """The view's nodes whose name holds `text` (case and accents as typed, case-insensitive), by name.

    >>> v = View([], [], [], 0, 0, False, "", "", names={"a": "NTNU", "b": "Trondheim kommune", "c": "NTNU TTO"})
    >>> find(v, "ntnu"), find(v, " "), find(v, "Oslo")
    (['a', 'c'], [], [])
    """
    wanted = text.strip().casefold()
    if not wanted:
        return []
    return sorted((n for n, name in view.names.items() if wanted in name.casefold()),
                  key=lambda n: (view.names[n].casefold(), n))


def chain(view: View, a: str, b: str) -> list[str]:
    """A shortest chain from actor `a` to actor `b` along the ties the view shows (the view's nodes,
    collapsed or not), or [] when there is none in this view.

    >>> v = View([], [], [], 0, 0, False, "", "", pairs=[("a", "x"), ("b", "x"), ("b", "y"), ("c", "y")])
    >>> chain(v, "a", "c"), chain(v, "a", "a"), chain(v, "a", "z")
    (['a', 'x', 'b', 'y', 'c'], [], [])
    """
    g = nx.Graph()
    g.add_edges_from(view.pairs)
    if a == b or a not in g or b not in g:
        return []
    try:
        return [str(n) for n in nx.shortest_path(g, a, b)]
    except nx.NetworkXNoPath:
        return []


def lit(view: View, found: list[str] | None = None, paths: list[list[str]] | None = None,
        clearable: bool = False) -> dict | None:
    """The component's highlight: drawn node ids (`nodes`, of them `found`) and drawn edge ids (`edges`)
    to light up; None when there is nothing to light.

    >>> v = View([], [{"id": "e1", "from": "a", "to": "x"}, {"id": "e2", "from": "b", "to": "x"}], [], 0, 0,
    ...          False, "", "", owner={"a": "a", "b": "b", "x": "x"})
    >>> lit(v, ["a"], [["a", "x", "b"]])
    {'nodes': ['a', 'b', 'x'], 'found': ['a'], 'edges': ['e1', 'e2'], 'clearable': False}
    """
    owner = view.owner
    found_ids = sorted({owner[n] for n in found or () if n in owner})
    nodes = set(found_ids)
    steps: set[tuple[str, str]] = set()
    for path in paths or ():
        drawn = [owner[n] for n in path if n in owner]
        nodes.update(drawn)
        steps.update((x, y) if x < y else (y, x) for x, y in zip(drawn, drawn[1:], strict=False) if x != y)
    if not nodes:
        return None
    edges = sorted(e["id"] for e in view.edges
                   if ((e["from"], e["to"]) if e["from"] < e["to"] else (e["to"], e["from"])) in steps)
    return {"nodes": sorted(nodes), "found": found_ids, "edges": edges, "clearable": clearable}
