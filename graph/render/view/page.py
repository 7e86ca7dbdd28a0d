"""The vis-network data of a view: nodes, edges, legend, and the compact data block the page reads."""

from __future__ import annotations

import math

from graph.analysis.ties import IKG_NS, RELATIONS
from graph.render.view.facts import facts
from graph.render.view.kinds import (
    CLASS_COLOURS,
    EDGE_STYLES,
    FOCUS_BORDER,
    GROUP_OF,
    GROUP_SHAPES,
    HOME_BORDER,
    KIND_GROUPS,
    OTHER_COLOUR,
)
from graph.render.view.model import NetworkData, NodeInfo
from graph.render.view.text import listing, period


def short(text: str, n: int = 40) -> str:
    """At most `n` characters, cut with '…'.

    >>> short("Trondheim", 5)
    'Tron…'
    """
    return text if len(text) <= n else text[: n - 1] + "…"


def _node_title(data: NetworkData, n: NodeInfo, t: dict) -> str:
    lines = [n.label, n.kind or t["kind"]]
    when = period(n.since, n.until)
    status = data.labels.get(n.status, "") if n.status else ""
    if when or status:
        lines.append(" · ".join(x for x in (when, status) if x))
    if n.sources:
        lines.append(f"{t['sources']}: {listing(n.sources, t, 3)}")
    return "\n".join(lines)


def vis_nodes(data: NetworkData, node_ids: list[str], pos: dict[str, tuple[float, float]],
              score: dict[str, float], focus: str | None, t: dict) -> list[dict]:
    """vis-network nodes: sized by `score`, coloured by class, shaped by group; the focus and home ringed."""
    top = max((score.get(n, 0.0) for n in node_ids), default=0.0) or 1.0
    out = []
    for iri in node_ids:
        n = data.nodes[iri]
        x, y = pos.get(iri, (0.0, 0.0))
        colour = CLASS_COLOURS.get(n.cls, OTHER_COLOUR)
        size = round(8 + 28 * math.sqrt(score.get(iri, 0.0) / top), 1)
        node: dict[str, object] = {
            "id": iri, "label": short(n.label), "title": _node_title(data, n, t), "color": colour,
            "shape": GROUP_SHAPES.get(n.group, "dot"), "size": size,
            "x": x, "y": y, "group": n.cls or "other",
        }
        if iri in (focus, data.home):  # a dark ring that stays when the node is selected or hovered
            ring = {"background": colour, "border": FOCUS_BORDER if iri == focus else HOME_BORDER}
            node.update(color={**ring, "highlight": ring, "hover": ring}, borderWidth=5 if iri == focus else 3)
        if iri == focus:
            node.update(shadow=True, size=size + 6, font={"size": 18})
        out.append(node)
    return out


def _edge_title(data: NetworkData, i: int, t: dict) -> str:
    e = data.edges[i]
    lines = [f"{data.nodes[e.actor].label} — {t['rel_actor'][e.relation]} — {data.nodes[e.thing].label}"]
    if data.edge_extra[i]:
        lines.append(data.edge_extra[i])
    if data.edge_sources[i]:
        lines.append(f"{t['sources']}: {data.edge_sources[i]}")
    return "\n".join(lines)


def vis_edges(data: NetworkData, edge_idx: list[int], t: dict) -> list[dict]:
    """vis-network edges, styled by the kind of tie."""
    out = []
    for i in edge_idx:
        e = data.edges[i]
        style = EDGE_STYLES[e.relation][0]
        out.append({"id": f"e{i}", "from": e.actor, "to": e.thing, "title": _edge_title(data, i, t), **style})
    return out


def legend(data: NetworkData, node_ids: list[str], edge_idx: list[int], t: dict) -> list[tuple[str, str, str]]:
    """(label, colour, shape) for every class drawn, then every kind of tie drawn."""
    groups = list(KIND_GROUPS)
    classes = sorted({data.nodes[n].cls for n in node_ids},
                     key=lambda c: (groups.index(GROUP_OF[c]) if c in GROUP_OF else 99, c))
    out = []
    for cls in classes:
        label = data.labels.get(IKG_NS + cls, cls) if cls else "?"
        out.append((label, CLASS_COLOURS.get(cls, OTHER_COLOUR), GROUP_SHAPES.get(GROUP_OF.get(cls, ""), "dot")))
    for rel in RELATIONS:
        if any(data.edges[i].relation == rel for i in edge_idx):
            style, line = EDGE_STYLES[rel]
            out.append((t["rel_legend"][rel], str(style["color"]), line))
    return out


def _panel_details(data: NetworkData, iri: str, t: dict, s) -> dict:
    """What the page's side panel shows for a node besides its ties (the page lists the ties it
    draws, and says how many more there are): plain strings, repeated ones as string numbers."""
    n = data.nodes[iri]
    return {"label": n.label, "kind": n.kind, "facts": facts(data, n, t, kind=False),
            "sources": [s(x) for x in n.sources], "ties": len(data.incident.get(iri, ()))}


def page_data(data: NetworkData, node_ids: list[str], edge_idx: list[int], nodes_drawn: list[dict],
              focus: str | None, t: dict) -> dict:
    """The page's data, compact: nodes numbered, edges as [from, to, relation, extra, sources] with
    repeated strings in one table; the page builds edge tooltips, styles and the panel's list of
    ties from these."""
    index = {iri: i for i, iri in enumerate(node_ids)}
    strings: dict[str, int] = {"": 0}

    def s(text_: str) -> int:
        return strings.setdefault(text_, len(strings))

    nodes = [{**{k: v for k, v in n.items() if k != "group"}, "id": index[n["id"]]} for n in nodes_drawn]
    details = [_panel_details(data, n, t, s) for n in node_ids]
    edges = []
    for i in edge_idx:
        e = data.edges[i]
        edges.append([index[e.actor], index[e.thing], RELATIONS.index(e.relation), s(data.edge_extra[i]),
                      s(data.edge_sources[i])])
    return {
        "nodes": nodes, "edges": edges, "strings": list(strings),
        "details": details, "focus": index.get(focus) if focus is not None else None,
        "edge_styles": [EDGE_STYLES[r][0] for r in RELATIONS], "relations": [t["rel_actor"][r] for r in RELATIONS],
        "relations_thing": [t["rel_thing"][r] for r in RELATIONS],
        "text": {**{k: t[k] for k in ("facts", "ties", "sources", "hint")}, "more": t["more_ties"]},
    }
