"""The store layer: one interface (base) over rdflib in memory, embedded Oxigraph and SPARQL servers, and
`open_store`, which picks the backend from a setting. It never imports upward: filling a new store
with the shipped data is the caller's `fill` (see graph.history.shipped.open_store).

>>> store = open_store("memory")
>>> store.kind, store.count()
('memory', 0)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graph import config
from graph.store.base import Rows, Store, is_iri
from graph.store.memory import MemoryStore
from graph.store.oxigraph import OxigraphStore

__all__ = ["MemoryStore", "OxigraphStore", "Rows", "Store", "is_iri", "open_store"]

Fill = Callable[[Store], object]

# One Oxigraph store per folder and process: the folder is locked while open.
_open_folders: dict[Path, OxigraphStore] = {}


def open_store(setting: str | None = None, *, fill: Fill | None = None) -> Store:
    """Open the store named by `setting`, the IKG_STORE variable, or the default folder.

    `memory` gives a throw-away graph; `http(s)://…` a SPARQL 1.1 server (IKG_UPDATE_URL,
    IKG_USER and IKG_PASSWORD from the environment); anything else is a folder holding an
    Oxigraph store, created on first use. `fill(store)` is called on a new memory store and on an
    empty folder (never on a SPARQL server).
    """
    setting = config.store_setting(setting)
    if setting == "memory":
        store: Store = MemoryStore()
        if fill:
            fill(store)
        return store
    if setting.startswith(("http://", "https://")):
        from graph.store.sparql import SparqlStore  # only now: it needs `requests`

        return SparqlStore.from_env(setting)
    path = Path(setting.removeprefix("oxigraph:")).expanduser().resolve()
    folder = _open_folders.get(path)
    if folder is None:
        folder = _open_folders[path] = OxigraphStore(path)
    if fill and folder.count() == 0:
        fill(folder)
    return folder
