"""The network drawing as a Streamlit component: its page and vis-network's files (graph/render/assets/)
load once per browser page and are cached; each rerun posts only the view's data. A click on a node
comes back as the component's value."""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit.components.v1 as components

import graph.render.view as view

HEIGHT = 720


def draw(shown: view.View, version: tuple, key: str, height: int = HEIGHT) -> str | None:
    """Draw the view; the IRI of the node last clicked (None before any click)."""
    component = components.declare_component("ikg_network", path=str(view.ASSETS_DIR))
    tag = hashlib.blake2b(repr(version).encode(), digest_size=8).hexdigest()
    clicked: Any = component(view=shown.data, version=tag, height=height, key=key, default=None)
    if isinstance(clicked, dict) and isinstance(clicked.get("node"), str):
        return clicked["node"]
    return None
