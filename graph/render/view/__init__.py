"""The interactive network view: what it shows of THE collaboration network, and its self-contained page.

`network_data` (data.py) reads every actor, linking thing and tie (graph.analysis.ties) once per store
generation and language; `build_view` (build.py) filters, focuses and trims that to at most
`max_nodes` for the browser, each view laid out for what it shows (arrange.py: stress for an
overview, rings around a focus); `node_details` (details.py) is the plain-text story of one node. Every
text that comes from the data reaches the page as text only (html.py).
"""

from __future__ import annotations

from graph.analysis.ties import RELATIONS
from graph.render.view.build import build_view
from graph.render.view.chains import chain_view
from graph.render.view.collapse import is_cluster
from graph.render.view.data import dimension_labels, network_data
from graph.render.view.details import node_details
from graph.render.view.files import view_graphml, view_svg
from graph.render.view.filters import visible
from graph.render.view.highlight import chain, find, lit
from graph.render.view.html import ASSETS_DIR, VIS_OPTIONS, render_html, script_json
from graph.render.view.kinds import (
    ACTOR_CLASSES,
    CLASS_COLOURS,
    EDGE_STYLES,
    FAMILIES,
    GROUP_OF,
    GROUP_SHAPES,
    KIND_GROUPS,
    OTHER_COLOUR,
    expand_kinds,
    family,
    group_label,
)
from graph.render.view.model import PAGE_MAX_NODES, EdgeInfo, NetworkData, NodeInfo, View, ViewOptions

__all__ = [
    "dimension_labels",
    "ACTOR_CLASSES", "ASSETS_DIR", "CLASS_COLOURS", "EDGE_STYLES", "FAMILIES", "GROUP_OF",
    "GROUP_SHAPES", "PAGE_MAX_NODES",
    "KIND_GROUPS", "OTHER_COLOUR", "RELATIONS", "VIS_OPTIONS", "EdgeInfo", "NetworkData", "NodeInfo", "View",
    "ViewOptions", "build_view", "chain", "chain_view", "find", "is_cluster", "lit",
    "expand_kinds", "family", "group_label", "network_data", "node_details",
    "render_html", "script_json", "view_graphml", "view_svg",
    "visible",
]
