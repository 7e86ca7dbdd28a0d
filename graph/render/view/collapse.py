"""Clusters drawn as one node each: "NTNU + 14" (its lead member and how many more), where its members
sat (their centre), ties between clusters drawn once with a width that grows with their number. A
cluster left open (`expanded`) shows its members as usual; a lone node stays itself."""

from __future__ import annotations

import math

from graph.render.view.arrange import overview
from graph.render.view.kinds import COMMUNITY_COLOURS, OTHER_COLOUR
from graph.render.view.model import NetworkData

PREFIX = "cluster:"  # a collapsed cluster's node id: PREFIX + its lead member's IRI
SPREAD = 1.7  # clusters are drawn bigger than nodes: more room between them
OPEN_SHRINK = 0.6  # an open cluster's members, closer together around the cluster's place
AGGREGATE = {"color": "#7a7a7a", "dashes": False}


def lead(data: NetworkData, members: list[str], score: dict[str, float] | None = None) -> str:
    """The member a cluster is named after: the most central one that is not the home actor (whose
    ties reach everywhere), by score, then degree.

    >>> from graph.render.view.model import NetworkData
    >>> d = NetworkData("en", {}, [], {}, {}, home="h", degree={"a": 1, "b": 3, "h": 9})
    >>> lead(d, ["a", "b", "h"]), lead(d, ["h"])
    ('b', 'h')
    """
    score = score or {}
    return max(members, key=lambda n: (n != data.home, score.get(n, 0.0), data.degree.get(n, 0), n))


def cluster_id(lead_iri: str) -> str:
    return PREFIX + lead_iri


def is_cluster(node_id: object) -> bool:
    return isinstance(node_id, str) and node_id.startswith(PREFIX)


def collapse(data: NetworkData, groups: list[list[str]], drawn: list[dict], edges: list[dict],
             score: dict[str, float], expanded: tuple[str, ...],
             t: dict) -> tuple[list[dict], list[dict], dict[str, str]]:
    """The drawn nodes and edges with every closed cluster of two or more as one node; and every node
    of the view -> the drawn node that holds it."""
    by_id = {n["id"]: n for n in drawn}
    owner: dict[str, str] = {n: n for n in by_id}
    nodes: list[dict] = []
    closed = []
    for i, members in enumerate(groups):
        head = lead(data, members, score)
        if len(members) < 2 or head in expanded:
            continue
        closed.append((i, members, head))
        for m in members:
            owner[m] = cluster_id(head)
    at = _places(data, groups, by_id, edges, score)
    for members in groups:  # an open cluster's members keep their shape around its place
        cx, cy = _centre(members, by_id)
        x0, y0 = at[cluster_id(lead(data, members, score)) if len(members) > 1 else members[0]]
        for m in members:
            if m in by_id and owner[m] == m:
                by_id[m] = {**by_id[m], "x": round(x0 + (by_id[m]["x"] - cx) * OPEN_SHRINK, 1),
                            "y": round(y0 + (by_id[m]["y"] - cy) * OPEN_SHRINK, 1)}
    drawn = [by_id[n["id"]] for n in drawn]
    biggest = max((len(m) for _i, m, _h in closed), default=1)
    for rank, (i, members, head) in enumerate(sorted(closed, key=lambda c: -len(c[1]))):
        cid = cluster_id(head)
        colour = COMMUNITY_COLOURS[i] if i < len(COMMUNITY_COLOURS) else OTHER_COLOUR
        name = data.nodes[head].label
        weight = math.sqrt(len(members) / biggest)
        nodes.append({
            "id": cid, "label": t["collapsed"].format(label=short(name), n=len(members) - 1),
            "title": t["collapsed_title"].format(label=name, n=len(members)), "color": colour, "shape": "hexagon",
            "size": round(14 + 22 * weight, 1), "x": round(at[cid][0], 1), "y": round(at[cid][1], 1),
            "group": "cluster", "rank": rank, "font": {"size": round(13 + 5 * weight)}, "members": len(members),
        })
    offset = len(nodes)
    nodes += [{**n, "rank": n["rank"] + offset} for n in drawn if owner[n["id"]] == n["id"]]
    out_edges: list[dict] = []
    counts: dict[tuple[str, str], int] = {}
    for e in edges:
        a, b = owner[e["from"]], owner[e["to"]]
        if a == b:
            continue  # inside one cluster
        if a == e["from"] and b == e["to"]:
            out_edges.append(e)
            continue
        pair = (a, b) if a < b else (b, a)
        counts[pair] = counts.get(pair, 0) + 1
    for (a, b), n in sorted(counts.items()):
        out_edges.append({"id": f"agg:{a}|{b}", "from": a, "to": b, "title": t["ties_between"][n != 1].format(n=n),
                          "width": round(1 + 1.5 * math.log2(n), 1) if n > 1 else 1, "count": n, **AGGREGATE})
    return nodes, out_edges, owner


def _centre(members: list[str], by_id: dict[str, dict]) -> tuple[float, float]:
    xs = [float(by_id[m]["x"]) for m in members if m in by_id]
    ys = [float(by_id[m]["y"]) for m in members if m in by_id]
    return (sum(xs) / len(xs), sum(ys) / len(ys)) if xs else (0.0, 0.0)


def _places(data: NetworkData, groups: list[list[str]], by_id: dict[str, dict], edges: list[dict],
            score: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Where each cluster (and each lone node) sits: the graph of clusters laid out by stress, the same
    whichever clusters are open, so opening one moves nothing else."""
    whole = {m: cluster_id(lead(data, g, score)) if len(g) > 1 else g[0] for g in groups for m in g}
    nodes = sorted(set(whole.values()))
    pairs = sorted({(whole[e["from"]], whole[e["to"]]) for e in edges
                    if e["from"] in whole and e["to"] in whole and whole[e["from"]] != whole[e["to"]]})
    home = whole.get(data.home) if data.home else None
    laid = overview(nodes, pairs, home)
    return {n: (x * SPREAD, y * SPREAD) for n, (x, y) in laid.items()}


def short(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
