"""The map as SVG, drawn offline: Natural Earth's countries (world-atlas TopoJSON, shipped in
graph/render/assets/) in a Mercator projection fitted so every city shows (or only those around the
home city, the far ones named at the edge where their lines leave the map), a dot per city, lines from
the home city coloured by agreement type and dashed unless active, and names that never collide
(partner cities are named on hover)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from graph.render.view.html import ASSETS_DIR

WIDTH, HEIGHT = 1100.0, 620.0
PAD = 0.08  # of the cities' extent, on every side
TYPE_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22")
PARTNER_COLOUR = "#8a8a8a"
HOME_COLOUR = "#111111"
HOME_MARK = ' data-home="1"'  # the home city's dot, for the page to scroll to on a phone


@dataclass(frozen=True)
class City:
    name: str
    lat: float
    lon: float
    kind: str  # "home", "partner", or the agreement type's label
    since: str = ""
    status: str = ""
    active: bool = True


@cache
def _countries() -> list[list[list[tuple[float, float]]]]:
    """Every country as rings of (lon, lat), decoded from the TopoJSON once."""
    topo = json.loads((ASSETS_DIR / "world-110m.json").read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points[1:] if out else points)
        return out

    shapes = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            shapes.append([ring(r) for r in geometry["arcs"]])
        elif geometry["type"] == "MultiPolygon":
            shapes.append([ring(r) for polygon in geometry["arcs"] for r in polygon])
    return shapes


def _mercator(lon: float, lat: float) -> tuple[float, float]:
    lat = max(min(lat, 84.0), -84.0)
    return math.radians(lon), -math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


class Frame:
    """The projection fitted to some cities: every one inside, with room around for their names."""

    def __init__(self, cities: list[City]):
        xs, ys = zip(*(_mercator(c.lon, c.lat) for c in cities), strict=True)
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        w, h = max(x1 - x0, 0.2), max(y1 - y0, 0.2)
        x0, x1, y0, y1 = x0 - w * PAD * 1.5, x1 + w * PAD * 1.5, y0 - h * PAD * 1.5, y1 + h * PAD
        self.scale = min(WIDTH / (x1 - x0), HEIGHT / (y1 - y0))
        self.dx = (WIDTH - (x1 - x0) * self.scale) / 2 - x0 * self.scale
        self.dy = (HEIGHT - (y1 - y0) * self.scale) / 2 - y0 * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = _mercator(lon, lat)
        return x * self.scale + self.dx, y * self.scale + self.dy


def _base(frame: Frame) -> list[str]:
    """The countries as paths (a ring is broken where it crosses the antimeridian)."""
    out = []
    for shape in _countries():
        d = []
        for ring in shape:
            last = None
            for lon, lat in ring:
                x, y = frame(lon, lat)
                jump = last is None or abs(lon - last) > 180
                d.append(f"{'M' if jump else 'L'}{x:.1f},{y:.1f}")
                last = lon
            d.append("Z")
        out.append(f'<path d="{"".join(d)}"/>')
    return out


def colours(cities: list[City]) -> dict[str, str]:
    """A colour per kind: agreement types in order, partner cities grey, the home city black."""
    types = sorted({c.kind for c in cities} - {"home", "partner"})
    out = {kind: TYPE_COLOURS[i % len(TYPE_COLOURS)] for i, kind in enumerate(types)}
    return {**out, "partner": PARTNER_COLOUR, "home": HOME_COLOUR}


NEAR = 0.8  # of the cities besides home, the nearest this share are what the map around home is fitted to,
NEAR_SLACK = 1.5  # and any other up to this many times as far as the farthest of them
ARROWS = "→↘↓↙←↖↑↗"  # by the direction a far city lies in, from east turning clockwise (SVG's y points down)


def km(a: City, b: City) -> float:
    """The great-circle distance.

    >>> round(km(City("Trondheim", 63.43, 10.39, "home"), City("Darmstadt", 49.87, 8.65, "x")))
    1511
    """
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def near_home(cities: list[City]) -> list[City]:
    """The home city and the nearest NEAR of the others (and those not much further): a map fitted to them
    is not mostly ocean when a twin city lies on another continent. On the shipped data it leaves out
    Petach Tikva, Ramallah, Keren and Vallejo (3,900 to 8,000 km away; the 21 kept are within 2,250).
    Empty when that would leave none out, or there is no home city.

    >>> home = City("Trondheim", 63.43, 10.39, "home")
    >>> far = [City(f"C{i}", 60.0 + i, 10.0, "x") for i in range(4)] + [City("Vallejo", 38.1, -122.26, "x")]
    >>> [c.name for c in near_home([home, *far])]
    ['Trondheim', 'C3', 'C2', 'C1', 'C0']
    >>> near_home(far)
    []
    """
    home = next((c for c in cities if c.kind == "home"), None)
    if home is None or len(cities) < 3:
        return []
    others = sorted((c for c in cities if c is not home), key=lambda c: km(home, c))
    reach = km(home, others[math.ceil(len(others) * NEAR) - 1]) * NEAR_SLACK
    keep = [c for c in others if km(home, c) <= reach]
    return [home, *keep] if len(keep) < len(others) else []


def _edge(home: tuple[float, float], far: tuple[float, float], inset: float) -> tuple[float, float]:
    """Where the line from home (inside the map) towards a point outside it leaves the map, `inset` in.

    >>> _edge((100.0, 300.0), (-900.0, 300.0), 4.0)
    (4.0, 300.0)
    """
    (hx, hy), (fx, fy) = home, far
    t = 1.0
    for start, end, low, high in ((hx, fx, inset, WIDTH - inset), (hy, fy, inset, HEIGHT - inset)):
        if end < low:
            t = min(t, (low - start) / (end - start))
        elif end > high:
            t = min(t, (high - start) / (end - start))
    return hx + (fx - hx) * t, hy + (fy - hy) * t


def map_svg(cities: list[City], labels: dict[str, str] | None = None, near: bool = False) -> str:
    """The map: countries, lines from home, dots, and the names that fit (home first, then twin cities
    by age); every dot has its name as a tooltip. `labels` names the kinds 'home' and 'partner'. `near`:
    fitted to the cities around home (near_home), a far city named at the map's edge where its line
    leaves it, with an arrow its way.

    >>> svg = map_svg([City("Trondheim", 63.43, 10.39, "home"), City("Darmstadt", 49.87, 8.65, "Twinning", "1968")])
    >>> svg.count('class="city"'), "Darmstadt (1968)" in svg, 'class="land"' in svg
    (2, True, True)
    """
    if not cities:
        return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}"></svg>'
    fitted = near_home(cities) if near else []
    frame = Frame(fitted or cities)
    colour = colours(cities)
    labels = labels or {}
    at = {c: frame(c.lon, c.lat) for c in cities}
    home = next((c for c in cities if c.kind == "home"), None)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" '
           f'width="100%" font-family="sans-serif" data-ikg-map="1">',
           f'<rect width="{WIDTH:.0f}" height="{HEIGHT:.0f}" fill="#e8f1f8"/>',
           '<g class="land" fill="#f4f1ea" stroke="#b9b3a6" stroke-width="0.6">', *_base(frame), "</g>"]
    if home is not None:
        hx, hy = at[home]
        for c in cities:
            if c is home:
                continue
            x, y = at[c]
            dash = "" if c.active else ' stroke-dasharray="5,4"'
            width = 1.0 if c.kind == "partner" else 1.8
            out.append(f'<line class="tie" x1="{hx:.1f}" y1="{hy:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
                       f'stroke="{colour[c.kind]}" stroke-width="{width}" stroke-opacity="0.75"{dash}/>')
    taken: list[tuple[float, float, float, float]] = []
    names = []
    order = sorted(cities, key=lambda c: (c.kind != "home", c.kind == "partner", c.since or "9999", c.name))
    shown = set(fitted) if fitted else set(cities)
    for c in order:
        x, y = at[c]
        r = 6.0 if c.kind == "home" else 4.5 if c.kind != "partner" else 3.5
        kind = labels.get(c.kind, c.kind)
        tip = " · ".join(p for p in (f"{c.name} ({c.since})" if c.since else c.name, kind, c.status) if p)
        text = f"{c.name} ({c.since})" if c.since else c.name
        if c not in shown and home is not None:  # beyond the map: named at its edge, towards the city
            x, y = _edge(at[home], at[c], 8.0)
            turn = math.atan2(at[c][1] - at[home][1], at[c][0] - at[home][0])
            text = f"{ARROWS[round(turn / (math.pi / 4)) % 8]} {text}"
            out.append(f'<circle class="far" cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour[c.kind]}" '
                       f'data-name="{escape(c.name, {chr(34): "&quot;"})}"><title>{escape(tip)}</title></circle>')
            r = 3.0
        else:
            out.append(f'<circle class="city" cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour[c.kind]}" '
                       f'stroke="#ffffff" stroke-width="1" data-name="{escape(c.name, {chr(34): "&quot;"})}"'
                       f'{HOME_MARK if c is home else ""}>'
                       f"<title>{escape(tip)}</title></circle>")
        if c.kind == "partner":
            continue
        size = 13.0 if c.kind == "home" else 11.0
        w, h = len(text) * size * 0.56 + 4, size * 1.25
        places = [(x + r + 3, y - h / 2, "start"), (x - r - 3 - w, y - h / 2, "end"),
                  (x - w / 2, y - r - 2 - h, "middle"), (x - w / 2, y + r + 2, "middle")]
        if c not in shown:  # names at the edge may crowd where lines leave together: stack them inwards
            places += [(bx, by + dy * h * k, a) for k in (1, 2, 3) for bx, by, a in places[:2]
                       for dy in (-1, 1)]
        for bx, by, anchor in places:
            box = (bx, by, bx + w, by + h)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH and box[3] <= HEIGHT
            if inside and not any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in taken):
                taken.append(box)
                tx = {"start": bx + 2, "end": bx + w - 2, "middle": bx + w / 2}[anchor]
                names.append(f'<text class="name" x="{tx:.1f}" y="{by + size:.1f}" font-size="{size:.0f}" '
                             f'text-anchor="{anchor}" fill="#222" paint-order="stroke" stroke="#ffffff" '
                             f'stroke-width="3">{escape(text)}</text>')
                break
    out += names
    out += _legend(cities, labels)
    out.append("</svg>")
    return "\n".join(out)


def _legend_rows(cities: list[City], labels: dict[str, str]) -> list[tuple[str, str]]:
    """The legend's rows, a mark (SVG, with {y} for its middle) and its text: a dot per kind of city drawn,
    and the dashed line's meaning."""
    colour = colours(cities)
    kinds = [k for k in colour if any(c.kind == k for c in cities)]
    rows = [(f'<circle cx="14" cy="{{y}}" r="4.5" fill="{colour[k]}"/>', labels.get(k, k)) for k in kinds]
    if any(not c.active for c in cities) and labels.get("dashed"):
        rows.append(('<line x1="6" y1="{y}" x2="24" y2="{y}" stroke="#555" stroke-dasharray="5,4"/>', labels["dashed"]))
    return rows


