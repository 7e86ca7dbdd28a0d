"""The self-contained HTML page: the vis-network canvas beside a details panel, every asset inline.

Every text that comes from the data reaches the page as JSON in a script block (script_json), never
as markup.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from graph.render.view.text import text

ASSETS_DIR = Path(str(resources.files("graph.render").joinpath("assets")))

VIS_OPTIONS = {
    "physics": {"enabled": False},  # positions come from the server; nothing moves, nothing to settle
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False},
    "edges": {"smooth": False, "color": {"inherit": False}, "selectionWidth": 2},
    "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
}


def script_json(value: object) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' (so no '</script>' and no tags) and no
    U+2028/U+2029 (which end lines in older JavaScript).

    >>> script_json({"label": "</script><img src=x>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    out = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        out = out.replace(ch, esc)
    return out


_assets: dict[str, str] = {}


def asset(name: str) -> str:
    """A file from graph/render/assets, made safe to inline: no source-map fetch, no closing tag inside."""
    if name not in _assets:
        content = (ASSETS_DIR / name).read_text(encoding="utf-8")
        content = re.sub(r"//# sourceMappingURL=\S+", "", content)
        content = re.sub(r"/\*# sourceMappingURL=\S+ \*/", "", content)
        content = re.sub(r"</(script|style)", r"<\\/\1", content, flags=re.IGNORECASE)
        _assets[name] = content
    return _assets[name]


_env = Environment(loader=FileSystemLoader(str(ASSETS_DIR)), autoescape=select_autoescape(["html", "j2"]))


def render_html(page: dict, legend: list[tuple[str, str, str]], note: str, lang: str = "en",
                height: str = "100%") -> str:
    """A complete page: the vis-network canvas beside a details panel; every asset inline, no URLs.

    pyvis holds the data and options and loads our template (graph/render/assets/view.html.j2, which
    inlines vis-network instead of pyvis's CDN links, bootstrap and tom-select)."""
    net = Network(height=height, width="100%", bgcolor="#ffffff", cdn_resources="in_line")
    net.nodes, net.edges = page["nodes"], page["edges"]  # add_node is quadratic; pyvis takes the lists
    net.options = json.loads(json.dumps(VIS_OPTIONS))
    if len(page["edges"]) > 2000:  # keeps panning and zooming smooth on big pictures
        net.options["interaction"].update(hideEdgesOnDrag=True, hideEdgesOnZoom=True)
    net.set_template_dir(str(ASSETS_DIR) + "/", "view.html.j2")
    net.templateEnv = _env
    nodes, edges, _heading, height, width, options = net.get_network_data()
    t = text(lang)
    payload = {**page, "nodes": nodes, "edges": edges, "options": json.loads(options)}
    legend_items = [{"label": label, "colour": colour, "shape": shape} for label, colour, shape in legend]
    return net.templateEnv.get_template(net.path).render(
        lang=lang, height=height, width=width, note=note, legend=legend_items, hint=t["hint"],
        vis_css=Markup(asset("vis-network.css")), vis_js=Markup(asset("vis-network.min.js")),
        data_json=Markup(script_json(payload)),
    )
