"""The store layer: one interface (base) over rdflib in memory, embedded Oxigraph and SPARQL servers, and
`open_store`, which picks the backend from a setting. It never imports upward: filling a new store
with the shipped data is the caller's `fill` (see graph.history.shipped.open_store).

>>> store = open_store("memory")
>>> store.kind, store.count()
('memory', 0)
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from graph import config
from graph.errors import StoreError
from graph.store.base import Rows, Store, is_iri
from graph.store.memory import MemoryStore
from graph.store.oxigraph import OxigraphStore

__all__ = ["MemoryStore", "OxigraphStore", "Rows", "Store", "is_iri", "open_store", "undone_if_failed"]

Fill = Callable[[Store], object]

# One store per folder and process: an embedded folder is locked while open.
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")  # an address (http://…), not a folder
_open_folders: dict[Path, Store] = {}


def open_store(setting: str | None = None, *, fill: Fill | None = None) -> Store:
    """Open the store named by `setting`, the IKG_STORE variable, or the default folder.

    `memory` gives a throw-away graph; `http(s)://…` a SPARQL 1.1 server (IKG_UPDATE_URL,
    IKG_USER and IKG_PASSWORD from the environment); anything else is a folder holding an
    Oxigraph store, created on first use: through its Oxigraph server when one runs over it (see
    graph.store.shared, `ikg share start`), embedded otherwise. `fill(store)` is called on a new memory store and on an
    empty folder (never on a SPARQL server). An address of another scheme (ftp://, file://) is refused, not
    made a folder.
    """
    setting = config.store_setting(setting)
    scheme = _SCHEME.match(setting)
    if scheme and scheme.group(1) not in ("http", "https"):
        raise StoreError.of("store.bad_scheme", "en", setting=setting, scheme=scheme.group(1))
    if setting == "memory":
        store: Store = MemoryStore()
        if fill:
            fill(store)
        return store
    if scheme:
        from graph.store.sparql import SparqlStore  # only now: it needs `requests`

        return SparqlStore.from_env(setting)
    path = folder_of(setting)
    assert path is not None  # neither memory nor an address, both answered above
    folder = _open_folders.get(path)
    if folder is None:
        folder = _open_folders[path] = _open_folder(path)
    if fill and folder.count() == 0:
        fill(folder)
    return folder


def folder_of(setting: str | None) -> Path | None:
    """The folder a store setting (or IKG_STORE, or the default) names, resolved; None for memory and an address.

    >>> folder_of("memory"), folder_of("https://example.org/sparql"), folder_of("oxigraph:/tmp/s")
    (None, None, PosixPath('/tmp/s'))
    """
    setting = config.store_setting(setting)
    if setting == "memory" or _SCHEME.match(setting):
        return None
    return Path(setting.removeprefix("oxigraph:")).expanduser().resolve()


def _open_folder(path: Path) -> Store:
    """The folder through its running server (the note `FOLDER.server` beside it), else embedded."""
    if path.with_name(path.name + ".server").exists():
        from graph.store.shared import SharedStore, running  # only now: it needs `requests`

        info = running(path)
        if info is not None:
            return SharedStore(path, info.url)
    return OxigraphStore(path)


@contextmanager
def undone_if_failed(setting: str | None) -> Iterator[None]:
    """Run the block; if it fails and `setting` names a folder that did not exist before it, the folder
    and the files made beside it (FOLDER.stamp, FOLDER.writes, ...) are removed again, so a failed first
    load leaves nothing a later command would take for a store.
    """
    path = folder_of(setting)
    if path is None:
        yield
        return
    if path.exists() or path.is_symlink() or not path.parent.is_dir():
        yield
        return
    before = {p.name for p in path.parent.iterdir()}
    try:
        yield
    except BaseException:
        store = _open_folders.pop(path, None)
        if store is not None:
            store.close()
        shutil.rmtree(path, ignore_errors=True)
        for made in path.parent.iterdir():
            if made.name.startswith(path.name + ".") and made.name not in before:
                shutil.rmtree(made, ignore_errors=True) if made.is_dir() else made.unlink(missing_ok=True)
        raise