def _legend(cities: list[City], labels: dict[str, str]) -> list[str]:
    """A box in the lower left of the map."""
    rows = _legend_rows(cities, labels)
    width = max(len(text) for _m, text in rows) * 6.4 + 40
    top = HEIGHT - 10 - 18 * len(rows)
    out = [f'<g class="legend" font-size="11"><rect x="4" y="{top - 8:.0f}" width="{width:.0f}" '
           f'height="{18 * len(rows) + 8}" fill="#ffffff" fill-opacity="0.85" stroke="#cccccc"/>']
    for i, (mark, text) in enumerate(rows):
        y = top + 18 * i + 6
        out.append(f'<g transform="translate(4,0)">{mark.format(y=y)}</g>'
                   f'<text x="34" y="{y + 4}" fill="#222">{escape(text)}</text>')
    out.append("</g>")
    return out


def legend_html(cities: list[City], labels: dict[str, str], title: str) -> str:
    """The same legend as HTML under `title`, open and closed with a tap, for a page that scrolls a map wider
    than the screen sideways: the map's own legend, at its left edge, would be out of view there
    (graph/ui/pages/map.py keeps this one in view instead).

    >>> html = legend_html([City("Trondheim", 63.43, 10.39, "home"), City("A", 1.0, 1.0, "<i>Twin</i>")],
    ...                    {"home": "Home city"}, "Legend")
    >>> html.count('class="row"'), "<summary>Legend</summary>" in html, "&lt;i&gt;Twin" in html, "<i>" in html
    (2, True, True, False)
    """
    rows = "".join(f'<div class="row"><svg width="26" height="12">{mark.format(y=6)}</svg>{escape(text)}</div>'
                   for mark, text in _legend_rows(cities, labels))
    return f'<details class="key" open><summary>{escape(title)}</summary>{rows}</details>'
