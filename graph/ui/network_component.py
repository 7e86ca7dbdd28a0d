"""The network drawing as a Streamlit component: its page and vis-network's files (graph/render/assets/)
load once per browser page and are cached; each rerun posts only the view's data. A new highlight
(graph.render.view.highlight) with the same view only recolours the drawing: nothing is laid out or
drawn anew. A click on a node comes back as the component's value."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import streamlit.components.v1 as components

import graph.render.view as view

HEIGHT = 720


@dataclass(frozen=True)
class Click:
    node: str  # the IRI (or cluster id) clicked
    at: int  # the browser's time of the click, in ms: a new click has a new one


def draw(shown: view.View, version: tuple, key: str, height: int = HEIGHT, highlight: dict | None = None) -> str | None:
    """Draw the view (with `highlight` lit); the IRI of the node last clicked (None before any click)."""
    click = draw_clicks(shown, version, key, height, highlight)
    return click.node if click else None


def draw_clicks(shown: view.View, version: tuple, key: str, height: int = HEIGHT,
                highlight: dict | None = None) -> Click | None:
    """Draw the view; the last click, with its time (so a page can tell a new click from an old one)."""
    component = components.declare_component("ikg_network", path=str(view.ASSETS_DIR))
    tag = hashlib.blake2b(repr(version).encode(), digest_size=8).hexdigest()
    clicked: Any = component(view=shown.data, version=tag, height=height, highlight=highlight, key=key, default=None)
    if isinstance(clicked, dict) and isinstance(clicked.get("node"), str):
        return Click(clicked["node"], int(clicked.get("at") or 0))
    return None
