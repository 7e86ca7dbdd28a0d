"""The vis-network data of a view: nodes, edges, legend, and the compact data block the page reads."""

from __future__ import annotations

import math

from graph import i18n
from graph.analysis.ties import RELATIONS
from graph.render.view.collapse import lead
from graph.render.view.facts import facts
from graph.render.view.kinds import (
    COMMUNITY_COLOURS,
    EDGE_STYLES,
    FAMILIES,
    FOCUS_BORDER,
    HOME_BORDER,
    OTHER_COLOUR,
    family,
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
              score: dict[str, float], focus: str | None, t: dict,
              groups: list[list[str]] | None = None) -> list[dict]:
    """vis-network nodes: sized by `score`, coloured by family (or by cluster when `groups` are given),
    shaped by family; the focus and home ringed. `rank` orders the labels by importance (0 first)."""
    top = max((score.get(n, 0.0) for n in node_ids), default=0.0) or 1.0
    cluster_colour = {n: COMMUNITY_COLOURS[i] if i < len(COMMUNITY_COLOURS) else OTHER_COLOUR
                      for i, members in enumerate(groups or []) for n in members}
    order = sorted(node_ids, key=lambda n: (n != focus, n != data.home, -score.get(n, 0.0), data.nodes[n].label))
    rank = {n: i for i, n in enumerate(order)}
    out = []
    for iri in node_ids:
        n = data.nodes[iri]
        x, y = pos.get(iri, (0.0, 0.0))
        _fam, colour, shape = family(n.cls)
        if groups is not None:
            colour = cluster_colour.get(iri, OTHER_COLOUR)
        weight = math.sqrt(score.get(iri, 0.0) / top)
        size = round(8 + 24 * weight, 1)
        node: dict[str, object] = {
            "id": iri, "label": short(n.label), "title": _node_title(data, n, t), "color": colour,
            "shape": shape, "size": size, "x": x, "y": y, "group": n.cls or "other", "rank": rank[iri],
            "font": {"size": round(12 + 6 * weight)},
        }
        if iri in (focus, data.home):  # a dark ring that stays when the node is selected or hovered
            ring = {"background": colour, "border": FOCUS_BORDER if iri == focus else HOME_BORDER}
            node.update(color={**ring, "highlight": ring, "hover": ring}, borderWidth=5 if iri == focus else 3)
        if iri == focus:
            node.update(shadow=True, size=size + 6, font={"size": 20})
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


def legend(data: NetworkData, node_ids: list[str], edge_idx: list[int], t: dict,
           groups: list[list[str]] | None = None, score: dict[str, float] | None = None) -> list[tuple[str, str, str]]:
    """(label, colour, shape) for every family drawn (or every cluster, by its best-connected member),
    then every kind of tie drawn. No two entries share a colour and shape."""
    present = {family(data.nodes[n].cls)[0] for n in node_ids}
    out = []
    for fam, (_classes, colour, shape) in FAMILIES.items():
        if fam in present:
            out.append((t["family"][fam], OTHER_COLOUR if groups is not None else colour, shape))
    if "other" in present:
        out.append((t["family"]["other"], OTHER_COLOUR, "dot"))
    if groups is not None:
        for i, members in enumerate(groups[: len(COMMUNITY_COLOURS)]):
            head = lead(data, members, score)
            out.append((t["cluster"].format(label=data.nodes[head].label, n=len(members)), COMMUNITY_COLOURS[i],
                        "box"))
    for rel in RELATIONS:
        if any(data.edges[i].relation == rel for i in edge_idx):
            style, line = EDGE_STYLES[rel]
            out.append((t["rel_legend"][rel], str(style["color"]), line))
    return out


def component_data(nodes: list[dict], edges: list[dict], focus: str | None, key: list[tuple[str, str, str]],
                   note: str, t: dict, lang: str = "en") -> dict:
    """What the app's network component draws: the view's nodes and edges (ids are IRIs), the legend,
    the note, and the words of its buttons. Only this goes to the browser on a rerun."""
    return {"lang": lang, "nodes": [{k: v for k, v in n.items() if k != "group"} for n in nodes], "edges": edges,
            "focus": focus, "legend": [{"label": a, "colour": b, "shape": c} for a, b, c in key], "note": note,
            "text": {**{k: t[k] for k in ("png", "fit", "labels_hidden", "clear_highlight")},
                     "png_file": f"{i18n.t('file.network', lang)}.png"}}  # named as the page's other files


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
