"""The view as files: SVG (drawn here from the server's positions; vis-network has no SVG export) and
GraphML (the nodes and ties shown, with kind, family, position and size, for Gephi or yEd)."""

from __future__ import annotations

import io
import math
from xml.sax.saxutils import escape

import networkx as nx

from graph.render.view.model import View

MARGIN = 60.0
CHAR = 0.58  # width of an average character, in font sizes (sans-serif)


def _shape(shape: str, x: float, y: float, r: float, colour: str) -> str:
    fill = f'fill="{colour}" stroke="#333" stroke-width="0.6"'
    if shape == "dot":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {fill}/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {fill}/>'
    corners: dict[str, list[tuple[float, float]]] = {
               "diamond": [(0, -1), (1, 0), (0, 1), (-1, 0)], "triangle": [(0, -1), (1, 0.8), (-1, 0.8)],
               "triangleDown": [(0, 1), (1, -0.8), (-1, -0.8)],
               "star": [(math.cos(a), math.sin(a)) if i % 2 == 0 else (0.45 * math.cos(a), 0.45 * math.sin(a))
                        for i, a in enumerate(-math.pi / 2 + k * math.pi / 5 for k in range(10))],
               "hexagon": [(math.cos(k * math.pi / 3), math.sin(k * math.pi / 3)) for k in range(6)]}
    points = " ".join(f"{x + r * dx:.1f},{y + r * dy:.1f}" for dx, dy in corners.get(shape, corners["diamond"]))
    return f'<polygon points="{points}" {fill}/>'


def _colour(node: dict) -> str:
    c = node.get("color")
    return str(c.get("background", "#999")) if isinstance(c, dict) else str(c or "#999")


def view_svg(v: View) -> str:
    """The view as an SVG picture: ties, nodes, and the names that fit without overlapping.

    >>> v = View([{"id": "a", "label": "A & B", "x": 0, "y": 0, "size": 10, "shape": "dot", "color": "#f00",
    ...            "rank": 0, "font": {"size": 14}}], [], [], 1, 1, False, "", "")
    >>> s = view_svg(v); s.startswith("<svg") and "A &amp; B" in s
    True
    """
    if not v.nodes:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"></svg>'
    xs = [float(n["x"]) for n in v.nodes]
    ys = [float(n["y"]) for n in v.nodes]
    x0, y0 = min(xs) - MARGIN * 2, min(ys) - MARGIN
    width, height = max(xs) - x0 + MARGIN * 2, max(ys) - y0 + MARGIN * 1.5
    at = {n["id"]: (float(n["x"]) - x0, float(n["y"]) - y0) for n in v.nodes}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="sans-serif">',
           f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>']
    for e in v.edges:
        (ax, ay), (bx, by) = at[e["from"]], at[e["to"]]
        dash = e.get("dashes")
        dashes = f' stroke-dasharray="{",".join(str(d) for d in dash)}"' if isinstance(dash, list) else ""
        out.append(f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}" stroke="{e.get("color", "#999")}" '
                   f'stroke-width="{e.get("width", 1)}"{dashes} stroke-opacity="0.7"/>')
    taken: list[tuple[float, float, float, float]] = []
    labels = []
    for n in sorted(v.nodes, key=lambda n: n.get("rank", 0)):
        x, y = at[n["id"]]
        r = float(n.get("size", 10))
        mark = _shape(str(n.get("shape", "dot")), x, y, r, _colour(n))
        out.append(f'<g><title>{escape(str(n["label"]))}</title>{mark}</g>')
        font = n.get("font")
        px = float(font.get("size", 14)) if isinstance(font, dict) else 14.0
        w, h = len(str(n["label"])) * px * CHAR + 4, px * 1.3
        box = (x - w / 2, y + r + 2, x + w / 2, y + r + 2 + h)
        if n.get("rank", 0) == 0 or not any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3]
                                            for o in taken):
            taken.append(box)
            labels.append(f'<text x="{x:.1f}" y="{y + r + 2 + px:.1f}" font-size="{px:.0f}" text-anchor="middle" '
                          f'fill="#222">{escape(str(n["label"]))}</text>')
    out += labels
    out.append("</svg>")
    return "\n".join(out)


def view_graphml(v: View, lang: str = "en") -> bytes:
    """The nodes and ties shown, as GraphML: label, kind, x, y, size, colour per node; relation per tie."""
    g = nx.Graph()
    for n in v.nodes:
        title = str(n.get("title", ""))
        kind = title.split("\n")[1] if "\n" in title else ""
        g.add_node(n["id"], label=str(n["label"]), kind=kind, x=float(n["x"]), y=float(n["y"]),
                   size=float(n.get("size", 10)), colour=_colour(n), shape=str(n.get("shape", "dot")))
    for e in v.edges:
        g.add_edge(e["from"], e["to"], relation=str(e.get("title", "")).split("\n")[0], colour=str(e.get("color", "")))
    buf = io.BytesIO()
    nx.write_graphml(g, buf)
    return buf.getvalue()


__all__ = ["view_graphml", "view_svg"]
